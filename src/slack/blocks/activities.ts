import type { KnownBlock } from '@slack/types';
import type { Activity } from '../../ot/types';
import { buildMessage, contextBlock, type SlackMessage, sectionBlock } from './elements';
import { countOf } from './format';
import { packTexts, renderWithinBudget, toMrkdwn } from './limits';

export const NO_ACTIVITIES_TEXT = 'No activity is running or waiting for an answer.';
/** The most activities a message lists; the rest are counted. */
export const MAX_ACTIVITIES_SHOWN = 30;
const ACTIVITIES_TEXT_BUDGET = 7000;
const SEPARATOR = '\n';
const MAX_DESCRIPTION = 200;
const MAX_FIELD = 60;

// OT's activity types, in the words of the commands that start them.
const ACTIVITY_WORDS: Record<string, string> = {
  ProviderOrdersIntegrationExporting: 'Export',
  ProviderOrdersIntegrationSynchronizing: 'Sync',
  ProviderOrdersIntegrationLinking: 'Link',
  ProviderOrdersIntegrationUnlinking: 'Unlink',
};

export interface ActivityListOptions {
  maxActivities: number;
  maxChars: number;
}

/** The activities that are running or wait for an answer, those waiting first: they need a person. */
export function buildActivitiesMessage(activities: Activity[]): SlackMessage {
  const open = activities.filter(isOpen);
  if (open.length === 0) return buildMessage(NO_ACTIVITIES_TEXT, [sectionBlock(NO_ACTIVITIES_TEXT)]);

  const waiting = open.filter((activity) => activity.isAwaitingAction).length;
  const summary = `${countOf(open.length, 'activity', 'activities')} open, ${waiting} waiting for an answer`;
  return buildMessage(summary, [
    sectionBlock(`*Activities:* ${summary}`),
    ...buildActivityBlocks(open, { maxActivities: MAX_ACTIVITIES_SHOWN, maxChars: ACTIVITIES_TEXT_BUDGET }),
  ]);
}

/** The open activities packed into sections within the limits, then "and N more activities"; App Home shares it. */
export function buildActivityBlocks(activities: Activity[], options: ActivityListOptions): KnownBlock[] {
  const open = activities.filter(isOpen);
  const ordered = [
    ...open.filter((activity) => activity.isAwaitingAction),
    ...open.filter((activity) => !activity.isAwaitingAction),
  ];
  const texts = renderWithinBudget(ordered, describeActivity, {
    maxItems: options.maxActivities,
    maxChars: options.maxChars,
    separatorLength: SEPARATOR.length,
  });
  const more = ordered.length - texts.length;
  return [
    ...packTexts(texts, SEPARATOR).map((text) => sectionBlock(text)),
    ...(more > 0 ? [contextBlock(`and ${countOf(more, 'more activity', 'more activities')}`)] : []),
  ];
}

function isOpen(activity: Activity): boolean {
  return !activity.isFinished && !activity.isCancelled;
}

function describeActivity(activity: Activity): string {
  const kind = toMrkdwn(ACTIVITY_WORDS[activity.type] ?? activity.type, MAX_FIELD);
  const percent = Number.isFinite(activity.progressPercent) ? Math.round(activity.progressPercent) : 0;
  const progress = Math.min(100, Math.max(0, percent));
  const parts = [`• *${kind}* ${progress}%`, toMrkdwn(activity.description || 'no description', MAX_DESCRIPTION)];
  if (activity.isAwaitingAction) parts.push('*waiting for an answer*');
  if (activity.startTime) parts.push(`started ${toMrkdwn(activity.startTime, MAX_FIELD)}`);
  parts.push(`activity ${toMrkdwn(activity.id, MAX_FIELD)}`);
  return parts.join(' · ');
}
