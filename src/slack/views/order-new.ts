import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';

import { describeFailure } from '../../autopurchase/describe-failure';
import { parseOrderLines } from '../../autopurchase/order-lines';
import { addOrder, type NewOrderRequest } from '../../autopurchase/orders';
import { buildAddedOrderMessage } from '../blocks/added-order';
import { buildModalNotice, buildOrderNewLoadingModal, buildOrderNewModal } from '../blocks/modals';
import type { BotDeps } from '../deps';
import { INPUT_IDS } from '../ids';
import { createReply, type Reply, replyWithFailure } from '../reply';
import { openModalThenFill, readMetadata, writeMetadata } from './modal';

const SUBMISSION_TTL_MS = 24 * 60 * 60_000;
/** Slack shows an input's error under it; a few lines of it are readable, a wall is not. */
const MAX_ERROR_LINES = 3;

export interface OrderNewRequest {
  triggerId: string;
  userId: string;
  responseUrl?: string;
  reply: Reply;
}

/** The submitted form, as Slack sends view.state.values. */
export interface SubmittedView {
  id?: string;
  private_metadata?: string;
  state?: {
    values?: Record<string, Record<string, { value?: string | null; selected_option?: { value?: string } | null }>>;
  };
}

export type OrderNewCheck = { errors: Record<string, string> } | { request: NewOrderRequest };

export function openOrderNewModal(deps: BotDeps, client: WebClient, request: OrderNewRequest): Promise<void> {
  return openModalThenFill({
    client,
    triggerId: request.triggerId,
    loading: buildOrderNewLoadingModal(),
    fill: () => fillOrderNewModal(deps, request),
    logger: deps.logger,
    reply: request.reply,
  });
}

/** Runs before the submission is acked: bad lines keep the modal open with the problem under the field. */
export function checkOrderNewSubmission(deps: BotDeps, view: SubmittedView): OrderNewCheck {
  const values = view.state?.values ?? {};
  const profileId = values[INPUT_IDS.profile]?.[INPUT_IDS.profile]?.selected_option?.value ?? undefined;
  const comment = values[INPUT_IDS.comment]?.[INPUT_IDS.comment]?.value?.trim() || undefined;
  const { items, problems } = parseOrderLines(values[INPUT_IDS.lines]?.[INPUT_IDS.lines]?.value ?? '');

  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_ERROR_LINES);
    if (problems.length > shown.length) shown.push(`and ${problems.length - shown.length} more`);
    return { errors: { [INPUT_IDS.lines]: shown.join('\n') } };
  }
  return { request: { deliveryModeId: deps.config.ot.deliveryModeId, userProfileId: profileId, comment, items } };
}

/** After the ack: AddOrder, then the card with every line OT dropped, where the command was typed. */
export async function submitOrderNew(
  deps: BotDeps,
  client: WebClient,
  userId: string,
  view: SubmittedView,
  request: NewOrderRequest,
) {
  const metadata = readMetadata(view.private_metadata);
  const reply = createReply(client, { userId, responseUrl: metadata.responseUrl }, deps.logger);
  if (view.id && !(await deps.store.claim(`order-new:${view.id}`, SUBMISSION_TTL_MS))) {
    deps.logger.info('second submission of a new order dialog ignored', { userId });
    return;
  }
  try {
    const added = await addOrder(deps.ot, request);
    const dropped = added.dropped.length;
    deps.logger.info(
      `order ${added.details.order.id} added with ${added.details.lines.length} lines, ${dropped} dropped`,
      { userId },
    );
    await reply(buildAddedOrderMessage(added));
  } catch (error) {
    await replyWithFailure(reply, deps.logger, 'add the order', error);
  }
}

async function fillOrderNewModal(deps: BotDeps, request: OrderNewRequest): Promise<View> {
  try {
    const profiles = await deps.ot.getUserProfiles();
    if (profiles.length === 0) {
      return buildModalNotice(
        'New order',
        `The OT customer ${deps.config.ot.customer.login} has no delivery profile: add one in the OT admin panel.`,
      );
    }
    return buildOrderNewModal(profiles, writeMetadata({ responseUrl: request.responseUrl }));
  } catch (error) {
    deps.logger.warn('new order dialog not shown', { error });
    return buildModalNotice('New order', `:warning: ${describeFailure(error)}`);
  }
}
