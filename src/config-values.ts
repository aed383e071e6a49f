// Pure checks and conversions of setting values; config.ts decides which setting uses which.
import type { StoreConfig } from './config';

const CRON_ITEM_PATTERN = /^(\*|[0-9A-Z]+(?:-[0-9A-Z]+)?)(?:\/\d+)?$/i;
const CRON_NAMES = new Set('SUN MON TUE WED THU FRI SAT JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' '));

export function parseStoreUrl(value: string): StoreConfig | undefined {
  if (value.startsWith('sqlite://')) {
    const path = value.slice('sqlite://'.length);
    return path ? { kind: 'sqlite', path } : undefined;
  }

  return isRedisUrl(value) ? { kind: 'redis', url: value } : undefined;
}

function isRedisUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:')) return false;

  return url.hostname !== '' && /^(\/\d*)?$/.test(url.pathname) && isBareUrl(value);
}

export function redisPasswordOf(store: StoreConfig): string | undefined {
  if (store.kind !== 'redis') return undefined;

  const password = parseUrl(store.url)?.password;
  return password ? decodeURIComponent(password) : undefined;
}

export function isCronExpression(value: string): boolean {
  const fields = value.split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every(isCronField);
}

function isCronField(field: string): boolean {
  return field.split(',').every((item) => {
    const match = CRON_ITEM_PATTERN.exec(item);
    return match !== null && (match[1] === '*' || match[1].split('-').every(isCronAtom));
  });
}

function isCronAtom(atom: string): boolean {
  return /^\d{1,2}$/.test(atom) || CRON_NAMES.has(atom.toUpperCase());
}

export function canonicalTimezone(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function isHttpUrl(value: string): boolean {
  const url = parseUrl(value);
  return url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

// A base URL gets paths appended to it, which a query or fragment would swallow.
export function isBareUrl(value: string): boolean {
  const url = parseUrl(value);
  return url !== undefined && url.search === '' && url.hash === '';
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function splitList(value: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...new Set(items)];
}

// STORE_URL may carry a Redis password, which must not reach the log either.
export function hideUrlCredentials(value: string): string {
  return value.replace(/\/\/[^@\s]*@/g, '//***@');
}

export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;

  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
