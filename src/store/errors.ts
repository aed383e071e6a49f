/** What went wrong with the store; every message names the backend and where it lives, never a password. */
export type StoreErrorCode = 'STORE_UNAVAILABLE' | 'STORE_OPERATION_FAILED' | 'STORE_CLOSED';

export type StoreBackendKind = 'sqlite' | 'redis';

export interface StoreErrorFields {
  backend: StoreBackendKind;
  /** The SQLite file path or the Redis URL with its credentials masked. */
  location: string;
}

export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;
  readonly backend: StoreBackendKind;
  readonly location: string;

  constructor(fields: StoreErrorFields, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.backend = fields.backend;
    this.location = fields.location;
  }
}

/** The store cannot be reached at all: Redis is down or refuses us, or the SQLite file cannot be opened. */
export class StoreUnavailableError extends StoreError {
  readonly code = 'STORE_UNAVAILABLE';
  readonly reason: string;

  constructor(fields: StoreErrorFields, reason: string, options?: { cause?: unknown }) {
    super(fields, describeUnavailable(fields, reason), options);
    this.reason = reason;
  }
}

/** The store is reachable but refused one operation (a full disk, a Redis error reply). */
export class StoreOperationError extends StoreError {
  readonly code = 'STORE_OPERATION_FAILED';
  readonly operation: string;
  readonly key: string;
  readonly reason: string;

  constructor(
    fields: StoreErrorFields & { operation: string; key: string },
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      fields,
      `Store ${fields.operation} of ${fields.key} failed on ${describeLocation(fields)}: ${reason}`,
      options,
    );
    this.operation = fields.operation;
    this.key = fields.key;
    this.reason = reason;
  }
}

/** Something used the store after close(): a shutdown ordering bug, not a store fault. */
export class StoreClosedError extends StoreError {
  readonly code = 'STORE_CLOSED';
  readonly operation: string;

  constructor(fields: StoreErrorFields & { operation: string }) {
    super(fields, `Store ${fields.operation} came after the store at ${describeLocation(fields)} was closed`);
    this.operation = fields.operation;
  }
}

function describeUnavailable(fields: StoreErrorFields, reason: string): string {
  if (fields.backend === 'redis') {
    return (
      `Redis at ${fields.location} is not reachable (${reason}): start Redis there, ` +
      'or set STORE_URL to a Redis server this bot can reach'
    );
  }
  return (
    `SQLite file ${fields.location} cannot be opened (${reason}): make sure its directory can be created and is ` +
    'writable by the bot, or set STORE_URL to another sqlite:// path'
  );
}

function describeLocation(fields: StoreErrorFields): string {
  return fields.backend === 'redis' ? `Redis at ${fields.location}` : `SQLite file ${fields.location}`;
}
