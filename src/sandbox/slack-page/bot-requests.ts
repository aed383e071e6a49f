import { createHmac } from 'node:crypto';

import type { Logger } from '../../logger';
import type { Json } from './state';

// Requests from the local Slack to the bot, signed as Slack signs them, to the bot's /slack/events.

const EVENTS_PATH = '/slack/events';
/** Slack gives up on an ack after 3 seconds; the page waits longer and says the bot was late. */
const ACK_DEADLINE_MS = 3_000;
const GIVE_UP_MS = 15_000;

export interface BotConnection {
  /** The bot's base URL; a function when the bot starts after the page, on a port picked then. */
  botUrl: string | (() => string);
  signingSecret: string;
  logger: Logger;
  now: () => number;
}

export interface BotAnswer {
  /** HTTP status, or 0 when the bot could not be reached. */
  status: number;
  body: string;
  elapsedMs: number;
  /** What went wrong, in words for the page: unreachable, late, or an HTTP error. */
  problem?: string;
}

/** The headers Slack signs a request with: v0 HMAC-SHA256 of `v0:{timestamp}:{body}` under the signing secret. */
export function signRequest(secret: string, body: string, timestampSeconds: number): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${signature}`, 'x-slack-request-timestamp': String(timestampSeconds) };
}

/** A slash command or interaction (form body), or an Events API callback (JSON body), posted signed to the bot. */
export async function postToBot(connection: BotConnection, body: string, kind: 'form' | 'json'): Promise<BotAnswer> {
  const started = connection.now();
  const url = `${resolveBotUrl(connection.botUrl)}${EVENTS_PATH}`;
  const contentType = kind === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
  const headers = {
    'content-type': contentType,
    ...signRequest(connection.signingSecret, body, Math.floor(started / 1000)),
  };
  try {
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(GIVE_UP_MS) });
    const answer = { status: response.status, body: await response.text(), elapsedMs: connection.now() - started };
    return { ...answer, problem: describeProblem(answer) };
  } catch (error) {
    connection.logger.warn(`could not reach the bot at ${url}`, { error });
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    return {
      status: 0,
      body: '',
      elapsedMs: connection.now() - started,
      problem: `the bot at ${url} did not answer (${reason})`,
    };
  }
}

/** The bot's answer body as JSON, when it sent any. */
export function readAnswerJson(answer: BotAnswer): Json | undefined {
  if (answer.body.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(answer.body);
    return typeof value === 'object' && value !== null ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

function describeProblem(answer: Omit<BotAnswer, 'problem'>): string | undefined {
  if (answer.status < 200 || answer.status >= 300) return `the bot answered HTTP ${answer.status}`;
  if (answer.elapsedMs > ACK_DEADLINE_MS) {
    return `the bot took ${answer.elapsedMs} ms to answer; Slack gives up after ${ACK_DEADLINE_MS} ms`;
  }
  return undefined;
}

function resolveBotUrl(botUrl: BotConnection['botUrl']): string {
  return (typeof botUrl === 'function' ? botUrl() : botUrl).replace(/\/+$/, '');
}
