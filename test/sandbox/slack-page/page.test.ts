import { SEED } from '../../../src/sandbox/ot-platform';
import { eventually, fetchHtml, findMessage, startTestSandbox, type TestSandbox, textOf } from './sandbox';

// The sandbox as a person uses it: commands typed on the page, the bot's answers read back, its buttons pressed and
// its modals filled, all through the page's own paths, with the real bot and the OT simulator behind it.

const CHARGER_LINE = '587654321099 1';

describe('the sandbox Slack page with the bot behind it', () => {
  let sandbox: TestSandbox;

  beforeEach(async () => {
    sandbox = await startTestSandbox();
  });

  afterEach(() => sandbox.stop());

  /** `/ot order new`, then the form filled in and submitted; resolves to the new order card's index. */
  async function addOrder(values: Record<string, string>): Promise<number> {
    const { page } = sandbox;
    await page.sendCommand('/ot order new');
    await eventually(() => page.modal()?.view.submit !== undefined, 'the new order form');
    await page.submitModal(values);
    return eventually(() => findMessage(page, 'Order ORD-'), 'the new order card');
  }

  it('shows the help of /ot to the person only', async () => {
    const { page } = sandbox;

    await page.sendCommand('/ot help');

    const index = await eventually(() => findMessage(page, 'Autopurchase commands'), 'the help');
    expect(page.messages()[index].ephemeralTo).toBe('U0SANDBOX');
    const html = await fetchHtml(page.url);
    expect(html).toContain('<strong>Autopurchase commands</strong>');
    expect(html).toContain('only visible to you');
  });

  it("opens the new order modal with the customer's profiles and shows the card of the order it adds", async () => {
    const { page } = sandbox;

    await page.sendCommand('/ot order new');
    const modal = await eventually(() => page.modal()?.view.submit !== undefined && page.modal(), 'the form');
    expect(JSON.stringify(modal.view)).toContain('Anna Petrova');
    expect(await fetchHtml(page.url)).toMatch(/<select[^>]*>.*Anna Petrova, Moscow/s);

    await page.submitModal({ profile: '346', lines: CHARGER_LINE, comment: 'SO-2001' });

    expect(page.modal()).toBeUndefined();
    const cardIndex = await eventually(() => findMessage(page, 'Order ORD-'), 'the card');
    const card = page.messages()[cardIndex];
    expect(textOf(card)).toContain('65 W GaN fast charger, two ports');
    expect(textOf(card)).toContain('order_pay');
  });

  it('pays the order from its card through the confirm modal and shows the paid card', async () => {
    const { page, platform } = sandbox;
    const cardIndex = await addOrder({ profile: '346', lines: CHARGER_LINE });

    await page.pressButton(cardIndex, 'order_pay');
    const confirm = await eventually(() => page.modal()?.view.submit !== undefined && page.modal(), 'the pay dialog');
    expect(confirm.view.callback_id).toBe('order_pay_confirm');
    expect(JSON.stringify(confirm.view.blocks)).toContain('99.00');
    await page.submitModal();

    const paid = await eventually(() => findMessage(page, 'paid 99.00'), 'the paid card');
    expect(textOf(page.messages()[paid])).toContain('*State:* paid');
    expect(platform.calls.filter((call) => call.method === 'SalesPaymentReserve')).toHaveLength(1);
  });

  it('keeps the new order modal open with the error under the lines when a line is bad', async () => {
    const { page } = sandbox;
    await page.sendCommand('/ot order new');
    await eventually(() => page.modal()?.view.submit !== undefined, 'the form');

    await page.submitModal({ profile: '346', lines: 'two chargers please' });

    const modal = page.modal();
    expect(modal?.errors.lines).toBeDefined();
    expect(modal?.values.lines).toBe('two chargers please');
    const html = await fetchHtml(page.url);
    expect(html).toContain('class="error"');
    expect(html).toContain('>two chargers please</textarea>');
    expect(findMessage(page, 'Order ORD-')).toBeUndefined();
  });

  it('rewrites the card a Refresh button is on instead of adding a message', async () => {
    const { page } = sandbox;
    const cardIndex = await addOrder({ profile: '345', lines: CHARGER_LINE });
    const count = page.messages().length;

    await page.pressButton(cardIndex, 'order_refresh');

    await eventually(() => page.messages()[cardIndex].edits === 1, 'the card rewritten');
    expect(page.messages()).toHaveLength(count);
  });

  it('lists the provider accounts with Log in links to the provider', async () => {
    const { page } = sandbox;

    await page.sendCommand('accounts');

    await eventually(() => findMessage(page, 'Provider accounts'), 'the accounts');
    const html = await fetchHtml(page.url);
    for (const name of Object.values(SEED.accounts)) expect(html).toContain(name);
    expect(html).toMatch(/<a class="button" href="http:\/\/127\.0\.0\.1:\d+\/provider\/login\?[^"]*"[^>]*>Log in/);
  });

  it('sends app_home_opened and shows the accounts the bot publishes on App Home', async () => {
    const { page } = sandbox;

    await page.openHome();

    const home = await eventually(() => page.home(), 'the published home');
    expect(JSON.stringify(home)).toContain(SEED.accounts.main);
    const html = await fetchHtml(`${page.url}/home`);
    expect(html).toContain('Provider accounts');
    expect(html).toContain(SEED.accounts.fresh);
  });

  it('shows hostile OT text in a card as text, never as markup', async () => {
    const { page } = sandbox;

    await addOrder({ profile: '346', lines: CHARGER_LINE, comment: '<script>alert(1)</script> <b>bold</b>' });

    const html = await fetchHtml(page.url);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>bold');
  });

  it('runs a command typed in the page form, then shows the answer on the page', async () => {
    const { page } = sandbox;

    const response = await fetch(`${page.url}/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: '/ot help pay' }).toString(),
      redirect: 'manual',
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    await eventually(() => findMessage(page, 'pay 12345 107.30'), 'the usage of pay');
    expect(await fetchHtml(page.url)).toContain('You ran /ot help pay');
  });

  it('finds order lines with the message shortcut on a message the person posted', async () => {
    const { page } = sandbox;
    page.postMessage(`the seller shipped ${SEED.manualProviderOrderId}`);

    await page.runShortcut(page.messages().length - 1, 'find_order_lines');

    const answer = await eventually(() => page.messages().find((message) => message.author === 'bot'), 'the answer');
    expect(answer.ephemeralTo).toBe('U0SANDBOX');
    expect(textOf(answer)).toContain(`tracking number ${SEED.manualProviderOrderId}`);
  });
});
