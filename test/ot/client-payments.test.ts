import nock from 'nock';

import { capture, createTestClient, expectOperatorLogin, fixture, otScope } from '../helpers/ot';

afterEach(() => nock.cleanAll());

describe('OtClient payment simulation', () => {
  it('reads what the customer can pay and what the order still needs', async () => {
    const sent: Record<string, string> = {};
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/GetSalesPaymentInfo', capture(sent))
      .reply(200, fixture('get-sales-payment-info.xml'));

    const payment = await createTestClient().getPaymentInfo('ORD-0000012346');

    scope.done();
    expect(sent).toMatchObject({ sessionId: 'op-1', salesId: 'ORD-0000012346' });
    expect(payment).toEqual({
      orderId: 'ORD-0000012346',
      customerId: '10587',
      availableBalance: 150,
      orderAmount: 107.3,
      paidAmount: 0,
      currencyCode: 'USD',
    });
  });

  it('deposits with PostTransaction as a credit (isDebit=true), amount with a dot, dated', async () => {
    const sent: Record<string, string> = {};
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/PostTransaction', capture(sent))
      .reply(200, fixture('void-ok.xml'));

    await createTestClient().deposit({
      customerId: '10587',
      amount: 107.3,
      comment: 'Payment simulation for ORD-0000012346 by <@U0123ABCD>',
      date: new Date('2026-12-03T14:05:09Z'),
    });

    scope.done();
    expect(sent).toEqual({
      instanceKey: expect.any(String),
      language: 'en',
      sessionId: 'op-1',
      customerId: '10587',
      amount: '107.30',
      comment: 'Payment simulation for ORD-0000012346 by <@U0123ABCD>',
      isDebit: 'true',
      transactionDate: '2026-12-03 14-05-09',
    });
  });

  it('dates a deposit with the injected clock when no date is given', async () => {
    const sent: Record<string, string> = {};
    expectOperatorLogin(otScope()).post('/service/PostTransaction', capture(sent)).reply(200, fixture('void-ok.xml'));

    await createTestClient({ now: () => new Date('2026-01-02T03:04:05Z') }).deposit({ customerId: '1', amount: 5 });

    expect(sent.transactionDate).toBe('2026-01-02 03-04-05');
  });

  it('refuses a non-positive or non-numeric amount before calling OT', async () => {
    const client = createTestClient();

    await expect(client.deposit({ customerId: '1', amount: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(client.reservePayment('ORD-0000012346', Number.NaN)).rejects.toBeInstanceOf(RangeError);
    await expect(client.reservePayment('ORD-0000012346', 0.004)).rejects.toBeInstanceOf(RangeError);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('reserves the amount for the order and returns the payment state after it', async () => {
    const sent: Record<string, string> = {};
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/SalesPaymentReserve', capture(sent))
      .reply(200, fixture('sales-payment-reserve.xml'));

    const payment = await createTestClient().reservePayment('ORD-0000012346', 107.3);

    scope.done();
    expect(sent).toMatchObject({ sessionId: 'op-1', salesId: 'ORD-0000012346', amount: '107.30' });
    expect(payment).toMatchObject({ paidAmount: 107.3, availableBalance: 42.7 });
  });

  it('does not repeat a deposit after a timeout, so money is never booked twice', async () => {
    const scope = expectOperatorLogin(otScope())
      .post('/service/PostTransaction')
      .delay(800)
      .reply(200, fixture('void-ok.xml'));

    await expect(createTestClient().deposit({ customerId: '1', amount: 5 })).rejects.toMatchObject({
      code: 'OT_TIMEOUT',
      method: 'PostTransaction',
    });
    scope.done();
  });
});
