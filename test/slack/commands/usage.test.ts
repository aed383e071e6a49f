import { parseCommand, VERBS } from '../../../src/slack/commands/parse';
import { formatAccountName, formatCommand, helpText, usageOf } from '../../../src/slack/commands/usage';

// Slack's limit for the text of one section block.
const SECTION_TEXT_LIMIT = 3_000;
// Slack allows slash command names of up to 32 characters.
const LONGEST_COMMAND_NAME = `/${'x'.repeat(31)}`;

function examplesOf(usage: string, commandName: string): string[] {
  return [...usage.matchAll(/^Example: `([^`]*)`$/gm)].map((match) => match[1].slice(commandName.length + 1));
}

describe('usageOf', () => {
  it.each(VERBS)('gives %s a syntax line, a description and an example', (verb) => {
    const usage = usageOf(verb, '/ot');

    expect(usage).toMatch(new RegExp(`^\`/ot ${verb}`));
    expect(usage).toMatch(/\n[A-Z][^\n]+\.\n/);
    expect(examplesOf(usage, '/ot').length).toBeGreaterThan(0);
  });

  it.each(VERBS)('gives %s examples that parse as that verb', (verb) => {
    for (const example of examplesOf(usageOf(verb, '/ot'), '/ot')) {
      const result = parseCommand(example);
      expect(result).toMatchObject({ ok: true, command: { verb } });
    }
  });

  it('shows all three forms of order', () => {
    const usage = usageOf('order', '/ot');

    expect(usage).toContain('`/ot order &lt;orderId&gt;`');
    expect(usage).toContain('`/ot order new`');
    expect(usage).toContain('`/ot order cancel &lt;orderId&gt;`');
  });

  it('uses the configured command name', () => {
    expect(usageOf('sync', '/autopurchase')).toContain('Example: `/autopurchase sync account:"tb shop 2"`');
  });

  it('escapes angle brackets, which mrkdwn would read as links', () => {
    for (const verb of VERBS) expect(usageOf(verb, '/ot')).not.toMatch(/[<>]/);
  });

  it.each(VERBS)('keeps the usage of %s well under a section block', (verb) => {
    expect(usageOf(verb, LONGEST_COMMAND_NAME).length).toBeLessThan(SECTION_TEXT_LIMIT / 2);
  });
});

describe('helpText', () => {
  it('fits one section block, even with the longest command name Slack allows', () => {
    expect(helpText(LONGEST_COMMAND_NAME).length).toBeLessThan(SECTION_TEXT_LIMIT);
  });

  it('lists every verb with the configured command name', () => {
    const help = helpText('/ot');

    for (const verb of VERBS) expect(help).toContain(`\`/ot ${verb}`);
  });

  it('says how to write order ids and account names with spaces', () => {
    const help = helpText('/ot');

    expect(help).toContain('ORD-0000012345, 0000012345 or 12345');
    expect(help).toContain('`account:"tb shop 2"`');
  });
});

describe('formatCommand', () => {
  it.each([
    [{ verb: 'help' as const }, 'help'],
    [{ verb: 'pay' as const, orderId: 'ORD-0000012345', amount: 12.5 }, 'pay ORD-0000012345 12.50'],
    [{ verb: 'sync' as const, scope: 'default' as const }, 'sync'],
    [{ verb: 'sync' as const, scope: 'account' as const, account: 'tb shop 2' }, 'sync account:"tb shop 2"'],
    [
      {
        verb: 'link' as const,
        orderId: 'ORD-0000012345',
        providerOrderIds: ['1234567890123456789'],
        lineIds: ['101'],
        account: 'ot采购账号01',
      },
      'link ORD-0000012345 1234567890123456789 line:101 account:ot采购账号01',
    ],
  ])('writes %j as %j', (command, text) => {
    expect(formatCommand(command)).toBe(text);
  });
});

describe('formatAccountName', () => {
  it.each([
    ['ot采购账号01', 'ot采购账号01'],
    ['tb shop 2', '"tb shop 2"'],
    ["bob's shop", '"bob\'s shop"'],
    ['the "best" shop', '\'the "best" shop\''],
    ['a"b', 'a"b'],
    ['"quoted"', '\'"quoted"\''],
    ['A&B <1>', '"A&amp;B &lt;1&gt;"'],
  ])('writes %j as %j', (name, typed) => {
    expect(formatAccountName(name)).toBe(typed);
  });
});

describe('verbs this version does not serve', () => {
  it('are marked in help and in their usage, and the others are not', () => {
    for (const verb of ['export', 'sync', 'link', 'unlink'] as const) {
      expect(usageOf(verb, '/ot')).toContain('Not in this version yet.');
    }
    expect(usageOf('pay', '/ot')).not.toContain('Not in this version yet.');
    expect(helpText('/ot').match(/Not in this version yet\./g)).toHaveLength(4);
  });
});
