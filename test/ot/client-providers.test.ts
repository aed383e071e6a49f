import nock from 'nock';

import { OtApiError, OtBadAnswerError } from '../../src/ot/errors';
import { createTestClient, expectCall, fixture, INSTANCE_KEY, operatorForm } from '../helpers/ot';

const TAOBAO_LOGIN_URL =
  'https://oauth.taobao.com/authorize?response_type=code&client_id=34567812' +
  '&redirect_uri=https%3A%2F%2Fotapi.net%2FProviderOrdersIntegration%2FTaobao%2FAuthenticationCallback' +
  '%3FreturnUrl%3Dhttps%253A%252F%252Fbot.example.com%252Fot%252Ftaobao-callback' +
  '&state=3267f321b7d24fb286c189ab89c5b696&view=web&force_login=1';

function loginUrlAnswer(result: string): string {
  const envelope = '<ErrorCode>Ok</ErrorCode><SubErrorCode/>';
  return `<ProviderAuthenticationInfoAnswer>${envelope}${result}</ProviderAuthenticationInfoAnswer>`;
}

afterEach(() => nock.cleanAll());

describe('OtClient providers', () => {
  it('lists the providers without logging in or sending a sessionId', async () => {
    const { scope, forms } = expectCall('GetProviderInfoList', fixture('get-provider-info-list.xml'), { login: false });

    const providers = await createTestClient().getProviders();

    scope.done();
    expect(forms).toEqual([{ instanceKey: INSTANCE_KEY, language: 'en' }]);
    expect(providers).toEqual([
      {
        type: 'Taobao',
        displayName: 'Taobao',
        isEnabled: true,
        ordersIntegration: { isAvailable: true, isEnabled: true, isSessionRequired: true, allowCancelOrders: false },
      },
      {
        type: 'Alibaba1688',
        displayName: '1688.com',
        isEnabled: true,
        ordersIntegration: { isAvailable: true, isEnabled: false, isSessionRequired: true, allowCancelOrders: true },
      },
      { type: 'Warehouse', displayName: 'Warehouse', isEnabled: true, ordersIntegration: undefined },
    ]);
  });

  it('surfaces a banned instance key as an OtApiError with errorCode InstanceKeyBan', async () => {
    const { scope } = expectCall('GetProviderInfoList', fixture('error-instance-key-ban.xml'), { login: false });

    const failure = createTestClient().getProviders();

    await expect(failure).rejects.toBeInstanceOf(OtApiError);
    await expect(failure).rejects.toMatchObject({
      code: 'OT_API_ERROR',
      method: 'GetProviderInfoList',
      errorCode: 'InstanceKeyBan',
      subErrorCode: undefined,
      description: 'The instance key is blocked. Please contact OT Commerce support.',
      requestId: 'b6279e02-8191-41d3-9898-4e84b9d972cd',
      isSessionExpired: false,
    });
    scope.done();
  });
});

describe('OtClient provider sessions', () => {
  it('lists the sessions of the client provider with their balances, a zero balance included', async () => {
    const method = 'GetProviderOrdersIntegrationSessionInfoList';
    const { scope, forms } = expectCall(method, fixture('get-provider-sessions.xml'));

    const sessions = await createTestClient().getProviderSessions();

    scope.done();
    expect(forms).toEqual([operatorForm({ providerType: 'Taobao' })]);
    expect(sessions).toEqual([
      {
        id: '93907db2-dedf-4541-b02e-f5c46e4f0783',
        name: 'ot采购账号01',
        balance: { amount: 12850.36, currencyCode: 'CNY' },
      },
      { id: 'dc436da5-dbf7-4208-8ecc-1ed1adfafd35', name: '义乌代购小王', balance: { amount: 0, currencyCode: 'CNY' } },
      {
        id: '0a76885d-fd1b-43a8-85b4-9b0114db8470',
        name: 'tb_autobuy_03',
        balance: { amount: 3420.5, currencyCode: 'CNY' },
      },
    ]);
  });

  it('asks for the sessions of the provider the caller names', async () => {
    const method = 'GetProviderOrdersIntegrationSessionInfoList';
    const { scope, forms } = expectCall(method, fixture('get-provider-sessions.xml'));

    await createTestClient().getProviderSessions('Alibaba1688');

    scope.done();
    expect(forms).toEqual([operatorForm({ providerType: 'Alibaba1688' })]);
  });

  it('returns no session when nobody has logged in to the provider', async () => {
    const method = 'GetProviderOrdersIntegrationSessionInfoList';
    const { scope } = expectCall(method, fixture('get-provider-sessions-empty.xml'));

    await expect(createTestClient().getProviderSessions()).resolves.toEqual([]);
    scope.done();
  });
});

describe('OtClient provider login', () => {
  const method = 'GetProviderOrdersIntegrationSessionAuthenticationInfo';

  it('sends the returnUrl verbatim, query string and signed state included, and decodes the RedirectUrl', async () => {
    const { scope, forms } = expectCall(method, fixture('get-provider-authentication-info.xml'));
    const returnUrl =
      'https://bot.example.com/ot/taobao-callback?team=T024BE7LD&channel=C0123&state=U01ABC.1764495342.' +
      'kX9+/q2%2BZw==&next=/orders?id=ORD-0000012345';

    const url = await createTestClient().getProviderLoginUrl(returnUrl);

    scope.done();
    expect(forms).toEqual([operatorForm({ providerType: 'Taobao', returnUrl })]);
    expect(url).toBe(TAOBAO_LOGIN_URL);
  });

  it('asks for the login page of the provider the caller names', async () => {
    const { scope, forms } = expectCall(method, fixture('get-provider-authentication-info.xml'));

    await createTestClient().getProviderLoginUrl('https://bot.example.com/cb', 'Alibaba1688');

    scope.done();
    expect(forms).toEqual([operatorForm({ providerType: 'Alibaba1688', returnUrl: 'https://bot.example.com/cb' })]);
  });

  it.each([
    ['an empty RedirectUrl', '<Result><RedirectUrl/></Result>'],
    ['no RedirectUrl at all', '<Result><ReturnUrl>https://bot.example.com/cb</ReturnUrl></Result>'],
  ])('turns a Result with %s into an OtBadAnswerError', async (_case, result) => {
    const { scope } = expectCall(method, loginUrlAnswer(result));

    const failure = createTestClient().getProviderLoginUrl('https://bot.example.com/cb');

    await expect(failure).rejects.toBeInstanceOf(OtBadAnswerError);
    await expect(failure).rejects.toMatchObject({
      code: 'OT_BAD_ANSWER',
      method,
      reason: 'the answer has no RedirectUrl',
    });
    scope.done();
  });
});

describe('OtClient provider answers with a DOCTYPE', () => {
  it('refuses an entity bomb in the provider sessions without expanding it', async () => {
    const method = 'GetProviderOrdersIntegrationSessionInfoList';
    const { scope } = expectCall(method, fixture('billion-laughs.xml'));

    const failure = createTestClient().getProviderSessions();

    await expect(failure).rejects.toBeInstanceOf(OtBadAnswerError);
    await expect(failure).rejects.toMatchObject({ method, reason: 'the answer declares a DOCTYPE' });
    scope.done();
  });

  it('refuses an external entity in the provider login answer', async () => {
    const method = 'GetProviderOrdersIntegrationSessionAuthenticationInfo';
    const { scope } = expectCall(method, fixture('external-entity.xml'));

    const failure = createTestClient().getProviderLoginUrl('https://bot.example.com/cb');

    await expect(failure).rejects.toBeInstanceOf(OtBadAnswerError);
    await expect(failure).rejects.toMatchObject({ method, reason: 'the answer declares a DOCTYPE' });
    scope.done();
  });
});

describe('OtClient order line statuses', () => {
  it('reads the line statuses in the operator session, with numeric ids', async () => {
    const { scope, forms } = expectCall('GetOrderLineStatusList', fixture('get-order-line-status-list.xml'));

    const statuses = await createTestClient().getOrderLineStatuses();

    scope.done();
    expect(forms).toEqual([operatorForm({})]);
    expect(statuses).toEqual([
      { id: 1, name: 'New' },
      { id: 2, name: 'Paid' },
      { id: 3, name: 'Ready for purchase' },
      { id: 6, name: 'Purchased' },
      { id: 7, name: 'Shipped by seller' },
      { id: 8, name: 'Received at warehouse' },
      { id: 9, name: 'Checked at warehouse' },
      { id: 10, name: 'Sent to customer' },
      { id: 11, name: 'Impossible to deliver' },
      { id: 12, name: 'Returned to seller' },
      { id: 13, name: 'Cancelled' },
    ]);
  });
});
