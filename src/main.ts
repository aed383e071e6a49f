import { existsSync } from 'node:fs';

import { checkReadiness, describeReadiness } from './autopurchase/readiness';
import { type Config, ConfigError, readConfig, secretsOf } from './config';
import { createLogger, type Logger } from './logger';
import { OtClient } from './ot/client';
import { createSlackBot } from './slack/app';
import { identifyBot } from './slack/identity';
import { openStore } from './store';

const ENV_FILE = '.env';

export interface StartOptions {
  /** Known bot ids spare Bolt its auth.test call (the sandbox, tests). */
  botId?: string;
  botUserId?: string;
  /** Overrides PORT; 0 picks a free port (tests). */
  port?: number;
}

export interface RunningBot {
  /** The HTTP port: Slack's requests in HTTP mode, /healthz and the provider return route in both modes. */
  port: number;
  stop(): Promise<void>;
}

/** Entry point: read the settings from the environment (and .env), start the bot, stop it on a signal. */
async function main(): Promise<number> {
  // Node's own loader: settings in .env fill what the environment leaves unset.
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const config = readConfigOrReport(process.env);
  if (!config) return 1;

  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  try {
    const bot = await startBot(config, logger);
    await waitForSignal(logger);
    await bot.stop();
    return 0;
  } catch (error) {
    // Start failures are about settings or reachability: their message says what to fix, no stack needed.
    logger.error(`the bot could not start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/**
 * The bot's main job on a read configuration: open the store, report whether OT is ready, and serve Slack.
 * The sandbox runs it too, on its embedded settings.
 */
export async function startBot(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningBot> {
  for (const warning of config.warnings) logger.warn(warning);
  const identity = options.botId && options.botUserId ? options : await identifyBot(config, logger.child('slack'));
  const ot = createOtClient(config, logger.child('ot'));
  const store = await openStore({ config: config.store, logger: logger.child('store') });
  await reportReadiness(ot, config, logger);

  const bot = createSlackBot({ config, ot, store, logger, ...options, ...identity });
  try {
    const port = await bot.start();
    logger.info(`bot listening on port ${port}`, { mode: config.slack.socketMode ? 'socket' : 'http' });
    return {
      port,
      stop: async () => {
        await bot.stop();
        await store.close();
        logger.info('bot stopped');
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Says whether OT is ready for Autopurchase; the bot starts either way, so operators can see and fix it. */
async function reportReadiness(ot: OtClient, config: Config, logger: Logger): Promise<boolean> {
  try {
    const readiness = await checkReadiness(ot, config.ot.providerAccounts);
    for (const line of describeReadiness(readiness)) logger.info(line);
    return readiness.integration === 'enabled';
  } catch (error) {
    logger.error('OT is not reachable with these settings', { error });
    return false;
  }
}

export function readConfigOrReport(env: NodeJS.ProcessEnv): Config | undefined {
  try {
    return readConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return undefined;
  }
}

function createOtClient(config: Config, logger: Logger): OtClient {
  return new OtClient({
    baseUrl: config.ot.apiUrl,
    instanceKey: config.ot.instanceKey,
    secret: config.ot.apiSecret,
    language: config.ot.language,
    operator: config.ot.operator,
    customer: config.ot.customer,
    providerType: config.ot.providerType,
    logger,
  });
}

/** Resolves on SIGINT or SIGTERM, so that the caller can stop cleanly. */
export function waitForSignal(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      logger.info(`${signal} received, stopping`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Sets the exit code from an entry point's result, and reports an error nobody caught. */
export function exitWith(running: Promise<number>): void {
  running.then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      process.stderr.write(
        `The bot stopped on an unexpected error: ${error instanceof Error ? error.message : error}\n`,
      );
      process.exitCode = 1;
    },
  );
}

// Only when run as the program: the sandbox imports startBot from here.
if (require.main === module) exitWith(main());
