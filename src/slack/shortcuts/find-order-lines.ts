import type { App, MessageShortcut } from '@slack/bolt';

import { findLineReferences } from '../../autopurchase/references';
import { searchLines } from '../../autopurchase/search';
import { buildNotice } from '../blocks/notice';
import { buildSearchResults } from '../blocks/search-results';
import type { BotDeps } from '../deps';
import { CALLBACK_IDS } from '../ids';
import { checkResponseUrl, createReply, replyWithFailure } from '../reply';

/** "Find order lines" on a message: every provider order id and tracking number in it, searched at once. */
export function registerFindOrderLines(app: App, deps: BotDeps): void {
  app.shortcut<MessageShortcut>(CALLBACK_IDS.findOrderLines, async ({ ack, shortcut, client }) => {
    await ack();
    const userId = shortcut.user.id;
    const reply = createReply(client, { userId, responseUrl: checkResponseUrl(shortcut.response_url) }, deps.logger);
    if (!(await deps.isOperator(userId))) {
      deps.logger.warn(`Find order lines refused: ${userId} is not an operator`);
      return reply(buildNotice('Only operators can search order lines. Ask an admin to add you to OPERATORS.'));
    }

    const terms = findLineReferences(shortcut.message?.text ?? '');
    if (terms.length === 0) {
      return reply(buildNotice('That message holds no provider order id or tracking number to search for.'));
    }
    try {
      await reply(buildSearchResults(await searchLines(deps.ot, terms)));
    } catch (error) {
      await replyWithFailure(reply, deps.logger, `search for ${terms.join(', ')}`, error);
    }
  });
}
