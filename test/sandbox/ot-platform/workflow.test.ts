import { OtApiError } from '../../../src/ot/errors';
import { LINE_STATUS, type OtPlatform, SEED } from '../../../src/sandbox/ot-platform';
import {
  clientFor,
  isAsking,
  isOver,
  pollActivity,
  providerSessionId,
  startTestPlatform,
  stepAction,
} from '../../helpers/ot-platform';

// The whole Autopurchase workflow of shared/autopurchase-ot-api.txt, run by the real OT client against the
// simulator: each step checks what the client reads back, so the two check each other's wire format.

const COAT = { itemId: '765432109876', configurationId: '5123456789012', quantity: 1 }; // price changed on Taobao
const PYJAMAS = { itemId: '664321098765', configurationId: '4409256473146', quantity: 2 };
const CHARGER = { itemId: '587654321099', quantity: 1 }; // no configurations
const UNKNOWN_ITEM = { itemId: '999999999999', quantity: 1 };
const SOLD_OUT_CONFIG = { itemId: '765432109876', configurationId: '5123456789015', quantity: 1 };

describe('the OT client against the OT Platform simulator', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  it('adds, pays, exports, answers, syncs, finds, unlinks and links an order', async () => {
    const client = clientFor(platform);

    const profiles = await client.getUserProfiles();
    expect(profiles.map((profile) => profile.id)).toEqual(['345', '346']);

    const added = await client.addOrder({
      deliveryModeId: SEED.deliveryModeId,
      userProfileId: '345',
      comment: 'ext-ref:SO-1001 & <rush>',
      items: [COAT, PYJAMAS, CHARGER, UNKNOWN_ITEM, SOLD_OUT_CONFIG],
    });
    expect(added.id).toMatch(/^ORD-\d{10}$/);
    expect(added.comment).toBe('ext-ref:SO-1001 & <rush>');
    expect(added.totalAmount).toBe(459 + 2 * 89 + 99);
    expect(added.isPaid).toBe(false);

    const details = await client.getOrderDetails(added.id);
    expect(details.lines.map((line) => [line.itemId, line.configurationId, line.quantity])).toEqual([
      [COAT.itemId, COAT.configurationId, 1],
      [PYJAMAS.itemId, PYJAMAS.configurationId, 2],
      [CHARGER.itemId, '0', 1],
    ]);
    expect(details.lines.every((line) => line.statusId === LINE_STATUS.awaitingPayment)).toBe(true);

    const sessionId = await providerSessionId(client, SEED.accounts.main);
    const unpaidExport = client.exportOrder({ orderId: added.id, providerSessionId: sessionId });
    await expect(unpaidExport).rejects.toMatchObject({ errorCode: 'ValidationError', subErrorCode: 'OrderIsNotPaid' });

    await client.deposit({ customerId: added.customerId, amount: added.remainAmount, comment: 'payment simulation' });
    expect((await client.getPaymentInfo(added.id)).availableBalance).toBe(added.remainAmount);
    const payment = await client.reservePayment(added.id, added.remainAmount);
    expect(payment).toMatchObject({ paidAmount: added.totalAmount, availableBalance: 0 });
    const paid = await client.getOrderDetails(added.id);
    expect(paid.order).toMatchObject({ isPaid: true, remainAmount: 0 });
    expect(paid.lines.every((line) => line.statusId === LINE_STATUS.paid)).toBe(true);

    const exporting = await client.exportOrder({ orderId: added.id, providerSessionId: sessionId });
    expect(exporting.type).toBe('ProviderOrdersIntegrationExporting');
    const asking = await pollActivity(platform, client, exporting, isAsking);
    expect(asking.steps.at(-1)?.message).toContain('was 459.00 CNY, now 489.00 CNY');
    expect(asking.actions.map((action) => action.id)).toEqual(['Cancel']);
    await client.doStepAction(exporting, stepAction(asking, 'Accept new price').parameters);

    const exported = await pollActivity(platform, client, exporting, isOver);
    expect(exported).toMatchObject({ isFinished: true, isCancelled: false, progressPercent: 100 });
    expect(exported.steps.at(-1)).toMatchObject({ type: 'Success' });
    const bound = (await client.getOrderDetails(added.id)).lines;
    const providerOrderIds = [...new Set(bound.map((line) => line.providerOrderId as string))];
    expect(providerOrderIds).toHaveLength(3); // one Taobao order per seller
    expect(
      bound.every((line) => line.statusId === LINE_STATUS.ordered && line.providerAccount === SEED.accounts.main),
    ).toBe(true);
    expect(bound[0].priceWarning).toMatchObject({ level: 'SmallOverpayment' });

    platform.clock.advance(7 * 60 * 60_000); // paid on Taobao after 30 min, shipped 6 h later
    const syncing = await client.syncOrders({ providerSessionId: sessionId });
    const synced = await pollActivity(platform, client, syncing, isOver);
    expect(synced.steps.some((step) => step.message.startsWith('Tracking number'))).toBe(true);
    const shipped = (await client.getOrderDetails(added.id)).lines;
    expect(shipped.every((line) => line.statusId === LINE_STATUS.shipped && line.trackingNumber)).toBe(true);

    const byProviderOrder = await client.searchOrderLines({ providerOrderIds: [shipped[1].providerOrderId as string] });
    expect(byProviderOrder.lines.map((line) => line.id)).toEqual([shipped[1].id]);
    const byTracking = await client.searchOrderLines({ trackingNumbers: [shipped[2].trackingNumber as string] });
    expect(byTracking).toMatchObject({ totalCount: 1, lines: [{ id: shipped[2].id, orderId: added.id }] });

    const unlinking = await client.unlinkOrder({ orderId: added.id, providerSessionId: sessionId });
    await pollActivity(platform, client, unlinking, isOver);
    const unbound = (await client.getOrderDetails(added.id)).lines;
    expect(unbound.map((line) => line.providerOrderId)).toEqual([undefined, undefined, undefined]);
    expect(unbound.every((line) => line.statusId === LINE_STATUS.paid)).toBe(true);

    const linking = await client.linkOrder({ orderId: added.id, providerOrderIds, providerSessionId: sessionId });
    const linked = await pollActivity(platform, client, linking, isOver);
    expect(linked.steps.at(-1)?.message).toBe(`Linking finished: 3 lines of order ${added.id} bound`);
    const relinked = (await client.getOrderDetails(added.id)).lines;
    expect(relinked.map((line) => line.providerOrderId)).toEqual(bound.map((line) => line.providerOrderId));
    expect(relinked.every((line) => line.statusId === LINE_STATUS.shipped && line.trackingNumber)).toBe(true);
  });

  it('refuses an order whose every item fails the pre-checks, naming no order', async () => {
    const client = clientFor(platform);
    const adding = client.addOrder({ deliveryModeId: SEED.deliveryModeId, items: [UNKNOWN_ITEM, SOLD_OUT_CONFIG] });

    await expect(adding).rejects.toBeInstanceOf(OtApiError);
    await expect(adding).rejects.toMatchObject({ method: 'AddOrder', subErrorCode: 'NoItemCanBeOrdered' });
    expect(platform.world.orders.size).toBe(0);
  });
});
