// Slack's Block Kit limits, as Slack's reference pages give them (docs.slack.dev/reference/block-kit). Builders cut
// long text to them and leave out what does not fit, so Slack never rejects what the bot builds.

export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;
export const MAX_SECTION_TEXT = 3000;
export const MAX_SECTION_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
export const MAX_HEADER_TEXT = 150;
export const MAX_CONTEXT_ELEMENTS = 10;
export const MAX_ACTIONS_ELEMENTS = 25;
export const MAX_BUTTON_TEXT = 75;
export const MAX_BUTTON_VALUE = 2000;
export const MAX_BUTTON_URL = 3000;
export const MAX_ACTION_ID = 255;
export const MAX_BLOCK_ID = 255;
export const MAX_OPTION_TEXT = 75;
export const MAX_OPTION_VALUE = 150;
export const MAX_SELECT_OPTIONS = 100;
export const MAX_INPUT_LABEL = 2000;
export const MAX_INPUT_HINT = 2000;
export const MAX_PLACEHOLDER = 150;
export const MAX_PLAIN_TEXT_INPUT = 3000;
export const MAX_MODAL_TITLE = 24;
export const MAX_MODAL_BUTTON_TEXT = 24;
export const MAX_PRIVATE_METADATA = 3000;
export const MAX_CALLBACK_ID = 255;
/**
 * Slack also refuses a message whose blocks hold about 12,000 characters of text in all (msg_blocks_too_long). The
 * number is not documented and reports of it vary (slackapi/bolt-js issues 2509 and 2867), so messages stay under this.
 */
export const MESSAGE_TEXT_BUDGET = 10_000;
/** The notification text of a message: Slack keeps 40,000 characters, a notification shows a line or two. */
export const MAX_FALLBACK_TEXT = 300;

export const ELLIPSIS = '…';

// Slack mrkdwn gives only &, < and > a meaning that escaping removes; an entity can only ever show as its character.
const UNESCAPED = /&(?!(?:amp|lt|gt);)|<|>/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// split() with a capturing group puts each mention at an odd index.
const USER_MENTION = /(<@[UW][A-Z0-9]{2,20}>)/;
// The longest entity this module writes, `&amp;`.
const MAX_ENTITY_LENGTH = 5;

// TODO(Slack mrkdwn has no escape for * _ ~ and backticks): an OT title holding a pair of them shows partly formatted.
/**
 * Text made safe for Slack mrkdwn: &, < and > become entities, so no OT title or typed word can make a link, a
 * mention or an @channel. Entities already there stay as they are, so text escaped once (a parser problem) can be
 * escaped again without operators seeing `&amp;lt;`.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(UNESCAPED, (character) => ENTITIES[character]);
}

/**
 * Like escapeMrkdwn, but the bot's own mentions of people (`<@U0123ABCD>`) stay mentions: notes such as "<@U…> paid
 * the order" are written by the bot, and whatever else they carry is escaped.
 */
export function escapeKeepingMentions(text: string): string {
  return text
    .split(USER_MENTION)
    .map((part, index) => (index % 2 === 1 ? part : escapeMrkdwn(part)))
    .join('');
}

/** The text, or its start and an ellipsis when it is longer than the limit; never half of a surrogate pair. */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;

  return `${text.slice(0, keepWholeCharacters(text, limit - ELLIPSIS.length))}${ELLIPSIS}`;
}

/** Like cutText for text already escaped: an entity is kept whole or left out, never cut in two. */
export function cutMrkdwn(text: string, limit: number): string {
  if (text.length <= limit) return text;

  let end = keepWholeCharacters(text, limit - ELLIPSIS.length);
  const ampersand = text.lastIndexOf('&', end - 1);
  if (ampersand !== -1 && ampersand > end - MAX_ENTITY_LENGTH) {
    const semicolon = text.indexOf(';', ampersand);
    if (semicolon === -1 || semicolon >= end) end = ampersand;
  }
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

/** Plain text from OT or a person, escaped for mrkdwn and cut to the limit. */
export function toMrkdwn(text: string, limit: number): string {
  return cutMrkdwn(escapeMrkdwn(text), limit);
}

/**
 * Renders items in order while they fit both the count and the character budget (separators counted), and stops at
 * the first that does not: a page shows a run of items, and what follows it is "N more".
 */
export function renderWithinBudget<T>(
  items: readonly T[],
  render: (item: T, index: number) => string,
  budget: { maxItems: number; maxChars: number; separatorLength?: number },
): string[] {
  const texts: string[] = [];
  let used = 0;
  for (const [index, item] of items.entries()) {
    if (texts.length >= budget.maxItems) break;
    const text = render(item, index);
    const cost = text.length + (texts.length > 0 ? (budget.separatorLength ?? 1) : 0);
    if (used + cost > budget.maxChars) break;
    texts.push(text);
    used += cost;
  }
  return texts;
}

/** Joins texts into as few chunks as keep each within the limit; a text longer than the limit is cut. */
export function packTexts(texts: readonly string[], separator: string, limit = MAX_SECTION_TEXT): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const text of texts.map((whole) => cutMrkdwn(whole, limit))) {
    if (current === '') current = text;
    else if (current.length + separator.length + text.length <= limit) current += `${separator}${text}`;
    else {
      chunks.push(current);
      current = text;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function keepWholeCharacters(text: string, end: number): number {
  const last = text.charCodeAt(end - 1);
  // A high surrogate at the cut would leave half an emoji or a rare CJK character behind.
  return last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}
