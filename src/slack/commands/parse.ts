import { normaliseOrderId, ORDER_ID_FORMS } from '../../autopurchase/order-id';

export const VERBS = [
  'help',
  'order',
  'pay',
  'export',
  'sync',
  'link',
  'unlink',
  'search',
  'accounts',
  'activities',
] as const;

/** Slack sends at most 4,000 characters of command text; anything longer did not come from Slack. */
export const MAX_COMMAND_LENGTH = 4000;
// JavaScript counts UTF-16 units, two for a character beyond the basic plane such as an emoji.
const MAX_COMMAND_UNITS = MAX_COMMAND_LENGTH * 2;
/** The most line ids, provider order ids or search terms one command takes. */
export const MAX_LIST_LENGTH = 100;
/** The most characters of one argument a problem repeats back. */
export const MAX_ECHO_LENGTH = 60;
export const MAX_ACCOUNT_NAME_LENGTH = 100;

const OPTION_KEYS = ['account', 'line'] as const;
// Problems are mrkdwn, where a bare < starts a link.
const OPTION_FORMS: Record<OptionKey, string> = {
  account: 'account:&lt;name&gt;',
  line: 'line:&lt;lineId&gt;',
};
const OPTION_KEY_PATTERN = /([A-Za-z]+)[:\uFF1A]/y;
const LINE_ID_PATTERN = /^\d{1,20}$/;
// Taobao and 1688 order ids have 16 to 19 digits; a floor of 10 catches a line id typed without `line:`.
const PROVIDER_ORDER_ID_PATTERN = /^\d{10,30}$/;
const SEARCH_TERM_PATTERN = /^[A-Z0-9-]{1,40}$/;
const AMOUNT_PATTERN = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

export type Verb = (typeof VERBS)[number];

/**
 * One row of the command table. Ids come normalised (`ORD-0000012345`; search terms upper-cased) and lists without
 * duplicates. An empty `lineIds` means the whole order; an empty unlink `providerOrderIds` means every bound line;
 * no `account` means the default provider account.
 */
export type Command =
  | { verb: 'help'; topic?: Verb }
  | { verb: 'order'; action: 'show'; orderId: string }
  | { verb: 'order'; action: 'new' }
  | { verb: 'order'; action: 'cancel'; orderId: string }
  | { verb: 'pay'; orderId: string; amount?: number }
  | { verb: 'export'; orderId: string; lineIds: string[]; account?: string }
  | { verb: 'sync'; scope: 'default' | 'all' }
  | { verb: 'sync'; scope: 'account'; account: string }
  | { verb: 'link'; orderId: string; providerOrderIds: string[]; lineIds: string[]; account?: string }
  | { verb: 'unlink'; orderId: string; providerOrderIds: string[]; account?: string }
  | { verb: 'search'; terms: string[] }
  | { verb: 'accounts' }
  | { verb: 'activities' };

export type CommandOf<V extends Verb> = Extract<Command, { verb: V }>;

export type ParseResult = { ok: true; command: Command } | { ok: false; verb?: Verb; problem: string };

type OptionKey = (typeof OPTION_KEYS)[number];

interface Argument {
  /** The option name, lower-cased, when the argument is `key:value`. */
  key?: string;
  value: string;
  /** The argument as typed, to quote back in a problem. */
  typed: string;
}

interface Parts {
  positionals: Argument[];
  options: Record<OptionKey, Argument[]>;
}

class CommandProblem extends Error {}

const PARSERS: Record<Verb, (args: Argument[]) => Command> = {
  help: parseHelp,
  order: parseOrder,
  pay: parsePay,
  export: parseExport,
  sync: parseSync,
  link: parseLink,
  unlink: parseUnlink,
  search: parseSearch,
  accounts: (args) => noMore('accounts', args, { verb: 'accounts' }),
  activities: (args) => noMore('activities', args, { verb: 'activities' }),
};

/**
 * Reads the text of the slash command (what follows `/ot`) into a command, or names what is wrong with it.
 * Never throws. Empty text asks for help. `problem` is Slack mrkdwn with the echoed input escaped.
 */
export function parseCommand(text: string): ParseResult {
  if (text.length > MAX_COMMAND_UNITS) {
    return { ok: false, problem: 'the command is longer than the 4,000 characters Slack sends' };
  }

  const normalised = normaliseText(text);
  const verb = verbOf(firstWordOf(normalised));
  try {
    const args = splitArguments(normalised);
    if (args.length === 0) return { ok: true, command: { verb: 'help' } };
    if (!verb) throw unknownVerb(args[0].typed);
    return { ok: true, command: PARSERS[verb](args.slice(1)) };
  } catch (error) {
    if (error instanceof CommandProblem) return { ok: false, verb, problem: error.message };
    throw error;
  }
}

/**
 * Slack sends &, < and > as entities, and phones and Macs turn quotes into smart quotes. Odd whitespace
 * (no-break, ideographic, tabs, newlines) separates arguments like a space; invisible characters go.
 */
function normaliseText(text: string): string {
  return text
    .replace(/[\u201C\u201D\u201E\u201F\uFF02]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\uFF07]/g, "'")
    .replace(/\s/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function firstWordOf(text: string): string {
  const trimmed = text.trimStart();
  const space = trimmed.indexOf(' ');
  return space === -1 ? trimmed : trimmed.slice(0, space);
}

function verbOf(word: string): Verb | undefined {
  const lowered = word.normalize('NFKC').toLowerCase();
  return VERBS.find((verb) => verb === lowered);
}

/**
 * Arguments are separated by spaces. A quote (" or ') at the start of an argument, or right after `key:`,
 * runs to the next same quote and may hold spaces; a quote anywhere else is an ordinary character.
 */
function splitArguments(text: string): Argument[] {
  const args: Argument[] = [];
  let index = 0;

  while (index < text.length) {
    if (text[index] === ' ') {
      index += 1;
      continue;
    }
    const { argument, end } = readArgument(text, index);
    args.push(argument);
    index = end;
  }
  return args;
}

function readArgument(text: string, start: number): { argument: Argument; end: number } {
  OPTION_KEY_PATTERN.lastIndex = start;
  const option = OPTION_KEY_PATTERN.exec(text);
  const valueStart = option ? start + option[0].length : start;
  const key = option?.[1].toLowerCase();
  const quote = text[valueStart];

  if (quote !== '"' && quote !== "'") {
    const space = text.indexOf(' ', valueStart);
    const end = space === -1 ? text.length : space;
    return { argument: { key, value: text.slice(valueStart, end), typed: text.slice(start, end) }, end };
  }

  const closing = text.indexOf(quote, valueStart + 1);
  if (closing === -1) throw new CommandProblem(`the quote in ${echo(text.slice(start))} is never closed`);
  const end = closing + 1;
  const typed = text.slice(start, end);
  if (end < text.length && text[end] !== ' ') {
    throw new CommandProblem(`put a space after the closing quote of ${echo(typed)}`);
  }
  return { argument: { key, value: text.slice(valueStart + 1, closing), typed }, end };
}

function parseHelp(args: Argument[]): Command {
  const { positionals } = takeParts('help', args, []);
  if (positionals.length === 0) return { verb: 'help' };

  const topic = verbOf(positionals[0].value);
  if (!topic) throw notACommand(positionals[0].typed);
  // `help order new` reads naturally after the usage of `order new`; it is the help of order.
  const rest = topic === 'order' && /^(new|cancel)$/i.test(positionals[1]?.value ?? '') ? 2 : 1;
  return noMore('help', positionals.slice(rest), { verb: 'help', topic });
}

function parseOrder(args: Argument[]): Command {
  const { positionals } = takeParts('order', args, []);
  const action = positionals[0]?.value.normalize('NFKC').toLowerCase();

  if (action === 'new') return noMore('order new', positionals.slice(1), { verb: 'order', action: 'new' });
  if (action === 'cancel') {
    const orderId = readOrderId('order cancel', positionals[1]);
    return noMore('order cancel', positionals.slice(2), { verb: 'order', action: 'cancel', orderId });
  }
  const orderId = readOrderId('order', positionals[0]);
  return noMore('order', positionals.slice(1), { verb: 'order', action: 'show', orderId });
}

function parsePay(args: Argument[]): Command {
  const { positionals } = takeParts('pay', args, []);
  const orderId = readOrderId('pay', positionals[0]);
  if (positionals.length < 2) return { verb: 'pay', orderId };

  const amount = readAmount(positionals[1]);
  return noMore('pay', positionals.slice(2), { verb: 'pay', orderId, amount });
}

function parseExport(args: Argument[]): Command {
  const { positionals, options } = takeParts('export', args, ['account']);
  const orderId = readOrderId('export', positionals[0]);
  const lineIds = readList('export', 'line ids', positionals.slice(1), readLineId);

  return withAccount({ verb: 'export', orderId, lineIds }, options.account);
}

function parseSync(args: Argument[]): Command {
  const { positionals, options } = takeParts('sync', args, ['account']);
  const account = readAccount(options.account);
  const [scope, ...rest] = positionals;

  if (!scope && account !== undefined) return { verb: 'sync', scope: 'account', account };
  if (!scope) return { verb: 'sync', scope: 'default' };
  if (scope.value.toLowerCase() !== 'all') {
    throw new CommandProblem(`sync takes all or ${OPTION_FORMS.account}, not ${echo(scope.typed)}`);
  }
  if (account !== undefined) throw new CommandProblem(`sync takes all or ${OPTION_FORMS.account}, not both`);
  return noMore('sync', rest, { verb: 'sync', scope: 'all' });
}

function parseLink(args: Argument[]): Command {
  const { positionals, options } = takeParts('link', args, ['account', 'line']);
  const orderId = readOrderId('link', positionals[0]);
  if (positionals.length < 2) throw new CommandProblem('link needs the provider order id after the order id');

  const providerOrderIds = readList('link', 'provider order ids', positionals.slice(1), readProviderOrderIdToLink);
  const lineIds = readList('link', 'line ids', options.line, readLineId);
  return withAccount({ verb: 'link', orderId, providerOrderIds, lineIds }, options.account);
}

function parseUnlink(args: Argument[]): Command {
  const { positionals, options } = takeParts('unlink', args, ['account']);
  const orderId = readOrderId('unlink', positionals[0]);
  const providerOrderIds = readList('unlink', 'provider order ids', positionals.slice(1), readProviderOrderId);

  return withAccount({ verb: 'unlink', orderId, providerOrderIds }, options.account);
}

function parseSearch(args: Argument[]): Command {
  const { positionals } = takeParts('search', args, []);
  if (positionals.length === 0) throw new CommandProblem('search needs a provider order id or a tracking number');

  return { verb: 'search', terms: readList('search', 'search terms', positionals, readSearchTerm) };
}

function takeParts(verb: Verb, args: Argument[], keys: readonly OptionKey[]): Parts {
  const parts: Parts = { positionals: [], options: { account: [], line: [] } };

  for (const argument of args) {
    if (argument.key === undefined) parts.positionals.push(argument);
    else if (keys.some((key) => key === argument.key)) parts.options[argument.key as OptionKey].push(argument);
    else throw unknownOption(verb, argument, keys);
  }
  return parts;
}

function withAccount<T extends Command>(command: T, accounts: Argument[]): T {
  const account = readAccount(accounts);
  return account === undefined ? command : { ...command, account };
}

function readAccount(accounts: Argument[]): string | undefined {
  if (accounts.length === 0) return undefined;
  if (accounts.length > 1) throw new CommandProblem('account: is given more than once: name one account');

  const name = accounts[0].value.trim();
  if (name === '') throw new CommandProblem('account: needs a name, like account:ot采购账号01 or account:"tb shop 2"');
  if (name.length > MAX_ACCOUNT_NAME_LENGTH) {
    throw new CommandProblem(`the account name ${echo(name)} is longer than ${MAX_ACCOUNT_NAME_LENGTH} characters`);
  }
  return name;
}

function readOrderId(command: string, argument: Argument | undefined): string {
  if (!argument) throw new CommandProblem(`${command} needs an order id: ${ORDER_ID_FORMS}`);

  const orderId = normaliseOrderId(argument.value.normalize('NFKC'));
  if (!orderId) throw new CommandProblem(`${echo(argument.typed)} is not an order id: use ${ORDER_ID_FORMS}`);
  return orderId;
}

function readAmount(argument: Argument): number {
  const match = AMOUNT_PATTERN.exec(argument.value.normalize('NFKC'));
  if (!match) {
    throw new CommandProblem(
      `${echo(argument.typed)} is not an amount: write a number above 0 with at most 2 decimals, like 12.50`,
    );
  }

  const amount = Number(`${match[1]}.${match[2] ?? '0'}`);
  if (amount === 0) throw new CommandProblem('the amount must be more than 0');
  return amount;
}

function readLineId(argument: Argument): string {
  const lineId = argument.value.normalize('NFKC');
  if (!LINE_ID_PATTERN.test(lineId)) {
    throw new CommandProblem(`${echo(argument.typed)} is not a line id: line ids are numbers, like 123456`);
  }
  return lineId;
}

function readProviderOrderId(argument: Argument): string {
  const providerOrderId = argument.value.normalize('NFKC');
  if (!PROVIDER_ORDER_ID_PATTERN.test(providerOrderId)) {
    throw new CommandProblem(
      `${echo(argument.typed)} is not a provider order id: those have 10 to 30 digits, like 1234567890123456789`,
    );
  }
  return providerOrderId;
}

function readProviderOrderIdToLink(argument: Argument): string {
  const value = argument.value.normalize('NFKC');
  if (LINE_ID_PATTERN.test(value) && !PROVIDER_ORDER_ID_PATTERN.test(value)) {
    throw new CommandProblem(
      `${echo(argument.typed)} is too short for a provider order id (10 to 30 digits); for a line, write line:${value}`,
    );
  }
  return readProviderOrderId(argument);
}

function readSearchTerm(argument: Argument): string {
  const term = argument.value.normalize('NFKC').toUpperCase();
  if (!SEARCH_TERM_PATTERN.test(term) || !/\d/.test(term)) {
    throw new CommandProblem(
      `${echo(argument.typed)} is not a provider order id or tracking number: use letters and digits, ` +
        'like 1234567890123456789 or SF1234567890123',
    );
  }
  return term;
}

/** Reads every item of a list, duplicates dropped; more than MAX_LIST_LENGTH is refused, not cut. */
function readList(verb: Verb, noun: string, args: Argument[], read: (argument: Argument) => string): string[] {
  if (args.length > MAX_LIST_LENGTH) {
    throw new CommandProblem(`${verb} takes at most ${MAX_LIST_LENGTH} ${noun}, not ${args.length}`);
  }
  return [...new Set(args.map(read))];
}

function noMore<T extends Command>(command: string, rest: Argument[], result: T): T {
  if (rest.length > 0) throw new CommandProblem(`${echo(rest[0].typed)} is one argument too many for ${command}`);
  return result;
}

/** An order id alone is the likeliest slip: say which command opens it. */
function unknownVerb(typed: string): CommandProblem {
  const orderId = normaliseOrderId(typed.normalize('NFKC'));
  if (orderId) return new CommandProblem(`a command comes first: to open that order, use order ${orderId}`);
  return notACommand(typed);
}

function notACommand(typed: string): CommandProblem {
  return new CommandProblem(`${echo(typed)} is not a command: the commands are ${VERBS.join(', ')}`);
}

function unknownOption(verb: Verb, argument: Argument, keys: readonly OptionKey[]): CommandProblem {
  const allowed = keys.map((key) => OPTION_FORMS[key]).join(' or ');
  const hint = allowed ? `: ${verb} takes ${allowed}` : `: ${verb} takes no options`;
  return new CommandProblem(`${echo(argument.typed)} is not an option of ${verb}${hint}`);
}

/** Quotes part of the input back, cut to MAX_ECHO_LENGTH characters and escaped for mrkdwn. */
function echo(text: string): string {
  // Two UTF-16 units a character at most, and one more so that a pair cut in half is never among the kept ones.
  const head = Array.from(text.slice(0, MAX_ECHO_LENGTH * 2 + 1))
    .slice(0, MAX_ECHO_LENGTH)
    .join('');
  const cut = head.length < text.length ? `${head}…` : head;
  return `“${cut.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}”`;
}
