import fc from 'fast-check';

import {
  type Command,
  MAX_ACCOUNT_NAME_LENGTH,
  MAX_COMMAND_LENGTH,
  MAX_ECHO_LENGTH,
  parseCommand,
  VERBS,
} from '../../../src/slack/commands/parse';
import { formatCommand } from '../../../src/slack/commands/usage';

// Fixed text of the longest problem, plus an echo whose every character Slack-escapes to five.
const MAX_PROBLEM_LENGTH = 200 + MAX_ECHO_LENGTH * 5;

const orderIds = fc.integer({ min: 1, max: 9_999_999_999 }).map((n) => `ORD-${String(n).padStart(10, '0')}`);
const lineIds = fc.uniqueArray(fc.stringMatching(/^\d{1,20}$/), { maxLength: 8 });
const providerOrderIds = (minLength: number) =>
  fc.uniqueArray(fc.stringMatching(/^\d{10,30}$/), { minLength, maxLength: 8 });
const searchTerms = fc.uniqueArray(
  fc.stringMatching(/^[A-Z0-9-]{1,40}$/).filter((term) => /\d/.test(term)),
  { minLength: 1, maxLength: 8 },
);
const amounts = fc.integer({ min: 1, max: 99_999_999_999 }).map((cents) => cents / 100);

// Names the normalisation leaves alone: no odd whitespace, invisible or smart-quote characters, no edge spaces,
// and not one of the names that no quoting can type (both kinds of quote with a space or a leading quote).
const accountNames = fc
  .string({
    unit: fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      fc.constantFrom(' ', '"', "'", '&', '<'),
    ),
    minLength: 1,
    maxLength: 24,
  })
  .filter((name) => name.trim() === name && name !== '' && name.length <= MAX_ACCOUNT_NAME_LENGTH)
  .filter((name) => !/[\s\p{Cc}\p{Cf}\u2018-\u201F\uFF02\uFF07]/u.test(name.replaceAll(' ', '')))
  .filter((name) => !(name.includes('"') && name.includes("'") && (name.includes(' ') || /^["']/.test(name))));
const optionalAccount = fc.option(accountNames, { nil: undefined });

function withAccount<T extends Command>(command: T, account: string | undefined): T {
  return account === undefined ? command : { ...command, account };
}

const commands: fc.Arbitrary<Command> = fc.oneof(
  fc
    .option(fc.constantFrom(...VERBS), { nil: undefined })
    .map((topic) => (topic === undefined ? { verb: 'help' as const } : { verb: 'help' as const, topic })),
  orderIds.map((orderId) => ({ verb: 'order' as const, action: 'show' as const, orderId })),
  fc.constant({ verb: 'order' as const, action: 'new' as const }),
  orderIds.map((orderId) => ({ verb: 'order' as const, action: 'cancel' as const, orderId })),
  fc
    .tuple(orderIds, fc.option(amounts, { nil: undefined }))
    .map(([orderId, amount]) =>
      amount === undefined ? { verb: 'pay' as const, orderId } : { verb: 'pay' as const, orderId, amount },
    ),
  fc
    .tuple(orderIds, lineIds, optionalAccount)
    .map(([orderId, ids, account]) => withAccount({ verb: 'export' as const, orderId, lineIds: ids }, account)),
  fc.constantFrom(
    { verb: 'sync' as const, scope: 'default' as const },
    { verb: 'sync' as const, scope: 'all' as const },
  ),
  accountNames.map((account) => ({ verb: 'sync' as const, scope: 'account' as const, account })),
  fc
    .tuple(orderIds, providerOrderIds(1), lineIds, optionalAccount)
    .map(([orderId, ids, lines, account]) =>
      withAccount({ verb: 'link' as const, orderId, providerOrderIds: ids, lineIds: lines }, account),
    ),
  fc
    .tuple(orderIds, providerOrderIds(0), optionalAccount)
    .map(([orderId, ids, account]) =>
      withAccount({ verb: 'unlink' as const, orderId, providerOrderIds: ids }, account),
    ),
  searchTerms.map((terms) => ({ verb: 'search' as const, terms })),
  fc.constantFrom({ verb: 'accounts' as const }, { verb: 'activities' as const }),
);

// Pieces that reach the tokeniser's corners: quotes of every kind, options, odd spaces, entities, ids.
const commandPieces = fc.constantFrom(
  ...VERBS,
  'new',
  'cancel',
  'all',
  'account:',
  'line:',
  'foo:',
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  ' ',
  '\u00a0',
  '\u3000',
  '\n',
  '&amp;',
  '&lt;',
  'ORD-',
  '12345',
  '1234567890123456789',
  '12,5',
  '0',
  '采购',
  '😀',
);
const texts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(commandPieces, { maxLength: 60 }).map((pieces) => pieces.join('')),
  fc
    .tuple(fc.constantFrom(...VERBS), fc.string({ unit: 'grapheme', maxLength: 200 }))
    .map(([verb, rest]) => `${verb} ${rest}`),
);

describe('parseCommand properties', () => {
  it('never throws, and gives a command or a problem of bounded length', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const result = parseCommand(text);
        if (result.ok) return;
        expect(result.problem.length).toBeGreaterThan(0);
        expect(result.problem.length).toBeLessThanOrEqual(MAX_PROBLEM_LENGTH);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads back every command it formats', () => {
    fc.assert(
      fc.property(commands, (command) => {
        expect(parseCommand(formatCommand(command))).toEqual({ ok: true, command });
      }),
      { numRuns: 1_000 },
    );
  });

  it('reads a formatted command the same with smart quotes and odd spaces, as Slack clients send it', () => {
    // One character for each space, so that the spaces inside a quoted name stay single spaces.
    const spaces = fc.constantFrom('\u00a0', '\u3000', '\u2007', '\t', '\n');

    fc.assert(
      fc.property(commands, spaces, (command, space) => {
        const typed = formatCommand(command)
          .replace(/"([^"]*)"/, '“$1”')
          .replace(/'([^']*)'/, '‘$1’')
          .replaceAll(' ', space);
        expect(parseCommand(`${space}${typed}${space}`)).toEqual({ ok: true, command });
      }),
    );
  });

  // No timing here (tests must pass on a slow shared machine): a catastrophic regex would hang past jest's timeout.
  it('reads long hostile input to a result without throwing', () => {
    const hostile = [
      '"'.repeat(MAX_COMMAND_LENGTH),
      `export 1 ${'account:'.repeat(490)}`,
      `search ${'a'.repeat(3_990)}`,
      `link 1 ${'"a" '.repeat(995)}`,
      `sync ${'&amp;'.repeat(795)}`,
      'a:'.repeat(2_000),
      `pay 1 ${'1'.repeat(3_990)}`,
      ` ${'\u00a0'.repeat(3_999)}`,
    ];
    for (const text of hostile) expect(parseCommand(text)).toHaveProperty('ok');
  });
});
