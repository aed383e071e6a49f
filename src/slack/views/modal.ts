import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';

import { normaliseOrderId } from '../../autopurchase/order-id';
import type { Logger } from '../../logger';
import { buildModalNotice } from '../blocks/modals';
import type { BotDeps } from '../deps';
import { checkResponseUrl, createReply, type Reply, replyWithFailure } from '../reply';

/** What a confirm modal carries from the request that opened it to its submission. */
export interface ModalMetadata {
  /** The opener's response_url, where the result goes; absent for App Home buttons. */
  responseUrl?: string;
  orderId?: string;
  amount?: number;
  /** One per opened dialog: its submission is claimed once, so a double submit acts once. */
  nonce?: string;
}

/** What opens an order's confirm dialog, from a command or from a button. */
export interface OrderDialogRequest {
  triggerId: string;
  userId: string;
  orderId: string;
  responseUrl?: string;
  reply: Reply;
}

/** A submitted order dialog: what it carried back, its order id when that reads as one, and where to answer. */
export interface OrderDialogSubmission {
  metadata: ModalMetadata;
  orderId?: string;
  reply: Reply;
}

export function readOrderDialog(
  deps: BotDeps,
  client: WebClient,
  userId: string,
  view: { private_metadata?: string },
): OrderDialogSubmission {
  const metadata = readMetadata(view.private_metadata);
  const reply = createReply(client, { userId, responseUrl: metadata.responseUrl }, deps.logger);
  return { metadata, reply, orderId: metadata.orderId && normaliseOrderId(metadata.orderId) };
}

export interface ModalOpening {
  client: WebClient;
  triggerId: string;
  /** Shown at once: what is being looked up. */
  loading: View;
  /** The real modal, or one that says what went wrong; it must not throw. */
  fill: () => Promise<View>;
  logger: Logger;
  /** Where to say that the dialog could not be opened at all. */
  reply: Reply;
}

/**
 * A trigger_id lives three seconds, less than an OT call may take: open a modal that says what is being
 * looked up at once, then replace it with the real one (or with what went wrong).
 */
export async function openModalThenFill(opening: ModalOpening): Promise<void> {
  const { client, logger } = opening;
  try {
    const opened = await client.views.open({ trigger_id: opening.triggerId, view: opening.loading });
    const view = await opening.fill();
    if (!opened.view?.id) {
      logger.warn('Slack opened a modal without telling its id; it keeps its loading text');
      return;
    }
    await client.views.update({ view_id: opened.view.id, hash: opened.view.hash, view });
  } catch (error) {
    await replyWithFailure(opening.reply, logger, 'open the dialog', error);
  }
}

/** An order's confirm dialog: it says it is checking the order with OT, then shows what `fill` builds. */
export function openOrderDialog(
  deps: BotDeps,
  client: WebClient,
  request: OrderDialogRequest,
  title: string,
  fill: () => Promise<View>,
): Promise<void> {
  const loading = buildModalNotice(title, `Checking ${request.orderId} with OT…`);
  const { triggerId, reply } = request;
  return openModalThenFill({ client, triggerId, loading, fill, logger: deps.logger, reply });
}

export function writeMetadata(metadata: ModalMetadata): string {
  return JSON.stringify(metadata);
}

/** Reads private_metadata back; anything that is not what we wrote reads as empty. */
export function readMetadata(text: string | undefined): ModalMetadata {
  try {
    const value: unknown = JSON.parse(text ?? '');
    if (typeof value !== 'object' || value === null) return {};
    const { responseUrl, orderId, amount, nonce } = value as Record<string, unknown>;
    return {
      responseUrl: checkResponseUrl(responseUrl),
      orderId: typeof orderId === 'string' ? orderId : undefined,
      amount: typeof amount === 'number' && Number.isFinite(amount) ? amount : undefined,
      nonce: typeof nonce === 'string' ? nonce : undefined,
    };
  } catch {
    return {};
  }
}
