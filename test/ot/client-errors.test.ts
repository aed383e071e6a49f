import nock from 'nock';

import type { OtClient } from '../../src/ot/client';
import { OtApiError } from '../../src/ot/errors';
import { createTestClient, expectOperatorLogin, otScope } from '../helpers/ot';

const ACTIVITY = { type: 'ProviderOrdersIntegrationExporting', id: '9ad18feb-0844-42e0-9669-77ddd4166a6e' };
const TARGET = { providerSessionId: '93907db2-dedf-4541-b02e-f5c46e4f0783' };
const CUSTOMER_LOGIN =
  '<AuthenticateAnswer><ErrorCode>Ok</ErrorCode><SessionId>cust-1</SessionId></AuthenticateAnswer>';

type Session = 'none' | 'operator' | 'customer';

// Every method of the client, how to call it, and which session it runs in.
const METHODS: Array<[string, Session, (client: OtClient) => Promise<unknown>]> = [
  ['AuthenticateInstanceOperator', 'none', (client) => client.authenticateInstanceOperator('op', 'pw')],
  ['Authenticate', 'none', (client) => client.authenticate('buyer', 'pw')],
  ['AuthenticateAsUser', 'none', (client) => client.authenticateAsUser('op-1', 'buyer')],
  ['GetUserProfileInfoList', 'customer', (client) => client.getUserProfiles()],
  [
    'AddOrder',
    'customer',
    (client) => client.addOrder({ deliveryModeId: '12', items: [{ itemId: '1', quantity: 1 }] }),
  ],
  ['CancelSalesOrder', 'customer', (client) => client.cancelOrder('ORD-0000012345')],
  ['GetSalesOrderDetailsForOperator', 'operator', (client) => client.getOrderDetails('ORD-0000012345')],
  ['SearchOrderLines', 'operator', (client) => client.searchOrderLines({ providerOrderIds: ['1'] })],
  ['GetOrderLineStatusList', 'operator', (client) => client.getOrderLineStatuses()],
  ['GetSalesPaymentInfo', 'operator', (client) => client.getPaymentInfo('ORD-0000012345')],
  ['PostTransaction', 'operator', (client) => client.deposit({ customerId: '10587', amount: 10 })],
  ['SalesPaymentReserve', 'operator', (client) => client.reservePayment('ORD-0000012345', 10)],
  ['GetProviderInfoList', 'none', (client) => client.getProviders()],
  ['GetProviderOrdersIntegrationSessionInfoList', 'operator', (client) => client.getProviderSessions()],
  [
    'GetProviderOrdersIntegrationSessionAuthenticationInfo',
    'operator',
    (client) => client.getProviderLoginUrl('https://bot.example.com/provider/return'),
  ],
  ['RunOrderExportingToProvider', 'operator', (client) => client.exportOrder({ ...TARGET, orderId: 'ORD-1' })],
  ['RunOrdersSynchronizingWithProvider', 'operator', (client) => client.syncOrders(TARGET)],
  [
    'RunOrderLinkingWithProvider',
    'operator',
    (client) => client.linkOrder({ ...TARGET, orderId: 'ORD-1', providerOrderIds: ['2'] }),
  ],
  ['RunOrderUnlinkingFromProvider', 'operator', (client) => client.unlinkOrder({ ...TARGET, orderId: 'ORD-1' })],
  ['SearchBackgroundActivities', 'operator', (client) => client.searchActivities()],
  ['GetBackgroundActivityInfo', 'operator', (client) => client.getActivity(ACTIVITY)],
  ['DoActionForBackgroundActivity', 'operator', (client) => client.doActivityAction(ACTIVITY, 'Cancel')],
  [
    'DoStepActionForBackgroundActivity',
    'operator',
    (client) => client.doStepAction(ACTIVITY, [{ name: 'choice', value: 'RemoveLine' }]),
  ],
];

function failedAnswer(errorCode: string): string {
  return (
    `<VoidOtapiAnswer><ErrorCode>${errorCode}</ErrorCode><ErrorDescription>Refused by OT</ErrorDescription>` +
    '<SubErrorCode>SomeDetail</SubErrorCode><RequestId>4e1f0c2a-77aa-4b1d-9c0e-31d5b9a0e6f1</RequestId>' +
    '</VoidOtapiAnswer>'
  );
}

function interceptSession(session: Session): nock.Scope {
  if (session === 'operator') return expectOperatorLogin(otScope());
  if (session === 'customer') return otScope().post('/service/Authenticate').reply(200, CUSTOMER_LOGIN);
  return otScope();
}

afterEach(() => nock.cleanAll());

describe('OtClient errors', () => {
  it.each(METHODS)('%s turns an OT ErrorCode into an OtApiError that names it', async (method, session, call) => {
    const scope = interceptSession(session).post(`/service/${method}`).reply(200, failedAnswer('AccessDenied'));

    const failure = call(createTestClient());

    await expect(failure).rejects.toBeInstanceOf(OtApiError);
    await expect(failure).rejects.toMatchObject({
      method,
      errorCode: 'AccessDenied',
      subErrorCode: 'SomeDetail',
      description: 'Refused by OT',
      requestId: '4e1f0c2a-77aa-4b1d-9c0e-31d5b9a0e6f1',
    });
    scope.done();
  });

  it.each(METHODS.filter(([, session]) => session !== 'none'))(
    '%s turns a Result-less or broken answer into a typed error, never a crash',
    async (method, session, call) => {
      const scope = interceptSession(session)
        .post(`/service/${method}`)
        .reply(200, '<A><ErrorCode>Ok</ErrorCode><Result>');

      await expect(call(createTestClient())).rejects.toMatchObject({ code: 'OT_BAD_ANSWER', method });
      scope.done();
    },
  );
});
