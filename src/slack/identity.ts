import { WebClient } from '@slack/web-api';

import type { Config } from '../config';
import type { Logger } from '../logger';
import { toBoltLogger } from './bolt-logger';

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/** Why the bot cannot start on Slack: the token is refused, or Slack cannot be reached. */
export class SlackStartError extends Error {
  readonly code = 'SLACK_START_FAILED';
}

/**
 * auth.test, once, before the app is built: Bolt would run it itself and leave a refused token as an
 * unhandled rejection after start. Here a bad token or an unreachable Slack stops the start with words.
 */
export async function identifyBot(config: Config, logger: Logger): Promise<BotIdentity> {
  const client = new WebClient(config.slack.botToken, {
    logger: toBoltLogger(logger),
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    retryConfig: { retries: 1, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
    timeout: 10_000,
  });
  let answer: Awaited<ReturnType<WebClient['auth']['test']>>;
  try {
    answer = await client.auth.test();
  } catch (error) {
    throw new SlackStartError(describeAuthFailure(error), { cause: error });
  }
  if (!answer.bot_id || !answer.user_id) {
    throw new SlackStartError('SLACK_BOT_TOKEN is not a bot token: use the Bot User OAuth Token (xoxb-...)');
  }
  return { botId: answer.bot_id, botUserId: answer.user_id };
}

function describeAuthFailure(error: unknown): string {
  const { code, data } = (error ?? {}) as { code?: string; data?: { error?: string } };
  if (code === 'slack_webapi_platform_error') {
    return `Slack refused SLACK_BOT_TOKEN (${data?.error ?? 'no reason given'}): copy the Bot User OAuth Token again`;
  }
  return 'Slack could not be reached to check SLACK_BOT_TOKEN: check the network, or SLACK_API_URL when it is set';
}
