import { randomUUID } from 'node:crypto';

import type { StoreConfig } from '../config';
import { redisPasswordOf } from '../config-values';
import type { Logger } from '../logger';
import type { Backend } from './backend';
import { type Collection, type CollectionContext, type CollectionOptions, createCollection } from './collection';
import { type StoreBackendKind, StoreClosedError, StoreError } from './errors';
import { openRedisBackend } from './redis-backend';
import { openSqliteBackend } from './sqlite-backend';

export const DEFAULT_KEY_PREFIX = 'autopurchase';
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
// Names become parts of keys and of Redis SCAN patterns; plain characters keep both unambiguous.
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export interface StoreOptions {
  /** The store part of the config: a SQLite file, or a Redis URL when several replicas share the data. */
  config: StoreConfig;
  logger: Logger;
  /** Starts every key, so that two bots can share one Redis without clashing; default `autopurchase`. */
  keyPrefix?: string;
  /** Clock for the expiry of records and of SQLite claims; Redis expires claims by its own clock. */
  now?: () => number;
  /** How long to wait for Redis to accept the first connection; default 5 s. */
  connectTimeoutMs?: number;
}

export type LockOutcome<R> = { acquired: true; value: R } | { acquired: false };

export interface Store {
  readonly backend: StoreBackendKind;
  /** The SQLite file path or the Redis URL with its password masked. */
  readonly location: string;
  collection<T>(name: string, options?: CollectionOptions<T>): Collection<T>;
  /**
   * True for the first caller only, false for every later one until ttlMs has passed, across every replica that
   * shares the store: what keeps a Slack retry or a double click from doing the same work twice.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Frees a claim whose work failed, so that it can be tried again. */
  release(key: string): Promise<void>;
  /**
   * Runs work only if the lock is free, then frees it if it is still this call's. The lock is not extended while
   * work runs: pick a ttlMs longer than the work can take.
   */
  withLock<R>(key: string, ttlMs: number, work: () => Promise<R>): Promise<LockOutcome<R>>;
  /** Releases the database file or the Redis connection; the store cannot be used afterwards. */
  close(): Promise<void>;
}

/** Opens the store the config names; fails with StoreUnavailableError, saying what to fix, when it cannot. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const keyPrefix = checkName('key prefix', options.keyPrefix ?? DEFAULT_KEY_PREFIX);
  const now = options.now ?? Date.now;
  options.logger.addSecret(redisPasswordOf(options.config));

  const backend = await openBackend(options, now);
  options.logger.info('store opened', { backend: backend.kind, location: backend.location, keyPrefix });
  return createStore(backend, keyPrefix, now, options.logger);
}

function openBackend(options: StoreOptions, now: () => number): Promise<Backend> {
  const { config, logger } = options;
  if (config.kind === 'sqlite') return openSqliteBackend({ path: config.path, now });

  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  return openRedisBackend({ url: config.url, connectTimeoutMs, logger });
}

function createStore(backend: Backend, keyPrefix: string, now: () => number, logger: Logger): Store {
  const state = { closed: false };
  const run = createRunner(backend, state);
  const context: CollectionContext = { backend, keyPrefix, now, logger, run, checkTtl };
  const claimKeyOf = (key: string) => `${keyPrefix}:claim:${checkClaimKey(key)}`;
  const claim = async (claimKey: string, token: string, ttlMs: number) => {
    const ttl = checkTtl(ttlMs);
    return run('claim', claimKey, () => backend.claim(claimKey, token, ttl));
  };

  return {
    backend: backend.kind,
    location: backend.location,
    collection: (name, options = {}) => createCollection(context, checkName('collection name', name), options),
    claim: async (key, ttlMs) => claim(claimKeyOf(key), randomUUID(), ttlMs),
    release: async (key) => {
      const claimKey = claimKeyOf(key);
      await run('release', claimKey, () => backend.release(claimKey));
    },
    withLock: async (key, ttlMs, work) => {
      const claimKey = claimKeyOf(key);
      const token = randomUUID();
      if (!(await claim(claimKey, token, ttlMs))) return { acquired: false };

      try {
        return { acquired: true, value: await work() };
      } finally {
        await run('release', claimKey, () => backend.release(claimKey, token)).catch((error: unknown) => {
          // The work is done; its outcome matters more than the lock, which frees itself when its time is up.
          logger.warn('lock not released; it frees itself when its time is up', { key, error });
        });
      }
    },
    close: async () => {
      if (state.closed) return;
      state.closed = true;
      await backend.close();
      logger.info('store closed', { backend: backend.kind, location: backend.location });
    },
  };
}

/** Runs one backend operation: refused after close, and any failure turned into a StoreError that says what to fix. */
function createRunner(backend: Backend, state: { closed: boolean }): CollectionContext['run'] {
  return async (operation, key, task) => {
    if (state.closed) throw new StoreClosedError({ backend: backend.kind, location: backend.location, operation });

    try {
      return await task();
    } catch (error) {
      throw error instanceof StoreError ? error : backend.describeFailure(error, operation, key);
    }
  };
}

function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`A time to live must be above 0 ms, not ${ttlMs}`);
  return Math.ceil(ttlMs);
}

function checkName(what: string, name: string): string {
  if (!NAME_PATTERN.test(name)) {
    throw new TypeError(`A store ${what} uses letters, digits, '_', '.' and '-' and starts with a letter or digit`);
  }
  return name;
}

function checkClaimKey(key: string): string {
  if (typeof key !== 'string' || key === '') throw new TypeError('A claim key must be a non-empty string');
  return key;
}
