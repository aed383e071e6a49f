import { buildMessage, type SlackMessage, sectionBlock } from './elements';
import { escapeMrkdwn, MAX_SECTION_TEXT, toMrkdwn } from './limits';

// Short ephemeral answers. Text is escaped here; text that is already mrkdwn (a parser problem, a usage) comes
// through unchanged, because escaping leaves entities alone.

const USAGE_SEPARATOR = '\n\n';
// Below this much room a usage would be cut to nothing useful, so it is left out.
const MIN_USAGE_ROOM = 100;

/** A short answer in one section: that something was done, or where to look. */
export function buildNotice(text: string): SlackMessage {
  return buildMessage(text, [sectionBlock(toMrkdwn(text, MAX_SECTION_TEXT))]);
}

/** A refusal or an error in one section, with the usage of the verb when there is one; the usage is cut first. */
export function buildProblem(text: string, usage?: string): SlackMessage {
  const problem = `:warning: ${escapeMrkdwn(text)}`;
  if (usage === undefined) return buildMessage(text, [sectionBlock(problem)]);

  const room = MAX_SECTION_TEXT - problem.length - USAGE_SEPARATOR.length;
  if (room < MIN_USAGE_ROOM) return buildMessage(text, [sectionBlock(problem)]);
  return buildMessage(text, [sectionBlock(`${problem}${USAGE_SEPARATOR}${toMrkdwn(usage, room)}`)]);
}
