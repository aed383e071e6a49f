import { type OtPlatform, RETURN_PARAMS, SEED } from '../../../src/sandbox/ot-platform';
import { clientFor, startTestPlatform } from '../../helpers/ot-platform';

// The simulator over plain HTTP: what a browser and a careless client see.

async function post(platform: OtPlatform, method: string, params: Record<string, string>) {
  const response = await fetch(`${platform.serviceUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ instanceKey: SEED.instanceKey, language: 'en', ...params }),
  });
  return { status: response.status, text: await response.text() };
}

function errorCodes(xml: string): [string | undefined, string | undefined] {
  return [/<ErrorCode>([^<]*)</.exec(xml)?.[1], /<SubErrorCode>([^<]*)</.exec(xml)?.[1]];
}

describe('the simulator over HTTP', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  it('answers an unknown method with 404 and an unknown path with 404', async () => {
    expect((await post(platform, 'DropAllOrders', {})).status).toBe(404);
    expect((await fetch(`${platform.url}/admin`)).status).toBe(404);
  });

  it('answers every error inside the XML envelope with ErrorCode, SubErrorCode and RequestId', async () => {
    const { status, text } = await post(platform, 'GetOrderLineStatusList', { sessionId: 'no-such-session' });

    expect(status).toBe(200);
    expect(errorCodes(text)).toEqual(['SessionExpired', 'SessionExpired']);
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<SalesLineStatusInfoListAnswer>/);
    expect(text).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });

  it('refuses an XML parameter that is not well-formed or carries a DOCTYPE', async () => {
    const sessionId = await operatorSession(platform);
    const cut = await post(platform, 'SearchOrderLines', {
      sessionId,
      xmlSearchParameters: '<OrderLineSearchParameters>',
    });
    expect(errorCodes(cut.text)).toEqual(['ValidationError', 'InvalidInputValue']);

    const doctype = '<!DOCTYPE x [<!ENTITY e "boom">]><OrderLineSearchParameters>&e;</OrderLineSearchParameters>';
    const entity = await post(platform, 'SearchOrderLines', { sessionId, xmlSearchParameters: doctype });
    expect(errorCodes(entity.text)).toEqual(['ValidationError', 'InvalidInputValue']);
  });

  it('refuses a customer session where an operator session is needed', async () => {
    const login = await post(platform, 'Authenticate', {
      userLogin: SEED.customer.login,
      userPassword: SEED.customer.password,
    });
    const sessionId = /<SessionId>([^<]+)</.exec(login.text)?.[1] as string;

    const { text } = await post(platform, 'GetOrderLineStatusList', { sessionId });
    expect(errorCodes(text)).toEqual(['AccessDenied', 'OperatorSessionRequired']);
  });

  it('refuses a request body over 1 MiB with 413', async () => {
    const { status } = await post(platform, 'AddOrder', { xmlAddData: 'x'.repeat(1024 * 1024 + 1) });
    expect(status).toBe(413);
  });

  it('escapes text in answers so that a comment with markup comes back as text', async () => {
    const client = clientFor(platform);
    const order = await client.addOrder({
      deliveryModeId: SEED.deliveryModeId,
      comment: `</CustComment><IsPaid>true</IsPaid> "quoted" & 'single'`,
      items: [{ itemId: '587654321099', quantity: 1 }],
    });

    expect(order).toMatchObject({ comment: `</CustComment><IsPaid>true</IsPaid> "quoted" & 'single'`, isPaid: false });
  });

  it('gives the same ids for the same seed and the same calls', async () => {
    const other = await startTestPlatform();
    try {
      const ids = await Promise.all(
        [platform, other].map(async (instance) => (await clientFor(instance).getProviderSessions()).map((s) => s.id)),
      );
      expect(ids[0]).toEqual(ids[1]);
    } finally {
      await other.close();
    }
  });
});

describe('the provider log-in page', () => {
  let platform: OtPlatform;
  const returnUrl = 'https://bot.example/provider/return?state=abc.def';

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  async function openLoginPage() {
    const link = await clientFor(platform).getProviderLoginUrl(returnUrl);
    const page = await fetch(link);
    const ticket = new URL(link).searchParams.get('ticket') as string;
    return { link, page, html: await page.text(), ticket };
  }

  function submit(form: Record<string, string>) {
    return fetch(`${platform.url}/provider/login`, {
      method: 'POST',
      body: new URLSearchParams(form),
      redirect: 'manual',
    });
  }

  it('links to its own page, which offers every account and the failures', async () => {
    const { link, page, html } = await openLoginPage();

    expect(link.startsWith(`${platform.url}/provider/login?ticket=`)).toBe(true);
    expect(page.status).toBe(200);
    for (const account of Object.values(SEED.accounts)) expect(html).toContain(account);
    expect(html).toContain('wrong account name or password');
  });

  it('completes a log-in and sends the browser back with the new session, keeping the return URL query', async () => {
    const { ticket } = await openLoginPage();
    const answer = await submit({ ticket, account: SEED.accounts.fresh, outcome: 'success' });

    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get('location') as string);
    expect(back.origin + back.pathname).toBe('https://bot.example/provider/return');
    expect(back.searchParams.get('state')).toBe('abc.def');
    expect(back.searchParams.get(RETURN_PARAMS.account)).toBe(SEED.accounts.fresh);
    const sessions = await clientFor(platform).getProviderSessions();
    expect(sessions.find((session) => session.name === SEED.accounts.fresh)?.id).toBe(
      back.searchParams.get(RETURN_PARAMS.sessionId),
    );
  });

  it('sends the browser back with an error text when the log-in fails, creating no session', async () => {
    const { ticket } = await openLoginPage();
    const answer = await submit({ ticket, account: SEED.accounts.fresh, outcome: 'sms-timeout' });

    const back = new URL(answer.headers.get('location') as string);
    expect(back.searchParams.get(RETURN_PARAMS.error)).toContain('SMS code expired');
    expect(back.searchParams.has(RETURN_PARAMS.sessionId)).toBe(false);
    expect((await clientFor(platform).getProviderSessions()).map((s) => s.name)).not.toContain(SEED.accounts.fresh);
  });

  it('takes each link once, and not after it expires', async () => {
    const { ticket } = await openLoginPage();
    expect((await submit({ ticket, account: SEED.accounts.main, outcome: 'success' })).status).toBe(303);
    expect((await submit({ ticket, account: SEED.accounts.main, outcome: 'success' })).status).toBe(410);

    const second = await openLoginPage();
    platform.clock.advance(16 * 60_000);
    expect((await fetch(second.link)).status).toBe(410);
    expect((await submit({ ticket: second.ticket, account: SEED.accounts.main, outcome: 'success' })).status).toBe(410);
  });

  it('refuses a return URL that is not an http or https address', async () => {
    const asking = clientFor(platform).getProviderLoginUrl('javascript:alert(1)');
    await expect(asking).rejects.toMatchObject({ errorCode: 'ValidationError', subErrorCode: 'InvalidInputValue' });
  });
});

async function operatorSession(platform: OtPlatform): Promise<string> {
  const { text } = await post(platform, 'AuthenticateInstanceOperator', {
    userLogin: SEED.operator.login,
    userPassword: SEED.operator.password,
  });
  return /<Value>([^<]+)</.exec(text)?.[1] as string;
}

describe('the simulator front page', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  it('shows the accounts, orders and Taobao orders, escaping their text', async () => {
    await clientFor(platform).addOrder({
      deliveryModeId: SEED.deliveryModeId,
      items: [{ itemId: '587654321099', quantity: 1 }],
    });
    platform.script.logInProviderAccount('<b>shop</b>');
    const html = await (await fetch(platform.url)).text();

    expect(html).toContain(SEED.accounts.main);
    expect(html).toContain('ORD-0000012345');
    expect(html).toContain(SEED.manualProviderOrderId);
    expect(html).toContain('&lt;b&gt;shop&lt;/b&gt;');
    expect(html).not.toContain('<b>shop');
  });

  it('moves the clock forward by the chosen step, and by nothing else', async () => {
    const before = platform.clock.now().getTime();
    const moved = await fetch(`${platform.url}/simulator/clock`, {
      method: 'POST',
      body: new URLSearchParams({ step: '6h' }),
      redirect: 'manual',
    });
    expect(moved.status).toBe(303);
    expect(platform.clock.now().getTime() - before).toBe(6 * 60 * 60_000);

    const refused = await fetch(`${platform.url}/simulator/clock`, {
      method: 'POST',
      body: new URLSearchParams({ step: '-1d' }),
    });
    expect(refused.status).toBe(400);
    expect(platform.clock.now().getTime() - before).toBe(6 * 60 * 60_000);
  });
});
