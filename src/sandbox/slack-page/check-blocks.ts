import type { Json } from './state';

// A few of Slack's checks on what the bot sends, so that the sandbox refuses what real Slack would refuse instead of
// showing it: the limits a bot most often runs into. Slack's full rules are much longer.

const MAX_MESSAGE_BLOCKS = 50;
const MAX_VIEW_BLOCKS = 100;
const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
const MAX_BUTTON_TEXT = 75;
const MAX_MODAL_TITLE = 24;

/** Problems with a message's blocks, worded like Slack's response_metadata messages; empty when none. */
export function checkMessageBlocks(blocks: unknown): string[] {
  return checkBlocks(blocks, MAX_MESSAGE_BLOCKS);
}

/** Problems with a view: its type, a modal's title and submit button, and its blocks. */
export function checkView(view: unknown, type: 'modal' | 'home'): string[] {
  if (typeof view !== 'object' || view === null) return ['[ERROR] missing required field: view'];
  const { type: viewType, title, blocks, submit } = view as Json;
  if (viewType !== type) return [`[ERROR] must be '${type}' [json-pointer:/view/type]`];

  const problems = checkBlocks(blocks, MAX_VIEW_BLOCKS);
  if (type === 'home') return problems;
  const titleText = (title as Json | undefined)?.text;
  if (typeof titleText !== 'string') problems.push('[ERROR] missing required field: title [json-pointer:/view]');
  else if (titleText.length > MAX_MODAL_TITLE) {
    problems.push(`[ERROR] must be less than ${MAX_MODAL_TITLE + 1} characters [json-pointer:/view/title/text]`);
  }
  const hasInputs = Array.isArray(blocks) && blocks.some((block: Json) => block?.type === 'input');
  if (hasInputs && submit === undefined) {
    problems.push('[ERROR] must provide a submit property when using input blocks [json-pointer:/view]');
  }
  return problems;
}

function checkBlocks(blocks: unknown, maxBlocks: number): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ['[ERROR] must be an array [json-pointer:/blocks]'];
  if (blocks.length > maxBlocks) return [`[ERROR] no more than ${maxBlocks} items allowed [json-pointer:/blocks]`];
  return blocks.flatMap((block: unknown, index) => checkBlock(block, `/blocks/${index}`));
}

function checkBlock(block: unknown, pointer: string): string[] {
  if (typeof block !== 'object' || block === null || typeof (block as Json).type !== 'string') {
    return [`[ERROR] missing required field: type [json-pointer:${pointer}]`];
  }
  const { type, text, elements, accessory } = block as Json;
  const problems: string[] = [];
  const limit = type === 'header' ? MAX_HEADER_TEXT : MAX_SECTION_TEXT;
  if (tooLong(text, limit))
    problems.push(`[ERROR] must be less than ${limit + 1} characters [json-pointer:${pointer}/text]`);
  const buttons = [...(Array.isArray(elements) ? elements : []), accessory].filter(
    (element: Json | undefined) => element?.type === 'button',
  );
  if (buttons.some((button: Json) => tooLong(button.text, MAX_BUTTON_TEXT))) {
    problems.push(`[ERROR] must be less than ${MAX_BUTTON_TEXT + 1} characters [json-pointer:${pointer}/elements]`);
  }
  return problems;
}

function tooLong(textObject: unknown, limit: number): boolean {
  const text = (textObject as Json | undefined)?.text;
  return typeof text === 'string' && text.length > limit;
}
