import type { App } from '@slack/bolt';

import { buildNotice, buildProblem } from '../blocks/notice';
import type { BotDeps } from '../deps';
import { checkResponseUrl, createReply } from '../reply';
import { handleAccounts } from './accounts';
import { handleActivities } from './activities';
import type { CommandContext, VerbHandlers } from './context';
import { handleHelp } from './help';
import { handleOrder } from './order';
import { parseCommand } from './parse';
import { handlePay } from './pay';
import { handleExport, handleLink, handleSync, handleUnlink } from './provider-work';
import { handleSearch } from './search';
import { usageOf } from './usage';

/** A retried command carries the same trigger_id; one run per trigger is enough. */
const COMMAND_CLAIM_MS = 10 * 60_000;

const HANDLERS: VerbHandlers = {
  help: handleHelp,
  order: handleOrder,
  pay: handlePay,
  export: handleExport,
  sync: handleSync,
  link: handleLink,
  unlink: handleUnlink,
  search: handleSearch,
  accounts: handleAccounts,
  activities: handleActivities,
};

export function registerCommands(app: App, deps: BotDeps): void {
  app.command(deps.config.slack.command, async ({ command, ack, client }) => {
    await ack();
    const context: CommandContext = {
      deps,
      client,
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      responseUrl: checkResponseUrl(command.response_url),
      reply: createReply(
        client,
        { userId: command.user_id, responseUrl: checkResponseUrl(command.response_url) },
        deps.logger,
      ),
    };
    await runCommand(context, command.text ?? '');
  });
}

/** Parse, check the person, run the verb; every way out answers the person. */
export async function runCommand(context: CommandContext, text: string): Promise<void> {
  const { deps, userId, triggerId, reply } = context;
  const name = deps.config.slack.command;
  if (!(await deps.store.claim(`command:${triggerId}`, COMMAND_CLAIM_MS))) {
    deps.logger.info('a command Slack sent again was ignored', { userId });
    return;
  }

  const parsed = parseCommand(text);
  if (!parsed.ok) {
    deps.logger.info(`command refused: ${parsed.problem}`, { userId });
    return reply(buildProblem(parsed.problem, parsed.verb && usageOf(parsed.verb, name)));
  }
  const { command } = parsed;
  if (command.verb !== 'help' && !(await deps.isOperator(userId))) {
    deps.logger.warn(`${command.verb} refused: ${userId} is not an operator`);
    return reply(
      buildNotice(`Only operators can use \`${name} ${command.verb}\`. Ask an admin to add you to OPERATORS.`),
    );
  }
  deps.logger.info(`command ${command.verb}`, { userId });
  await (HANDLERS[command.verb] as (context: CommandContext, command: unknown) => Promise<void>)(context, command);
}
