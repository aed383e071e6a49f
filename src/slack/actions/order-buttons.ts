import type { WebClient } from '@slack/web-api';

import { normaliseOrderId } from '../../autopurchase/order-id';
import { showOrder } from '../../autopurchase/orders';
import { buildNotice } from '../blocks/notice';
import { buildOrderCard, parseMoreLinesValue } from '../blocks/order-card';
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
  const target = readButtonValue(actionId, press.value);
  if (!target) {
    deps.logger.warn(`button ${actionId} pressed with a value the bot did not write`, { userId });
    return reply(
      buildNotice('That button carries no order the bot can read; open the order with the command instead.'),
    );
  }
  const { orderId, firstLine } = target;

  switch (actionId) {
    case ACTION_IDS.payOrder:
      return openPayModal(deps, client, { triggerId, userId, responseUrl, orderId, reply });
    case ACTION_IDS.cancelOrder:
      return openCancelModal(deps, client, { triggerId, userId, responseUrl, orderId, reply });
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

/** Order buttons carry the order id; Next lines carries `orderId|firstLine`. Values come back from Slack untrusted. */
function readButtonValue(actionId: string, value: string): { orderId: string; firstLine?: number } | undefined {
  if (actionId === ACTION_IDS.moreLines) {
    const page = parseMoreLinesValue(value);
    const orderId = page && normaliseOrderId(page.orderId);
    return page && orderId ? { orderId, firstLine: page.firstLine } : undefined;
  }
  const orderId = normaliseOrderId(value);
  return orderId ? { orderId } : undefined;
}
