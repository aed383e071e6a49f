import type { WebClient } from '@slack/web-api';

import { normaliseOrderId } from '../../autopurchase/order-id';
import { showOrder } from '../../autopurchase/orders';
import { buildNotice } from '../blocks/notice';
import { buildOrderCard } from '../blocks/order-card';
import type { BotDeps } from '../deps';
import { ACTION_IDS } from '../ids';
import { type Reply, replyWithFailure } from '../reply';
import { openCancelModal } from '../views/cancel';
import { openPayModal } from '../views/pay';

/** A button press, acked, with its (untrusted) value and where to answer. */
export interface ButtonPress {
  deps: BotDeps;
  client: WebClient;
  actionId: string;
  value: string;
  userId: string;
  triggerId: string;
  responseUrl?: string;
  reply: Reply;
}

/** The order card's buttons and the Open order / Next lines buttons of lists: the same use cases as commands. */
export async function pressOrderButton(press: ButtonPress): Promise<void> {
  const { deps, client, actionId, userId, triggerId, responseUrl, reply } = press;
  const [orderText, firstLineText] = press.value.split('|');
  const orderId = normaliseOrderId(orderText ?? '');
  const firstLine = firstLineText === undefined ? undefined : Number(firstLineText);
  if (!orderId || (firstLine !== undefined && !(Number.isInteger(firstLine) && firstLine >= 0))) {
    deps.logger.warn(`button ${actionId} pressed with a value the bot did not write`, { userId });
    return reply(
      buildNotice('That button carries no order the bot can read; open the order with the command instead.'),
    );
  }

  switch (actionId) {
    case ACTION_IDS.payOrder:
      return openPayModal(deps, client, { triggerId, userId, responseUrl, orderId });
    case ACTION_IDS.cancelOrder:
      return openCancelModal(deps, client, { triggerId, userId, responseUrl, orderId });
    default:
      return showCard(press, orderId, firstLine);
  }
}

async function showCard(press: ButtonPress, orderId: string, firstLine: number | undefined): Promise<void> {
  const { deps, reply, actionId } = press;
  try {
    const details = await showOrder(deps.ot, orderId);
    // Refresh rewrites the card it is on; Open order and Next lines answer with a new message.
    await reply(buildOrderCard(details, { firstLine }), { replaceOriginal: actionId === ACTION_IDS.refreshOrder });
  } catch (error) {
    await replyWithFailure(reply, deps.logger, `show ${orderId}`, error);
  }
}
