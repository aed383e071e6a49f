import { createHash } from 'node:crypto';

export type FormParams = Record<string, string>;

/**
 * The OT request signature: SHA-256 (lowercase hex) of the method name, then every parameter value
 * (signature excluded) in ascending order of parameter name, then the secret, with no separators.
 */
export function signRequest(method: string, params: FormParams, secret: string): string {
  const values = Object.keys(params)
    .filter((name) => name !== 'signature')
    .sort()
    .map((name) => params[name])
    .join('');
  return createHash('sha256').update(`${method}${values}${secret}`, 'utf8').digest('hex');
}

/** OT's timestamp format: UTC yyyyMMddHHmmss. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
