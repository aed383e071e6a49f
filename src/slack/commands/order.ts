import { showOrder } from '../../autopurchase/orders';
import { buildOrderCard } from '../blocks/order-card';
import { replyWithFailure } from '../reply';
import { openCancelModal } from '../views/cancel';
import { openOrderNewModal } from '../views/order-new';
import type { VerbHandler } from './context';

/** `order <id>` shows the card; `order new` opens the new order dialog; `order cancel <id>` asks to confirm. */
export const handleOrder: VerbHandler<'order'> = async (context, command) => {
  const { deps, client, userId, triggerId, responseUrl, reply } = context;
  if (command.action === 'new') return openOrderNewModal(deps, client, { triggerId, userId, responseUrl, reply });
  if (command.action === 'cancel') {
    return openCancelModal(deps, client, { triggerId, userId, responseUrl, reply, orderId: command.orderId });
  }
  try {
    await reply(buildOrderCard(await showOrder(deps.ot, command.orderId)));
  } catch (error) {
    await replyWithFailure(reply, deps.logger, `show ${command.orderId}`, error);
  }
};
