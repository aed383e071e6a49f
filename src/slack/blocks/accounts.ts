import type { Button, KnownBlock } from '@slack/types';
import type { AccountView } from '../../autopurchase/accounts';
import { ACTION_IDS } from '../ids';
import { buildMessage, buttonElement, contextBlock, type SlackMessage, sectionBlock } from './elements';
import { countOf, formatMoney } from './format';
import { MAX_BUTTON_URL, toMrkdwn } from './limits';

/** The most accounts one message lists, one section each with its Log in button beside it. */
export const MAX_ACCOUNTS_SHOWN = 25;
// An account takes at most about 300 characters (name, state, balance, a log-in problem): 25 of them stay well under
// MESSAGE_TEXT_BUDGET, and a store has a handful.
const MAX_NAME = 80;
const MAX_PROBLEM = 120;

export const NO_ACCOUNTS_TEXT =
  'OT holds no session for any provider account, and no account is expected. ' +
  'Name your provider accounts in the PROVIDER_ACCOUNTS setting to get a Log in button for each of them.';

/** Every provider account: whether OT holds a session, its balance, and its Log in button or why there is none. */
export function buildAccountsMessage(accounts: AccountView[]): SlackMessage {
  if (accounts.length === 0) return buildMessage(NO_ACCOUNTS_TEXT, [sectionBlock(NO_ACCOUNTS_TEXT)]);

  const withSession = accounts.filter((account) => account.sessionId).length;
  const summary = `${countOf(accounts.length, 'provider account')}, ${withSession} with a session held by OT`;
  return buildMessage(summary, [
    sectionBlock(`*Provider accounts:* ${summary}`),
    ...buildAccountBlocks(accounts, MAX_ACCOUNTS_SHOWN),
  ]);
}

/** One section per account, at most `maxAccounts` of them, then "and N more accounts"; App Home shares it. */
export function buildAccountBlocks(accounts: AccountView[], maxAccounts: number): KnownBlock[] {
  const shown = accounts.slice(0, maxAccounts);
  const more = accounts.length - shown.length;
  return [
    ...shown.map((account) => sectionBlock(describeAccount(account), buildLoginButton(account))),
    ...(more > 0 ? [contextBlock(`and ${countOf(more, 'more account')}`)] : []),
  ];
}

function describeAccount(account: AccountView): string {
  const state = account.sessionId ? 'session held by OT' : 'no session: log in';
  const balance = account.balance
    ? ` · balance ${formatMoney(account.balance.amount, account.balance.currencyCode)}`
    : '';
  const text = `*${toMrkdwn(account.name, MAX_NAME)}* · ${state}${toMrkdwn(balance, MAX_NAME)}`;
  const problem = loginProblemOf(account);
  return problem ? `${text}\nNo log-in link: ${toMrkdwn(problem, MAX_PROBLEM)}` : text;
}

function buildLoginButton(account: AccountView): Button | undefined {
  if (!account.loginUrl || account.loginUrl.length > MAX_BUTTON_URL) return undefined;
  return buttonElement({
    text: 'Log in',
    actionId: ACTION_IDS.providerLogin,
    value: account.name,
    url: account.loginUrl,
  });
}

function loginProblemOf(account: AccountView): string | undefined {
  if (account.loginUrl && account.loginUrl.length > MAX_BUTTON_URL) return 'the link OT gave is too long for Slack';
  if (account.loginUrl) return undefined;
  return account.loginProblem ?? 'OT gave no log-in link';
}
