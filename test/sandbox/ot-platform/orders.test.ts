import { LINE_STATUS, type OtPlatform, SEED } from '../../../src/sandbox/ot-platform';
import {
  addPaidOrder,
  clientFor,
  isOver,
  pollActivity,
  providerSessionId,
  startTestPlatform,
} from '../../helpers/ot-platform';

// Orders in the simulator: AddOrder's pre-checks, cancelling, payment rules, line filters and search paging.

const CHARGER = { itemId: '587654321099', quantity: 1 };
const CABLE = { itemId: '587654321100', configurationId: '3301234568001', quantity: 2 };

describe('orders in the simulator', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  it.each([
    ['a quantity that is not a whole number', { itemId: '587654321099', quantity: 1.5 }],
    ['a quantity of zero', { itemId: '587654321099', quantity: 0 }],
    ['a configuration on an item without options', { itemId: '587654321099', configurationId: '1', quantity: 1 }],
    ['no configuration on an item that has them', { itemId: '587654321100', quantity: 1 }],
    ['an item of a seller that left Taobao', { itemId: '198765432199', quantity: 1 }],
    ['more than the stock', { itemId: '298765432103', quantity: 5 }],
    ['an item with no stock', { itemId: '498765432114', quantity: 1 }],
  ])('drops a line with %s and keeps the others', async (_reason, dropped) => {
    const order = await clientFor(platform).addOrder({ deliveryModeId: SEED.deliveryModeId, items: [CABLE, dropped] });
    const lines = (await clientFor(platform).getOrderDetails(order.id)).lines;

    expect(lines.map((line) => line.itemId)).toEqual([CABLE.itemId]);
  });

  it('refuses an unknown delivery mode and a profile of another customer', async () => {
    const client = clientFor(platform);
    await expect(client.addOrder({ deliveryModeId: '99', items: [CHARGER] })).rejects.toMatchObject({
      subErrorCode: 'InvalidDeliveryMode',
    });
    await expect(
      client.addOrder({ deliveryModeId: '12', userProfileId: '352', items: [CHARGER] }),
    ).rejects.toMatchObject({
      subErrorCode: 'InvalidUserProfile',
    });
  });

  it('takes stock when ordering and gives it back when the order is cancelled', async () => {
    const client = clientFor(platform);
    const stock = () => platform.world.catalogue.offer('298765432103', '0')?.stock;
    expect(stock()).toBe(4);
    const order = await client.addOrder({ deliveryModeId: '12', items: [{ itemId: '298765432103', quantity: 3 }] });
    expect(stock()).toBe(1);

    await client.cancelOrder(order.id);
    expect(stock()).toBe(4);
    const cancelled = await client.getOrderDetails(order.id);
    expect(cancelled.order).toMatchObject({ isCancelled: true, statusName: 'Cancelled', canCancel: false });
    expect(cancelled.lines[0].statusId).toBe(LINE_STATUS.cancelled);
  });

  it('refunds what was paid when a paid order is cancelled, and refuses to cancel it twice', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [CHARGER]);

    await client.cancelOrder(order.id);
    expect((await client.getPaymentInfo(order.id)).availableBalance).toBe(99);
    await expect(client.cancelOrder(order.id)).rejects.toMatchObject({ subErrorCode: 'OrderAlreadyCancelled' });
  });

  it('refuses to cancel an order with lines bought from the provider', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [CHARGER]);
    const sessionId = await providerSessionId(client, SEED.accounts.main);
    await pollActivity(
      platform,
      client,
      await client.exportOrder({ orderId: order.id, providerSessionId: sessionId }),
      isOver,
    );

    await expect(client.cancelOrder(order.id)).rejects.toMatchObject({ subErrorCode: 'OrderCannotBeCancelled' });
  });

  it('refuses a reservation above the balance or above what is left to pay', async () => {
    const client = clientFor(platform);
    const order = await client.addOrder({ deliveryModeId: '12', items: [CHARGER] });

    await expect(client.reservePayment(order.id, 99)).rejects.toMatchObject({ subErrorCode: 'NotEnoughMoney' });
    await client.deposit({ customerId: order.customerId, amount: 500 });
    await expect(client.reservePayment(order.id, 100)).rejects.toMatchObject({
      subErrorCode: 'AmountExceedsRemainder',
    });
    await client.reservePayment(order.id, 40);
    const partly = await client.getOrderDetails(order.id);
    expect(partly.order).toMatchObject({ isPaid: false, remainAmount: 59 });
    expect(partly.lines[0].statusId).toBe(LINE_STATUS.awaitingPayment);
  });

  it('filters lines by queryType: ready to purchase and purchased', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [CHARGER, CABLE]);
    const lineIds = (await client.getOrderDetails(order.id)).lines.map((line) => line.id);
    const sessionId = await providerSessionId(client, SEED.accounts.main);
    const ref = await client.exportOrder({ orderId: order.id, lineIds: [lineIds[0]], providerSessionId: sessionId });
    await pollActivity(platform, client, ref, isOver);

    expect((await client.getOrderDetails(order.id, 'ready')).lines.map((line) => line.id)).toEqual([lineIds[1]]);
    expect((await client.getOrderDetails(order.id, 'purchased')).lines.map((line) => line.id)).toEqual([lineIds[0]]);
  });

  it('pages SearchOrderLines with framePosition and frameSize, counting every match', async () => {
    const client = clientFor(platform);
    const sessionId = await providerSessionId(client, SEED.accounts.main);
    const order = await addPaidOrder(client, [CHARGER, CABLE, { itemId: '498765432112', quantity: 1 }]);
    await pollActivity(
      platform,
      client,
      await client.exportOrder({ orderId: order.id, providerSessionId: sessionId }),
      isOver,
    );
    const providerOrderIds = (await client.getOrderDetails(order.id)).lines.map(
      (line) => line.providerOrderId as string,
    );

    const page = await client.searchOrderLines({ providerOrderIds, offset: 1, limit: 1 });
    expect(page.totalCount).toBe(3);
    expect(page.lines).toHaveLength(1);
    const all = await client.searchAllOrderLines({ providerOrderIds, limit: 2 }, 10);
    expect(all.lines.map((line) => line.itemId)).toEqual([CHARGER.itemId, CABLE.itemId, '498765432112']);
    expect((await client.searchOrderLines({ trackingNumbers: ['SF0000000000000'] })).totalCount).toBe(0);
  });
});
