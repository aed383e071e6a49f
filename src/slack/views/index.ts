import type { AckFn, App, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';

import { buildModalNotice } from '../blocks/modals';
import type { BotDeps } from '../deps';
import { CALLBACK_IDS } from '../ids';
import { submitCancelModal } from './cancel';
import { checkOrderNewSubmission, type SubmittedView, submitOrderNew } from './order-new';
import { submitPayModal } from './pay';

/** Modal submissions: checked for the operator again, since a dialog can outlive a change of OPERATORS. */
export function registerViews(app: App, deps: BotDeps): void {
  app.view<ViewSubmitAction>(CALLBACK_IDS.orderNew, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    if (!(await deps.isOperator(userId))) return refuse(deps, userId, ack);
    const check = checkOrderNewSubmission(deps, view as SubmittedView);
    if ('errors' in check) return ack({ response_action: 'errors', errors: check.errors });
    await ack();
    await submitOrderNew(deps, client, userId, view as SubmittedView, check.request);
  });

  app.view<ViewSubmitAction>(CALLBACK_IDS.payConfirm, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    if (!(await deps.isOperator(userId))) return refuse(deps, userId, ack);
    await ack();
    await submitPayModal(deps, client, userId, view);
  });

  app.view<ViewSubmitAction>(CALLBACK_IDS.cancelConfirm, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    if (!(await deps.isOperator(userId))) return refuse(deps, userId, ack);
    await ack();
    await submitCancelModal(deps, client, userId, view);
  });
}

function refuse(deps: BotDeps, userId: string, ack: AckFn<ViewResponseAction>): Promise<void> {
  deps.logger.warn(`dialog refused: ${userId} is not an operator`);
  const view = buildModalNotice('Not allowed', 'Only operators can do this. Ask an admin to add you to OPERATORS.');
  return ack({ response_action: 'update', view });
}
