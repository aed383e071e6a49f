import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

// The `state` of the provider return URL: which account a log-in link was for and who asked for it,
// signed with STATE_SECRET and expiring, so that the return route can trust what comes back through a
// browser. The nonce lets the route take each state once.

/** A morning reminder's links must work all day. */
export const STATE_LIFETIME_MS = 26 * 60 * 60_000;

export interface ProviderState {
  account: string;
  userId: string;
  nonce: string;
  expiresAt: number;
}

export function createProviderState(secret: string, account: string, userId: string, now = Date.now()): string {
  const state: ProviderState = { account, userId, nonce: randomUUID(), expiresAt: now + STATE_LIFETIME_MS };
  const payload = Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The state when it is ours, untouched and not expired; otherwise why not, in words for a log line. */
export function readProviderState(secret: string, text: string, now = Date.now()): ProviderState | string {
  const [payload, signature, extra] = text.split('.');
  if (!payload || !signature || extra !== undefined) return 'the state is not of the form payload.signature';
  const expected = Buffer.from(sign(secret, payload), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'the state signature is wrong';

  const state = parseState(payload);
  if (!state) return 'the state payload is not a provider state';
  if (state.expiresAt <= now) return 'the state has expired';
  return state;
}

function parseState(payload: string): ProviderState | undefined {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<ProviderState>;
    const { account, userId, nonce, expiresAt } = value;
    if (typeof account !== 'string' || typeof userId !== 'string' || typeof nonce !== 'string') return undefined;
    return typeof expiresAt === 'number' ? { account, userId, nonce, expiresAt } : undefined;
  } catch {
    return undefined;
  }
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
