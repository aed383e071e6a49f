import type { Logger } from '../logger';
import type { Backend } from './backend';
import { decodeRecord, encodeRecord } from './record';

export interface CollectionOptions<T> {
  /** Time to live of records set without one; unset means they stay until deleted. */
  ttlMs?: number;
  /** Checks a decoded value; a record that fails it (an older version's shape) is treated as unreadable. */
  validate?: (value: unknown) => value is T;
}

export interface StoredRecord<T> {
  id: string;
  value: T;
}

/** Records of one kind, as JSON under `<prefix>:record:<collection>:<id>`. */
export interface Collection<T> {
  readonly name: string;
  /** The value, or undefined when there is none, it expired, or it cannot be read (logged as a warning). */
  get(id: string): Promise<T | undefined>;
  set(id: string, value: T, ttlMs?: number): Promise<void>;
  /** True when there was a record to delete. */
  delete(id: string): Promise<boolean>;
  /** Every live, readable record, in no particular order; meant for finding work again after a restart. */
  list(): Promise<StoredRecord<T>[]>;
}

/** What a collection needs from the store that made it. */
export interface CollectionContext {
  backend: Backend;
  keyPrefix: string;
  now: () => number;
  logger: Logger;
  /** Runs one backend operation and turns its failure into a StoreError. */
  run<R>(operation: string, key: string, task: () => Promise<R>): Promise<R>;
  /** Checks a time to live and rounds it up to whole milliseconds, as Redis wants. */
  checkTtl(ttlMs: number): number;
}

export function createCollection<T>(
  context: CollectionContext,
  name: string,
  options: CollectionOptions<T>,
): Collection<T> {
  const { backend, run } = context;
  const keyPrefix = `${context.keyPrefix}:record:${name}:`;
  const keyOf = (id: string) => keyPrefix + checkId(id);
  const read = createRecordReader<T>(context, name, options);
  const defaultTtlMs = options.ttlMs === undefined ? undefined : context.checkTtl(options.ttlMs);

  return {
    name,
    async get(id) {
      const key = keyOf(id);
      const text = await run('get', key, () => backend.get(key));
      return text === undefined ? undefined : read(id, key, text);
    },
    async set(id, value, ttlMs) {
      const key = keyOf(id);
      const ttl = ttlMs === undefined ? defaultTtlMs : context.checkTtl(ttlMs);
      const text = encodeRecord(value, ttl === undefined ? undefined : context.now() + ttl);
      await run('set', key, () => backend.set(key, text, ttl));
    },
    async delete(id) {
      const key = keyOf(id);
      return run('delete', key, () => backend.delete(key));
    },
    async list() {
      const stored = await run('list', `${keyPrefix}*`, () => backend.list(keyPrefix));
      const records: StoredRecord<T>[] = [];
      for (const { key, text } of stored) {
        const id = key.slice(keyPrefix.length);
        const value = await read(id, key, text);
        if (value !== undefined) records.push({ id, value });
      }
      return records;
    },
  };
}

function createRecordReader<T>(context: CollectionContext, name: string, options: CollectionOptions<T>) {
  const warnUnreadable = (id: string, reason: string) =>
    // The value itself stays out of the log: it may hold customer data.
    context.logger.warn(`store record ${name}/${id} cannot be read, so it is treated as missing: ${reason}`, {
      collection: name,
      id,
    });

  return async (id: string, key: string, text: string): Promise<T | undefined> => {
    const decoded = decodeRecord(text, context.now());
    if (decoded.status === 'expired') {
      // SQLite keeps expired rows until someone removes them; only this exact text goes, not a newer record.
      await context.run('delete', key, () => context.backend.deleteIfUnchanged(key, text));
      return undefined;
    }
    if (decoded.status === 'corrupt') {
      warnUnreadable(id, decoded.reason);
      return undefined;
    }
    if (options.validate && !options.validate(decoded.value)) {
      warnUnreadable(id, 'its value does not have the expected shape');
      return undefined;
    }
    return decoded.value as T;
  };
}

function checkId(id: string): string {
  if (typeof id !== 'string' || id === '') throw new TypeError('A record id must be a non-empty string');
  return id;
}
