import { listOpenActivities, listProviderAccounts } from '../../src/autopurchase/accounts';
import { describeFailure } from '../../src/autopurchase/describe-failure';
import { findDroppedItems } from '../../src/autopurchase/orders';
import { PaymentPartlyDone, PaymentRefused, payOrder, planPayment } from '../../src/autopurchase/payment';
import { searchLines } from '../../src/autopurchase/search';
import { OtApiError, OtBadAnswerError, OtHttpError, OtNetworkError, OtTimeoutError } from '../../src/ot/errors';
import type { OrderLine } from '../../src/ot/types';
import { type OtPlatform, SEED } from '../../src/sandbox/ot-platform';
import {
  addPaidOrder,
  addShippedOrder,
  clientFor,
  isAsking,
  isOver,
  pollActivity,
  providerSessionId,
  startTestPlatform,
} from '../helpers/ot-platform';

const CHARGER = { itemId: '587654321099', quantity: 1 };
const CABLE = { itemId: '587654321100', configurationId: '3301234568001', quantity: 2 };

describe('describeFailure', () => {
  it.each([
    [
      new OtApiError('SalesPaymentReserve', {
        errorCode: 'ValidationError',
        subErrorCode: 'NotEnoughMoney',
        description: 'Too little',
      }),
      'OT SalesPaymentReserve refused: Too little (ValidationError/NotEnoughMoney). ' +
        'Check what you typed and try again.',
    ],
    [
      new OtApiError('GetProviderInfoList', { errorCode: 'InstanceKeyBan' }),
      'OT GetProviderInfoList refused: InstanceKeyBan. OT has blocked the instance key: contact OT support.',
    ],
    [
      new OtTimeoutError('AddOrder', 15_000),
      'OT AddOrder did not answer within 15 s; OT may be slow, try again in a minute',
    ],
    [new OtHttpError('AddOrder', 502), 'OT AddOrder failed: OT answered HTTP 502; try again later'],
    [new OtNetworkError('AddOrder', 'ECONNREFUSED'), 'OT AddOrder failed: OT could not be reached (ECONNREFUSED)'],
    [
      new OtBadAnswerError('AddOrder', 'cut off'),
      'OT AddOrder failed: OT sent an answer the bot cannot read (cut off)',
    ],
    [new Error('boom'), 'something unexpected went wrong in the bot; the details are in its log'],
  ])('says which call failed and why: %s', (error, words) => {
    expect(describeFailure(error)).toBe(words);
  });
});

describe('findDroppedItems', () => {
  const line = (itemId: string, configurationId: string | undefined, quantity: number) =>
    ({ itemId, configurationId, quantity }) as OrderLine;

  it('matches requested items to lines by item, configuration (0 for none) and quantity, each line once', () => {
    const requested = [
      { itemId: 'a', quantity: 1 },
      { itemId: 'a', quantity: 1 },
      { itemId: 'b', configurationId: '7', quantity: 2 },
      { itemId: 'c', quantity: 1 },
    ];
    const lines = [line('a', '0', 1), line('b', '7', 2)];

    expect(findDroppedItems(requested, lines)).toEqual([
      { itemId: 'a', quantity: 1 },
      { itemId: 'c', quantity: 1 },
    ]);
  });
});

describe('use cases against the simulator', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  it('plans a payment of the remaining amount, and refuses more than is left', async () => {
    const client = clientFor(platform);
    const order = await client.addOrder({ deliveryModeId: SEED.deliveryModeId, items: [CHARGER] });

    await expect(planPayment(client, order.id)).resolves.toMatchObject({ amount: 99, customerId: '10587' });
    await expect(planPayment(client, order.id, 100)).rejects.toBeInstanceOf(PaymentRefused);
  });

  it('deposits only what the balance lacks, so paying again after a failed reservation deposits no more', async () => {
    const client = clientFor(platform);
    const order = await client.addOrder({ deliveryModeId: SEED.deliveryModeId, items: [CHARGER] });
    const plan = await planPayment(client, order.id);
    platform.faults.inject('http500', { method: 'SalesPaymentReserve' });

    const failed = payOrder(client, plan);
    await expect(failed).rejects.toBeInstanceOf(PaymentPartlyDone);
    const paid = await payOrder(client, plan);

    expect(paid).toMatchObject({ deposited: 0, paid: 99 });
    expect(paid.details.order.isPaid).toBe(true);
    expect(platform.calls.filter((call) => call.method === 'PostTransaction')).toHaveLength(1);
  });

  it('refuses to pay a paid order before any money moves', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [CHARGER]);
    const deposits = platform.calls.filter((call) => call.method === 'PostTransaction').length;

    // A dialog opened before the order was paid, submitted after.
    const stale = {
      orderId: order.id,
      customerId: order.customerId,
      customerName: '',
      amount: 99,
      remainAmount: 99,
      currencyCode: 'CNY',
    };

    await expect(payOrder(client, { ...stale, amount: 99, remainAmount: 99 })).rejects.toBeInstanceOf(PaymentRefused);
    expect(platform.calls.filter((call) => call.method === 'PostTransaction')).toHaveLength(deposits);
  });

  it('searches each term as a provider order id and as a tracking number, counting each line once', async () => {
    const client = clientFor(platform);
    const { lines } = await addShippedOrder(platform, client, [CHARGER, CABLE]);
    const [first] = lines;

    const found = await searchLines(client, [first.providerOrderId as string, first.trackingNumber as string]);

    expect(found.lines.map((line) => line.itemId)).toEqual([CHARGER.itemId, CABLE.itemId]);
    expect(found.totalCount).toBe(2);
  });

  it('lists accounts with their own log-in links, and expected accounts OT has no session for', async () => {
    const client = clientFor(platform);
    const accounts = await listProviderAccounts(
      client,
      ['tb_autobuy_03'],
      (name) => `https://bot.test/r?account=${name}`,
    );

    expect(accounts.map((account) => [account.name, Boolean(account.sessionId), Boolean(account.loginUrl)])).toEqual([
      [SEED.accounts.main, true, true],
      [SEED.accounts.expired, true, true],
      [SEED.accounts.fresh, false, true],
    ]);
  });

  it('names why an account has no log-in link when OT refuses one', async () => {
    const client = clientFor(platform);
    const accounts = await listProviderAccounts(client, [], () => 'not a url');

    expect(accounts[0].loginUrl).toBeUndefined();
    expect(accounts[0].loginProblem).toContain('OT GetProviderOrdersIntegrationSessionAuthenticationInfo refused');
  });

  it('lists only the activities that still run or wait for an answer', async () => {
    const client = clientFor(platform);
    const sessionId = await providerSessionId(client, SEED.accounts.main);
    const done = await addPaidOrder(client, [CHARGER]);
    await pollActivity(
      platform,
      client,
      await client.exportOrder({ orderId: done.id, providerSessionId: sessionId }),
      isOver,
    );
    const asking = await addPaidOrder(client, [
      { itemId: '587654321101', configurationId: '3301234569002', quantity: 1 },
    ]);
    const ref = await client.exportOrder({ orderId: asking.id, providerSessionId: sessionId });
    await pollActivity(platform, client, ref, isAsking);

    expect((await listOpenActivities(client)).map((activity) => activity.id)).toEqual([ref.id]);
  });
});
