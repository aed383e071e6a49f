import nock from 'nock';

import { OtApiError, OtBadAnswerError } from '../../src/ot/errors';
import { capture, createTestClient, expectOperatorLogin, fixture, formOf, otScope } from '../helpers/ot';

const CUSTOMER_LOGIN =
  '<AuthenticateAnswer><ErrorCode>Ok</ErrorCode><SessionId>cust-1</SessionId></AuthenticateAnswer>';

afterEach(() => nock.cleanAll());

describe('OtClient orders', () => {
  describe('getUserProfiles', () => {
    it('lists the delivery profiles of the customer session', async () => {
      const sent: Record<string, string> = {};
      const scope = otScope()
        .post('/service/Authenticate')
        .reply(200, CUSTOMER_LOGIN)
        .post('/service/GetUserProfileInfoList', capture(sent))
        .reply(200, fixture('get-user-profile-info-list.xml'));

      const profiles = await createTestClient().getUserProfiles();

      scope.done();
      expect(sent.sessionId).toBe('cust-1');
      expect(profiles.map((profile) => profile.id)).toEqual(['345', '346', '347']);
      expect(profiles[0]).toMatchObject({ firstName: '伟', city: '广州市' });
    });
  });

  describe('addOrder', () => {
    it('sends the order as OrderAddData XML, escaped, with 0 for an item without configuration', async () => {
      const sent: Record<string, string> = {};
      const scope = otScope()
        .post('/service/Authenticate')
        .reply(200, CUSTOMER_LOGIN)
        .post('/service/AddOrder', capture(sent))
        .reply(200, fixture('add-order.xml'));

      await createTestClient().addOrder({
        deliveryModeId: '12',
        userProfileId: '345',
        comment: 'Slack <@U123> & "rush"',
        items: [
          { itemId: '652271234567', configurationId: '4409256473146', quantity: 2, comment: '送礼 & 包装' },
          { itemId: '598765432109', quantity: 1, weight: 0.5, promotionId: 'P-7' },
        ],
      });

      scope.done();
      expect(sent.sessionId).toBe('cust-1');
      expect(sent.xmlAddData).toBe(
        '<OrderAddData><DeliveryModeId>12</DeliveryModeId><UserProfileId>345</UserProfileId>' +
          '<Comment>Slack &lt;@U123&gt; &amp; &quot;rush&quot;</Comment><Items>' +
          '<Item><Id>652271234567</Id><ConfigurationId>4409256473146</ConfigurationId><Quantity>2</Quantity>' +
          '<Comment>送礼 &amp; 包装</Comment></Item>' +
          '<Item><Id>598765432109</Id><ConfigurationId>0</ConfigurationId><Quantity>1</Quantity><Weight>0.5</Weight>' +
          '<PromotionId>P-7</PromotionId></Item>' +
          '</Items></OrderAddData>',
      );
    });

    it('returns the new order from the answer', async () => {
      otScope()
        .post('/service/Authenticate')
        .reply(200, CUSTOMER_LOGIN)
        .post('/service/AddOrder')
        .reply(200, fixture('add-order.xml'));

      const order = await createTestClient().addOrder({ deliveryModeId: '12', items: [{ itemId: '1', quantity: 1 }] });

      expect(order).toMatchObject({
        id: 'ORD-0000012346',
        statusName: 'Awaiting payment',
        customerId: '10587',
        totalAmount: 107.3,
        remainAmount: 107.3,
        itemsCount: 3,
        isPaid: false,
      });
    });

    it('is not repeated after an HTTP failure, since OT may have created the order', async () => {
      const scope = otScope()
        .post('/service/Authenticate')
        .reply(200, CUSTOMER_LOGIN)
        .post('/service/AddOrder')
        .reply(500);

      await expect(createTestClient().addOrder({ deliveryModeId: '12', items: [] })).rejects.toMatchObject({
        code: 'OT_HTTP_ERROR',
        method: 'AddOrder',
        statusCode: 500,
      });
      scope.done();
    });

    it('surfaces a validation error with its codes and text', async () => {
      otScope()
        .post('/service/Authenticate')
        .reply(200, CUSTOMER_LOGIN)
        .post('/service/AddOrder')
        .reply(200, fixture('error-validation.xml'));

      const failure = createTestClient().addOrder({ deliveryModeId: '12', items: [{ itemId: '1', quantity: 1 }] });

      await expect(failure).rejects.toBeInstanceOf(OtApiError);
      await expect(failure).rejects.toMatchObject({
        errorCode: 'ValidationError',
        subErrorCode: 'OrderItemsNotAvailable',
      });
    });

    it('refuses an answer without an order id', async () => {
      otScope()
        .post('/service/Authenticate')
        .reply(200, CUSTOMER_LOGIN)
        .post('/service/AddOrder')
        .reply(200, '<A><ErrorCode>Ok</ErrorCode><Result><StatusName>x</StatusName></Result></A>');

      const failure = createTestClient().addOrder({ deliveryModeId: '12', items: [{ itemId: '1', quantity: 1 }] });

      await expect(failure).rejects.toBeInstanceOf(OtBadAnswerError);
      await expect(failure).rejects.toMatchObject({ method: 'AddOrder', reason: 'the answer has no Id' });
    });
  });

  describe('cancelOrder', () => {
    it('cancels with CancelSalesOrder in the customer session', async () => {
      const sent: Record<string, string> = {};
      const scope = otScope()
        .post('/service/Authenticate')
        .reply(200, CUSTOMER_LOGIN)
        .post('/service/CancelSalesOrder', capture(sent))
        .reply(200, fixture('void-ok.xml'));

      await createTestClient().cancelOrder('ORD-0000012346');

      scope.done();
      expect(sent).toMatchObject({ sessionId: 'cust-1', salesId: 'ORD-0000012346' });
    });
  });

  describe('getOrderDetails', () => {
    it('asks for every line of the order by default', async () => {
      const sent: Record<string, string> = {};
      const scope = expectOperatorLogin(otScope(), 'op-1')
        .post('/service/GetSalesOrderDetailsForOperator', capture(sent))
        .reply(200, fixture('get-sales-order-details.xml'));

      await createTestClient().getOrderDetails('ORD-0000012345');

      scope.done();
      expect(sent).toMatchObject({ sessionId: 'op-1', salesId: 'ORD-0000012345', filter: '', queryType: '0' });
    });

    it.each([
      ['ready', '1'],
      ['purchased', '2'],
    ] as const)('asks only for %s lines with queryType %s', async (filter, queryType) => {
      const scope = expectOperatorLogin(otScope())
        .post('/service/GetSalesOrderDetailsForOperator', (body) => formOf(body).queryType === queryType)
        .reply(200, fixture('get-sales-order-details.xml'));

      await createTestClient().getOrderDetails('ORD-0000012345', filter);

      scope.done();
    });

    it('maps the order and all its lines, with provider order, tracking number and account', async () => {
      expectOperatorLogin(otScope())
        .post('/service/GetSalesOrderDetailsForOperator')
        .reply(200, fixture('get-sales-order-details.xml'));

      const { order, lines } = await createTestClient().getOrderDetails('ORD-0000012345');

      expect(order).toMatchObject({
        id: 'ORD-0000012345',
        customerId: '10587',
        totalAmount: 190.12,
        remainAmount: 5.54,
      });
      expect(order.comment).toBe('ext-ref:SO-1001 & SO-1002');
      expect(order.lineStatusCounts[0]).toEqual({ statusId: '1', statusName: 'New', count: 1 });
      expect(lines.map((line) => line.id)).toEqual([
        '48213',
        '48214',
        '48215',
        '48216',
        '48217',
        '48218',
        '48219',
        '48220',
      ]);
      expect(lines[3]).toMatchObject({
        orderId: 'ORD-0000012345',
        itemId: '678901234567',
        configurationId: '5234567890123',
        configurationText: '颜色:藏青色;尺码:XL',
        quantity: 2,
        statusId: 6,
        statusName: 'Purchased',
        price: 17.78,
        providerOrderId: '2345678901234567891',
        trackingNumber: undefined,
        providerAccount: 'ot采购账号01',
        providerStatus: 'WAIT_SELLER_SEND_GOODS',
        sellerNick: '潮流男装工厂店',
      });
      expect(lines[4]).toMatchObject({ providerOrderId: '3312098765432109876', trackingNumber: 'YT7512345678901' });
    });

    it('keeps long numeric ids as text and decodes escaped titles', async () => {
      expectOperatorLogin(otScope())
        .post('/service/GetSalesOrderDetailsForOperator')
        .reply(200, fixture('get-sales-order-details.xml'));

      const { lines } = await createTestClient().getOrderDetails('ORD-0000012345');

      expect(typeof lines[3].providerOrderId).toBe('string');
      expect(lines[2].title).toBe('Kids pajama set, cotton & fleece <120-160cm>');
      expect(lines[4].title).toBe('中老年保暖内衣套装 加厚');
    });

    it('reads empty provider fields of an unbound line as absent', async () => {
      expectOperatorLogin(otScope())
        .post('/service/GetSalesOrderDetailsForOperator')
        .reply(200, fixture('get-sales-order-details.xml'));

      const { lines } = await createTestClient().getOrderDetails('ORD-0000012345');

      expect(lines[1]).toMatchObject({
        providerOrderId: undefined,
        trackingNumber: undefined,
        priceWarning: undefined,
      });
      expect(lines[0].providerOrderId).toBeUndefined();
    });

    it('reads price warnings of purchased lines', async () => {
      expectOperatorLogin(otScope())
        .post('/service/GetSalesOrderDetailsForOperator')
        .reply(200, fixture('get-sales-order-details.xml'));

      const { lines } = await createTestClient().getOrderDetails('ORD-0000012345');

      const levels = lines.map((line) => line.priceWarning?.level).filter(Boolean);
      expect(levels).toEqual(expect.arrayContaining(['Ok', 'SmallOverpayment', 'BigOverpayment']));
    });

    it('reads an order with a single line as a list of one', async () => {
      expectOperatorLogin(otScope())
        .post('/service/GetSalesOrderDetailsForOperator')
        .reply(200, fixture('get-sales-order-details-single-line.xml'));

      const { lines, order } = await createTestClient().getOrderDetails('ORD-0000012345');

      expect(lines.map((line) => line.id)).toEqual(['48214']);
      expect(order.lineStatusCounts).toHaveLength(1);
    });

    it('surfaces an unknown order as NotFound', async () => {
      expectOperatorLogin(otScope())
        .post('/service/GetSalesOrderDetailsForOperator')
        .reply(200, fixture('error-not-found-order.xml'));

      await expect(createTestClient().getOrderDetails('ORD-0000099999')).rejects.toMatchObject({
        code: 'OT_API_ERROR',
        method: 'GetSalesOrderDetailsForOperator',
        errorCode: 'NotFound',
      });
    });

    it('refuses an answer that declares a DOCTYPE', async () => {
      expectOperatorLogin(otScope())
        .post('/service/GetSalesOrderDetailsForOperator')
        .reply(200, fixture('billion-laughs.xml'));

      await expect(createTestClient().getOrderDetails('ORD-0000012345')).rejects.toMatchObject({
        code: 'OT_BAD_ANSWER',
        reason: 'the answer declares a DOCTYPE',
      });
    });

    it.each(['malformed.xml', 'html-error-page.xml', 'error-no-error-code.xml', 'external-entity.xml'])(
      'refuses the broken answer %s as a bad answer',
      async (name) => {
        expectOperatorLogin(otScope()).post('/service/GetSalesOrderDetailsForOperator').reply(200, fixture(name));

        await expect(createTestClient().getOrderDetails('ORD-0000012345')).rejects.toBeInstanceOf(OtBadAnswerError);
      },
    );
  });

  describe('searchOrderLines', () => {
    it('searches by provider order ids and tracking numbers in one call, paged', async () => {
      const sent: Record<string, string> = {};
      const scope = expectOperatorLogin(otScope(), 'op-1')
        .post('/service/SearchOrderLines', capture(sent))
        .reply(200, fixture('search-order-lines.xml'));

      const page = await createTestClient().searchOrderLines({
        providerOrderIds: ['2345678901234567891'],
        trackingNumbers: ['YT7512345678901', 'SF1234567890123'],
        offset: 20,
        limit: 10,
      });

      scope.done();
      expect(sent).toMatchObject({ sessionId: 'op-1', framePosition: '20', frameSize: '10' });
      expect(sent.xmlSearchParameters).toBe(
        '<OrderLineSearchParameters>' +
          '<VendorPurchaseIdList><Id>2345678901234567891</Id></VendorPurchaseIdList>' +
          '<VendorPurchaseWaybillIdList><Id>YT7512345678901</Id><Id>SF1234567890123</Id>' +
          '</VendorPurchaseWaybillIdList>' +
          '</OrderLineSearchParameters>',
      );
      expect(page.totalCount).toBe(42);
      expect(page.lines).toHaveLength(5);
      expect(page.lines[1]).toMatchObject({
        id: '48217',
        orderId: 'ORD-0000012345',
        trackingNumber: 'YT7512345678901',
      });
    });

    it('reads an empty result', async () => {
      expectOperatorLogin(otScope())
        .post('/service/SearchOrderLines')
        .reply(200, fixture('search-order-lines-empty.xml'));

      await expect(createTestClient().searchOrderLines({ trackingNumbers: ['none'] })).resolves.toEqual({
        lines: [],
        totalCount: 0,
      });
    });

    it('pages through every match up to a limit', async () => {
      const offsets: string[] = [];
      const scope = expectOperatorLogin(otScope())
        .post('/service/SearchOrderLines', (body) => {
          offsets.push(formOf(body).framePosition);
          return true;
        })
        .times(3)
        .reply(200, fixture('search-order-lines.xml'));

      const page = await createTestClient().searchAllOrderLines({ providerOrderIds: ['1'], limit: 5 }, 12);

      scope.done();
      expect(offsets).toEqual(['0', '5', '10']);
      expect(page.lines).toHaveLength(12);
      expect(page.totalCount).toBe(42);
    });
  });
});
