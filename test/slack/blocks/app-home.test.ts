import { buildHomeNotice, buildHomeView, NO_QUESTIONS_TEXT } from '../../../src/slack/blocks/app-home';
import { ACTION_IDS } from '../../../src/slack/ids';
import { anAccount, anActivity } from './factories';
import { actionElementsOf, checkView, findUnescapedMrkdwn, textOf } from './limits-check';

describe('buildHomeView', () => {
  it('shows accounts with Log in buttons, open activities, and says questions are not tracked yet', () => {
    const view = buildHomeView([anAccount()], [anActivity({ isAwaitingAction: true })]);
    const text = textOf(view.blocks);

    expect(view.type).toBe('home');
    expect(text).toContain('Provider accounts');
    expect(text).toContain('*tb-account-1* · session held by OT');
    expect(actionElementsOf(view.blocks).map((element) => element.action_id)).toEqual([ACTION_IDS.providerLogin]);
    expect(text).toContain('*Export* 45%');
    expect(text).toContain('Open questions');
    expect(text).toContain(NO_QUESTIONS_TEXT);
    expect(checkView(view)).toEqual([]);
  });

  it('says when there are no accounts and no activities', () => {
    const text = textOf(buildHomeView([], []).blocks);

    expect(text).toContain('PROVIDER_ACCOUNTS');
    expect(text).toContain('No activity is running or waiting for an answer.');
  });

  it('stays within 100 blocks with 200 accounts and 500 activities', () => {
    const accounts = Array.from({ length: 200 }, (_, index) => anAccount({ name: `<tb> ${index}` }));
    const activities = Array.from({ length: 500 }, (_, index) => anActivity({ id: `act-${index}` }));

    const view = buildHomeView(accounts, activities);

    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(checkView(view)).toEqual([]);
    expect(findUnescapedMrkdwn(view.blocks)).toEqual([]);
    expect(textOf(view.blocks)).toMatch(/and \d+ more accounts/);
    expect(textOf(view.blocks)).toMatch(/and \d+ more activities/);
  });
});

describe('buildHomeNotice', () => {
  it('shows only the notice, escaped', () => {
    const view = buildHomeNotice('Ask an admin to add you to OPERATORS <now>');

    expect(view.type).toBe('home');
    expect(textOf(view.blocks)).toContain('Ask an admin to add you to OPERATORS &lt;now&gt;');
    expect(checkView(view)).toEqual([]);
  });
});
