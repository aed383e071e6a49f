// Walks a message or a view and lists every Slack limit it breaks. The numbers are written out here from Slack's
// Block Kit reference on purpose, not imported from src: a wrong constant in src must not pass its own check.

type Json = Record<string, unknown>;

const SLACK = {
  messageBlocks: 50,
  viewBlocks: 100,
  // Not documented: Slack refuses messages past about 12,000 characters of text (msg_blocks_too_long).
  messageText: 10_000,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  options: 100,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInput: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
} as const;

/** Every limit the message breaks, as readable problems; empty when Slack would take it. */
export function checkMessage(message: { text: string; blocks: unknown[] }): string[] {
  const problems: string[] = [];
  if (message.text.trim() === '') problems.push('message: empty fallback text');
  if (message.blocks.length > SLACK.messageBlocks) problems.push(`message: ${message.blocks.length} blocks`);
  const total = sumText(message.blocks);
  if (total > SLACK.messageText) problems.push(`message: ${total} characters of text in all`);
  return [...problems, ...checkBlocks(message.blocks as Json[], 'message')];
}

/** Every limit a modal or home view breaks. */
export function checkView(surface: object): string[] {
  const view = surface as Json;
  const blocks = view.blocks as Json[];
  const problems: string[] = [];
  if (blocks.length > SLACK.viewBlocks) problems.push(`view: ${blocks.length} blocks`);
  if (view.type === 'modal') problems.push(...checkModalFields(view));
  return [...problems, ...checkBlocks(blocks, 'view')];
}

/** mrkdwn texts holding a raw <, > or an & that starts no entity: the bot writes no links or mentions of its own. */
export function findUnescapedMrkdwn(blocks: unknown[]): string[] {
  const found: string[] = [];
  walk(blocks, (node) => {
    if (node.type !== 'mrkdwn' || typeof node.text !== 'string') return;
    const withoutMentions = node.text.replace(/<@[UW][A-Z0-9]+>/g, '');
    if (/[<>]|&(?!(?:amp|lt|gt);)/.test(withoutMentions)) found.push(node.text);
  });
  return found;
}

/** Every text of the blocks joined, for assertions on what an operator reads. */
export function textOf(blocks: unknown[]): string {
  const texts: string[] = [];
  walk(blocks, (node) => {
    if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') texts.push(node.text);
  });
  return texts.join('\n');
}

/** Every element of the blocks with an action_id: buttons, selects, inputs. */
export function actionElementsOf(blocks: unknown[]): Json[] {
  const elements: Json[] = [];
  walk(blocks, (node) => {
    if (typeof node.action_id === 'string') elements.push(node);
  });
  return elements;
}

function checkModalFields(view: Json): string[] {
  const problems = [
    ...checkPlainText(view.title, SLACK.modalTitle, 'modal title'),
    ...(view.close === undefined ? [] : checkPlainText(view.close, SLACK.modalButton, 'modal close')),
    ...(view.submit === undefined ? [] : checkPlainText(view.submit, SLACK.modalButton, 'modal submit')),
  ];
  const metadata = view.private_metadata;
  if (typeof metadata === 'string' && metadata.length > SLACK.privateMetadata) problems.push('private_metadata long');
  const callbackId = view.callback_id;
  if (typeof callbackId === 'string' && callbackId.length > SLACK.callbackId) problems.push('callback_id long');
  const hasInput = (view.blocks as Json[]).some((block) => block.type === 'input');
  if (hasInput && view.submit === undefined) problems.push('modal: input blocks without a submit button');
  return problems;
}

function checkBlocks(blocks: Json[], where: string): string[] {
  const problems: string[] = [];
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const at = `${where} block ${index} (${String(block.type)})`;
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) problems.push(`${at}: block_id ${block.block_id} used twice`);
      if (block.block_id.length > SLACK.blockId) problems.push(`${at}: block_id longer than ${SLACK.blockId}`);
      blockIds.add(block.block_id);
    }
    problems.push(...checkBlock(block).map((problem) => `${at}: ${problem}`));
  });
  return problems;
}

function checkBlock(block: Json): string[] {
  switch (block.type) {
    case 'section':
      return checkSection(block);
    case 'header':
      return checkPlainText(block.text, SLACK.headerText, 'header');
    case 'context':
      return checkContext(block);
    case 'actions':
      return checkActions(block);
    case 'input':
      return checkInput(block);
    case 'divider':
      return [];
    default:
      return [`unexpected block type ${String(block.type)}`];
  }
}

function checkSection(block: Json): string[] {
  const problems: string[] = [];
  const fields = block.fields as Json[] | undefined;
  if (block.text === undefined && fields === undefined) problems.push('section without text or fields');
  if (block.text !== undefined) problems.push(...checkTextObject(block.text, SLACK.sectionText, 'section text'));
  if (fields !== undefined) {
    if (fields.length > SLACK.sectionFields) problems.push(`${fields.length} fields`);
    for (const field of fields) problems.push(...checkTextObject(field, SLACK.fieldText, 'field'));
  }
  if (block.accessory !== undefined) problems.push(...checkElement(block.accessory as Json));
  return problems;
}

function checkContext(block: Json): string[] {
  const elements = block.elements as Json[];
  const problems = elements.length > SLACK.contextElements ? [`${elements.length} context elements`] : [];
  for (const element of elements) problems.push(...checkTextObject(element, SLACK.textObject, 'context'));
  return problems;
}

function checkActions(block: Json): string[] {
  const elements = block.elements as Json[];
  const problems = elements.length > SLACK.actionsElements ? [`${elements.length} elements in one actions block`] : [];
  const actionIds = elements.map((element) => element.action_id);
  if (new Set(actionIds).size !== actionIds.length) problems.push(`action_ids repeat in one block: ${actionIds}`);
  for (const element of elements) problems.push(...checkElement(element));
  return problems;
}

function checkInput(block: Json): string[] {
  return [
    ...checkPlainText(block.label, SLACK.inputLabel, 'input label'),
    ...(block.hint === undefined ? [] : checkPlainText(block.hint, SLACK.inputHint, 'input hint')),
    ...checkElement(block.element as Json),
  ];
}

function checkElement(element: Json): string[] {
  const problems: string[] = [];
  const actionId = element.action_id;
  if (typeof actionId !== 'string' || actionId === '') problems.push(`${String(element.type)} without an action_id`);
  else if (actionId.length > SLACK.actionId) problems.push(`action_id longer than ${SLACK.actionId}`);
  if (element.placeholder !== undefined) {
    problems.push(...checkPlainText(element.placeholder, SLACK.placeholder, 'placeholder'));
  }

  if (element.type === 'button') problems.push(...checkButton(element));
  else if (element.type === 'static_select') problems.push(...checkSelect(element));
  else if (element.type === 'plain_text_input') problems.push(...checkTextInput(element));
  else problems.push(`unexpected element type ${String(element.type)}`);
  return problems;
}

function checkButton(button: Json): string[] {
  const problems = checkPlainText(button.text, SLACK.buttonText, 'button text');
  if (typeof button.value === 'string' && button.value.length > SLACK.buttonValue) problems.push('button value long');
  if (typeof button.url === 'string' && button.url.length > SLACK.buttonUrl) problems.push('button url long');
  if (button.style !== undefined && button.style !== 'primary' && button.style !== 'danger') {
    problems.push(`button style ${String(button.style)}`);
  }
  return problems;
}

function checkSelect(select: Json): string[] {
  const options = (select.options as Json[] | undefined) ?? [];
  const problems: string[] = [];
  if (options.length === 0 || options.length > SLACK.options) problems.push(`${options.length} options`);
  for (const option of options) {
    problems.push(...checkPlainText(option.text, SLACK.optionText, 'option text'));
    const value = option.value;
    if (typeof value !== 'string' || value === '' || value.length > SLACK.optionValue) problems.push('option value');
  }
  const initial = select.initial_option as Json | undefined;
  if (initial && !options.some((option) => option.value === initial.value)) problems.push('initial_option not offered');
  return problems;
}

function checkTextInput(input: Json): string[] {
  const max = input.max_length;
  if (max === undefined) return [];
  return typeof max === 'number' && max >= 1 && max <= SLACK.plainTextInput ? [] : [`max_length ${String(max)}`];
}

function checkTextObject(value: unknown, limit: number, what: string): string[] {
  const text = value as Json;
  if (text?.type !== 'mrkdwn' && text?.type !== 'plain_text') return [`${what}: not a text object`];
  return checkLength(text.text, limit, what);
}

function checkPlainText(value: unknown, limit: number, what: string): string[] {
  const text = value as Json;
  if (text?.type !== 'plain_text') return [`${what}: not plain_text`];
  return checkLength(text.text, limit, what);
}

function checkLength(text: unknown, limit: number, what: string): string[] {
  if (typeof text !== 'string' || text.trim() === '') return [`${what}: empty`];
  return text.length > limit ? [`${what}: ${text.length} characters, more than ${limit}`] : [];
}

function sumText(blocks: unknown[]): number {
  let total = 0;
  walk(blocks, (node) => {
    if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') {
      total += node.text.length;
    }
  });
  return total;
}

function walk(value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  visit(value as Json);
  for (const child of Object.values(value)) walk(child, visit);
}
