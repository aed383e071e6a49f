import { parseArgs } from 'node:util';
import { secretsOf } from '../config';
import { createLogger } from '../logger';
import { exitWith, readConfigOrReport, startBot, waitForSignal } from '../main';
import { SANDBOX_BOT, sandboxEnvironment } from './environment';
import { createClock, startOtPlatform } from './ot-platform';

// `npm run sandbox`: the OT Platform simulator on loopback, and the bot's main job against it on embedded
// settings, so that a fresh checkout runs end to end with nothing to configure.
// `npm run simulator` (with --simulator-only): the simulator alone, for trying the OT API by hand.

const USAGE = `usage: npm run sandbox [-- --simulator-only] [--port 4010] [--speed 1] [--seed 1]
  --simulator-only  start only the OT Platform simulator
  --port            loopback port of the simulator (default 4010)
  --speed           how much faster than the wall clock simulated time runs (default 1)
  --seed            seed of the simulator's generated ids (default 1)`;

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (!options) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const logger = createLogger({ level: 'info', name: 'sandbox' });
  const platform = await startOtPlatform({
    port: options.port,
    seed: options.seed,
    clock: createClock({ mode: 'real', speed: options.speed }),
    logger: logger.child('ot-platform'),
  });
  logger.info(`OT Platform simulator: front page ${platform.url}/, OT_API_URL ${platform.serviceUrl}`);
  if (options.simulatorOnly) {
    await waitForSignal(logger);
    await platform.close();
    return 0;
  }

  const config = readConfigOrReport(sandboxEnvironment(platform.serviceUrl));
  if (!config) return 1;
  const botLogger = createLogger({ level: config.logLevel, name: 'bot', secrets: secretsOf(config) });
  const bot = await startBot(config, botLogger, SANDBOX_BOT);
  await waitForSignal(logger);
  await bot.stop();
  await platform.close();
  return 0;
}

interface SandboxOptions {
  simulatorOnly: boolean;
  port: number;
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
        speed: { type: 'string', default: '1' },
        seed: { type: 'string', default: '1' },
      },
    });
    const options = {
      simulatorOnly: values['simulator-only'] === true,
      port: Number(values.port),
      speed: Number(values.speed),
      seed: Number(values.seed),
    };
    const valid =
      Number.isInteger(options.port) &&
      options.port > 0 &&
      options.port < 65536 &&
      options.speed > 0 &&
      Number.isFinite(options.speed) &&
      Number.isInteger(options.seed);
    return valid ? options : undefined;
  } catch {
    return undefined;
  }
}

exitWith(main());
