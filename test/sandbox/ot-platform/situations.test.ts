import { OtApiError } from '../../../src/ot/errors';
import { type OtPlatform, SEED } from '../../../src/sandbox/ot-platform';
import {
  addPaidOrder,
  clientFor,
  exportOnMainAccount,
  isAsking,
  isOver,
  pollActivity,
  providerSessionId,
  questionOf,
  startTestPlatform,
  stepAction,
} from '../../helpers/ot-platform';

// The scripted situations of the simulator, each driven through the real OT client.

const EARBUDS_BLACK = { itemId: '587654321101', configurationId: '3301234569002', quantity: 1 }; // sold out on Taobao
const CABLE = { itemId: '587654321100', configurationId: '3301234568001', quantity: 3 };
const SHOES_42 = { itemId: '398765432101', configurationId: '1101234567002', quantity: 1 };
const TEA = { itemId: '298765432102', quantity: 1 };

describe('scripted situations of the simulator', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  it('asks about a configuration sold out on Taobao, and removing the line exports the rest', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [EARBUDS_BLACK, CABLE]);
    const ref = await exportOnMainAccount(client, order.id);

    const asking = await pollActivity(platform, client, ref, isAsking);
    expect(questionOf(asking).message).toContain('is out of stock on Taobao');
    expect(questionOf(asking).actions.map((action) => action.displayName)).toEqual([
      'Remove line',
      'Cancel export',
      'Open item on Taobao',
    ]);
    await client.doStepAction(ref, stepAction(asking, 'Remove line').parameters);

    const done = await pollActivity(platform, client, ref, isOver);
    expect(done.steps.at(-1)).toMatchObject({
      type: 'Error',
      message: 'Export finished with errors: 1 of 2 lines exported',
    });
    const lines = (await client.getOrderDetails(order.id)).lines;
    expect(lines.map((line) => Boolean(line.providerOrderId))).toEqual([false, true]);
  });

  it('cancels the export when the operator chooses Cancel export, binding nothing', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [EARBUDS_BLACK, CABLE]);
    const ref = await exportOnMainAccount(client, order.id);

    const asking = await pollActivity(platform, client, ref, isAsking);
    await client.doStepAction(ref, stepAction(asking, 'Cancel export').parameters);

    const done = await client.getActivity(ref);
    expect(done).toMatchObject({ isCancelled: true, isFinished: true, isAwaitingAction: false });
    expect((await client.getOrderDetails(order.id)).lines.every((line) => !line.providerOrderId)).toBe(true);
  });

  it('cancels the whole activity through its Cancel action, and refuses a second answer', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [EARBUDS_BLACK]);
    const ref = await exportOnMainAccount(client, order.id);
    const asking = await pollActivity(platform, client, ref, isAsking);

    await client.doActivityAction(ref, 'Cancel');
    expect(await client.getActivity(ref)).toMatchObject({ isCancelled: true, actions: [] });
    const late = client.doStepAction(ref, stepAction(asking, 'Remove line').parameters);
    await expect(late).rejects.toBeInstanceOf(OtApiError);
    await expect(late).rejects.toMatchObject({ errorCode: 'ValidationError', subErrorCode: 'ActivityIsFinished' });
  });

  it('refuses step parameters that no offered action carries', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [EARBUDS_BLACK]);
    const ref = await exportOnMainAccount(client, order.id);
    const asking = await pollActivity(platform, client, ref, isAsking);
    const forged = stepAction(asking, 'Remove line').parameters.map((parameter) =>
      parameter.name === 'choice' ? { ...parameter, value: 'PayNothing' } : parameter,
    );

    await expect(client.doStepAction(ref, forged)).rejects.toMatchObject({ subErrorCode: 'InvalidStepAction' });
    expect(await client.getActivity(ref)).toMatchObject({ isAwaitingAction: true });
  });

  it('stops booking at the account booking limit and says so in an Error step', async () => {
    const client = clientFor(platform);
    platform.script.setBookingLimit(SEED.accounts.main, 1);
    const order = await addPaidOrder(client, [CABLE, SHOES_42]); // two sellers: two Taobao orders
    const ref = await exportOnMainAccount(client, order.id);

    const done = await pollActivity(platform, client, ref, isOver);
    const errors = done.steps.filter((step) => step.type === 'Error').map((step) => step.message);
    expect(errors[0]).toMatch(/^Booking limit reached on account ot采购账号01: 1 unpaid Taobao orders, the limit is 1/);
    expect((await client.getOrderDetails(order.id)).lines.filter((line) => line.providerOrderId)).toHaveLength(1);
  });

  it('fails an export on an expired provider session without binding anything', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [CABLE]);
    const expired = await providerSessionId(client, SEED.accounts.expired);
    const ref = await client.exportOrder({ orderId: order.id, providerSessionId: expired });

    const done = await pollActivity(platform, client, ref, isOver);
    expect(done.isCancelled).toBe(false);
    expect(done.steps.at(-1)).toMatchObject({ type: 'Error' });
    expect(done.steps.at(-1)?.message).toMatch(/^The Taobao session of account 义乌代购小王 expired at .*: log in/);
    expect((await client.getOrderDetails(order.id)).lines[0].providerOrderId).toBeUndefined();
  });

  it('expires a provider session 24 hours after its log-in, and a new log-in works again', async () => {
    const client = clientFor(platform);
    const fresh = platform.script.logInProviderAccount(SEED.accounts.fresh);
    const order = await addPaidOrder(client, [TEA]);
    platform.clock.advance(24 * 60 * 60_000);

    const failed = await pollActivity(
      platform,
      client,
      await client.exportOrder({ orderId: order.id, providerSessionId: fresh }),
      isOver,
    );
    expect(failed.steps.at(-1)?.type).toBe('Error');

    const renewed = platform.script.logInProviderAccount(SEED.accounts.fresh);
    const done = await pollActivity(
      platform,
      client,
      await client.exportOrder({ orderId: order.id, providerSessionId: renewed }),
      isOver,
    );
    expect(done.steps.at(-1)?.type).toBe('Success');
  });

  it('links an order to a Taobao order bought by hand, matching lines by item and configuration', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [SHOES_42, CABLE]);
    const ref = await client.linkOrder({
      orderId: order.id,
      providerOrderIds: [SEED.manualProviderOrderId],
      providerSessionId: await providerSessionId(client, SEED.accounts.main),
    });

    const done = await pollActivity(platform, client, ref, isOver);
    expect(done.steps.map((step) => step.type)).toContain('Success');
    const lines = (await client.getOrderDetails(order.id)).lines;
    expect(lines.map((line) => line.providerOrderId)).toEqual([SEED.manualProviderOrderId, undefined]);
    expect(lines[0]).toMatchObject({ providerStatus: 'WAIT_SELLER_SEND_GOODS', statusName: 'Paid to provider' });
  });

  it('asks before binding a listed line that matches no item of the Taobao order', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [CABLE]);
    const lineId = (await client.getOrderDetails(order.id)).lines[0].id;
    const ref = await client.linkOrder({
      orderId: order.id,
      lineIds: [lineId],
      providerOrderIds: [SEED.manualProviderOrderId, '1111111111111111111'],
      providerSessionId: await providerSessionId(client, SEED.accounts.main),
    });

    const asking = await pollActivity(platform, client, ref, isAsking);
    const notFound = 'Taobao order 1111111111111111111 was not found in account ot采购账号01';
    expect(asking.steps.map((step) => step.message)).toContain(notFound);
    expect(questionOf(asking).message).toContain(`Line ${lineId}`);
    await client.doStepAction(ref, stepAction(asking, 'Bind anyway').parameters);

    await pollActivity(platform, client, ref, isOver);
    expect((await client.getOrderDetails(order.id)).lines[0].providerOrderId).toBe(SEED.manualProviderOrderId);
  });

  it('keeps unpaid Taobao orders waiting while the account balance cannot pay them', async () => {
    const client = clientFor(platform);
    const sessionId = await providerSessionId(client, SEED.accounts.main);
    platform.script.setProviderBalance(SEED.accounts.main, 10);
    const order = await addPaidOrder(client, [CABLE]);
    await pollActivity(
      platform,
      client,
      await client.exportOrder({ orderId: order.id, providerSessionId: sessionId }),
      isOver,
    );

    platform.clock.advance(2 * 24 * 60 * 60_000);
    await pollActivity(platform, client, await client.syncOrders({ providerSessionId: sessionId }), isOver);
    const line = (await client.getOrderDetails(order.id)).lines[0];
    expect(line).toMatchObject({ providerStatus: 'WAIT_BUYER_PAY', trackingNumber: undefined });
  });
});
