import { parseArgs } from 'node:util';
import { secretsOf } from '../config';
import { createLogger, type Logger } from '../logger';
import { exitWith, readConfigOrReport, startBot, waitForSignal } from '../main';
import { SANDBOX_BOT, SANDBOX_SLACK_PAGE_PORT, sandboxEnvironment, sandboxSlackPage } from './environment';
import { createClock, startOtPlatform } from './ot-platform';
import { startSlackPage } from './slack-page';

// `npm run sandbox`: the OT Platform simulator on loopback, a local Slack page in its place of Slack, and the bot's
// main job between them on embedded settings, so that a fresh checkout runs end to end with nothing to configure.
// `npm run simulator` (with --simulator-only): the simulator alone, for trying the OT API by hand.

const USAGE = `usage: npm run sandbox [-- --simulator-only] [--port 4010] [--slack-port 4020] [--speed 1] [--seed 1]
  --simulator-only  start only the OT Platform simulator
  --port            loopback port of the simulator (default 4010)
  --slack-port      loopback port of the local Slack page (default ${SANDBOX_SLACK_PAGE_PORT})
  --speed           how much faster than the wall clock simulated time runs (default 1)
  --seed            seed of the simulator's generated ids (default 1)`;

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (!options) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const logger = createLogger({ level: 'info', name: 'sandbox' });
  // Whatever started is stopped again, also when a later part fails to start (a port in use, say).
  const started: Array<() => Promise<void>> = [];
  try {
    await startSandbox(options, logger, started);
    await waitForSignal(logger);
    return 0;
  } finally {
    for (const stop of started.reverse()) await stop();
  }
}

async function startSandbox(options: SandboxOptions, logger: Logger, started: Array<() => Promise<void>>) {
  const platform = await startOtPlatform({
    port: options.port,
    seed: options.seed,
    clock: createClock({ mode: 'real', speed: options.speed }),
    logger: logger.child('ot-platform'),
  });
  started.push(() => platform.close());
  logger.info(`OT Platform simulator: front page ${platform.url}/, OT_API_URL ${platform.serviceUrl}`);
  if (options.simulatorOnly) return;

  const environment = sandboxEnvironment(platform.serviceUrl);
  const page = await startSlackPage({
    ...sandboxSlackPage(environment),
    port: options.slackPort,
    logger: logger.child('slack-page'),
  });
  started.push(() => page.close());
  const config = readConfigOrReport({ ...environment, SLACK_API_URL: page.apiUrl });
  if (!config) throw new Error('the embedded sandbox settings are not valid');
  const botLogger = createLogger({ level: config.logLevel, name: 'bot', secrets: secretsOf(config) });
  const bot = await startBot(config, botLogger, SANDBOX_BOT);
  started.push(() => bot.stop());
  logger.info(`Open ${page.url}/ in a browser to work as operator ${environment.OPERATORS}: type /ot help`);
}

interface SandboxOptions {
  simulatorOnly: boolean;
  port: number;
  slackPort: number;
  speed: number;
  seed: number;
}

function readOptions(args: string[]): SandboxOptions | undefined {
  try {
    const { values } = parseArgs({
      args,
      options: {
        'simulator-only': { type: 'boolean', default: false },
        port: { type: 'string', default: '4010' },
        'slack-port': { type: 'string', default: String(SANDBOX_SLACK_PAGE_PORT) },
        speed: { type: 'string', default: '1' },
        seed: { type: 'string', default: '1' },
      },
    });
    const options = {
      simulatorOnly: values['simulator-only'] === true,
      port: Number(values.port),
      slackPort: Number(values['slack-port']),
      speed: Number(values.speed),
      seed: Number(values.seed),
    };
    const valid =
      isPort(options.port) &&
      isPort(options.slackPort) &&
      options.speed > 0 &&
      Number.isFinite(options.speed) &&
      Number.isInteger(options.seed);
    return valid ? options : undefined;
  } catch {
    return undefined;
  }
}

function isPort(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value < 65536;
}

exitWith(main());
