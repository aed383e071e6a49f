import { buildAccountsMessage, MAX_ACCOUNTS_SHOWN } from '../../../src/slack/blocks/accounts';
import { ACTION_IDS } from '../../../src/slack/ids';
import { anAccount } from './factories';
import { actionElementsOf, checkMessage, findUnescapedMrkdwn, textOf } from './limits-check';

describe('buildAccountsMessage', () => {
  it('shows an account with a session, its balance and a Log in link button', () => {
    const message = buildAccountsMessage([anAccount()]);
    const [button] = actionElementsOf(message.blocks);

    expect(textOf(message.blocks)).toContain('*tb-account-1* · session held by OT · balance 1234.50 CNY');
    expect(button).toMatchObject({
      action_id: ACTION_IDS.providerLogin,
      value: 'tb-account-1',
      url: 'https://login.example.com/provider?state=abc',
    });
    expect(checkMessage(message)).toEqual([]);
  });

  it('tells the operator to log in to an account without a session', () => {
    const account = anAccount({ name: 'tb-account-2', sessionId: undefined, balance: undefined });

    const text = textOf(buildAccountsMessage([account]).blocks);

    expect(text).toContain('*tb-account-2* · no session: log in');
    expect(text).not.toContain('balance');
  });

  it('says why there is no Log in button when OT gave no link', () => {
    const account = anAccount({
      loginUrl: undefined,
      loginProblem: 'OT GetProviderOrdersIntegrationSessionAuthenticationInfo did not answer',
    });

    const message = buildAccountsMessage([account]);

    expect(actionElementsOf(message.blocks)).toEqual([]);
    expect(textOf(message.blocks)).toContain(
      'No log-in link: OT GetProviderOrdersIntegrationSessionAuthenticationInfo',
    );
    expect(checkMessage(message)).toEqual([]);
  });

  it('leaves out a link too long for a Slack button and says so', () => {
    const account = anAccount({ loginUrl: `https://login.example.com/?s=${'x'.repeat(3000)}` });

    const message = buildAccountsMessage([account]);

    expect(actionElementsOf(message.blocks)).toEqual([]);
    expect(textOf(message.blocks)).toContain('too long for Slack');
  });

  it('explains that no account has a session and how PROVIDER_ACCOUNTS names them', () => {
    const message = buildAccountsMessage([]);

    expect(textOf(message.blocks)).toMatch(/no session for any provider account.*PROVIDER_ACCOUNTS/s);
    expect(checkMessage(message)).toEqual([]);
  });

  it('keeps many accounts with long names and problems within the limits, counting the rest', () => {
    const accounts = Array.from({ length: 60 }, (_, index) =>
      anAccount({
        name: `<账号> ${index} ${'名'.repeat(200)}`,
        loginUrl: index % 2 === 0 ? undefined : 'https://login.example.com/',
        loginProblem: `OT refused: ${'因为'.repeat(200)}`,
      }),
    );

    const message = buildAccountsMessage(accounts);

    expect(checkMessage(message)).toEqual([]);
    expect(findUnescapedMrkdwn(message.blocks)).toEqual([]);
    expect(textOf(message.blocks)).toContain(`and ${60 - MAX_ACCOUNTS_SHOWN} more accounts`);
  });
});
