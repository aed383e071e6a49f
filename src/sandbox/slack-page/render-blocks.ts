import { escapeHtml, mrkdwnToPlainText, renderMrkdwn, renderPlainText } from './mrkdwn';
import type { Json, OpenView } from './state';
import { listOptions, SUPPORTED_INPUTS } from './view-state';

// Block Kit as server-rendered HTML: header, section (text, fields, button accessory), context, divider, image (as a
// link), actions with buttons, and input blocks with plain_text_input and static_select. Anything else says that
// the page does not show it. Buttons are submit buttons of the form around the message or modal, named `press`
// with the value `blockIndex:element`, so the server knows which one was pressed.

const LINK_SCHEMES = /^(https?:\/\/|mailto:)/i;

export interface BlockRenderOptions {
  /** The modal or home view the blocks are in: its drafts and errors fill the inputs. */
  view?: OpenView;
  /** Set inside a modal's form, whose own action is the submission: buttons post here instead. */
  buttonAction?: string;
}

export function renderBlocks(blocks: Json[], options: BlockRenderOptions = {}): string {
  return blocks.map((block, index) => renderBlock(block, index, options)).join('\n');
}

/** A text object: mrkdwn or plain_text; anything else shows nothing. */
export function renderTextObject(text: unknown): string {
  if (typeof text !== 'object' || text === null) return '';
  const { type, text: content } = text as Json;
  if (typeof content !== 'string') return '';
  return type === 'mrkdwn' ? renderMrkdwn(content) : renderPlainText(content);
}

function renderBlock(block: Json, index: number, options: BlockRenderOptions): string {
  switch (block.type) {
    case 'header':
      return `<h3 class="block header">${renderTextObject(block.text)}</h3>`;
    case 'section':
      return renderSection(block, index, options);
    case 'context':
      return `<div class="block context">${listOf(block.elements).map(renderContextElement).join(' ')}</div>`;
    case 'divider':
      return '<hr class="block">';
    case 'actions': {
      const elements = listOf(block.elements).map((element, position) =>
        renderElement(element, index, position, options),
      );
      return `<div class="block actions">${elements.join(' ')}</div>`;
    }
    case 'image':
      return `<div class="block">${renderImage(block)}</div>`;
    case 'input':
      return renderInput(block, index, options.view);
    default:
      return unsupported(`a ${String(block.type)} block`);
  }
}

function renderSection(block: Json, index: number, options: BlockRenderOptions): string {
  const text = block.text ? `<div class="text">${renderTextObject(block.text)}</div>` : '';
  const fields = listOf(block.fields).map((field) => `<div class="field">${renderTextObject(field)}</div>`);
  const fieldsHtml = fields.length > 0 ? `<div class="fields">${fields.join('')}</div>` : '';
  const accessory = block.accessory
    ? `<div class="accessory">${renderElement(block.accessory as Json, index, 'accessory', options)}</div>`
    : '';
  return `<div class="block section"><div class="section-body">${text}${fieldsHtml}</div>${accessory}</div>`;
}

function renderContextElement(element: Json): string {
  if (element.type === 'image') return renderImage(element);
  return `<span>${renderTextObject(element)}</span>`;
}

/** Images come from anywhere; the page links them instead of loading them. */
function renderImage(image: Json): string {
  const alt = typeof image.alt_text === 'string' ? image.alt_text : 'image';
  const url = typeof image.image_url === 'string' ? image.image_url : '';
  if (!LINK_SCHEMES.test(url)) return `<span class="image">[${escapeHtml(alt)}]</span>`;
  const link = `<a class="image" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">`;
  return `${link}[${escapeHtml(alt)}]</a>`;
}

function renderElement(element: Json, blockIndex: number, position: number | 'accessory', options: BlockRenderOptions) {
  if (element.type !== 'button') return unsupported(`a ${String(element.type)} element`);
  const label = renderTextObject(element.text);
  const style = element.style === 'primary' || element.style === 'danger' ? ` ${element.style}` : '';

  if (typeof element.url === 'string') {
    if (!LINK_SCHEMES.test(element.url)) return unsupported('a button whose url is not a web address');
    const href = escapeHtml(element.url);
    return `<a class="button${style}" href="${href}" target="_blank" rel="noopener noreferrer">${label} ↗</a>`;
  }
  const confirm = element.confirm ? ` data-confirm="${escapeHtml(describeConfirm(element.confirm as Json))}"` : '';
  const action = options.buttonAction ? ` formaction="${escapeHtml(options.buttonAction)}" formnovalidate` : '';
  return (
    `<button type="submit" class="button${style}" name="press" value="${blockIndex}:${position}"` +
    ` data-action-id="${escapeHtml(String(element.action_id ?? ''))}"${confirm}${action}>${label}</button>`
  );
}

/** A confirm object as the words of the browser's OK/Cancel dialog. */
function describeConfirm(confirm: Json): string {
  const words = (text: unknown) => {
    const object = (text ?? {}) as Json;
    const content = typeof object.text === 'string' ? object.text : '';
    return object.type === 'mrkdwn' ? mrkdwnToPlainText(content) : content;
  };
  const yes = words(confirm.confirm) || 'Yes';
  const no = words(confirm.deny) || 'Cancel';
  return `${words(confirm.title)}\n\n${words(confirm.text)}\n\n(OK: ${yes}; Cancel: ${no})`;
}

function renderInput(block: Json, index: number, view: OpenView | undefined): string {
  const element = (block.element ?? {}) as Json;
  const blockId = String(block.block_id);
  const name = `input-${index}`;
  const optional = block.optional === true ? ' <span class="optional">(optional)</span>' : '';
  const label = `<label for="${name}">${renderTextObject(block.label)}${optional}</label>`;
  const hint = block.hint ? `<div class="hint">${renderTextObject(block.hint)}</div>` : '';
  const error = view?.errors[blockId];
  const errorHtml = error ? `<div class="error">${renderPlainText(error)}</div>` : '';
  if (!SUPPORTED_INPUTS.includes(String(element.type))) {
    return `<div class="block input">${label}${unsupported(`a ${String(element.type)} input`)}${hint}</div>`;
  }

  const value = view?.values[blockId] ?? '';
  const control =
    element.type === 'static_select' ? renderSelect(element, name, value) : renderTextInput(element, name, value);
  return `<div class="block input${error ? ' has-error' : ''}">${label}${control}${errorHtml}${hint}</div>`;
}

function renderTextInput(element: Json, name: string, value: string): string {
  const placeholder = plainOf(element.placeholder);
  const maxLength = Number.isInteger(element.max_length) ? ` maxlength="${element.max_length}"` : '';
  const common = `id="${name}" name="${name}" placeholder="${escapeHtml(placeholder)}"${maxLength}`;
  if (element.multiline === true) return `<textarea ${common} rows="5">${escapeHtml(value)}</textarea>`;
  return `<input type="text" ${common} value="${escapeHtml(value)}">`;
}

function renderSelect(element: Json, name: string, value: string): string {
  const placeholder = plainOf(element.placeholder) || 'Choose an option';
  const options = listOptions(element).map((option) => {
    const optionValue = String(option.value ?? '');
    const selected = optionValue === value ? ' selected' : '';
    return `<option value="${escapeHtml(optionValue)}"${selected}>${escapeHtml(plainOf(option.text))}</option>`;
  });
  const empty = `<option value="">${escapeHtml(placeholder)}</option>`;
  return `<select id="${name}" name="${name}">${empty}${options.join('')}</select>`;
}

function plainOf(text: unknown): string {
  const content = (text as Json | undefined)?.text;
  return typeof content === 'string' ? content : '';
}

function unsupported(what: string): string {
  return `<div class="unsupported">[${escapeHtml(what)}: the sandbox page does not show it]</div>`;
}

function listOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];
}
