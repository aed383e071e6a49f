import { buildHelpMessage } from '../blocks/help';
import type { VerbHandler } from './context';

/** `help [verb]`: open to everyone, operator or not. */
export const handleHelp: VerbHandler<'help'> = ({ deps, reply }, command) =>
  reply(buildHelpMessage(deps.config.slack.command, command.topic));
