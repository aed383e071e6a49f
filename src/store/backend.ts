import { Keyv, type KeyvStoreAdapter } from 'keyv';

import type { StoreBackendKind, StoreError } from './errors';

/** One stored key and the text under it, as a backend lists them. */
export interface StoredText {
  key: string;
  text: string;
}

/** The few primitives each backend provides; store.ts builds typed collections and claims on top of them. */
export interface Backend {
  readonly kind: StoreBackendKind;
  /** The SQLite file path or the Redis URL with its credentials masked: safe for messages and logs. */
  readonly location: string;
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Deletes key only while it still holds exactly text, so that a record written meanwhile survives. */
  deleteIfUnchanged(key: string, text: string): Promise<boolean>;
  /** Every key that starts with prefix, each once, with its text. */
  list(prefix: string): Promise<StoredText[]>;
  /** Stores token under key unless a live claim is there; true only for the call that made the claim. */
  claim(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Deletes a claim; with a token, only while the claim still holds that token. True when one was deleted. */
  release(key: string, token?: string): Promise<boolean>;
  /** Turns a failure of one operation into our own error, naming what to fix. */
  describeFailure(error: unknown, operation: string, key: string): StoreError;
  close(): Promise<void>;
}

/**
 * A keyv instance that stores plain text under the exact keys it is given. store.ts builds the full key names, so
 * SQLite and Redis hold the same ones, and encodes the values itself: keyv's own envelope would turn a corrupt
 * record into a thrown SyntaxError and would check expiry against the wall clock instead of the injected one.
 */
export function createTextKeyv(adapter: KeyvStoreAdapter): Keyv<string> {
  return new Keyv<string>({
    store: adapter,
    namespace: undefined,
    useKeyPrefix: false,
    serialize: (data) => String(data.value),
    deserialize: <Value>(text: string) => ({ value: text as unknown as Value }),
    // Without it keyv answers a failed read with undefined, which would look like a missing record.
    throwOnErrors: true,
  });
}

export function describeReason(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
