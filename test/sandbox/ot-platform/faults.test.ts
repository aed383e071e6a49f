import { OtApiError, OtBadAnswerError, OtHttpError, OtTimeoutError } from '../../../src/ot/errors';
import type { OtPlatform } from '../../../src/sandbox/ot-platform';
import { FAST_POLICIES } from '../../helpers/ot';
import { clientFor, startTestPlatform } from '../../helpers/ot-platform';

// Each fault knob of the simulator, seen through the real client: the typed error the bot will handle.

describe('the simulator fault knobs, as the OT client sees them', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  it('turns latency above the policy timeout into OtTimeoutError', async () => {
    platform.faults.latencyMs = 400;
    const policy = { ...FAST_POLICIES.interactive, timeoutMs: 150, retries: 0 };
    const client = clientFor(platform, { policies: { interactive: policy, background: policy } });

    await expect(client.getProviders()).rejects.toBeInstanceOf(OtTimeoutError);
    await expect(client.getProviders()).rejects.toMatchObject({ method: 'GetProviderInfoList', timeoutMs: 150 });
  });

  it('answers slowly but completely when the latency is within the timeout', async () => {
    platform.faults.latencyMs = 50;
    await expect(clientFor(platform).getProviders()).resolves.toHaveLength(2);
  });

  it('turns HTTP 500 into OtHttpError, and a read retried past one 500 succeeds', async () => {
    const client = clientFor(platform);
    platform.faults.inject('http500', { method: 'GetProviderInfoList' });
    await expect(client.getProviders()).resolves.toHaveLength(2);

    platform.faults.inject('http500', { method: 'AddOrder' });
    const adding = client.addOrder({ deliveryModeId: '12', items: [{ itemId: '587654321099', quantity: 1 }] });
    await expect(adding).rejects.toBeInstanceOf(OtHttpError);
    await expect(adding).rejects.toMatchObject({ method: 'AddOrder', statusCode: 500 });
    expect(platform.calls.filter((call) => call.method === 'AddOrder')).toHaveLength(1); // a write is never repeated
  });

  it('turns a cut-off XML answer into OtBadAnswerError', async () => {
    const client = clientFor(platform);
    platform.faults.inject('malformed', { method: 'GetOrderLineStatusList' });

    const reading = client.getOrderLineStatuses();
    await expect(reading).rejects.toBeInstanceOf(OtBadAnswerError);
    await expect(reading).rejects.toMatchObject({ method: 'GetOrderLineStatusList' });
  });

  it('logs in again once after SessionExpired, and surfaces the second one as OtApiError', async () => {
    const client = clientFor(platform);
    await client.getOrderLineStatuses();

    platform.faults.inject('sessionExpired', { method: 'GetOrderLineStatusList' });
    await expect(client.getOrderLineStatuses()).resolves.toContainEqual({ id: 13, name: 'Cancelled' });
    expect(platform.calls.filter((call) => call.method === 'AuthenticateInstanceOperator')).toHaveLength(2);

    platform.faults.inject('sessionExpired', { method: 'GetOrderLineStatusList', times: 2 });
    const reading = client.getOrderLineStatuses();
    await expect(reading).rejects.toBeInstanceOf(OtApiError);
    await expect(reading).rejects.toMatchObject({ errorCode: 'SessionExpired', isSessionExpired: true });
  });

  it('expires operator sessions after their configured lifetime, and the client logs in again', async () => {
    const client = clientFor(platform);
    await client.getOrderLineStatuses();
    platform.clock.advance(61 * 60_000);

    await expect(client.getOrderLineStatuses()).resolves.not.toHaveLength(0);
    expect(platform.calls.map((call) => call.method)).toEqual([
      'AuthenticateInstanceOperator',
      'GetOrderLineStatusList',
      'GetOrderLineStatusList',
      'AuthenticateInstanceOperator',
      'GetOrderLineStatusList',
    ]);
  });

  it('answers InstanceKeyBan to every call while the ban is on', async () => {
    platform.faults.instanceKeyBan = true;
    const reading = clientFor(platform).getProviders();

    await expect(reading).rejects.toBeInstanceOf(OtApiError);
    await expect(reading).rejects.toMatchObject({ errorCode: 'InstanceKeyBan', method: 'GetProviderInfoList' });
    platform.faults.clear();
    await expect(clientFor(platform).getProviders()).resolves.toHaveLength(2);
  });

  it('refuses a wrong instance key and wrong operator credentials as AccessDenied', async () => {
    const wrongKey = clientFor(platform, { instanceKey: 'not-the-key' }).getProviders();
    await expect(wrongKey).rejects.toMatchObject({ errorCode: 'AccessDenied', subErrorCode: 'InvalidInstanceKey' });

    const wrongPassword = clientFor(platform, { operator: { login: 'operator', password: 'guess' } });
    await expect(wrongPassword.getOrderLineStatuses()).rejects.toMatchObject({
      method: 'AuthenticateInstanceOperator',
      errorCode: 'AccessDenied',
    });
  });
});

describe('the simulator with a signing secret', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform({ secret: 'sim-secret-42' });
  });

  afterEach(() => platform.close());

  it('accepts requests the client signs with the same secret', async () => {
    await expect(clientFor(platform, { secret: 'sim-secret-42' }).getOrderLineStatuses()).resolves.not.toHaveLength(0);
  });

  it('refuses unsigned requests and requests signed with another secret', async () => {
    await expect(clientFor(platform).getProviders()).rejects.toMatchObject({ subErrorCode: 'MissingTimestamp' });
    await expect(clientFor(platform, { secret: 'other' }).getProviders()).rejects.toMatchObject({
      errorCode: 'AccessDenied',
      subErrorCode: 'InvalidSignature',
    });
  });

  it('refuses a timestamp more than an hour away from its clock', async () => {
    const client = clientFor(platform, { secret: 'sim-secret-42', now: () => new Date(Date.UTC(2020, 0, 1)) });
    await expect(client.getProviders()).rejects.toMatchObject({ subErrorCode: 'InvalidTimestamp' });
  });
});
