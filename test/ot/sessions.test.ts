import nock from 'nock';

import { OtApiError } from '../../src/ot/errors';
import {
  CUSTOMER,
  createTestClient,
  expectOperatorLogin,
  fixture,
  formOf,
  otScope,
  sessionAnswer,
} from '../helpers/ot';

const EXPIRED =
  '<A><ErrorCode>SessionExpired</ErrorCode><SubErrorCode>SessionExpired</SubErrorCode>' +
  '<ErrorDescription>Session expired</ErrorDescription></A>';

function withSession(sessionId: string) {
  return (body: unknown) => formOf(body).sessionId === sessionId;
}

afterEach(() => nock.cleanAll());

describe('OT sessions', () => {
  it('logs the operator in once and reuses the session', async () => {
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/GetOrderLineStatusList', withSession('op-1'))
      .times(2)
      .reply(200, fixture('get-order-line-status-list.xml'));
    const client = createTestClient();

    await client.getOrderLineStatuses();
    await client.getOrderLineStatuses();

    scope.done();
  });

  it('shares one login among concurrent calls', async () => {
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/GetOrderLineStatusList', withSession('op-1'))
      .times(5)
      .reply(200, fixture('get-order-line-status-list.xml'));
    const client = createTestClient();

    await Promise.all(Array.from({ length: 5 }, () => client.getOrderLineStatuses()));

    scope.done();
  });

  it('logs in again once and repeats the call once when the session expired', async () => {
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/GetSalesPaymentInfo', withSession('op-1'))
      .reply(200, EXPIRED);
    expectOperatorLogin(scope, 'op-2')
      .post('/service/GetSalesPaymentInfo', withSession('op-2'))
      .reply(200, fixture('get-sales-payment-info.xml'));

    const payment = await createTestClient().getPaymentInfo('ORD-0000012345');

    scope.done();
    expect(payment.orderId).toMatch(/^ORD-/);
  });

  it('gives up with the SessionExpired error when the fresh session expires too', async () => {
    const scope = expectOperatorLogin(otScope(), 'op-1').post('/service/GetSalesPaymentInfo').reply(200, EXPIRED);
    expectOperatorLogin(scope, 'op-2').post('/service/GetSalesPaymentInfo').reply(200, EXPIRED);

    const failure = createTestClient().getPaymentInfo('ORD-0000012345');

    await expect(failure).rejects.toBeInstanceOf(OtApiError);
    await expect(failure).rejects.toMatchObject({ errorCode: 'SessionExpired', method: 'GetSalesPaymentInfo' });
    scope.done();
  });

  it('does not cache a failed login', async () => {
    const scope = otScope()
      .post('/service/AuthenticateInstanceOperator')
      .reply(200, '<A><ErrorCode>AccessDenied</ErrorCode><ErrorDescription>Wrong password</ErrorDescription></A>');
    expectOperatorLogin(scope, 'op-2')
      .post('/service/GetOrderLineStatusList', withSession('op-2'))
      .reply(200, fixture('get-order-line-status-list.xml'));
    const client = createTestClient();

    await expect(client.getOrderLineStatuses()).rejects.toMatchObject({
      method: 'AuthenticateInstanceOperator',
      errorCode: 'AccessDenied',
    });
    await client.getOrderLineStatuses();

    scope.done();
  });

  it('logs the customer in with Authenticate when it has a password', async () => {
    const scope = otScope()
      .post('/service/Authenticate', (body) => {
        const form = formOf(body);
        return form.userLogin === CUSTOMER.login && form.userPassword === CUSTOMER.password;
      })
      .reply(200, '<AuthenticateAnswer><ErrorCode>Ok</ErrorCode><SessionId>cust-1</SessionId></AuthenticateAnswer>')
      .post('/service/GetUserProfileInfoList', withSession('cust-1'))
      .reply(200, fixture('get-user-profile-info-list.xml'));

    await createTestClient().getUserProfiles();

    scope.done();
  });

  it('impersonates the customer from the operator session when it has no password', async () => {
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/AuthenticateAsUser', (body) => {
        const form = formOf(body);
        return form.sessionId === 'op-1' && form.userLogin === CUSTOMER.login && !('userPassword' in form);
      })
      .reply(200, '<A><ErrorCode>Ok</ErrorCode><SessionId>cust-as-1</SessionId></A>')
      .post('/service/GetUserProfileInfoList', withSession('cust-as-1'))
      .reply(200, fixture('get-user-profile-info-list.xml'));

    await createTestClient({ customer: { login: CUSTOMER.login } }).getUserProfiles();

    scope.done();
  });

  it('renews the customer session separately from the operator session', async () => {
    const scope = otScope()
      .post('/service/Authenticate')
      .reply(200, '<A><ErrorCode>Ok</ErrorCode><SessionId>cust-1</SessionId></A>')
      .post('/service/CancelSalesOrder', withSession('cust-1'))
      .reply(200, EXPIRED)
      .post('/service/Authenticate')
      .reply(200, '<A><ErrorCode>Ok</ErrorCode><SessionId>cust-2</SessionId></A>')
      .post('/service/CancelSalesOrder', withSession('cust-2'))
      .reply(200, fixture('void-ok.xml'));

    await createTestClient().cancelOrder('ORD-0000012345');

    scope.done();
  });

  it('accepts a login answer whose SessionId is plain text or <Value>', async () => {
    const scope = otScope()
      .post('/service/AuthenticateInstanceOperator')
      .reply(200, sessionAnswer('op-value'))
      .post('/service/Authenticate')
      .reply(200, '<A><ErrorCode>Ok</ErrorCode><SessionId>cust-text</SessionId></A>');
    const client = createTestClient();

    await expect(client.authenticateInstanceOperator('a', 'b')).resolves.toBe('op-value');
    await expect(client.authenticate('c', 'd')).resolves.toBe('cust-text');
    scope.done();
  });
});
