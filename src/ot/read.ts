import { OtBadAnswerError } from './errors';
import { ATTRIBUTE_PREFIX, isNode, TEXT_KEY, type XmlNode } from './xml';

/**
 * Readers that turn parsed OT XML into checked values. OT sends every value as text, lists as a wrapper
 * whose children may be one element, several, or none, and typed ids either as text or as <Value>.
 * A reader is bound to one method so that a missing required field names the call it came from.
 */
export class AnswerReader {
  constructor(readonly method: string) {}

  /** Element text, or '' when the element is absent or empty. */
  text(node: unknown, name: string): string {
    return textOf(fieldOf(node, name));
  }

  /** Element text, or undefined when absent or empty, so optional fields stay distinguishable. */
  optionalText(node: unknown, name: string): string | undefined {
    const value = textOf(fieldOf(node, name));
    return value === '' ? undefined : value;
  }

  /** A field that the bot cannot work without; its absence is a bad answer. */
  requiredText(node: unknown, name: string): string {
    const value = this.optionalText(node, name);
    if (value === undefined) throw new OtBadAnswerError(this.method, `the answer has no ${name}`);
    return value;
  }

  /** A typed id: `<Id>abc</Id>` or `<Id><Value>abc</Value></Id>`. */
  id(node: unknown, name: string): string {
    const value = fieldOf(node, name);
    return isNode(value) && 'Value' in value ? textOf(value.Value) : textOf(value);
  }

  requiredId(node: unknown, name: string): string {
    const value = this.id(node, name);
    if (value === '') throw new OtBadAnswerError(this.method, `the answer has no ${name}`);
    return value;
  }

  /** A decimal amount; absent or empty reads as undefined, text that is no number is a bad answer. */
  optionalNumber(node: unknown, name: string): number | undefined {
    const value = this.optionalText(node, name);
    if (value === undefined) return undefined;
    const parsed = Number(value.replace(',', '.'));
    if (!Number.isFinite(parsed)) throw new OtBadAnswerError(this.method, `${name} "${value}" is not a number`);
    return parsed;
  }

  number(node: unknown, name: string): number {
    return this.optionalNumber(node, name) ?? 0;
  }

  /** OT flags come as true/false, and as 1/0 in the older integer fields (CanCancel and the like). */
  boolean(node: unknown, name: string): boolean {
    const value = this.text(node, name).toLowerCase();
    return value === 'true' || value === '1';
  }

  node(node: unknown, name: string): XmlNode | undefined {
    const value = fieldOf(node, name);
    return isNode(value) ? value : undefined;
  }

  /** A part the bot needs; an empty element (`<Result/>`) counts as present with no fields. */
  requiredNode(node: unknown, name: string): XmlNode {
    const value = fieldOf(node, name);
    if (isNode(value)) return value;
    if (value === '') return {};
    throw new OtBadAnswerError(this.method, `the answer has no ${name}`);
  }

  /** The items of a list wrapper, whatever its child elements are called. */
  list(node: unknown, name: string): XmlNode[] {
    return itemsOf(fieldOf(node, name));
  }
}

/** The items of a list wrapper element (`<List><Item/>…</List>`), as an array in document order per name. */
export function itemsOf(wrapper: unknown): XmlNode[] {
  if (!isNode(wrapper)) return [];
  const items: XmlNode[] = [];
  for (const [key, value] of Object.entries(wrapper)) {
    if (key.startsWith(ATTRIBUTE_PREFIX) || key === TEXT_KEY) continue;
    for (const item of Array.isArray(value) ? value : [value]) items.push(isNode(item) ? item : { [TEXT_KEY]: item });
  }
  return items;
}

/** The text of a parsed element: a plain string, or the text part of an element that has attributes. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value) && TEXT_KEY in value) return textOf(value[TEXT_KEY]);
  return '';
}

function fieldOf(node: unknown, name: string): unknown {
  if (!isNode(node)) return undefined;
  const value = node[name];
  // A repeated element where one is expected: OT never does this, but the first one is the sane reading.
  return Array.isArray(value) ? value[0] : value;
}
