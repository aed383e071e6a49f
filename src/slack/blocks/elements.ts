import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import {
  cutMrkdwn,
  cutText,
  escapeMrkdwn,
  MAX_ACTIONS_ELEMENTS,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_FALLBACK_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
} from './limits';

// Small constructors every surface shares. Each one keeps its own piece within Slack's limits, so a surface only
// has to count its blocks and its text budget.

/** What a builder hands to chat.postMessage, respond or chat.update. */
export interface SlackMessage {
  /** The notification text: plain words, escaped. */
  text: string;
  blocks: KnownBlock[];
}

export interface ButtonOptions {
  text: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

// Slack refuses an empty plain_text; a dash says "nothing here" without breaking the block.
const EMPTY_TEXT = '–';

export function buildMessage(fallback: string, blocks: KnownBlock[]): SlackMessage {
  return { text: cutMrkdwn(escapeMrkdwn(fallback), MAX_FALLBACK_TEXT), blocks };
}

export function plainText(text: string, limit: number): PlainTextElement {
  const trimmed = text.trim();
  return { type: 'plain_text', text: trimmed === '' ? EMPTY_TEXT : cutText(trimmed, limit), emoji: true };
}

/** A section of mrkdwn the caller has already escaped; cut to the section limit. */
export function sectionBlock(mrkdwn: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: cutMrkdwn(mrkdwn, MAX_SECTION_TEXT) } };
  if (accessory) block.accessory = accessory;
  return block;
}

export function headerBlock(text: string): HeaderBlock {
  return { type: 'header', text: plainText(text, MAX_HEADER_TEXT) };
}

/** Small grey text under a section: counts, "and N more", hints. The mrkdwn is escaped by the caller. */
export function contextBlock(mrkdwn: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cutMrkdwn(mrkdwn, MAX_SECTION_TEXT) }] };
}

export function dividerBlock(): DividerBlock {
  return { type: 'divider' };
}

export function actionsBlock(buttons: Button[]): ActionsBlock {
  return { type: 'actions', elements: buttons.slice(0, MAX_ACTIONS_ELEMENTS) };
}

export function buttonElement(options: ButtonOptions): Button {
  const button: Button = {
    type: 'button',
    text: plainText(options.text, MAX_BUTTON_TEXT),
    action_id: options.actionId,
  };
  if (options.value !== undefined) button.value = cutText(options.value, MAX_BUTTON_VALUE);
  if (options.url !== undefined) button.url = options.url;
  if (options.style) button.style = options.style;
  return button;
}
