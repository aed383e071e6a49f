import type { NewOrderItem } from '../ot/types';

// Lines of a new order as operators paste them into the modal, one per line:
//   itemId [configurationId] quantity [weight:<kg>] [promo:<id>] [comment ...]
// Two numbers after the item id are a configuration id and a quantity; one number is a quantity.

export const MAX_ORDER_LINES = 100;
const ITEM_ID = /^[A-Za-z0-9-]{1,40}$/;
const DIGITS = /^\d{1,20}$/;
const WEIGHT = /^weight:(\d{1,4}(?:\.\d{1,3})?)$/i;
const PROMOTION = /^promo:([A-Za-z0-9-]{1,40})$/i;
const MAX_QUANTITY = 9_999;
const MAX_COMMENT = 500;

export interface ParsedOrderLines {
  items: NewOrderItem[];
  /** One problem per bad line, naming its line number; empty when every line is good. */
  problems: string[];
}

export function parseOrderLines(text: string): ParsedOrderLines {
  const rows = text
    .split(/\r?\n/)
    .map((row, index) => ({ number: index + 1, row: row.trim() }))
    .filter(({ row }) => row !== '' && !row.startsWith('#'));
  if (rows.length === 0) return { items: [], problems: ['Paste at least one line: itemId [configurationId] quantity'] };
  if (rows.length > MAX_ORDER_LINES) {
    return { items: [], problems: [`An order takes at most ${MAX_ORDER_LINES} lines, not ${rows.length}`] };
  }

  const items: NewOrderItem[] = [];
  const problems: string[] = [];
  for (const { number, row } of rows) {
    const parsed = parseOrderLine(row);
    if (typeof parsed === 'string') problems.push(`Line ${number}: ${parsed}`);
    else items.push(parsed);
  }
  return { items, problems };
}

/** One pasted line: the item, or what is wrong with it. */
export function parseOrderLine(row: string): NewOrderItem | string {
  const tokens = row.split(/\s+/);
  const itemId = tokens.shift() as string;
  if (!ITEM_ID.test(itemId)) return `"${cut(itemId)}" is not an item id (letters, digits and -, such as 652271234567)`;

  const numbers: string[] = [];
  while (numbers.length < 2 && tokens.length > 0 && DIGITS.test(tokens[0])) numbers.push(tokens.shift() as string);
  if (numbers.length === 0) return `the quantity is missing after item ${itemId}`;
  const quantityText = numbers[numbers.length - 1];
  const quantity = Number(quantityText);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    return `the quantity ${cut(quantityText)} is not a whole number from 1 to ${MAX_QUANTITY}`;
  }

  const item: NewOrderItem = { itemId, quantity };
  if (numbers.length === 2) item.configurationId = numbers[0];
  const comment: string[] = [];
  for (const token of tokens) {
    const weight = WEIGHT.exec(token);
    const promotion = PROMOTION.exec(token);
    if (weight && Number(weight[1]) > 0) item.weight = Number(weight[1]);
    else if (promotion) item.promotionId = promotion[1];
    else if (/^(weight|promo):/i.test(token)) return `"${cut(token)}" is not weight:<kg> or promo:<id>`;
    else comment.push(token);
  }
  if (comment.length > 0) item.comment = comment.join(' ').slice(0, MAX_COMMENT);
  return item;
}

function cut(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
