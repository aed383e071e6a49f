import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';

import { describeFailure } from '../../autopurchase/describe-failure';
import { cancelOrder } from '../../autopurchase/orders';
import { buildCancelConfirmModal, buildModalNotice } from '../blocks/modals';
import { buildOrderCard } from '../blocks/order-card';
import type { BotDeps } from '../deps';
import { replyWithFailure } from '../reply';
import { type OrderDialogRequest, openOrderDialog, readOrderDialog, writeMetadata } from './modal';

export type CancelRequest = OrderDialogRequest;

/** Cancel from a command or a button: a confirm dialog first, since CancelSalesOrder cannot be undone. */
export function openCancelModal(deps: BotDeps, client: WebClient, request: CancelRequest): Promise<void> {
  return openOrderDialog(deps, client, request, 'Cancel order', () => fillCancelModal(deps, request));
}

export async function submitCancelModal(
  deps: BotDeps,
  client: WebClient,
  userId: string,
  view: { private_metadata?: string },
) {
  const { orderId, reply } = readOrderDialog(deps, client, userId, view);
  if (!orderId) {
    deps.logger.warn('cancel dialog submitted with metadata the bot did not write', { userId });
    return;
  }
  try {
    const details = await cancelOrder(deps.ot, orderId);
    deps.logger.info(`order ${orderId} cancelled`, { userId });
    await reply(buildOrderCard(details, { note: `<@${userId}> cancelled the order` }));
  } catch (error) {
    await replyWithFailure(reply, deps.logger, `cancel ${orderId}`, error);
  }
}

async function fillCancelModal(deps: BotDeps, request: CancelRequest): Promise<View> {
  try {
    const { order } = await deps.ot.getOrderDetails(request.orderId);
    if (order.isCancelled) return buildModalNotice('Cancel order', `${order.id} is already cancelled.`);
    if (!order.canCancel) {
      return buildModalNotice(
        'Cancel order',
        `OT does not allow cancelling ${order.id} any more (${order.statusName}).`,
      );
    }
    return buildCancelConfirmModal(order, writeMetadata({ responseUrl: request.responseUrl, orderId: order.id }));
  } catch (error) {
    deps.logger.warn(`cancel dialog for ${request.orderId} not shown`, { error });
    return buildModalNotice('Cancel order', `:warning: ${describeFailure(error)}`);
  }
}
