import { existsSync } from 'node:fs';

import { checkReadiness, describeReadiness } from './autopurchase/readiness';
import { type Config, ConfigError, readConfig, secretsOf } from './config';
import { createLogger, type Logger } from './logger';
import { OtClient } from './ot/client';

const ENV_FILE = '.env';

/** Entry point: read the settings from the environment (and .env), then run the bot on them. */
async function main(): Promise<number> {
  // Node's own loader: settings in .env fill what the environment leaves unset.
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const config = readConfigOrReport(process.env);
  if (!config) return 1;

  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  return runBot(config, logger);
}

/** The bot's main job on a read configuration; the sandbox runs it too, on its embedded settings. */
export async function runBot(config: Config, logger: Logger): Promise<number> {
  for (const warning of config.warnings) logger.warn(warning);
  const ot = createOtClient(config, logger.child('ot'));

  return reportReadiness(ot, config, logger);
}

// TODO(the Slack bot, its store and jobs are not built yet): start them here once the readiness check passes.
async function reportReadiness(ot: OtClient, config: Config, logger: Logger): Promise<number> {
  try {
    const readiness = await checkReadiness(ot, config.ot.providerAccounts);
    for (const line of describeReadiness(readiness)) logger.info(line);
    return readiness.integration === 'enabled' ? 0 : 1;
  } catch (error) {
    logger.error('OT is not reachable with these settings', { error });
    return 1;
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

// Only when run as the program: the sandbox imports runBot from here.
if (require.main === module) exitWith(main());
