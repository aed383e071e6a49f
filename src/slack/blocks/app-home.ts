import type { HomeView, KnownBlock } from '@slack/types';
import type { AccountView } from '../../autopurchase/accounts';
import type { Activity } from '../../ot/types';
import { buildAccountBlocks, NO_ACCOUNTS_TEXT } from './accounts';
import { buildActivityBlocks, NO_ACTIVITIES_TEXT } from './activities';
import { dividerBlock, headerBlock, sectionBlock } from './elements';
import { MAX_SECTION_TEXT, toMrkdwn } from './limits';

// A home tab holds 100 blocks: 40 accounts and a few sections of activities leave room for the headings.
const MAX_HOME_ACCOUNTS = 40;
const MAX_HOME_ACTIVITIES = 50;
const HOME_ACTIVITIES_TEXT = 8000;

export const NO_QUESTIONS_TEXT =
  'The bot does not track the questions of activities yet, so none are listed here. ' +
  'Activities waiting for an answer are marked above.';

/** App Home: the provider accounts with their Log in buttons, open activities, and open questions. */
export function buildHomeView(accounts: AccountView[], activities: Activity[]): HomeView {
  return {
    type: 'home',
    blocks: [
      headerBlock('Provider accounts'),
      ...(accounts.length > 0 ? buildAccountBlocks(accounts, MAX_HOME_ACCOUNTS) : [sectionBlock(NO_ACCOUNTS_TEXT)]),
      dividerBlock(),
      headerBlock('Activities'),
      ...buildHomeActivityBlocks(activities),
      dividerBlock(),
      headerBlock('Open questions'),
      // TODO(activity tracker not built yet): list each open question with its answer buttons once it stores them.
      sectionBlock(NO_QUESTIONS_TEXT),
    ],
  };
}

/** A home tab that only says something: to a person who is not an operator, or when OT could not be reached. */
export function buildHomeNotice(text: string): HomeView {
  return { type: 'home', blocks: [headerBlock('Autopurchase'), sectionBlock(toMrkdwn(text, MAX_SECTION_TEXT))] };
}

function buildHomeActivityBlocks(activities: Activity[]): KnownBlock[] {
  const blocks = buildActivityBlocks(activities, {
    maxActivities: MAX_HOME_ACTIVITIES,
    maxChars: HOME_ACTIVITIES_TEXT,
  });
  return blocks.length > 0 ? blocks : [sectionBlock(NO_ACTIVITIES_TEXT)];
}
