import type { Button, KnownBlock } from '@slack/types';
import type { Order, OrderDetails, OrderLine } from '../../ot/types';
import { ACTION_IDS } from '../ids';
import {
  actionsBlock,
  buildMessage,
  buttonElement,
  contextBlock,
  dividerBlock,
  headerBlock,
  type SlackMessage,
  sectionBlock,
} from './elements';
import { countOf, formatMoney, orNone } from './format';
import { cutMrkdwn, escapeKeepingMentions, packTexts, renderWithinBudget, toMrkdwn } from './limits';

/** The most lines one page of the card shows: a screenful an operator can scan. */
export const ORDER_LINES_PER_PAGE = 20;
// Characters the lines of one page may take. With the summary, a note and the dropped lines of an added order the
// card stays under MESSAGE_TEXT_BUDGET, so a page of long Chinese titles simply holds fewer lines.
const LINES_TEXT_BUDGET = 5000;
const LINE_SEPARATOR = '\n\n';
const MAX_TITLE = 200;
const MAX_CONFIGURATION = 150;
const MAX_FIELD = 100;
const MAX_WARNING = 200;
const MAX_COMMENT = 500;
const MAX_NOTE = 300;
const MORE_LINES_VALUE = /^(.+)\|(\d{1,9})$/;

export interface OrderCardOptions {
  /** A remark under the summary, such as who just paid; it may mention people (`<@U…>`), all else is escaped. */
  note?: string;
  /** Index, from 0, of the first line to show; the Next lines button carries the one after the page. */
  firstLine?: number;
}

/**
 * The order card: status, customer, amounts, one page of lines with their provider order and tracking number, and
 * the buttons that fit the order's state (Pay while something is left to pay, Cancel while OT allows it, Refresh,
 * Next lines while lines remain).
 */
export function buildOrderCard(details: OrderDetails, options: OrderCardOptions = {}): SlackMessage {
  return buildMessage(describeOrder(details), buildOrderCardBlocks(details, options));
}

/** The card's blocks, with `inserted` blocks under the summary, where the added-order message names dropped lines. */
export function buildOrderCardBlocks(
  details: OrderDetails,
  options: OrderCardOptions = {},
  inserted: KnownBlock[] = [],
): KnownBlock[] {
  const { order, lines } = details;
  const firstLine = clampFirstLine(options.firstLine, lines.length);
  const page = renderWithinBudget(lines.slice(firstLine), (line, index) => renderLine(line, firstLine + index + 1), {
    maxItems: ORDER_LINES_PER_PAGE,
    maxChars: LINES_TEXT_BUDGET,
    separatorLength: LINE_SEPARATOR.length,
  });
  const nextLine = firstLine + page.length;
  const remaining = lines.length - nextLine;

  return [
    headerBlock(`Order ${order.displayId ?? order.id}: ${order.statusName}`),
    sectionBlock(summarise(order)),
    ...(options.note ? [sectionBlock(cutMrkdwn(escapeKeepingMentions(options.note), MAX_NOTE))] : []),
    ...inserted,
    dividerBlock(),
    contextBlock(describePage(firstLine, page.length, lines.length)),
    ...packTexts(page, LINE_SEPARATOR).map((text) => sectionBlock(text)),
    ...(remaining > 0 ? [contextBlock(`and ${countOf(remaining, 'more line')}: Next lines shows them`)] : []),
    actionsBlock(buildOrderButtons(order, remaining > 0 ? nextLine : undefined)),
  ];
}

/** The Next lines button's value: the order and the index of the first line of the next page. */
export function formatMoreLinesValue(orderId: string, firstLine: number): string {
  return `${orderId}|${firstLine}`;
}

/** Reads a Next lines value back; undefined when it is not one. */
export function parseMoreLinesValue(value: string): { orderId: string; firstLine: number } | undefined {
  const match = MORE_LINES_VALUE.exec(value);
  return match ? { orderId: match[1], firstLine: Number(match[2]) } : undefined;
}

/** One-line account of the order for the notification. */
export function describeOrder({ order, lines }: OrderDetails): string {
  const left = order.isCancelled ? 'cancelled' : `${formatMoney(order.remainAmount, order.currencyCode)} left to pay`;
  return `Order ${order.displayId ?? order.id}, ${order.statusName}: ${countOf(lines.length, 'line')}, ${left}`;
}

function buildOrderButtons(order: Order, nextLine: number | undefined): Button[] {
  const buttons: Button[] = [];
  if (order.remainAmount > 0 && !order.isCancelled) {
    buttons.push(buttonElement({ text: 'Pay', actionId: ACTION_IDS.payOrder, value: order.id, style: 'primary' }));
  }
  if (order.canCancel) {
    buttons.push(buttonElement({ text: 'Cancel', actionId: ACTION_IDS.cancelOrder, value: order.id, style: 'danger' }));
  }
  buttons.push(buttonElement({ text: 'Refresh', actionId: ACTION_IDS.refreshOrder, value: order.id }));
  if (nextLine !== undefined) {
    const value = formatMoreLinesValue(order.id, nextLine);
    buttons.push(buttonElement({ text: 'Next lines', actionId: ACTION_IDS.moreLines, value }));
  }
  return buttons;
}

function summarise(order: Order): string {
  const money = (amount: number) => toMrkdwn(formatMoney(amount, order.currencyCode), MAX_FIELD);
  const rows = [
    `*Customer:* ${toMrkdwn(order.customerId, MAX_FIELD)} · ${toMrkdwn(orNone(order.customerName), MAX_FIELD)}`,
    `*Goods:* ${money(order.goodsAmount)}   *Total:* ${money(order.totalAmount)}   ` +
      `*Left to pay:* ${money(order.remainAmount)}`,
    `*State:* ${stateOf(order)}`,
  ];
  if (order.comment) rows.push(`*Comment:* ${toMrkdwn(order.comment, MAX_COMMENT)}`);
  return rows.join('\n');
}

function stateOf(order: Order): string {
  if (order.isCancelled) return 'cancelled';
  if (order.isPaid || order.remainAmount <= 0) return 'paid';
  return order.remainAmount < order.totalAmount ? 'partly paid' : 'not paid';
}

function renderLine(line: OrderLine, position: number): string {
  const rows = [
    `*${line.lineNumber ?? position}.* ${toMrkdwn(orNone(line.title), MAX_TITLE)}  ` +
      `(line ${toMrkdwn(line.id, MAX_FIELD)})`,
    [
      toMrkdwn(orNone(line.configurationText), MAX_CONFIGURATION),
      `quantity ${line.quantity}`,
      toMrkdwn(orNone(line.statusName), MAX_FIELD),
    ].join(' · '),
    [
      `Provider order ${toMrkdwn(orNone(line.providerOrderId), MAX_FIELD)}`,
      `tracking ${toMrkdwn(orNone(line.trackingNumber), MAX_FIELD)}`,
      `account ${toMrkdwn(orNone(line.providerAccount), MAX_FIELD)}`,
      `provider status ${toMrkdwn(orNone(line.providerStatus), MAX_FIELD)}`,
    ].join(' · '),
  ];
  const warning = line.priceWarning;
  if (warning && warning.level !== 'Ok') {
    rows.push(`:warning: Price ${toMrkdwn(warning.level, MAX_FIELD)}: ${toMrkdwn(warning.message, MAX_WARNING)}`);
  }
  return rows.join('\n');
}

function describePage(firstLine: number, shown: number, total: number): string {
  if (total === 0) return 'This order has no lines.';
  if (shown === 0) return `The order has only ${countOf(total, 'line')}.`;
  return `Lines ${firstLine + 1}–${firstLine + shown} of ${total}`;
}

function clampFirstLine(firstLine: number | undefined, total: number): number {
  if (firstLine === undefined || !Number.isInteger(firstLine) || firstLine < 0) return 0;
  return Math.min(firstLine, total);
}
