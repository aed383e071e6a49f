import type { KnownBlock } from '@slack/types';
import type { LineSearchResult } from '../../autopurchase/search';
import type { OrderLine } from '../../ot/types';
import { ACTION_IDS } from '../ids';
import { buildMessage, buttonElement, contextBlock, type SlackMessage, sectionBlock } from './elements';
import { countOf, orNone } from './format';
import { MAX_SECTION_TEXT, renderWithinBudget, toMrkdwn } from './limits';

// One section per order, its Open order button beside it: each button sits alone in its block, so every one keeps
// the plain ACTION_IDS.openOrder the listener registers, and no actions block has to hold more than 25 of them.
const MAX_ORDER_SECTIONS = 40;
const LINES_TEXT_BUDGET = 7000;
// Room in an order's section for its heading and its own "and N more lines of this order".
const SECTION_RESERVE = 120;
const MAX_TERMS = 500;
const MAX_TITLE = 80;
const MAX_FIELD = 60;

interface OrderGroup {
  orderId: string;
  lines: OrderLine[];
}

/**
 * Every line found, under its order, with an Open order button per order. What does not fit is counted ("and N
 * more lines"), and when OT counts more lines than the search fetched the message says so.
 */
export function buildSearchResults(result: LineSearchResult): SlackMessage {
  const terms = toMrkdwn(result.terms.join(', '), MAX_TERMS);
  if (result.lines.length === 0) {
    const none = `No order line has provider order id or tracking number ${terms}.`;
    return buildMessage(none, [sectionBlock(none)]);
  }

  const groups = groupByOrder(result.lines);
  const { blocks, shownLines } = buildOrderSections(groups);
  const found = `${countOf(result.lines.length, 'order line')} in ${countOf(groups.length, 'order')}`;
  const notShown = Math.max(result.totalCount, result.lines.length) - shownLines;
  return buildMessage(`Search for ${terms}: ${found}`, [
    sectionBlock(`*${found}* for ${terms}`),
    ...blocks,
    ...(notShown > 0 ? [contextBlock(describeRest(notShown, result))] : []),
  ]);
}

function buildOrderSections(groups: OrderGroup[]): { blocks: KnownBlock[]; shownLines: number } {
  const blocks: KnownBlock[] = [];
  let shownLines = 0;
  let used = 0;
  for (const group of groups) {
    const room = Math.min(MAX_SECTION_TEXT - SECTION_RESERVE, LINES_TEXT_BUDGET - used);
    if (blocks.length >= MAX_ORDER_SECTIONS) break;
    const texts = renderWithinBudget(group.lines, renderLine, { maxItems: group.lines.length, maxChars: room });
    if (texts.length === 0) break;

    const more = group.lines.length - texts.length;
    const tail = more > 0 ? [`and ${countOf(more, 'more line')} of this order`] : [];
    const text = [`*${toMrkdwn(group.orderId, MAX_FIELD)}*`, ...texts, ...tail].join('\n');
    const open = buttonElement({ text: 'Open order', actionId: ACTION_IDS.openOrder, value: group.orderId });
    blocks.push(sectionBlock(text, open));
    shownLines += texts.length;
    used += text.length;
  }
  return { blocks, shownLines };
}

function groupByOrder(lines: OrderLine[]): OrderGroup[] {
  const groups = new Map<string, OrderLine[]>();
  for (const line of lines) {
    const group = groups.get(line.orderId);
    if (group) group.push(line);
    else groups.set(line.orderId, [line]);
  }
  return [...groups].map(([orderId, orderLines]) => ({ orderId, lines: orderLines }));
}

function renderLine(line: OrderLine): string {
  return [
    `• line ${toMrkdwn(line.id, MAX_FIELD)}`,
    toMrkdwn(orNone(line.title), MAX_TITLE),
    `quantity ${line.quantity}`,
    toMrkdwn(orNone(line.statusName), MAX_FIELD),
    `provider order ${toMrkdwn(orNone(line.providerOrderId), MAX_FIELD)}`,
    `tracking ${toMrkdwn(orNone(line.trackingNumber), MAX_FIELD)}`,
  ].join(' · ');
}

function describeRest(notShown: number, result: LineSearchResult): string {
  const rest = `and ${countOf(notShown, 'more line')}: open an order to see all its lines`;
  if (result.totalCount <= result.lines.length) return rest;
  return `${rest}. OT counts ${countOf(result.totalCount, 'line')} in all; narrow the search.`;
}
