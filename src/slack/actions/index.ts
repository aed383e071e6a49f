import type { App, BlockAction, ButtonAction } from '@slack/bolt';

import { buildNotice } from '../blocks/notice';
import type { BotDeps } from '../deps';
import { ACTION_IDS } from '../ids';
import { checkResponseUrl, createReply } from '../reply';
import { pressOrderButton } from './order-buttons';

const ORDER_BUTTONS = [
  ACTION_IDS.payOrder,
  ACTION_IDS.cancelOrder,
  ACTION_IDS.refreshOrder,
  ACTION_IDS.openOrder,
  ACTION_IDS.moreLines,
];

export function registerActions(app: App, deps: BotDeps): void {
  for (const actionId of ORDER_BUTTONS) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const userId = body.user.id;
      const responseUrl = checkResponseUrl(body.response_url);
      const reply = createReply(client, { userId, responseUrl }, deps.logger);
      if (!(await deps.isOperator(userId))) {
        deps.logger.warn(`button ${actionId} refused: ${userId} is not an operator`);
        return reply(buildNotice('Only operators can use these buttons. Ask an admin to add you to OPERATORS.'));
      }
      await pressOrderButton({
        deps,
        client,
        actionId,
        value: typeof action.value === 'string' ? action.value : '',
        userId,
        triggerId: body.trigger_id,
        responseUrl,
        reply,
      });
    });
  }
  // The Log in button opens its URL in the browser; Slack still sends the click, which needs only an ack.
  app.action(ACTION_IDS.providerLogin, async ({ ack }) => {
    await ack();
  });
}
