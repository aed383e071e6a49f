import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

import { KeyvSqlite } from '@keyv/sqlite';

import { type Backend, createTextKeyv, describeReason, type StoredText } from './backend';
import { type StoreErrorFields, StoreOperationError, StoreUnavailableError } from './errors';
import { createKeyQueue } from './key-queue';
import { decodeRecord, encodeRecord } from './record';

const IN_MEMORY = ':memory:';
// Another process (a backup, sqlite3 on the command line) may hold the file briefly; wait for it, not fail.
const BUSY_TIMEOUT_MS = 5000;

export interface SqliteBackendOptions {
  path: string;
  now: () => number;
}

interface StoredRow {
  key: unknown;
  value: unknown;
}

/** Opens (and on first start creates) the SQLite file; fails with StoreUnavailableError when it cannot. */
export async function openSqliteBackend(options: SqliteBackendOptions): Promise<Backend> {
  const fields: StoreErrorFields = { backend: 'sqlite', location: options.path };

  try {
    if (options.path !== IN_MEMORY) await mkdir(dirname(options.path), { recursive: true });
    const adapter = new KeyvSqlite({ uri: `sqlite://${options.path}`, busyTimeout: BUSY_TIMEOUT_MS });
    // The adapter opens the file and creates its table lazily; a first query makes a bad path fail here, at start.
    await adapter.query('SELECT 1');
    return createSqliteBackend(adapter, fields, options.now);
  } catch (error) {
    throw new StoreUnavailableError(fields, describeReason(error), { cause: error });
  }
}

function createSqliteBackend(adapter: KeyvSqlite, fields: StoreErrorFields, now: () => number): Backend {
  const keyv = createTextKeyv(adapter);
  const table = adapter.opts.table ?? 'keyv';
  // SQLite serves one bot process by design (several replicas use Redis), so claims only have to be atomic inside
  // this process: claims and releases of one key run one at a time, each a read then a write that nothing else
  // in the process can come between.
  const claims = createKeyQueue();

  return {
    kind: fields.backend,
    location: fields.location,
    get: (key) => keyv.get(key),
    set: async (key, text) => {
      // No ttl for the adapter: it has no expiry of its own; the record's expiresAt does that job.
      await keyv.set(key, text);
    },
    delete: (key) => keyv.delete(key),
    deleteIfUnchanged: async (key, text) => {
      const deleted = await adapter.query(`DELETE FROM ${table} WHERE key = ? AND value = ? RETURNING key`, key, text);
      return Array.isArray(deleted) && deleted.length > 0;
    },
    list: async (prefix) => {
      // The adapter's own iterator pages with LIMIT/OFFSET and matches with LIKE, so it can skip rows deleted
      // while it runs and treats _ and % in names as wildcards; one exact query has neither problem.
      const rows = await adapter.query(
        `SELECT key, value FROM ${table} WHERE substr(key, 1, ?) = ?`,
        prefix.length,
        prefix,
      );
      return Array.isArray(rows) ? rows.flatMap(toStoredText) : [];
    },
    claim: (key, token, ttlMs) =>
      claims.run(key, async () => {
        if (isLiveClaim(await keyv.get(key), now())) return false;
        await keyv.set(key, encodeRecord(token, now() + ttlMs));
        return true;
      }),
    release: (key, token) =>
      claims.run(key, async () => {
        if (token !== undefined && !isClaimHeldBy(await keyv.get(key), token, now())) return false;
        return keyv.delete(key);
      }),
    describeFailure: (error, operation, key) =>
      new StoreOperationError({ ...fields, operation, key }, describeReason(error), { cause: error }),
    close: () => keyv.disconnect(),
  };
}

// A claim text that cannot be decoded counts as free: no holder could prove it is theirs, and keeping it would
// block that key forever.
function isLiveClaim(text: string | undefined, now: number): boolean {
  return text !== undefined && decodeRecord(text, now).status === 'live';
}

function isClaimHeldBy(text: string | undefined, token: string, now: number): boolean {
  if (text === undefined) return false;

  const decoded = decodeRecord(text, now);
  return decoded.status === 'live' && decoded.value === token;
}

function toStoredText(row: StoredRow): StoredText[] {
  return typeof row.key === 'string' && typeof row.value === 'string' ? [{ key: row.key, text: row.value }] : [];
}
