// The text stored under every record and SQLite claim: `{"value":...,"expiresAt":...}`. The expiry travels with the
// value because SQLite has no expiry of its own, and so that every backend honours the store's injected clock.

/** What a stored text turned out to hold; a corrupt one carries our own words, never the text itself. */
export type DecodedRecord =
  | { status: 'live'; value: unknown; expiresAt?: number }
  | { status: 'expired' }
  | { status: 'corrupt'; reason: string };

export function encodeRecord(value: unknown, expiresAt?: number): string {
  if (value === undefined) throw new TypeError('A stored value cannot be undefined: delete the record instead');

  return JSON.stringify(expiresAt === undefined ? { value } : { value, expiresAt });
}

export function decodeRecord(text: string, now: number): DecodedRecord {
  const envelope = parseJson(text);
  if (!isObject(envelope)) return { status: 'corrupt', reason: 'it is not a JSON object' };
  if (!('value' in envelope)) return { status: 'corrupt', reason: 'it has no value field' };

  const { value, expiresAt } = envelope;
  if (expiresAt === undefined) return { status: 'live', value };
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) {
    return { status: 'corrupt', reason: 'its expiresAt field is not a number' };
  }
  return expiresAt <= now ? { status: 'expired' } : { status: 'live', value, expiresAt };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
