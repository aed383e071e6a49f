import KeyvRedis, {
  createClient,
  defaultReconnectStrategy,
  type RedisClientType,
  type RedisConnectionClientType,
} from '@keyv/redis';

import { hideUrlCredentials, redisPasswordOf } from '../config-values';
import type { Logger } from '../logger';
import { type Backend, createTextKeyv, describeReason, type StoredText } from './backend';
import { type StoreErrorFields, StoreOperationError, StoreUnavailableError } from './errors';

// Deletes KEYS[1] only while it holds ARGV[1]; one script, so no other replica can write in between.
const DELETE_IF_EQUAL_SCRIPT =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
const SCAN_BATCH = 500;
// @redis/client is not our own dependency, so its error classes are recognised by name: an ErrorReply means Redis
// answered and refused the command, anything else means we could not talk to it.
const REDIS_REPLY_ERROR = 'ErrorReply';

export interface RedisBackendOptions {
  url: string;
  connectTimeoutMs: number;
  logger: Logger;
}

type RedisClient = RedisClientType;

/** Connects to Redis; fails with StoreUnavailableError within connectTimeoutMs when it cannot. */
export async function openRedisBackend(options: RedisBackendOptions): Promise<Backend> {
  const fields: StoreErrorFields = { backend: 'redis', location: hideUrlCredentials(options.url) };
  const client = createRedisClient(options, fields);

  try {
    await connectWithin(client, options.connectTimeoutMs);
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new StoreUnavailableError(fields, describeRedisReason(error, options.url), { cause: error });
  }
  return createRedisBackend(client, fields, options.url);
}

// The socket's connectTimeout only covers TCP; a server that accepts but never answers the handshake (a wrong port,
// a stuck proxy) would hold connect() forever, so the whole handshake gets the same deadline.
async function connectWithin(client: RedisClient, timeoutMs: number): Promise<void> {
  const connecting = client.connect();
  // When the deadline wins, connect() still settles later; its failure is already reported, not unhandled.
  connecting.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });

  try {
    await Promise.race([connecting, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function createRedisClient(options: RedisBackendOptions, fields: StoreErrorFields): RedisClient {
  const state = { connected: false, lost: false };
  const client = createClient({
    url: options.url,
    // While the connection is down, commands fail at once instead of waiting in a queue: the operator is told the
    // store is unavailable rather than left with a request that hangs until Redis comes back.
    disableOfflineQueue: true,
    // TODO(half-open connections) a command sent on a connection that died silently waits until the OS notices.
    socket: {
      connectTimeout: options.connectTimeoutMs,
      // Give up on the first connection, so a wrong STORE_URL fails at start; once connected, keep reconnecting.
      // false, not an Error: the client checks with instanceof, which fails for errors from another realm (jest).
      reconnectStrategy: (retries) => (state.connected ? defaultReconnectStrategy(retries) : false),
    },
  });

  client.on('ready', () => {
    if (state.lost) options.logger.info('Redis connection restored', { location: fields.location });
    state.connected = true;
    state.lost = false;
  });
  client.on('error', (error: unknown) => {
    // Each reconnect attempt reports an error; one warning per outage is enough.
    if (!state.connected || state.lost) return;
    state.lost = true;
    options.logger.warn('Redis connection lost; reconnecting', {
      location: fields.location,
      reason: describeRedisReason(error, options.url),
    });
  });
  return client;
}

function createRedisBackend(client: RedisClient, fields: StoreErrorFields, url: string): Backend {
  // The adapter's type names every RESP version and module set; ours is the plain RESP2 client it accepts at run time.
  const adapter = new KeyvRedis(client as unknown as RedisConnectionClientType, { throwOnErrors: true });
  const keyv = createTextKeyv(adapter);
  const deleteIfEqual = async (key: string, text: string) =>
    Number(await client.eval(DELETE_IF_EQUAL_SCRIPT, { keys: [key], arguments: [text] })) > 0;

  return {
    kind: fields.backend,
    location: fields.location,
    get: (key) => keyv.get(key),
    set: async (key, text, ttlMs) => {
      // Redis drops the key itself when its time is up (SET PX), so expired records take no room.
      await keyv.set(key, text, ttlMs);
    },
    delete: (key) => keyv.delete(key),
    deleteIfUnchanged: deleteIfEqual,
    list: (prefix) => listByPrefix(client, prefix),
    claim: async (key, token, ttlMs) => {
      // One atomic SET NX PX: of any number of callers on any number of replicas, exactly one gets OK.
      const reply = await client.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
      return reply === 'OK';
    },
    release: async (key, token) => (token === undefined ? (await client.del(key)) > 0 : deleteIfEqual(key, token)),
    describeFailure: (error, operation, key) => describeRedisFailure(error, { ...fields, operation, key }, url),
    close: async () => {
      // A graceful close waits for replies, which never come while Redis is down; then the socket is just dropped.
      if (client.isReady) await keyv.disconnect();
      else if (client.isOpen) client.destroy();
    },
  };
}

async function listByPrefix(client: RedisClient, prefix: string): Promise<StoredText[]> {
  const seen = new Set<string>();
  const stored: StoredText[] = [];

  // SCAN may return a key more than once; each is read once, and a key deleted since its batch is skipped.
  for await (const batch of client.scanIterator({ MATCH: `${escapeGlob(prefix)}*`, COUNT: SCAN_BATCH })) {
    const keys = batch.filter((key) => !seen.has(key));
    if (keys.length === 0) continue;

    for (const key of keys) seen.add(key);
    const texts = await client.mGet(keys);
    keys.forEach((key, index) => {
      const text = texts[index];
      if (typeof text === 'string') stored.push({ key, text });
    });
  }
  return stored;
}

function describeRedisFailure(
  error: unknown,
  fields: StoreErrorFields & { operation: string; key: string },
  url: string,
): StoreOperationError | StoreUnavailableError {
  const reason = describeRedisReason(error, url);
  return isReplyError(error)
    ? new StoreOperationError(fields, reason, { cause: error })
    : new StoreUnavailableError(fields, reason, { cause: error });
}

function isReplyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;

  for (let type = Object.getPrototypeOf(error); type; type = Object.getPrototypeOf(type)) {
    if (type.constructor?.name === REDIS_REPLY_ERROR) return true;
  }
  return false;
}

// The client's messages name host and port, not the password; masked anyway in case one ever quotes the URL.
function describeRedisReason(error: unknown, url: string): string {
  const reason = hideUrlCredentials(describeReason(error));
  const password = redisPasswordOf({ kind: 'redis', url });
  return password ? reason.split(password).join('***') : reason;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
