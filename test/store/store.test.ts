import { StoreClosedError } from '../../src/store';
import { createRedisCase, createSqliteCase, eventsAt, type StoreCase } from './store-cases';

interface Activity {
  activityId: string;
  orderId: string;
}

const ACTIVITY: Activity = { activityId: '5f0c', orderId: 'ORD-0000012345' };

function isActivity(value: unknown): value is Activity {
  const record = value as Partial<Activity> | null;
  return typeof record?.activityId === 'string' && typeof record.orderId === 'string';
}

describe.each([createSqliteCase(), createRedisCase()])('store on $name', (backend: StoreCase) => {
  beforeEach(() => backend.startTest());
  afterEach(() => backend.endTest());
  afterAll(() => backend.endRun());

  describe('records', () => {
    it('returns what was set, and nothing once it is deleted', async () => {
      const activities = (await backend.open()).collection<Activity>('activities');

      await activities.set('5f0c', ACTIVITY);
      expect(await activities.get('5f0c')).toEqual(ACTIVITY);

      expect(await activities.delete('5f0c')).toBe(true);
      expect(await activities.get('5f0c')).toBeUndefined();
      expect(await activities.delete('5f0c')).toBe(false);
    });

    it('returns undefined for an id that was never set', async () => {
      const activities = (await backend.open()).collection<Activity>('activities');

      expect(await activities.get('missing')).toBeUndefined();
    });

    it('keeps collections apart even when their ids are equal', async () => {
      const store = await backend.open();

      await store.collection<string>('cards').set('5f0c', 'card');
      await store.collection<string>('questions').set('5f0c', 'question');

      expect(await store.collection<string>('cards').get('5f0c')).toBe('card');
      expect(await store.collection<string>('questions').get('5f0c')).toBe('question');
    });

    it('forgets a record once its time to live has passed', async () => {
      const activities = (await backend.open()).collection<Activity>('activities');

      await activities.set('5f0c', ACTIVITY, 1000);
      backend.advanceClock(999);
      expect(await activities.get('5f0c')).toEqual(ACTIVITY);

      backend.advanceClock(2);
      expect(await activities.get('5f0c')).toBeUndefined();
      expect(await activities.list()).toEqual([]);
    });

    it("applies the collection's time to live to records set without one", async () => {
      const questions = (await backend.open()).collection<string>('questions', { ttlMs: 1000 });

      await questions.set('q1', 'Which account?');
      await questions.set('q2', 'Which line?', 5000);
      backend.advanceClock(1001);

      expect(await questions.get('q1')).toBeUndefined();
      expect(await questions.get('q2')).toBe('Which line?');
    });

    it('lists every live record of a collection and nothing of other collections', async () => {
      const store = await backend.open();
      const activities = store.collection<Activity>('activities');
      await activities.set('a:1', { ...ACTIVITY, activityId: 'a:1' });
      await activities.set('a:2', { ...ACTIVITY, activityId: 'a:2' });
      await activities.set('gone', ACTIVITY, 1000);
      await store.collection<string>('activities-archive').set('a:3', 'other collection');
      backend.advanceClock(1001);

      const listed = await activities.list();

      expect(listed.map((record) => record.id).sort()).toEqual(['a:1', 'a:2']);
      expect(listed.find((record) => record.id === 'a:2')?.value).toEqual({ ...ACTIVITY, activityId: 'a:2' });
    });

    it('finds its records again after a restart', async () => {
      const before = await backend.open();
      await before.collection<Activity>('activities').set('5f0c', ACTIVITY);
      await before.close();

      const after = await backend.open();

      expect(await after.collection<Activity>('activities').list()).toEqual([{ id: '5f0c', value: ACTIVITY }]);
    });

    it('treats a corrupt record as missing and warns naming the collection and id, not the value', async () => {
      const activities = (await backend.open()).collection<Activity>('activities');
      await backend.writeRaw(`${backend.keyPrefix}:record:activities:broken`, '{"value": secret-customer-data');

      expect(await activities.get('broken')).toBeUndefined();
      expect(await activities.list()).toEqual([]);

      const warnings = eventsAt(backend.lines, 'warn');
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatchObject({ collection: 'activities', id: 'broken' });
      expect(backend.lines.join('\n')).not.toContain('secret-customer-data');
    });

    it('treats a record of the wrong shape as missing when the collection validates', async () => {
      const activities = (await backend.open()).collection<Activity>('activities', { validate: isActivity });
      await backend.writeRaw(`${backend.keyPrefix}:record:activities:old`, JSON.stringify({ value: { id: 7 } }));
      await activities.set('new', ACTIVITY);

      expect(await activities.get('old')).toBeUndefined();
      expect(await activities.list()).toEqual([{ id: 'new', value: ACTIVITY }]);
      expect(eventsAt(backend.lines, 'warn')[0]).toMatchObject({ collection: 'activities', id: 'old' });
    });

    it('refuses a time to live that is not above zero', async () => {
      const activities = (await backend.open()).collection<Activity>('activities');

      await expect(activities.set('5f0c', ACTIVITY, 0)).rejects.toThrow(RangeError);
    });
  });

  describe('claims', () => {
    it('is true for the first claim and false for every later one', async () => {
      const store = await backend.open();

      expect(await store.claim('pay:ORD-0000012345', backend.claimTtlMs)).toBe(true);
      expect(await store.claim('pay:ORD-0000012345', backend.claimTtlMs)).toBe(false);
      expect(await store.claim('pay:ORD-0000012345', backend.claimTtlMs)).toBe(false);
      expect(await store.claim('pay:ORD-0000099999', backend.claimTtlMs)).toBe(true);
    });

    it('grants exactly one of 20 concurrent claims of one key', async () => {
      const store = await backend.open();

      const results = await Promise.all(Array.from({ length: 20 }, () => store.claim('answer:q1', backend.claimTtlMs)));

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('refuses a time to live that is not above zero', async () => {
      const store = await backend.open();

      await expect(store.claim('pay:ORD-0000012345', 0)).rejects.toThrow(RangeError);
      await expect(store.withLock('poll:5f0c', Number.NaN, async () => 'polled')).rejects.toThrow(RangeError);
    });

    it('is free again once its time to live has passed', async () => {
      const store = await backend.open();
      await store.claim('reminder:2025-01-02', backend.claimTtlMs);

      await backend.letClaimExpire();

      expect(await store.claim('reminder:2025-01-02', backend.claimTtlMs)).toBe(true);
    });

    it('is free again after release, so failed work can be retried', async () => {
      const store = await backend.open();
      await store.claim('pay:ORD-0000012345', backend.claimTtlMs);

      await store.release('pay:ORD-0000012345');

      expect(await store.claim('pay:ORD-0000012345', backend.claimTtlMs)).toBe(true);
    });

    it('survives a restart of the bot', async () => {
      const before = await backend.open();
      await before.claim('pay:ORD-0000012345', backend.claimTtlMs);
      await before.close();

      const after = await backend.open();

      expect(await after.claim('pay:ORD-0000012345', backend.claimTtlMs)).toBe(false);
    });
  });

  describe('withLock', () => {
    it('runs the work while the lock is free and frees it afterwards', async () => {
      const store = await backend.open();

      const outcome = await store.withLock('poll:5f0c', backend.claimTtlMs, async () => 'polled');

      expect(outcome).toEqual({ acquired: true, value: 'polled' });
      expect(await store.claim('poll:5f0c', backend.claimTtlMs)).toBe(true);
    });

    it('skips the work while someone else holds the lock', async () => {
      const store = await backend.open();
      await store.claim('poll:5f0c', backend.claimTtlMs);
      const work = jest.fn(async () => 'polled');

      expect(await store.withLock('poll:5f0c', backend.claimTtlMs, work)).toEqual({ acquired: false });
      expect(work).not.toHaveBeenCalled();
    });

    it('frees the lock when the work fails, and passes the failure on', async () => {
      const store = await backend.open();

      await expect(
        store.withLock('poll:5f0c', backend.claimTtlMs, async () => {
          throw new Error('OT did not answer');
        }),
      ).rejects.toThrow('OT did not answer');
      expect(await store.claim('poll:5f0c', backend.claimTtlMs)).toBe(true);
    });

    it('does not free a lock that expired and was taken by someone else meanwhile', async () => {
      const store = await backend.open();

      await store.withLock('poll:5f0c', backend.claimTtlMs, async () => {
        await backend.letClaimExpire();
        expect(await store.claim('poll:5f0c', backend.claimTtlMs)).toBe(true);
      });

      expect(await store.claim('poll:5f0c', backend.claimTtlMs)).toBe(false);
    });
  });

  describe('close', () => {
    it('can be called twice, and any later use fails with StoreClosedError', async () => {
      const store = await backend.open();

      await store.close();
      await store.close();

      const error = await store.claim('pay:ORD-0000012345', backend.claimTtlMs).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreClosedError);
      expect(error).toMatchObject({ code: 'STORE_CLOSED', backend: backend.name, operation: 'claim' });
    });
  });
});
