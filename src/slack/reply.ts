import type { WebClient } from '@slack/web-api';

import { describeFailure } from '../autopurchase/describe-failure';
import { PaymentPartlyDone, PaymentRefused } from '../autopurchase/payment';
import type { Logger } from '../logger';
import type { SlackMessage } from './blocks/elements';
import { buildNotice } from './blocks/notice';

/** Where the answer to one person's request goes: the request's response_url, else a direct message. */
export interface ReplyTarget {
  userId: string;
  responseUrl?: string;
}

export type Reply = (message: SlackMessage, options?: { replaceOriginal?: boolean }) => Promise<void>;

/**
 * Answers through response_url (ephemeral, or replacing the message the button was on); requests that have
 * none, such as App Home buttons, get a direct message from the bot instead.
 */
export function createReply(client: WebClient, target: ReplyTarget, logger: Logger): Reply {
  return async (message, options = {}) => {
    if (!target.responseUrl) {
      await client.chat.postMessage({ channel: target.userId, text: message.text, blocks: message.blocks });
      return;
    }
    const body = options.replaceOriginal
      ? { ...message, replace_original: true }
      : { ...message, response_type: 'ephemeral', replace_original: false };
    const response = await fetch(target.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) logger.warn(`Slack refused a reply through response_url: HTTP ${response.status}`);
  };
}

/** Tells the person what failed, in words, and logs the details with what was being done. */
export async function replyWithFailure(reply: Reply, logger: Logger, doing: string, error: unknown): Promise<void> {
  const words =
    error instanceof PaymentRefused || error instanceof PaymentPartlyDone
      ? partlyOrRefused(error)
      : (describeSlackFailure(error) ?? describeFailure(error));
  logger.error(`${doing} failed`, { error });
  await reply(buildNotice(`:warning: Could not ${doing}: ${words}`)).catch((replyError: unknown) => {
    logger.error('could not tell the person about the failure either', { error: replyError });
  });
}

/** Response URLs come back to us inside Slack payloads; refuse anything that is not a web address. */
export function checkResponseUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Web API failures, by the codes of Slack's own client (its classes come through Bolt, not our imports). */
function describeSlackFailure(error: unknown): string | undefined {
  const { code, retryAfter, data } = (error ?? {}) as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (code === 'slack_webapi_rate_limited_error') {
    return `Slack asked the bot to slow down; try again in ${retryAfter ?? 'a few'} s`;
  }
  if (code === 'slack_webapi_platform_error') return `Slack refused the call (${data?.error ?? 'no reason given'})`;
  if (code === 'slack_webapi_request_error' || code === 'slack_webapi_http_error') return 'Slack could not be reached';
  return undefined;
}

function partlyOrRefused(error: PaymentRefused | PaymentPartlyDone): string {
  if (error instanceof PaymentRefused) return error.message;
  return `${error.message} (${describeFailure(error.cause)}). Paying again deposits only what the balance lacks.`;
}
