import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type Json, type SlackPage, startSlackPage } from '../../../src/sandbox/slack-page';

// What the page sends to an app and how it takes the app's answers, against a scripted app that checks Slack's
// signature itself and answers what each test tells it to.

const SECRET = 'scripted-signing-secret';
const TOKEN = 'xoxb-scripted';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  signatureValid: boolean;
}

type Answer = (request: Received) => { status?: number; body?: unknown };

interface ScriptedApp {
  url: string;
  received: Received[];
  answer: Answer;
  close(): Promise<void>;
}

async function startScriptedApp(): Promise<ScriptedApp> {
  const app: ScriptedApp = { url: '', received: [], answer: () => ({}), close: async () => undefined };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-slack-request-timestamp']);
      const expected = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      const received = {
        headers: request.headers,
        body,
        signatureValid: expected === request.headers['x-slack-signature'],
      };
      app.received.push(received);
      const { status = 200, body: answer } = app.answer(received);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(answer === undefined ? '' : JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.close = () => new Promise((resolve) => server.close(() => resolve()));
  return app;
}

function payloadOf(received: Received): Json {
  return JSON.parse(new URLSearchParams(received.body).get('payload') ?? '{}');
}

describe('what the sandbox page sends to an app', () => {
  let app: ScriptedApp;
  let page: SlackPage;

  beforeEach(async () => {
    app = await startScriptedApp();
    page = await startSlackPage({ botUrl: app.url, signingSecret: SECRET, botToken: TOKEN });
  });

  afterEach(async () => {
    await page.close();
    await app.close();
  });

  function callApi(method: string, fields: Record<string, unknown>): Promise<Json> {
    return fetch(`${page.apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(fields),
    }).then((response) => response.json() as Promise<Json>);
  }

  /** Runs a command whose ack opens a modal through views.open with the command's trigger id. */
  async function openModal(view: Json): Promise<void> {
    await page.sendCommand('/ot open');
    const form = new URLSearchParams(app.received.at(-1)?.body);
    const opened = await callApi('views.open', { trigger_id: form.get('trigger_id'), view });
    expect(opened).toMatchObject({ ok: true });
  }

  const modal = (blocks: Json[], extra: Json = {}): Json => ({
    type: 'modal',
    callback_id: 'form',
    title: { type: 'plain_text', text: 'Form' },
    submit: { type: 'plain_text', text: 'Send' },
    blocks,
    ...extra,
  });
  const textInput = {
    type: 'input',
    block_id: 'note',
    label: { type: 'plain_text', text: 'Note' },
    element: { type: 'plain_text_input', action_id: 'note_input' },
  };
  const select = {
    type: 'input',
    block_id: 'pick',
    optional: true,
    label: { type: 'plain_text', text: 'Pick' },
    element: {
      type: 'static_select',
      action_id: 'pick_select',
      options: [
        { text: { type: 'plain_text', text: 'Red' }, value: 'r' },
        { text: { type: 'plain_text', text: 'Blue' }, value: 'b' },
      ],
    },
  };

  it('signs a slash command with the signing secret and sends it as a form with a response_url here', async () => {
    await page.sendCommand('/ot order 12345');

    const [command] = app.received;
    expect(command.signatureValid).toBe(true);
    const form = new URLSearchParams(command.body);
    expect(Object.fromEntries(form)).toMatchObject({
      command: '/ot',
      text: 'order 12345',
      user_id: 'U0SANDBOX',
      channel_id: 'C0SANDBOX',
    });
    expect(form.get('response_url')).toMatch(new RegExp(`^${page.url}/response/[0-9a-f]+$`));
  });

  it('shows answers through a response_url as ephemeral messages, in the channel when asked', async () => {
    await page.sendCommand('help');
    const responseUrl = String(new URLSearchParams(app.received[0].body).get('response_url'));
    const post = (body: Json) =>
      fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    await post({ text: 'only you' });
    await post({ text: 'everyone', response_type: 'in_channel' });

    expect(page.messages().map((message) => [message.text, message.ephemeralTo])).toEqual([
      ['only you', 'U0SANDBOX'],
      ['everyone', undefined],
    ]);
  });

  it('sends a button press with the message it is on, and replaces that message on replace_original', async () => {
    await callApi('chat.postMessage', {
      channel: 'C0SANDBOX',
      text: 'card',
      blocks: [
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'go', value: 'v1', text: { type: 'plain_text', text: 'Go' } }],
        },
      ],
    });

    await page.pressButton(0, 'go');
    const payload = payloadOf(app.received[0]);
    await fetch(String(payload.response_url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, text: 'done' }),
    });

    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U0SANDBOX' },
      container: { type: 'message', channel_id: 'C0SANDBOX', is_ephemeral: false },
      message: { text: 'card' },
      actions: [{ action_id: 'go', value: 'v1', type: 'button' }],
    });
    expect(page.messages()).toEqual([expect.objectContaining({ text: 'done', blocks: [], edits: 1 })]);
  });

  it("submits a modal's inputs as view.state.values and closes it on an empty ack", async () => {
    await openModal(modal([textInput, select]));

    await page.submitModal({ note: 'hello', pick_select: 'Blue' });

    expect(payloadOf(app.received[1]).view).toMatchObject({
      callback_id: 'form',
      state: {
        values: {
          note: { note_input: { type: 'plain_text_input', value: 'hello' } },
          pick: { pick_select: { type: 'static_select', selected_option: { value: 'b' } } },
        },
      },
    });
    expect(page.modal()).toBeUndefined();
  });

  it('does not send a modal whose required input is empty, as Slack does', async () => {
    await openModal(modal([textInput]));

    await page.submitModal({ note: '  ' });

    expect(app.received).toHaveLength(1);
    expect(page.modal()?.errors).toEqual({ note: 'Please complete this required field.' });
  });

  it('keeps the modal open with the errors, then takes an update, a push and a clear', async () => {
    await openModal(modal([textInput]));

    app.answer = () => ({ body: { response_action: 'errors', errors: { note: 'Say more <b>' } } });
    await page.submitModal({ note: 'x' });
    expect(page.modal()).toMatchObject({ errors: { note: 'Say more <b>' }, values: { note: 'x' } });
    expect(await (await fetch(page.url)).text()).toContain('<div class="error">Say more &lt;b&gt;</div>');

    app.answer = () => ({ body: { response_action: 'update', view: modal([textInput], { callback_id: 'second' }) } });
    await page.submitModal({ note: 'more' });
    expect(page.modal()).toMatchObject({ view: { callback_id: 'second' }, errors: {}, depth: 1 });

    app.answer = () => ({ body: { response_action: 'push', view: modal([], { callback_id: 'third' }) } });
    await page.submitModal({ note: 'more' });
    expect(page.modal()).toMatchObject({ view: { callback_id: 'third' }, depth: 2 });

    app.answer = () => ({ body: { response_action: 'clear' } });
    await page.submitModal();
    expect(page.modal()).toBeUndefined();
  });

  it('keeps the modal open and says so when the app answers an error', async () => {
    await openModal(modal([textInput]));

    app.answer = () => ({ status: 500 });
    await page.submitModal({ note: 'x' });

    expect(page.modal()?.problem).toContain('HTTP 500');
  });

  it('tells the app about a closed modal only when it asked to be told', async () => {
    await openModal(modal([textInput], { notify_on_close: true }));

    await page.closeModal();

    expect(payloadOf(app.received[1])).toMatchObject({ type: 'view_closed', view: { callback_id: 'form' } });
    expect(page.modal()).toBeUndefined();
  });

  it('sends app_home_opened as a signed Events API callback', async () => {
    await page.openHome();

    const [event] = app.received;
    expect(event.signatureValid).toBe(true);
    expect(event.headers['content-type']).toBe('application/json');
    expect(JSON.parse(event.body)).toMatchObject({
      type: 'event_callback',
      event: { type: 'app_home_opened', user: 'U0SANDBOX', tab: 'home' },
    });
  });

  it('refuses a second views.open with the same trigger id', async () => {
    await page.sendCommand('/ot open');
    const triggerId = new URLSearchParams(app.received[0].body).get('trigger_id');
    const view = modal([]);

    expect(await callApi('views.open', { trigger_id: triggerId, view })).toMatchObject({ ok: true });
    expect(await callApi('views.open', { trigger_id: triggerId, view })).toEqual({
      ok: false,
      error: 'exchanged_trigger_id',
    });
  });
});
