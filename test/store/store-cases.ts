import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createClient } from '@keyv/redis';
import { KeyvSqlite } from '@keyv/sqlite';

import type { StoreConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openStore, type Store, type StoreOptions } from '../../src/store';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** One backend under test: each test gets fresh keys or a fresh file, a clock it can move and the log lines. */
export interface StoreCase {
  readonly name: 'sqlite' | 'redis';
  /** A claim time to live short enough to wait out for real (Redis expires claims by its own clock). */
  readonly claimTtlMs: number;
  readonly lines: string[];
  readonly config: StoreConfig;
  readonly keyPrefix: string;
  /** Opens a store on this test's data; every store opened here is closed after the test. */
  open(overrides?: Partial<StoreOptions>): Promise<Store>;
  /** Writes text under a full key, bypassing the store, as a broken or older bot might have left it. */
  writeRaw(key: string, text: string): Promise<void>;
  advanceClock(ms: number): void;
  /** Lets a claim of claimTtlMs expire: the injected clock for SQLite, a short real wait for Redis. */
  letClaimExpire(): Promise<void>;
  startTest(): void;
  endTest(): Promise<void>;
  endRun(): Promise<void>;
}

export function createSqliteCase(): StoreCase {
  const directory = mkdtempSync(join(tmpdir(), 'store-test-'));
  let path = '';
  return createCase({
    name: 'sqlite',
    claimTtlMs: 60_000,
    config: () => ({ kind: 'sqlite', path }),
    nextData: (testNumber) => {
      path = join(directory, `bot-${testNumber}.sqlite`);
    },
    writeRaw: async (key, text) => {
      const adapter = new KeyvSqlite({ uri: `sqlite://${path}` });
      await adapter.set(key, text);
      await adapter.disconnect();
    },
    letClaimExpire: async (advanceClock) => advanceClock(60_001),
    endRun: async () => rmSync(directory, { recursive: true, force: true }),
  });
}

export function createRedisCase(): StoreCase {
  // Connected on first use, so that merely loading this file needs no Redis.
  let connected: ReturnType<typeof connectRawClient> | undefined;
  const rawClient = () => {
    connected ??= connectRawClient();
    return connected;
  };
  return createCase({
    name: 'redis',
    claimTtlMs: 250,
    config: () => ({ kind: 'redis', url: REDIS_URL }),
    nextData: () => undefined,
    writeRaw: async (key, text) => {
      await (await rawClient()).set(key, text);
    },
    letClaimExpire: () => sleep(300),
    endRun: async (runPrefix) => {
      const client = await rawClient();
      for await (const keys of client.scanIterator({ MATCH: `${runPrefix}*`, COUNT: 500 })) {
        if (keys.length > 0) await client.del(keys);
      }
      await client.close();
    },
  });
}

interface CaseParts {
  name: StoreCase['name'];
  claimTtlMs: number;
  config: () => StoreConfig;
  nextData: (testNumber: number) => void;
  writeRaw: (key: string, text: string) => Promise<void>;
  letClaimExpire: (advanceClock: (ms: number) => void) => Promise<void>;
  endRun: (runPrefix: string) => Promise<void>;
}

function createCase(parts: CaseParts): StoreCase {
  // Unique per run, so that runs sharing one Redis never see each other's keys; every key is removed at the end.
  const runPrefix = `store-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const stores: Store[] = [];
  // The injected clock stands still unless a test moves it, so that expiry is exact however slow the machine.
  const state = { testNumber: 0, clockMs: Date.now(), lines: [] as string[] };
  const advanceClock = (ms: number) => {
    state.clockMs += ms;
  };
  const keyPrefix = () => `${runPrefix}-${state.testNumber}`;

  return {
    name: parts.name,
    claimTtlMs: parts.claimTtlMs,
    get lines() {
      return state.lines;
    },
    get config() {
      return parts.config();
    },
    get keyPrefix() {
      return keyPrefix();
    },
    async open(overrides = {}) {
      const logger = createLogger({ level: 'debug', write: (line) => state.lines.push(line) });
      const now = () => state.clockMs;
      const store = await openStore({ config: parts.config(), logger, keyPrefix: keyPrefix(), now, ...overrides });
      stores.push(store);
      return store;
    },
    writeRaw: parts.writeRaw,
    advanceClock,
    letClaimExpire: () => parts.letClaimExpire(advanceClock),
    startTest() {
      state.testNumber += 1;
      state.clockMs = Date.now();
      state.lines = [];
      parts.nextData(state.testNumber);
    },
    async endTest() {
      await Promise.all(stores.splice(0).map((store) => store.close()));
    },
    endRun: () => parts.endRun(runPrefix),
  };
}

function connectRawClient() {
  return createClient({ url: REDIS_URL }).connect();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The parsed log events at one level. */
export function eventsAt(lines: readonly string[], level: string): Array<Record<string, unknown>> {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((event) => event.level === level);
}
