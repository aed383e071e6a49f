// Ack latency of the bot against a bare Bolt app that acks and does nothing, both in this process, while the OT
// API (the simulator) takes 5 s to answer: DESIGN.md §5 wants the bot's p99 within 1.5x of the bare app's.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { App, LogLevel } from '@slack/bolt';

import { readConfig } from '../../src/config';
import { createSilentLogger } from '../../src/logger';
import { startBot } from '../../src/main';
import { sandboxEnvironment } from '../../src/sandbox/environment';
import { startOtPlatform } from '../../src/sandbox/ot-platform';
import { ACTION_IDS } from '../../src/slack/ids';
import { clientFor } from '../helpers/ot-platform';
import { buttonPayload, commandBody, SIGNING_SECRET, signBody } from '../helpers/slack';

const TARGET_RATIO = 1.5;
const OT_LATENCY_MS = 5_000;
const WARMUP = 20;
const MEASURED = 200;

/** Prints the p99 of both apps for commands and for button presses; true when within the target. */
export async function benchAckLatency(): Promise<boolean> {
  const platform = await startOtPlatform({ port: 0 });
  const slack = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const config = readConfig({
    ...sandboxEnvironment(platform.serviceUrl),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    STORE_URL: `sqlite://${join(dir, 'bench.sqlite')}`,
    OPERATORS: 'U0OPERATOR',
  });
  const order = await clientFor(platform).addOrder({
    deliveryModeId: '12',
    items: [{ itemId: '587654321099', quantity: 1 }],
  });
  const bot = await startBot(config, createSilentLogger(), { botId: 'B0BENCH', botUserId: 'U0BENCHBOT', port: 0 });
  const bare = await startBareApp(slack.url);
  platform.faults.latencyMs = OT_LATENCY_MS;

  let within = true;
  try {
    console.log(
      `Ack latency: p99 of ${MEASURED} requests after ${WARMUP} warm-up ones, ` +
        `OT answering in ${OT_LATENCY_MS / 1000} s`,
    );
    const kinds = {
      'slash command': () => withResponseUrl(commandBody(`order ${order.id}`), slack.url),
      'button press': () => interaction(buttonPayload(ACTION_IDS.refreshOrder, order.id), slack.url),
    };
    for (const [kind, makeBody] of Object.entries(kinds)) {
      const { botP99, bareP99 } = await measure(`http://127.0.0.1:${bot.port}`, bare.url, makeBody);
      const ratio = botP99 / bareP99;
      within &&= ratio <= TARGET_RATIO;
      console.log(
        `  ${kind}: bare Bolt p99 ${bareP99.toFixed(2)} ms, bot p99 ${botP99.toFixed(2)} ms, ` +
          `ratio ${ratio.toFixed(2)}x ` +
          `(${ratio <= TARGET_RATIO ? 'within' : 'OVER'} target ${TARGET_RATIO}x)`,
      );
    }
  } finally {
    await bare.stop();
    await bot.stop();
    await platform.close();
    slack.server.close();
    slack.server.closeAllConnections();
    rmSync(dir, { recursive: true, force: true });
  }
  return within;
}

async function measure(botUrl: string, bareUrl: string, makeBody: () => string) {
  const botTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let round = 0; round < WARMUP + MEASURED; round++) {
    // Alternate the two so that machine noise lands on both alike.
    const bareMs = await timeAck(bareUrl, makeBody());
    const botMs = await timeAck(botUrl, makeBody());
    if (round < WARMUP) continue;
    bareTimes.push(bareMs);
    botTimes.push(botMs);
  }
  return { botP99: percentile(botTimes, 0.99), bareP99: percentile(bareTimes, 0.99) };
}

async function timeAck(url: string, body: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signBody(body) },
    body,
  });
  await response.text();
  if (response.status !== 200) throw new Error(`an ack answered HTTP ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function withResponseUrl(body: string, slackUrl: string): string {
  const params = new URLSearchParams(body);
  params.set('response_url', `${slackUrl}/response`);
  return params.toString();
}

function interaction(payload: Record<string, unknown>, slackUrl: string): string {
  return new URLSearchParams({
    payload: JSON.stringify({ ...payload, response_url: `${slackUrl}/response` }),
  }).toString();
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** The Web API and response_url both answer ok at once, so that only the acks are measured. */
async function startFakeSlack(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The reference: Bolt's HTTP receiver with listeners that only ack. */
async function startBareApp(slackUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SIGNING_SECRET,
    botId: 'B0BARE',
    botUserId: 'U0BARE',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: `${slackUrl}/api/` },
  });
  app.command('/ot', async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  const server = (await app.start(0)) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => void (await app.stop()),
  };
}
