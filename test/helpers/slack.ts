import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import nock from 'nock';

import { readConfig, secretsOf } from '../../src/config';
import { createLogger } from '../../src/logger';
import { type RunningBot, startBot } from '../../src/main';
import { sandboxEnvironment } from '../../src/sandbox/environment';
import type { OtPlatform } from '../../src/sandbox/ot-platform';
import { startTestPlatform } from './ot-platform';

export const SLACK_API = 'https://slack.test';
export const RESPONSE_HOST = 'https://hooks.slack.test';
export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const OPERATOR = 'U0OPERATOR';
export const OPERATOR_GROUP = 'S0OPSGROUP';
export const STRANGER = 'U0STRANGER';

export interface TestBot {
  url: string;
  logLines: string[];
  stop(): Promise<void>;
}

/** The real bot (Bolt's HTTP receiver, a SQLite store in a temp dir) against the simulator; Slack's API is nock. */
export async function startTestBot(platform: OtPlatform, env: Record<string, string> = {}): Promise<TestBot> {
  const dir = mkdtempSync(join(tmpdir(), 'bot-test-'));
  const config = readConfig({
    ...sandboxEnvironment(platform.serviceUrl),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${SLACK_API}/api/`,
    OPERATORS: `${OPERATOR},${OPERATOR_GROUP}`,
    STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logLines: string[] = [];
  // As main.ts builds it: the settings' secrets are redacted from every line.
  const logger = createLogger({ level: 'debug', secrets: secretsOf(config), write: (line) => logLines.push(line) });
  let bot: RunningBot;
  try {
    bot = await startBot(config, logger, { botId: 'B0TEST', botUserId: 'U0TESTBOT', port: 0 });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${bot.port}`,
    logLines,
    stop: async () => {
      await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts the simulator and the bot before each test of the file, and stops both (and nock) after it. */
export function useTestBot(onStart: (platform: OtPlatform, bot: TestBot) => void): void {
  let running: { platform: OtPlatform; bot: TestBot } | undefined;
  beforeEach(async () => {
    const platform = await startTestPlatform();
    const bot = await startTestBot(platform);
    running = { platform, bot };
    onStart(platform, bot);
  });
  afterEach(async () => {
    await running?.bot.stop();
    await running?.platform.close();
    running = undefined;
    nock.cleanAll();
  });
}

/** Signs a body the way Slack does (v0 HMAC of `v0:<timestamp>:<body>`). */
export function signBody(body: string, timestamp = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) };
}

export async function postToBot(bot: TestBot, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${bot.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

let triggerCount = 0;

/** A slash command as Slack sends it; its response_url points at RESPONSE_HOST. */
export function commandBody(text: string, userId = OPERATOR, overrides: Record<string, string> = {}): string {
  triggerCount++;
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0TEAM',
    channel_id: 'C0CHANNEL',
    user_id: userId,
    command: '/ot',
    text,
    response_url: `${RESPONSE_HOST}/commands/T0TEAM/${triggerCount}/secret`,
    trigger_id: `trigger-${triggerCount}-${Date.now()}`,
    ...overrides,
  }).toString();
}

export function sendCommand(bot: TestBot, text: string, userId = OPERATOR): Promise<Response> {
  const body = commandBody(text, userId);
  return postToBot(bot, body, signBody(body));
}

/** An interactive payload (block_actions, view_submission, message_action) as Slack posts it. */
export function sendInteraction(bot: TestBot, payload: object): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postToBot(bot, body, signBody(body));
}

export function buttonPayload(actionId: string, value: string, userId = OPERATOR) {
  triggerCount++;
  return {
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'test' },
    user: { id: userId, name: 'operator', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${triggerCount}-${Date.now()}`,
    response_url: `${RESPONSE_HOST}/actions/T0TEAM/${triggerCount}/secret`,
    channel: { id: 'C0CHANNEL', name: 'ops' },
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0CHANNEL', is_ephemeral: true },
    actions: [{ type: 'button', action_id: actionId, block_id: 'actions', value, action_ts: `${Date.now() / 1000}` }],
  };
}

export function viewSubmissionPayload(callbackId: string, privateMetadata: string, values: object, userId = OPERATOR) {
  return {
    type: 'view_submission',
    team: { id: 'T0TEAM', domain: 'test' },
    user: { id: userId, name: 'operator', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: `trigger-view-${Date.now()}`,
    view: {
      id: `V0${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      hash: 'hash-1',
      team_id: 'T0TEAM',
      app_id: 'A0APP',
      bot_id: 'B0TEST',
      blocks: [],
      title: { type: 'plain_text', text: 'Test' },
    },
  };
}

/** What the bot posts to one response_url, as JSON bodies, resolved once `count` have arrived. */
export function captureResponses(
  count = 1,
  timeoutMs = 10_000,
): { bodies: Array<Record<string, unknown>>; done: Promise<void> } {
  const bodies: Array<Record<string, unknown>> = [];
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((settle, reject) => {
    resolve = settle;
    setTimeout(
      () => reject(new Error(`expected ${count} replies through response_url, got ${bodies.length}`)),
      timeoutMs,
    ).unref();
  });
  nock(RESPONSE_HOST)
    .persist()
    .post(/.*/)
    .reply(200, (_uri, body) => {
      bodies.push(body as Record<string, unknown>);
      if (bodies.length >= count) resolve();
      return { ok: true };
    });
  return { bodies, done };
}

/** Web API calls the bot makes, answered `ok`; `views.open` answers with a view id to update. */
export function captureWebApi(answers: Record<string, object> = {}) {
  const calls: Array<{ method: string; body: Record<string, unknown> }> = [];
  nock(SLACK_API)
    .persist()
    .post(/\/api\/.+/)
    .reply(200, (uri, body) => {
      const method = uri.replace('/api/', '');
      const parsed =
        typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
      calls.push({ method, body: parsed });
      return { ok: true, ...answers[method] };
    });
  return calls;
}

/** All text of a message's blocks, to assert on what a person reads. */
export function textOf(message: Record<string, unknown>): string {
  return JSON.stringify(message.blocks ?? message.text ?? '');
}

export async function eventually<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('the expected call never came');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
