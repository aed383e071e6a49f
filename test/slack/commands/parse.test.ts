import { type Command, MAX_LIST_LENGTH, parseCommand, type Verb } from '../../../src/slack/commands/parse';

const ORDER_ID = 'ORD-0000012345';
const TAOBAO_ORDER_ID = '1234567890123456789';
const OTHER_TAOBAO_ORDER_ID = '2234567890123456789';

function commandOf(text: string): Command {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`refused ${JSON.stringify(text)}: ${result.problem}`);
  return result.command;
}

function problemOf(text: string): { verb?: Verb; problem: string } {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(text)} as ${JSON.stringify(result.command)}`);
  return { verb: result.verb, problem: result.problem };
}

describe('parseCommand accepts every form of the grammar', () => {
  it.each<[string, Command]>([
    ['', { verb: 'help' }],
    ['   ', { verb: 'help' }],
    ['help', { verb: 'help' }],
    ['help export', { verb: 'help', topic: 'export' }],
    ['help ORDER', { verb: 'help', topic: 'order' }],
    ['help order new', { verb: 'help', topic: 'order' }],
    ['order 12345', { verb: 'order', action: 'show', orderId: ORDER_ID }],
    ['order ord-12345', { verb: 'order', action: 'show', orderId: ORDER_ID }],
    ['order 0000012345', { verb: 'order', action: 'show', orderId: ORDER_ID }],
    ['order new', { verb: 'order', action: 'new' }],
    ['Order NEW', { verb: 'order', action: 'new' }],
    ['order cancel ORD-0000012345', { verb: 'order', action: 'cancel', orderId: ORDER_ID }],
    ['pay 12345', { verb: 'pay', orderId: ORDER_ID }],
    ['pay 12345 107.30', { verb: 'pay', orderId: ORDER_ID, amount: 107.3 }],
    ['pay 12345 12.5', { verb: 'pay', orderId: ORDER_ID, amount: 12.5 }],
    ['pay 12345 12,50', { verb: 'pay', orderId: ORDER_ID, amount: 12.5 }],
    ['pay 12345 0.01', { verb: 'pay', orderId: ORDER_ID, amount: 0.01 }],
    ['pay 12345 999999999.99', { verb: 'pay', orderId: ORDER_ID, amount: 999999999.99 }],
    ['export 12345', { verb: 'export', orderId: ORDER_ID, lineIds: [] }],
    ['export 12345 101 102', { verb: 'export', orderId: ORDER_ID, lineIds: ['101', '102'] }],
    ['export 12345 101 101', { verb: 'export', orderId: ORDER_ID, lineIds: ['101'] }],
    ['export 12345 account:ot采购账号01', { verb: 'export', orderId: ORDER_ID, lineIds: [], account: 'ot采购账号01' }],
    ['export account:x 12345 101', { verb: 'export', orderId: ORDER_ID, lineIds: ['101'], account: 'x' }],
    ['export 12345 Account:x', { verb: 'export', orderId: ORDER_ID, lineIds: [], account: 'x' }],
    ['sync', { verb: 'sync', scope: 'default' }],
    ['sync all', { verb: 'sync', scope: 'all' }],
    ['sync ALL', { verb: 'sync', scope: 'all' }],
    ['sync account:"tb shop 2"', { verb: 'sync', scope: 'account', account: 'tb shop 2' }],
    [
      `link 12345 ${TAOBAO_ORDER_ID}`,
      { verb: 'link', orderId: ORDER_ID, providerOrderIds: [TAOBAO_ORDER_ID], lineIds: [] },
    ],
    [
      `link 12345 ${TAOBAO_ORDER_ID} line:101 ${OTHER_TAOBAO_ORDER_ID} line:102 account:x`,
      {
        verb: 'link',
        orderId: ORDER_ID,
        providerOrderIds: [TAOBAO_ORDER_ID, OTHER_TAOBAO_ORDER_ID],
        lineIds: ['101', '102'],
        account: 'x',
      },
    ],
    ['unlink 12345', { verb: 'unlink', orderId: ORDER_ID, providerOrderIds: [] }],
    [
      `unlink 12345 ${TAOBAO_ORDER_ID} account:x`,
      { verb: 'unlink', orderId: ORDER_ID, providerOrderIds: [TAOBAO_ORDER_ID], account: 'x' },
    ],
    [`search ${TAOBAO_ORDER_ID}`, { verb: 'search', terms: [TAOBAO_ORDER_ID] }],
    [
      `search ${TAOBAO_ORDER_ID} sf1234567890123 773012345678901 SF1234567890123`,
      { verb: 'search', terms: [TAOBAO_ORDER_ID, 'SF1234567890123', '773012345678901'] },
    ],
    ['accounts', { verb: 'accounts' }],
    ['ACTIVITIES', { verb: 'activities' }],
  ])('reads %j', (text, expected) => {
    expect(commandOf(text)).toEqual(expected);
  });
});

describe('parseCommand normalises what Slack and keyboards send', () => {
  it.each([
    ['smart double quotes', 'sync account:“tb shop 2”'],
    ['smart single quotes', 'sync account:‘tb shop 2’'],
    ['plain single quotes', "sync account:'tb shop 2'"],
    ['a full-width colon', 'sync account：“tb shop 2”'],
    ['no-break and ideographic spaces', 'sync\u00a0account:"tb shop 2"\u3000'],
    ['tabs and newlines', '\tsync\naccount:"tb shop 2"\r\n'],
    ['zero-width spaces', 'sy\u200bnc account:"tb shop 2"\ufeff'],
  ])('reads %s', (_case, text) => {
    expect(commandOf(text)).toEqual({ verb: 'sync', scope: 'account', account: 'tb shop 2' });
  });

  it('decodes the &amp;, &lt; and &gt; that Slack sends for &, < and >', () => {
    expect(commandOf('sync account:"A&amp;B &lt;1&gt;"')).toEqual({
      verb: 'sync',
      scope: 'account',
      account: 'A&B <1>',
    });
  });

  it('keeps an apostrophe inside an unquoted name', () => {
    expect(commandOf("sync account:bob's")).toEqual({ verb: 'sync', scope: 'account', account: "bob's" });
  });

  it('keeps a Chinese account name with spaces as typed, quoted', () => {
    expect(commandOf('export 12345 account:“淘宝 采购 01”')).toMatchObject({ account: '淘宝 采购 01' });
  });

  it('reads full-width digits in ids and amounts', () => {
    expect(commandOf('pay １２３４５ １２.５０')).toEqual({ verb: 'pay', orderId: ORDER_ID, amount: 12.5 });
  });

  it('reads a quoted positional argument', () => {
    expect(commandOf('order "12345"')).toEqual({ verb: 'order', action: 'show', orderId: ORDER_ID });
  });
});

describe('parseCommand names what is wrong', () => {
  it.each<[string, Verb | undefined, string]>([
    ['foo', undefined, '“foo” is not a command: the commands are help, order, pay, export, sync,'],
    ['12345', undefined, 'a command comes first: to open that order, use order ORD-0000012345'],
    ['help foo', 'help', '“foo” is not a command'],
    ['help 12345', 'help', '“12345” is not a command'],
    ['help order extra', 'help', '“extra” is one argument too many for help'],
    ['order', 'order', 'order needs an order id: ORD-0000012345, 0000012345 or 12345'],
    ['order ORD-12x', 'order', '“ORD-12x” is not an order id: use ORD-0000012345, 0000012345 or 12345'],
    ['order 0', 'order', '“0” is not an order id'],
    ['order 12345678901', 'order', '“12345678901” is not an order id'],
    ['order 12345 67890', 'order', '“67890” is one argument too many for order'],
    ['order new 12345', 'order', '“12345” is one argument too many for order new'],
    ['order cancel', 'order', 'order cancel needs an order id'],
    ['order cancel 1 2', 'order', '“2” is one argument too many for order cancel'],
    ['order 12345 account:x', 'order', '“account:x” is not an option of order: order takes no options'],
    ['pay', 'pay', 'pay needs an order id'],
    ['pay 12345 0', 'pay', 'the amount must be more than 0'],
    ['pay 12345 0.00', 'pay', 'the amount must be more than 0'],
    ['pay 12345 -5', 'pay', '“-5” is not an amount: write a number above 0 with at most 2 decimals, like 12.50'],
    ['pay 12345 1e3', 'pay', '“1e3” is not an amount'],
    ['pay 12345 NaN', 'pay', '“NaN” is not an amount'],
    ['pay 12345 12.345', 'pay', '“12.345” is not an amount'],
    ['pay 12345 1,250.00', 'pay', '“1,250.00” is not an amount'],
    ['pay 12345 .5', 'pay', '“.5” is not an amount'],
    ['pay 12345 12.', 'pay', '“12.” is not an amount'],
    ['pay 12345 1000000000', 'pay', '“1000000000” is not an amount'],
    ['pay 12345 12 USD', 'pay', '“USD” is one argument too many for pay'],
    ['export', 'export', 'export needs an order id'],
    ['export 12345 abc', 'export', '“abc” is not a line id: line ids are numbers, like 123456'],
    ['export 12345 account:a account:b', 'export', 'account: is given more than once: name one account'],
    ['export 12345 account:', 'export', 'account: needs a name, like account:ot采购账号01 or account:"tb shop 2"'],
    ['export 12345 account:""', 'export', 'account: needs a name'],
    ['export 12345 line:5', 'export', '“line:5” is not an option of export: export takes account:&lt;name&gt;'],
    ['export 12345 foo:bar', 'export', '“foo:bar” is not an option of export'],
    ['export 12345 account:"tb shop', 'export', 'the quote in “account:"tb shop” is never closed'],
    ['export 12345 account:"tb"shop', 'export', 'put a space after the closing quote of “account:"tb"”'],
    ['sync foo', 'sync', 'sync takes all or account:&lt;name&gt;, not “foo”'],
    ['sync all account:x', 'sync', 'sync takes all or account:&lt;name&gt;, not both'],
    ['sync all all', 'sync', '“all” is one argument too many for sync'],
    ['link 12345', 'link', 'link needs the provider order id after the order id'],
    [
      'link 12345 101',
      'link',
      '“101” is too short for a provider order id (10 to 30 digits); for a line, write line:101',
    ],
    ['link 12345 SF1234567890123', 'link', '“SF1234567890123” is not a provider order id: those have 10 to 30 digits'],
    [`link 12345 ${TAOBAO_ORDER_ID} line:x`, 'link', '“line:x” is not a line id'],
    [`link 12345 ${TAOBAO_ORDER_ID} line:`, 'link', '“line:” is not a line id'],
    ['unlink', 'unlink', 'unlink needs an order id'],
    ['unlink 12345 101', 'unlink', '“101” is not a provider order id'],
    ['unlink 12345 line:101', 'unlink', '“line:101” is not an option of unlink'],
    ['search', 'search', 'search needs a provider order id or a tracking number'],
    ['search SF-?', 'search', '“SF-?” is not a provider order id or tracking number'],
    ['search abcdef', 'search', '“abcdef” is not a provider order id or tracking number'],
    ['search account:x', 'search', '“account:x” is not an option of search: search takes no options'],
    ['accounts now', 'accounts', '“now” is one argument too many for accounts'],
    ['activities all', 'activities', '“all” is one argument too many for activities'],
  ])('refuses %j', (text, verb, problem) => {
    const refused = problemOf(text);

    expect(refused.verb).toBe(verb);
    expect(refused.problem).toContain(problem);
  });

  it('names the verb even when the arguments cannot be split', () => {
    expect(problemOf('export 12345 account:"x')).toMatchObject({ verb: 'export' });
  });

  it('escapes &, < and > of the input it quotes back, since problems are shown as mrkdwn', () => {
    expect(problemOf('order <!channel>&amp;').problem).toContain('“&lt;!channel&gt;&amp;”');
  });

  it('quotes back at most 60 characters of an argument', () => {
    const { problem } = problemOf(`order ${'x'.repeat(3_000)}`);

    expect(problem).toContain(`“${'x'.repeat(60)}…”`);
    expect(problem).not.toContain('x'.repeat(61));
  });

  it('cuts quoted-back text between characters, never inside one', () => {
    const { problem } = problemOf(`order ${'😀'.repeat(100)}`);

    expect(problem).toContain(`“${'😀'.repeat(60)}…”`);
  });

  it('refuses text longer than Slack sends without reading it', () => {
    const { verb, problem } = problemOf(`order ${'1'.repeat(9_000)}`);

    expect(verb).toBeUndefined();
    expect(problem).toBe('the command is longer than the 4,000 characters Slack sends');
  });

  it('reads 4,000 characters beyond the basic plane, which JavaScript counts twice', () => {
    expect(problemOf(`order ${'😀'.repeat(3_994)}`).verb).toBe('order');
  });
});

describe('parseCommand caps lists', () => {
  const lineIds = (count: number) => Array.from({ length: count }, (_, index) => String(100 + index));
  const providerOrderIds = (count: number) => lineIds(count).map((id) => `1234567890123456${id}`);

  it(`takes ${MAX_LIST_LENGTH} line ids, provider order ids and search terms`, () => {
    expect(commandOf(`export 12345 ${lineIds(MAX_LIST_LENGTH).join(' ')}`)).toMatchObject({
      lineIds: lineIds(MAX_LIST_LENGTH),
    });
    expect(commandOf(`search ${providerOrderIds(MAX_LIST_LENGTH).join(' ')}`)).toMatchObject({
      terms: providerOrderIds(MAX_LIST_LENGTH),
    });
  });

  it.each([
    ['export', `export 12345 ${lineIds(101).join(' ')}`, 'export takes at most 100 line ids, not 101'],
    [
      'link lines',
      `link 12345 ${TAOBAO_ORDER_ID} ${lineIds(150)
        .map((id) => `line:${id}`)
        .join(' ')}`,
      'link takes at most 100 line ids, not 150',
    ],
    [
      'link provider orders',
      `link 12345 ${providerOrderIds(101).join(' ')}`,
      'link takes at most 100 provider order ids, not 101',
    ],
    [
      'unlink',
      `unlink 12345 ${providerOrderIds(101).join(' ')}`,
      'unlink takes at most 100 provider order ids, not 101',
    ],
    ['search', `search ${providerOrderIds(150).join(' ')}`, 'search takes at most 100 search terms, not 150'],
  ])('refuses more than the cap in %s', (_case, text, problem) => {
    expect(problemOf(text).problem).toBe(problem);
  });
});
