import { ORDER_ID_FORMS } from '../../autopurchase/order-id';
import { type Command, VERBS, type Verb } from './parse';

interface UsageForm {
  syntax: string;
  description: string;
  example: string;
}

// Verbs that start OT background activities wait for the activity tracker; help says so rather than promise them.
// TODO(the activity tracker is not built yet): drop this set when export, sync, link and unlink start activities.
export const UNAVAILABLE_VERBS: ReadonlySet<Verb> = new Set<Verb>(['export', 'sync', 'link', 'unlink']);
const UNAVAILABLE_NOTE = 'Not in this version yet.';

// Syntax and examples are plain text here; mrkdwn escaping happens once, where the text is built.
const USAGES: Record<Verb, UsageForm[]> = {
  help: [
    {
      syntax: 'help [verb]',
      description: 'Shows every command, or one command with an example.',
      example: 'help export',
    },
  ],
  order: [
    {
      syntax: 'order <orderId>',
      description: 'Shows the order card: status, amounts, and every line with its provider order and tracking number.',
      example: 'order ORD-0000012345',
    },
    {
      syntax: 'order new',
      description: 'Opens a form to add an order for a customer, with its lines pasted one per line.',
      example: 'order new',
    },
    {
      syntax: 'order cancel <orderId>',
      description: 'Cancels the order, once you confirm.',
      example: 'order cancel 12345',
    },
  ],
  pay: [
    {
      syntax: 'pay <orderId> [amount]',
      description: 'Simulates a payment of the order, by default of its remaining amount, once you confirm.',
      example: 'pay 12345 107.30',
    },
  ],
  export: [
    {
      syntax: 'export <orderId> [lineId ...] [account:<name>]',
      description: 'Exports the order, or only the listed lines, to the provider on the named or the default account.',
      example: 'export ORD-0000012345 101 102 account:ot采购账号01',
    },
  ],
  sync: [
    {
      syntax: 'sync [account:<name>|all]',
      description: 'Synchronises orders with the provider, on the default account, the named one, or all of them.',
      example: 'sync account:"tb shop 2"',
    },
  ],
  link: [
    {
      syntax: 'link <orderId> <providerOrderId> ... [line:<lineId> ...] [account:<name>]',
      description: "Binds provider orders bought by hand on the provider's site to the order, or to the listed lines.",
      example: 'link 12345 1234567890123456789 line:101',
    },
  ],
  unlink: [
    {
      syntax: 'unlink <orderId> [providerOrderId ...] [account:<name>]',
      description: 'Unbinds the listed provider orders from the order, or all of them, once you confirm.',
      example: 'unlink 12345 1234567890123456789',
    },
  ],
  search: [
    {
      syntax: 'search <providerOrderId|trackingNumber> ...',
      description: 'Finds the order lines with these provider order ids or tracking numbers.',
      example: 'search 1234567890123456789 SF1234567890123',
    },
  ],
  accounts: [
    {
      syntax: 'accounts',
      description: 'Lists the provider accounts with their session state, balance and a Log in button.',
      example: 'accounts',
    },
  ],
  activities: [
    {
      syntax: 'activities',
      description: 'Lists the activities that are running or wait for an answer.',
      example: 'activities',
    },
  ],
};

function describe(verb: Verb, form: UsageForm): string {
  return UNAVAILABLE_VERBS.has(verb) ? `${form.description} ${UNAVAILABLE_NOTE}` : form.description;
}

/** Usage of one verb in Slack mrkdwn: for each form its syntax, what it does and an example. */
export function usageOf(verb: Verb, commandName: string): string {
  return USAGES[verb]
    .map((form) => {
      const syntax = code(`${commandName} ${form.syntax}`);
      return `${syntax}\n${describe(verb, form)}\nExample: ${code(`${commandName} ${form.example}`)}`;
    })
    .join('\n\n');
}

/** Every verb in one Slack mrkdwn text that fits one section block (3,000 characters). */
export function helpText(commandName: string): string {
  const lines = VERBS.flatMap((verb) =>
    USAGES[verb].map((form) => `• ${code(`${commandName} ${form.syntax}`)} – ${describe(verb, form)}`),
  );

  return [
    '*Autopurchase commands* (arguments in [ ] are optional)',
    ...lines,
    `Order ids: ${ORDER_ID_FORMS}. Quote account names with spaces: ${code('account:"tb shop 2"')}.`,
    `${code(`${commandName} help <verb>`)} shows one command with an example.`,
  ].join('\n');
}

/**
 * The text of a command as Slack sends it after the command name, which parseCommand reads back to the same
 * command. Buttons and messages use it to show what a command would run.
 */
export function formatCommand(command: Command): string {
  return wordsOf(command)
    .filter((word) => word !== '')
    .join(' ');
}

/**
 * An account name as typed: bare when it can be, else in the quote it does not contain; with Slack's escapes of
 * &, < and >. A name with both kinds of quote and a space or a leading quote cannot be typed at all.
 */
export function formatAccountName(name: string): string {
  const escaped = escapeMrkdwn(name);
  if (!escaped.includes(' ') && !/^["']/.test(escaped)) return escaped;

  return escaped.includes('"') ? `'${escaped}'` : `"${escaped}"`;
}

function wordsOf(command: Command): string[] {
  switch (command.verb) {
    case 'help':
      return ['help', command.topic ?? ''];
    case 'order':
      if (command.action === 'new') return ['order', 'new'];
      return command.action === 'cancel' ? ['order', 'cancel', command.orderId] : ['order', command.orderId];
    case 'pay':
      return ['pay', command.orderId, command.amount === undefined ? '' : command.amount.toFixed(2)];
    case 'export':
      return ['export', command.orderId, ...command.lineIds, accountWord(command.account)];
    case 'sync':
      if (command.scope === 'account') return ['sync', accountWord(command.account)];
      return ['sync', command.scope === 'all' ? 'all' : ''];
    case 'link':
      return [
        'link',
        command.orderId,
        ...command.providerOrderIds,
        ...command.lineIds.map((lineId) => `line:${lineId}`),
        accountWord(command.account),
      ];
    case 'unlink':
      return ['unlink', command.orderId, ...command.providerOrderIds, accountWord(command.account)];
    case 'search':
      return ['search', ...command.terms];
    default:
      return [command.verb];
  }
}

function accountWord(account: string | undefined): string {
  return account === undefined ? '' : `account:${formatAccountName(account)}`;
}

function code(text: string): string {
  return `\`${escapeMrkdwn(text)}\``;
}

function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
