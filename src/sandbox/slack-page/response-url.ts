import type { Logger } from '../../logger';
import { checkMessageBlocks } from './check-blocks';
import type { Json, SlackState } from './state';

// Answers the bot posts to a response_url: an ephemeral message to the person, a message in the channel
// (response_type in_channel), or a rewrite or removal of the message the button was on.

export interface ResponseUrlAnswer {
  status: number;
  body: Json;
}

/** One post to `/response/{id}`; the body is the JSON the bot sent (or a form body's `payload`). */
export function answerResponseUrl(state: SlackState, userId: string, id: string, body: Json, logger: Logger) {
  const target = state.useResponseUrl(id);
  if (typeof target === 'string') return refuse(state, logger, 404, target);
  const original = target.messageTs ? state.findMessage(target.channel, target.messageTs) : undefined;

  if (isTrue(body.delete_original)) {
    if (original) state.deleteMessage(original);
    return ok();
  }
  const problems = checkMessageBlocks(body.blocks);
  if (problems.length > 0) return refuse(state, logger, 400, 'invalid_blocks');
  const text = typeof body.text === 'string' ? body.text : '';
  const blocks = Array.isArray(body.blocks) ? (body.blocks as Json[]) : [];
  if (text === '' && blocks.length === 0) return refuse(state, logger, 400, 'no_text');

  // Without a message to replace (a slash command's response_url), Slack posts a new one.
  if (isTrue(body.replace_original) && original) {
    state.rewriteMessage(original, text, blocks);
    return ok();
  }
  const ephemeralTo = body.response_type === 'in_channel' ? undefined : userId;
  const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
  state.addMessage({ channel: target.channel, ephemeralTo, author: 'bot', text, blocks, threadTs });
  return ok();
}

function ok(): ResponseUrlAnswer {
  return { status: 200, body: { ok: true } };
}

function refuse(state: SlackState, logger: Logger, status: number, error: string): ResponseUrlAnswer {
  logger.warn(`response_url refused: ${error}`);
  state.note('warn', `The bot answered through a response_url: Slack would refuse it (${error}).`);
  return { status, body: { ok: false, error } };
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
