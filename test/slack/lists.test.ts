import { type OtPlatform, RETURN_PARAMS, SEED } from '../../src/sandbox/ot-platform';
import { ACTION_IDS, CALLBACK_IDS } from '../../src/slack/ids';
import {
  addPaidOrder,
  addShippedOrder,
  clientFor,
  isAsking,
  pollActivity,
  providerSessionId,
} from '../helpers/ot-platform';
import {
  buttonPayload,
  captureResponses,
  captureWebApi,
  eventually,
  OPERATOR,
  RESPONSE_HOST,
  sendCommand,
  sendInteraction,
  signBody,
  type TestBot,
  textOf,
  useTestBot,
} from '../helpers/slack';

// Search, the message shortcut, accounts and their log-in round trip, activities and App Home.

const CABLE = { itemId: '587654321100', configurationId: '3301234568001', quantity: 2 };
const CHARGER = { itemId: '587654321099', quantity: 1 };

describe('lists from Slack', () => {
  let platform: OtPlatform;
  let bot: TestBot;
  useTestBot((started, startedBot) => {
    platform = started;
    bot = startedBot;
  });

  const exportedOrder = () => addShippedOrder(platform, clientFor(platform), [CHARGER, CABLE]);

  it('finds lines by provider order id and by tracking number in one list, with Open order buttons', async () => {
    const { order, lines } = await exportedOrder();
    const replies = captureResponses(1);

    await sendCommand(bot, `search ${lines[0].providerOrderId} ${lines[1].trackingNumber} SF0000000000000`);
    await replies.done;

    const text = textOf(replies.bodies[0]);
    expect(text).toContain(order.id);
    expect(text).toContain(lines[0].id);
    expect(text).toContain(lines[1].id);
    expect(text).toContain(ACTION_IDS.openOrder);
  });

  it('says plainly when nothing matches', async () => {
    const replies = captureResponses(1);

    await sendCommand(bot, 'search SF0000000000000');
    await replies.done;

    expect(textOf(replies.bodies[0])).toContain('SF0000000000000');
    expect(textOf(replies.bodies[0])).not.toContain(ACTION_IDS.openOrder);
  });

  it('searches every id in a message through the Find order lines shortcut', async () => {
    const { order, lines } = await exportedOrder();
    const replies = captureResponses(1);

    await sendInteraction(bot, {
      type: 'message_action',
      callback_id: CALLBACK_IDS.findOrderLines,
      trigger_id: 'trigger-shortcut',
      response_url: `${RESPONSE_HOST}/shortcut/1`,
      team: { id: 'T0TEAM', domain: 'test' },
      user: { id: OPERATOR, name: 'operator' },
      channel: { id: 'C0CHANNEL', name: 'ops' },
      message: { type: 'message', ts: '1.2', text: `客户问包裹 ${lines[1].trackingNumber} 到哪了？` },
      message_ts: '1.2',
      token: 'legacy',
      action_ts: '1.3',
    });
    await replies.done;

    expect(textOf(replies.bodies[0])).toContain(order.id);
  });

  it('opens the card from Open order, and pages its lines with Next lines', async () => {
    const { order } = await exportedOrder();
    const replies = captureResponses(2);

    await sendInteraction(bot, buttonPayload(ACTION_IDS.openOrder, order.id));
    await sendInteraction(bot, buttonPayload(ACTION_IDS.moreLines, `${order.id}|1`));
    await replies.done;

    const texts = replies.bodies.map(textOf).join('\n');
    expect(texts).toContain('Lines 1–2 of 2');
    expect(texts).toContain('Lines 2–2 of 2');
  });

  it('lists the provider accounts with Log in links that come back to the bot and are taken once', async () => {
    const replies = captureResponses(1);
    await sendCommand(bot, 'accounts');
    await replies.done;
    const message = JSON.stringify(replies.bodies[0]);
    for (const account of Object.values(SEED.accounts)) expect(message).toContain(account);

    const loginUrl = /"url":"(http:\/\/127\.0\.0\.1:\d+\/provider\/login\?ticket=[^"]+)"/.exec(message)?.[1] as string;
    const ticket = new URL(loginUrl).searchParams.get('ticket') as string;
    const loggedIn = await fetch(`${platform.url}/provider/login`, {
      method: 'POST',
      body: new URLSearchParams({ ticket, account: SEED.accounts.fresh, outcome: 'success' }),
      redirect: 'manual',
    });
    const returnUrl = new URL(loggedIn.headers.get('location') as string);
    expect(returnUrl.searchParams.has(RETURN_PARAMS.sessionId)).toBe(true);
    const botReturn = `${bot.url}${returnUrl.pathname}${returnUrl.search}`;

    const page = await fetch(botReturn);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('is logged in');
    const again = await fetch(botReturn);
    expect(again.status).toBe(400);
  });

  it('refuses a forged or tampered return state with 400 and asks OT nothing', async () => {
    const before = platform.calls.length;
    const forged = await fetch(`${bot.url}/provider/return?state=eyJhY2NvdW50IjoieCJ9.c2lnbmF0dXJl`);
    const missing = await fetch(`${bot.url}/provider/return`);

    expect([forged.status, missing.status]).toEqual([400, 400]);
    expect(await forged.text()).toContain('not valid or has expired');
    expect(platform.calls.length).toBe(before);
  });

  it('lists activities that run or wait for an answer', async () => {
    const client = clientFor(platform);
    const order = await addPaidOrder(client, [
      { itemId: '587654321101', configurationId: '3301234569002', quantity: 1 },
    ]);
    const sessionId = await providerSessionId(client, SEED.accounts.main);
    await pollActivity(
      platform,
      client,
      await client.exportOrder({ orderId: order.id, providerSessionId: sessionId }),
      isAsking,
    );
    const replies = captureResponses(1);

    await sendCommand(bot, 'activities');
    await replies.done;

    expect(textOf(replies.bodies[0])).toContain(`Export of order ${order.id}`);
  });

  it('draws App Home for an operator with the accounts', async () => {
    const web = captureWebApi();
    const event = {
      token: 'legacy',
      team_id: 'T0TEAM',
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: 'Ev0HOME',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_home_opened', user: OPERATOR, channel: 'D0HOME', tab: 'home', event_ts: '1.1' },
    };
    const body = JSON.stringify(event);
    await fetch(`${bot.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signBody(body) },
      body,
    });

    const publish = await eventually(() => web.find((call) => call.method === 'views.publish'));
    expect(publish.body.user_id).toBe(OPERATOR);
    expect(publish.body.view as string).toContain(SEED.accounts.main);
  });
});
