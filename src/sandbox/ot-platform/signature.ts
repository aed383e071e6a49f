import { createHash } from 'node:crypto';

import { SimError } from './wire';

const MAX_SKEW_MS = 60 * 60_000;

/**
 * OT's request signing (reference §1.4), checked the way the server describes it: SHA-256 of the method
 * name, the values of every parameter but `signature` sorted by name, and the secret; timestamps within an
 * hour of the server's clock.
 */
export function checkSignature(method: string, params: Record<string, string>, secret: string, now: Date): void {
  const { timestamp, signature } = params;
  if (!timestamp) throw accessDenied('MissingTimestamp', 'The request has no timestamp');
  if (!signature) throw accessDenied('MissingSignature', 'The request has no signature');
  const sentAt = parseTimestamp(timestamp);
  if (sentAt === undefined || Math.abs(sentAt - now.getTime()) > MAX_SKEW_MS) {
    throw accessDenied('InvalidTimestamp', 'The request timestamp is not within an hour of the server time');
  }
  const values = Object.keys(params)
    .filter((name) => name !== 'signature')
    .sort()
    .map((name) => params[name])
    .join('');
  const expected = createHash('sha256').update(`${method}${values}${secret}`, 'utf8').digest('hex');
  if (signature.toLowerCase() !== expected) throw accessDenied('InvalidSignature', 'The request signature is wrong');
}

/** `yyyyMMddHHmmss`, UTC. */
function parseTimestamp(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function accessDenied(subErrorCode: string, description: string): SimError {
  return new SimError('AccessDenied', subErrorCode, description);
}
