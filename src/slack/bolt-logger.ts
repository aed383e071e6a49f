import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';

import type { Logger } from '../logger';

/** Bolt's logger interface over ours, so that Bolt's own lines are JSON, leveled and redacted like the rest. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const join = (parts: unknown[]): string =>
    parts
      .map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part)))
      .join(' ');
  return {
    debug: (...parts) => logger.debug(join(parts)),
    info: (...parts) => logger.info(join(parts)),
    warn: (...parts) => logger.warn(join(parts)),
    error: (...parts) => logger.error(join(parts)),
    // Our logger has its own threshold (LOG_LEVEL); Bolt's setting is only remembered for getLevel.
    setLevel: (newLevel) => {
      level = newLevel;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
