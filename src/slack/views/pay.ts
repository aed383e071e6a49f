import { randomUUID } from 'node:crypto';

import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';

import { describeFailure } from '../../autopurchase/describe-failure';
import { PaymentRefused, payOrder, planPayment } from '../../autopurchase/payment';
import { buildModalNotice, buildPayConfirmModal } from '../blocks/modals';
import { buildOrderCard } from '../blocks/order-card';
import type { BotDeps } from '../deps';
import { replyWithFailure } from '../reply';
import { type ModalMetadata, type OrderDialogRequest, openOrderDialog, readOrderDialog, writeMetadata } from './modal';

const NONCE_TTL_MS = 24 * 60 * 60_000;
/** Longer than a deposit and a reservation can take with every retry. */
const PAY_LOCK_MS = 3 * 60_000;

export interface PayRequest extends OrderDialogRequest {
  amount?: number;
}

/** Pay from a command or a button: a confirm dialog with the customer and the amount; nothing moves yet. */
export function openPayModal(deps: BotDeps, client: WebClient, request: PayRequest): Promise<void> {
  return openOrderDialog(deps, client, request, 'Pay order', () => fillPayModal(deps, request));
}

/** The dialog's Pay: claimed once per dialog and locked per order, so no click or retry pays twice. */
export async function submitPayModal(
  deps: BotDeps,
  client: WebClient,
  userId: string,
  view: { private_metadata?: string },
) {
  const { metadata, orderId, reply } = readOrderDialog(deps, client, userId, view);
  if (!orderId || metadata.amount === undefined || !metadata.nonce) {
    deps.logger.warn('pay dialog submitted with metadata the bot did not write', { userId });
    return;
  }
  if (!(await deps.store.claim(`pay-dialog:${metadata.nonce}`, NONCE_TTL_MS))) {
    deps.logger.info(`second submission of a pay dialog for ${orderId} ignored`, { userId });
    return;
  }

  try {
    const plan = await planPayment(deps.ot, orderId, metadata.amount);
    const outcome = await deps.store.withLock(`pay-order:${orderId}`, PAY_LOCK_MS, () => payOrder(deps.ot, plan));
    if (!outcome.acquired) throw new PaymentRefused(`a payment of ${orderId} is already under way`);
    const { details, deposited, paid } = outcome.value;
    deps.logger.info(`order ${orderId} paid ${paid.toFixed(2)} (deposited ${deposited.toFixed(2)})`, { userId });
    const note =
      `<@${userId}> paid ${paid.toFixed(2)} ${details.order.currencyCode}` +
      (deposited > 0 ? ` (deposited ${deposited.toFixed(2)} first)` : ' from the balance');
    await reply(buildOrderCard(details, { note }));
  } catch (error) {
    await replyWithFailure(reply, deps.logger, `pay ${orderId}`, error);
  }
}

async function fillPayModal(deps: BotDeps, request: PayRequest): Promise<View> {
  try {
    const plan = await planPayment(deps.ot, request.orderId, request.amount);
    const metadata: ModalMetadata = {
      responseUrl: request.responseUrl,
      orderId: plan.orderId,
      amount: plan.amount,
      nonce: randomUUID(),
    };
    return buildPayConfirmModal(plan, writeMetadata(metadata));
  } catch (error) {
    deps.logger.warn(`pay dialog for ${request.orderId} not shown`, { error });
    const words = error instanceof PaymentRefused ? error.message : describeFailure(error);
    return buildModalNotice('Pay order', `:warning: ${words}`);
  }
}
