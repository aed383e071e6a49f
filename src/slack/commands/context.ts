import type { WebClient } from '@slack/web-api';

import type { BotDeps } from '../deps';
import type { Reply } from '../reply';
import type { Command, CommandOf, Verb } from './parse';

/** One slash command, acked, with where to answer. */
export interface CommandContext {
  deps: BotDeps;
  client: WebClient;
  userId: string;
  channelId: string;
  triggerId: string;
  responseUrl?: string;
  reply: Reply;
}

export type VerbHandler<V extends Verb> = (context: CommandContext, command: CommandOf<V>) => Promise<void>;

export type VerbHandlers = { [V in Verb]: VerbHandler<V> };

export type { Command };
