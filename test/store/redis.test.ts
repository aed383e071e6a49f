import { createConnection, createServer, type Server, type Socket } from 'node:net';

import { createClient } from '@keyv/redis';

import { StoreOperationError, StoreUnavailableError } from '../../src/store';
import { createRedisCase, eventsAt, REDIS_URL, sleep } from './store-cases';

const backend = createRedisCase();

beforeEach(() => backend.startTest());
afterEach(() => backend.endTest());
afterAll(() => backend.endRun());

describe('store on redis shared by several replicas', () => {
  it("sees the other replica's claims", async () => {
    const replicaA = await backend.open();
    const replicaB = await backend.open();

    expect(await replicaA.claim('reminder:2025-01-02', backend.claimTtlMs)).toBe(true);
    expect(await replicaB.claim('reminder:2025-01-02', backend.claimTtlMs)).toBe(false);
  });

  it('grants exactly one of 20 concurrent claims made through two replicas', async () => {
    const replicas = [await backend.open(), await backend.open()];

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => replicas[index % 2].claim('pay:ORD-0000012345', backend.claimTtlMs)),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('keeps bots with different key prefixes apart', async () => {
    const bot = await backend.open();
    const otherBot = await backend.open({ keyPrefix: `${backend.keyPrefix}-other` });
    await bot.collection<string>('activities').set('5f0c', 'ours');
    await bot.claim('pay:ORD-0000012345', backend.claimTtlMs);

    expect(await otherBot.collection<string>('activities').get('5f0c')).toBeUndefined();
    expect(await otherBot.collection<string>('activities').list()).toEqual([]);
    expect(await otherBot.claim('pay:ORD-0000012345', backend.claimTtlMs)).toBe(true);
  });

  it('lets Redis drop an expiring record by itself', async () => {
    const store = await backend.open();
    await store.collection<string>('questions').set('q1', 'Which account?', 60_000);

    const raw = await createClient({ url: REDIS_URL }).connect();
    const remainingMs = await raw.pTTL(`${backend.keyPrefix}:record:questions:q1`);
    await raw.close();

    expect(remainingMs).toBeGreaterThan(0);
    expect(remainingMs).toBeLessThanOrEqual(60_000);
  });
});

describe('store on redis that refuses an operation', () => {
  it('fails with StoreOperationError naming the operation and key', async () => {
    const store = await backend.open();
    const key = `${backend.keyPrefix}:record:activities:5f0c`;
    // A hash where a record should be: Redis answers GET with a WRONGTYPE error.
    const raw = await createClient({ url: REDIS_URL }).connect();
    await raw.hSet(key, 'field', 'value');
    await raw.close();

    const error = await store
      .collection<string>('activities')
      .get('5f0c')
      .catch((e) => e);

    expect(error).toBeInstanceOf(StoreOperationError);
    expect(error).toMatchObject({ code: 'STORE_OPERATION_FAILED', backend: 'redis', operation: 'get', key });
    expect(error.reason).toContain('WRONGTYPE');
  });
});

describe('store on redis that cannot be reached', () => {
  it('fails to open with StoreUnavailableError within a few seconds', async () => {
    const started = Date.now();

    const error = await backend.open({ config: { kind: 'redis', url: 'redis://127.0.0.1:1' } }).catch((e) => e);

    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', backend: 'redis', location: 'redis://127.0.0.1:1' });
    expect(error.message).toContain('Redis at redis://127.0.0.1:1 is not reachable');
    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up within the connect timeout on a server that accepts the connection but never answers', async () => {
    const silent = await listen(
      createServer(() => undefined),
      0,
    );
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();

    const error = await backend
      .open({ config: { kind: 'redis', url: `redis://127.0.0.1:${port}` }, connectTimeoutMs: 300 })
      .catch((e) => e);
    silent.close();

    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', location: `redis://127.0.0.1:${port}` });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('never shows the password of the Redis URL in the error or the log', async () => {
    const url = 'redis://:hunter2-secret@127.0.0.1:1';

    const error = await backend.open({ config: { kind: 'redis', url } }).catch((e) => e);

    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.location).toBe('redis://***@127.0.0.1:1');
    expect(`${error.message} ${error.reason}`).not.toContain('hunter2-secret');
    expect(backend.lines.join('\n')).not.toContain('hunter2-secret');
  });

  it('fails operations with StoreUnavailableError while Redis is down, and works again once it is back', async () => {
    const proxy = await startProxy(6379);
    const store = await backend.open({ config: { kind: 'redis', url: `redis://127.0.0.1:${proxy.port}` } });
    const activities = store.collection<string>('activities');
    await activities.set('5f0c', 'tracked');

    await proxy.stop();
    const error = await activities.get('5f0c').catch((e) => e);

    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', backend: 'redis' });

    await proxy.restart();
    expect(await eventually(() => activities.get('5f0c'))).toBe('tracked');
    await proxy.stop();
    // One warning for the outage, however many reconnect attempts it took, and one line when it is over.
    expect(eventsAt(backend.lines, 'warn').map((event) => event.message)).toEqual([
      'Redis connection lost; reconnecting',
    ]);
    expect(eventsAt(backend.lines, 'info').map((event) => event.message)).toContain('Redis connection restored');
  });
});

interface Proxy {
  port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** A TCP relay to the real Redis that a test can take down and bring back, as an outage would. */
async function startProxy(targetPort: number): Promise<Proxy> {
  const sockets = new Set<Socket>();
  const relay = (client: Socket) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  };
  let server = await listen(createServer(relay), 0);
  const port = (server.address() as { port: number }).port;

  return {
    port,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async restart() {
      server = await listen(createServer(relay), port);
    },
  };
}

function listen(server: Server, port: number): Promise<Server> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Retries a read until the store answers again: the client reconnects on its own, within a few hundred ms. */
async function eventually<T>(read: () => Promise<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}
