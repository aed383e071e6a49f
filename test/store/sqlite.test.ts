import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { KeyvSqlite } from '@keyv/sqlite';

import { createSilentLogger } from '../../src/logger';
import { openStore, StoreOperationError, StoreUnavailableError } from '../../src/store';

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('store on sqlite', () => {
  it('creates the directory of its file on first start', async () => {
    const path = join(directory, 'data', 'nested', 'bot.sqlite');

    const store = await openStore({ config: { kind: 'sqlite', path }, logger: createSilentLogger() });
    await store.collection<string>('activities').set('5f0c', 'tracked');
    await store.close();

    expect(existsSync(path)).toBe(true);
  });

  it('fails to open with StoreUnavailableError naming the path when the file cannot be created', async () => {
    const blocker = join(directory, 'not-a-directory');
    writeFileSync(blocker, '');
    const path = join(blocker, 'bot.sqlite');

    const error = await openStore({ config: { kind: 'sqlite', path }, logger: createSilentLogger() }).catch((e) => e);

    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', backend: 'sqlite', location: path });
    expect(error.message).toContain(`SQLite file ${path} cannot be opened`);
    expect(error.reason).toContain('not-a-directory');
    expect(error.cause).toHaveProperty('code');
  });

  it('fails with StoreOperationError naming the operation and key when the file is damaged under it', async () => {
    const path = join(directory, 'bot.sqlite');
    const store = await openStore({ config: { kind: 'sqlite', path }, logger: createSilentLogger() });
    const other = new KeyvSqlite({ uri: `sqlite://${path}` });
    await other.query('DROP TABLE keyv');
    await other.disconnect();

    const error = await store.claim('pay:ORD-0000012345', 60_000).catch((e) => e);
    await store.close();

    expect(error).toBeInstanceOf(StoreOperationError);
    expect(error).toMatchObject({
      code: 'STORE_OPERATION_FAILED',
      backend: 'sqlite',
      location: path,
      operation: 'claim',
      key: 'autopurchase:claim:pay:ORD-0000012345',
    });
    expect(error.reason).toContain('no such table');
  });

  it('refuses a key prefix that could blur into another key', async () => {
    const path = join(directory, 'bot.sqlite');

    await expect(
      openStore({ config: { kind: 'sqlite', path }, logger: createSilentLogger(), keyPrefix: 'bot:*' }),
    ).rejects.toThrow(TypeError);
  });
});
