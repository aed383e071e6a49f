import { type SlackPage, startSlackPage } from '../../../src/sandbox/slack-page';

// The page's Web API on its own, called as the bot's Web API client calls it: form bodies with nested fields as JSON
// strings, or JSON bodies, and the bot token in the Authorization header or the token field.

const TOKEN = 'xoxb-test-token';

describe("the sandbox page's Web API", () => {
  let page: SlackPage;

  beforeEach(async () => {
    page = await startSlackPage({
      botUrl: 'http://127.0.0.1:9',
      signingSecret: 'test-secret',
      botToken: TOKEN,
      userGroups: { S0OPS: ['U0SANDBOX', 'U0OTHER'] },
    });
  });

  afterEach(() => page.close());

  function callForm(method: string, fields: Record<string, string>, token: string | null = TOKEN) {
    return fetch(`${page.apiUrl}${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    }).then((response) => response.json() as Promise<Record<string, unknown>>);
  }

  function callJson(method: string, body: Record<string, unknown>) {
    return fetch(`${page.apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    }).then((response) => response.json() as Promise<Record<string, unknown>>);
  }

  const section = (text: string) => [{ type: 'section', text: { type: 'mrkdwn', text } }];

  it('refuses a call without the bot token or with another one, and names methods it does not know', async () => {
    expect(await callForm('auth.test', {}, null)).toEqual({ ok: false, error: 'not_authed' });
    expect(await callForm('auth.test', {}, 'xoxb-other')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await callForm('auth.test', { token: TOKEN }, null)).toMatchObject({ ok: true });
    expect(await callForm('files.upload', {})).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('keeps channel messages posted with form or JSON bodies, and rewrites them on chat.update', async () => {
    const posted = await callForm('chat.postMessage', {
      channel: 'C0SANDBOX',
      text: 'card',
      blocks: JSON.stringify(section('*first*')),
    });
    await callJson('chat.postMessage', { channel: 'C0SANDBOX', text: 'second', thread_ts: posted.ts });
    const updated = await callForm('chat.update', {
      channel: 'C0SANDBOX',
      ts: String(posted.ts),
      text: 'card',
      blocks: JSON.stringify(section('*rewritten*')),
    });

    expect(posted).toMatchObject({ ok: true, channel: 'C0SANDBOX', message: { text: 'card', bot_id: 'B0SANDBOX' } });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts });
    const [first, second] = page.messages();
    expect(first).toMatchObject({ ts: posted.ts, edits: 1, blocks: section('*rewritten*') });
    expect(second).toMatchObject({ text: 'second', threadTs: posted.ts });
  });

  it('answers as Slack does to an unknown channel, a message without text and blocks Slack refuses', async () => {
    expect(await callForm('chat.postMessage', { channel: 'C0ELSEWHERE', text: 'x' })).toMatchObject({
      error: 'channel_not_found',
    });
    expect(await callForm('chat.postMessage', { channel: 'C0SANDBOX' })).toMatchObject({ error: 'no_text' });
    const tooMany = JSON.stringify(Array.from({ length: 51 }, () => ({ type: 'divider' })));
    expect(await callForm('chat.postMessage', { channel: 'C0SANDBOX', blocks: tooMany })).toMatchObject({
      error: 'invalid_blocks',
    });
    expect(await callForm('chat.update', { channel: 'C0SANDBOX', ts: '1.000001', text: 'x' })).toMatchObject({
      error: 'message_not_found',
    });
    expect(page.messages()).toHaveLength(0);
  });

  it('posts ephemeral messages to the person only, and direct messages to the person by user id', async () => {
    const ephemeral = await callForm('chat.postEphemeral', { channel: 'C0SANDBOX', user: 'U0SANDBOX', text: 'psst' });
    const direct = await callForm('chat.postMessage', { channel: 'U0SANDBOX', text: 'hello' });

    expect(ephemeral).toMatchObject({ ok: true, message_ts: expect.any(String) });
    expect(direct).toMatchObject({ ok: true, channel: 'D0SANDBOX' });
    expect(page.messages().map((message) => [message.text, message.ephemeralTo, message.channel])).toEqual([
      ['psst', 'U0SANDBOX', 'C0SANDBOX'],
      ['hello', undefined, 'D0SANDBOX'],
    ]);
  });

  it('opens a modal only with a trigger id it issued', async () => {
    const view = { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] };

    expect(await callForm('views.open', { trigger_id: 'made-up', view: JSON.stringify(view) })).toEqual({
      ok: false,
      error: 'invalid_trigger_id',
    });
    expect(page.modal()).toBeUndefined();
  });

  it('publishes App Home, updates it by view id, and refuses an update with a stale hash', async () => {
    const home = (text: string) => JSON.stringify({ type: 'home', blocks: section(text) });
    const published = (await callForm('views.publish', { user_id: 'U0SANDBOX', view: home('one') })) as {
      view: { id: string; hash: string };
    };
    const updated = await callForm('views.update', {
      view_id: published.view.id,
      hash: published.view.hash,
      view: home('two'),
    });
    const stale = await callForm('views.update', {
      view_id: published.view.id,
      hash: published.view.hash,
      view: home('three'),
    });

    expect(updated).toMatchObject({ ok: true, view: { id: published.view.id } });
    expect(stale).toEqual({ ok: false, error: 'hash_conflict' });
    expect(JSON.stringify(page.home())).toContain('two');
  });

  it('lists the members of the user groups it was given', async () => {
    expect(await callForm('usergroups.users.list', { usergroup: 'S0OPS' })).toEqual({
      ok: true,
      users: ['U0SANDBOX', 'U0OTHER'],
    });
    expect(await callForm('usergroups.users.list', { usergroup: 'S0NONE' })).toMatchObject({
      error: 'no_such_subteam',
    });
  });

  it('renders a message with a raw <script> in it as escaped text', async () => {
    await callForm('chat.postMessage', {
      channel: 'C0SANDBOX',
      text: 'x',
      blocks: JSON.stringify(section('<script>alert(1)</script> and <javascript:alert(1)|click>')),
    });

    const html = await (await fetch(page.url)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; and &lt;javascript:alert(1)|click&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('href="javascript');
  });

  it('refuses page forms posted from another origin', async () => {
    const response = await fetch(`${page.url}/say`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'text=hi',
    });

    expect(response.status).toBe(403);
    expect(page.messages()).toHaveLength(0);
  });
});
