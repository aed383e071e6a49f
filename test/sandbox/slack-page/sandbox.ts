import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { type RunningBot, startBot } from '../../../src/main';
import { SANDBOX_BOT, sandboxEnvironment, sandboxSlackPage } from '../../../src/sandbox/environment';
import type { OtPlatform } from '../../../src/sandbox/ot-platform';
import { type PageMessage, type SlackPage, startSlackPage } from '../../../src/sandbox/slack-page';
import { startTestPlatform } from '../../helpers/ot-platform';

// The whole sandbox in one process, as `npm run sandbox` wires it: the OT simulator, the local Slack page, and the
// real bot whose SLACK_API_URL is the page. Nothing of ours is mocked; the bot's store lives in a temp dir.

export interface TestSandbox {
  platform: OtPlatform;
  page: SlackPage;
  logLines: string[];
  stop(): Promise<void>;
}

export async function startTestSandbox(): Promise<TestSandbox> {
  const platform = await startTestPlatform();
  const environment = sandboxEnvironment(platform.serviceUrl);
  let botUrl = '';
  const page = await startSlackPage({
    ...sandboxSlackPage(environment),
    // The bot starts after the page, on a port picked then.
    botUrl: () => botUrl,
    // Slack's 3 seconds are for a real network; a slow shared test machine should not fail a test on them.
    triggerLifetimeMs: 60_000,
  });

  const dir = mkdtempSync(join(tmpdir(), 'slack-page-test-'));
  const logLines: string[] = [];
  let bot: RunningBot;
  try {
    const config = readConfig({
      ...environment,
      SLACK_API_URL: page.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
      LOG_LEVEL: 'debug',
    });
    const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
    bot = await startBot(config, logger, { ...SANDBOX_BOT, port: 0 });
  } catch (error) {
    await page.close();
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  botUrl = `http://127.0.0.1:${bot.port}`;

  return {
    platform,
    page,
    logLines,
    stop: async () => {
      await bot.stop();
      await page.close();
      await platform.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads until the value is there, or fails after a bounded wait; nothing is timed. */
export async function eventually<T>(read: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every text of a message, to look for what a person reads. */
export function textOf(message: PageMessage | undefined): string {
  return message ? `${message.text} ${JSON.stringify(message.blocks)}` : '';
}

/** The index of the newest message that contains the text. */
export function findMessage(page: SlackPage, text: string): number | undefined {
  const messages = page.messages();
  for (let index = messages.length - 1; index >= 0; index--) {
    if (textOf(messages[index]).includes(text)) return index;
  }
  return undefined;
}

export async function fetchHtml(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}
