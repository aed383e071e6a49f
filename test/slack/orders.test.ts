import nock from 'nock';

import { type OtPlatform, SEED } from '../../src/sandbox/ot-platform';
import { ACTION_IDS, CALLBACK_IDS, INPUT_IDS } from '../../src/slack/ids';
import { clientFor } from '../helpers/ot-platform';
import {
  buttonPayload,
  captureResponses,
  captureWebApi,
  eventually,
  sendCommand,
  sendInteraction,
  type TestBot,
  textOf,
  useTestBot,
  viewSubmissionPayload,
} from '../helpers/slack';

// Orders from Slack: the card, the new order dialog, payment and cancelling, through signed requests to the
// real receiver, with OT served by the simulator and Slack's Web API intercepted.

const CHARGER = { itemId: '587654321099', quantity: 1 };
const CABLE = { itemId: '587654321100', configurationId: '3301234568001', quantity: 2 };

type WebCall = { method: string; body: Record<string, unknown> };

function viewOf(call: WebCall): Record<string, unknown> {
  return JSON.parse(call.body.view as string);
}

describe('orders from Slack', () => {
  let platform: OtPlatform;
  let bot: TestBot;
  useTestBot((started, startedBot) => {
    platform = started;
    bot = startedBot;
  });

  const callsOf = (method: string) => platform.calls.filter((call) => call.method === method);

  it('shows the order card with every line, its provider fields and the buttons for its state', async () => {
    const order = await clientFor(platform).addOrder({ deliveryModeId: SEED.deliveryModeId, items: [CHARGER, CABLE] });
    const replies = captureResponses(1);

    await sendCommand(bot, `order ${order.id.replace('ORD-00000', '')}`);
    await replies.done;

    const text = textOf(replies.bodies[0]);
    expect(text).toContain(order.id);
    expect(text).toContain('65 W GaN fast charger, two ports');
    expect(text).toContain('长度:1米');
    expect(text).toContain(ACTION_IDS.payOrder);
    expect(text).toContain(ACTION_IDS.cancelOrder);
  });

  it('pays an order through the confirm dialog once, however often the dialog is submitted', async () => {
    const order = await clientFor(platform).addOrder({ deliveryModeId: SEED.deliveryModeId, items: [CHARGER] });
    const web = captureWebApi({ 'views.open': { view: { id: 'V0PAY', hash: 'h1' } } });

    await sendCommand(bot, `pay ${order.id}`);
    const update = await eventually(() => web.find((call) => call.method === 'views.update'));
    const dialog = viewOf(update);
    expect(dialog.callback_id).toBe(CALLBACK_IDS.payConfirm);
    expect(JSON.stringify(dialog.blocks)).toContain('99.00');
    expect(callsOf('PostTransaction')).toHaveLength(0);

    const replies = captureResponses(1);
    const submission = viewSubmissionPayload(CALLBACK_IDS.payConfirm, dialog.private_metadata as string, {});
    await sendInteraction(bot, submission);
    await sendInteraction(bot, submission);
    await replies.done;
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(callsOf('PostTransaction')).toHaveLength(1);
    expect(callsOf('SalesPaymentReserve')).toHaveLength(1);
    expect(replies.bodies).toHaveLength(1);
    expect(textOf(replies.bodies[0])).toContain('paid 99.00');
    expect((await clientFor(platform).getOrderDetails(order.id)).order.isPaid).toBe(true);
  });

  it('opens the pay dialog from the card button, and says so when the order is already paid', async () => {
    const client = clientFor(platform);
    const order = await client.addOrder({ deliveryModeId: SEED.deliveryModeId, items: [CHARGER] });
    await client.deposit({ customerId: order.customerId, amount: 99 });
    await client.reservePayment(order.id, 99);
    const depositsBefore = callsOf('PostTransaction').length;
    const web = captureWebApi({ 'views.open': { view: { id: 'V0PAY', hash: 'h1' } } });

    await sendInteraction(bot, buttonPayload(ACTION_IDS.payOrder, order.id));
    const update = await eventually(() => web.find((call) => call.method === 'views.update'));

    expect(JSON.stringify(viewOf(update))).toContain('is already paid');
    expect(callsOf('PostTransaction')).toHaveLength(depositsBefore);
  });

  it('adds an order from the dialog and names the line OT dropped with the possible reasons', async () => {
    const web = captureWebApi({ 'views.open': { view: { id: 'V0NEW', hash: 'h1' } } });
    await sendCommand(bot, 'order new');
    const update = await eventually(() => web.find((call) => call.method === 'views.update'));
    const dialog = viewOf(update);
    expect(JSON.stringify(dialog.blocks)).toContain('白云区石井街道');

    const replies = captureResponses(1);
    const values = {
      [INPUT_IDS.profile]: { [INPUT_IDS.profile]: { type: 'static_select', selected_option: { value: '346' } } },
      [INPUT_IDS.comment]: { [INPUT_IDS.comment]: { type: 'plain_text_input', value: 'SO-2001 <rush>' } },
      [INPUT_IDS.lines]: {
        [INPUT_IDS.lines]: {
          type: 'plain_text_input',
          value: '587654321099 1\n999999999999 2\n587654321100 3301234568001 2 gift',
        },
      },
    };
    await sendInteraction(bot, viewSubmissionPayload(CALLBACK_IDS.orderNew, dialog.private_metadata as string, values));
    await replies.done;

    const text = textOf(replies.bodies[0]);
    expect(text).toContain('ORD-0000012345');
    expect(text).toContain('999999999999');
    expect(text).toContain('no longer available');
    const added = await clientFor(platform).getOrderDetails('ORD-0000012345');
    expect(added.order.comment).toBe('SO-2001 <rush>');
    expect(added.lines.map((line) => line.customerComment)).toEqual([undefined, 'gift']);
  });

  it('keeps the new order dialog open with the problem when a pasted line is bad, asking OT nothing', async () => {
    const values = {
      [INPUT_IDS.lines]: { [INPUT_IDS.lines]: { type: 'plain_text_input', value: '587654321099 1\nnonsense' } },
    };

    const response = await sendInteraction(bot, viewSubmissionPayload(CALLBACK_IDS.orderNew, '{}', values));

    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: { [INPUT_IDS.lines]: 'Line 2: the quantity is missing after item nonsense' },
    });
    expect(callsOf('AddOrder')).toHaveLength(0);
  });

  it('cancels an order after the confirm dialog', async () => {
    const order = await clientFor(platform).addOrder({ deliveryModeId: SEED.deliveryModeId, items: [CHARGER] });
    const web = captureWebApi({ 'views.open': { view: { id: 'V0CANCEL', hash: 'h1' } } });

    await sendCommand(bot, `order cancel ${order.id}`);
    const dialog = viewOf(await eventually(() => web.find((call) => call.method === 'views.update')));
    expect(dialog.callback_id).toBe(CALLBACK_IDS.cancelConfirm);
    expect(callsOf('CancelSalesOrder')).toHaveLength(0);

    const replies = captureResponses(1);
    await sendInteraction(
      bot,
      viewSubmissionPayload(CALLBACK_IDS.cancelConfirm, dialog.private_metadata as string, {}),
    );
    await replies.done;

    expect(callsOf('CancelSalesOrder')).toHaveLength(1);
    expect(textOf(replies.bodies[0])).toContain('Cancelled');
  });

  it('tells the person which OT call failed and why when OT answers HTTP 500', async () => {
    platform.faults.inject('http500', { method: 'GetSalesOrderDetailsForOperator', times: 5 });
    const replies = captureResponses(1);

    await sendCommand(bot, 'order 12345');
    await replies.done;

    expect(textOf(replies.bodies[0])).toContain('OT GetSalesOrderDetailsForOperator failed: OT answered HTTP 500');
  });

  it('refuses a button whose value is not an order id', async () => {
    const replies = captureResponses(1);

    await sendInteraction(bot, buttonPayload(ACTION_IDS.refreshOrder, '<script>'));
    await replies.done;

    expect(textOf(replies.bodies[0])).toContain('carries no order the bot can read');
  });

  it('tells the person when Slack rate-limits the dialog, without waiting and without paying', async () => {
    nock('https://slack.test')
      .post('/api/views.open')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });
    const replies = captureResponses(1);

    await sendCommand(bot, 'pay 12345');
    await replies.done;

    expect(textOf(replies.bodies[0])).toContain(
      'Could not open the dialog: Slack asked the bot to slow down; try again in 30 s',
    );
    expect(platform.calls.map((call) => call.method)).not.toContain('PostTransaction');
  });
});
