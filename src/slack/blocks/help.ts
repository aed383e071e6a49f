import type { Verb } from '../commands/parse';
import { helpText, usageOf } from '../commands/usage';
import { buildMessage, type SlackMessage, sectionBlock } from './elements';

/** Usage of every verb, or of one verb with an example; the usage texts are mrkdwn already and fit one section. */
export function buildHelpMessage(commandName: string, verb?: Verb): SlackMessage {
  if (verb === undefined) return buildMessage(`${commandName} commands`, [sectionBlock(helpText(commandName))]);

  return buildMessage(`Usage of ${commandName} ${verb}`, [sectionBlock(usageOf(verb, commandName))]);
}
