import type { OtPlatform } from '../../src/sandbox/ot-platform';
import {
  captureResponses,
  captureWebApi,
  commandBody,
  OPERATOR_GROUP,
  postToBot,
  SIGNING_SECRET,
  STRANGER,
  sendCommand,
  signBody,
  type TestBot,
  textOf,
  useTestBot,
} from '../helpers/slack';

// The bot's HTTP receiver as Slack reaches it: signatures, health, operators, retries.

describe('the Slack receiver', () => {
  let platform: OtPlatform;
  let bot: TestBot;
  let startupCalls: number;
  useTestBot((started, startedBot) => {
    platform = started;
    bot = startedBot;
    startupCalls = started.calls.length;
  });

  const otCallsSinceStart = () => platform.calls.slice(startupCalls).map((call) => call.method);

  it.each([
    ['unsigned', {}],
    ['wrongly signed', signBody('something else')],
    ['stale', signBody(commandBody('order 12345'), Math.floor(Date.now() / 1000) - 10 * 60)],
  ])('answers a %s request with 401 and asks OT nothing', async (_kind, headers) => {
    const response = await postToBot(bot, commandBody('order 12345'), headers as Record<string, string>);

    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(otCallsSinceStart()).toEqual([]);
  });

  it('answers GET /healthz with 200 and the state of the bot', async () => {
    const response = await fetch(`${bot.url}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', mode: 'http', command: '/ot', store: 'sqlite' });
  });

  it('acks a command at once with an empty 200, before any OT call', async () => {
    platform.faults.latencyMs = 1_500;
    const replies = captureResponses(1);

    const response = await sendCommand(bot, 'order 12345');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await replies.done;
  });

  it('shows help to anyone, operator or not, without asking OT', async () => {
    const replies = captureResponses(1);

    await sendCommand(bot, 'help', STRANGER);
    await replies.done;

    expect(replies.bodies[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(replies.bodies[0])).toContain('/ot order');
    expect(otCallsSinceStart()).toEqual([]);
  });

  it('refuses every other verb to a person who is not an operator, and logs it', async () => {
    captureWebApi({ 'usergroups.users.list': { users: ['U0SOMEONE'] } });
    const replies = captureResponses(1);

    await sendCommand(bot, 'order 12345', STRANGER);
    await replies.done;

    expect(textOf(replies.bodies[0])).toContain('Only operators can use');
    expect(otCallsSinceStart()).toEqual([]);
    expect(bot.logLines.join('\n')).toContain(`order refused: ${STRANGER} is not an operator`);
  });

  it('lets in a member of an operators user group, asking Slack for the group once', async () => {
    const calls = captureWebApi({ 'usergroups.users.list': { users: ['U0MEMBER'] } });
    const replies = captureResponses(2);

    await sendCommand(bot, 'accounts', 'U0MEMBER');
    await sendCommand(bot, 'activities', 'U0MEMBER');
    await replies.done;

    expect(calls.filter((call) => call.method === 'usergroups.users.list')).toEqual([
      { method: 'usergroups.users.list', body: expect.objectContaining({ usergroup: OPERATOR_GROUP }) },
    ]);
    expect(textOf(replies.bodies[0])).not.toContain('Only operators');
  });

  it('runs a command Slack sends twice (the same trigger) once', async () => {
    const replies = captureResponses(1);
    const body = commandBody('order 12345');

    await postToBot(bot, body, signBody(body));
    await postToBot(bot, body, signBody(body));
    await replies.done;
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(replies.bodies).toHaveLength(1);
    expect(otCallsSinceStart().filter((method) => method === 'GetSalesOrderDetailsForOperator')).toHaveLength(1);
  });

  it('answers bad command text with what was wrong and the usage, asking OT nothing', async () => {
    const replies = captureResponses(1);

    await sendCommand(bot, 'order 12x');
    await replies.done;

    expect(textOf(replies.bodies[0])).toContain('is not an order id');
    expect(textOf(replies.bodies[0])).toContain('/ot order');
    expect(otCallsSinceStart()).toEqual([]);
  });
});

describe('the Slack receiver, for secrets', () => {
  let platform: OtPlatform;
  let bot: TestBot;
  useTestBot((started, startedBot) => {
    platform = started;
    bot = startedBot;
  });

  it('writes no token, secret, password or session id into its log, at debug level', async () => {
    const replies = captureResponses(2);
    await sendCommand(bot, 'accounts');
    await sendCommand(bot, 'order 12345');
    await replies.done;

    const log = bot.logLines.join('\n');
    const sessionIds = [...platform.world.sessions.keys()];
    const providerSessionIds = [...platform.world.providerAccounts.values()].flatMap((a) => a.session?.id ?? []);
    expect(sessionIds.length).toBeGreaterThan(0);
    for (const secret of [
      SIGNING_SECRET,
      'xoxb-sandbox-token',
      'sandbox-state-secret-of-at-least-32-characters',
      'sandbox-operator-password',
      'sandbox-instance-key',
      ...sessionIds,
      ...providerSessionIds,
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('command accounts');
  });
});
