import type { KnownBlock } from '@slack/types';
import { type AddedOrder, DROP_REASONS } from '../../autopurchase/orders';
import type { NewOrderItem } from '../../ot/types';
import { buildMessage, type SlackMessage, sectionBlock } from './elements';
import { countOf } from './format';
import { renderWithinBudget, toMrkdwn } from './limits';
import { buildOrderCardBlocks, describeOrder } from './order-card';

// An order takes at most 100 pasted lines; the card keeps its own budget, so the dropped list gets what is left.
const MAX_DROPPED_SHOWN = 25;
const DROPPED_TEXT_BUDGET = 1500;
const MAX_ID = 60;

/**
 * The card of an order just added, and, when OT left requested lines out, a section naming each of them with the
 * four reasons OT gives (it never says which one applied) and what the operator can do about it.
 */
export function buildAddedOrderMessage(added: AddedOrder): SlackMessage {
  const { details, dropped } = added;
  const blocks = buildOrderCardBlocks(details, {}, dropped.length > 0 ? buildDroppedBlocks(dropped) : []);
  const fallback =
    dropped.length > 0
      ? `${describeOrder(details)}; OT dropped ${countOf(dropped.length, 'requested line')}`
      : describeOrder(details);
  return buildMessage(fallback, blocks);
}

function buildDroppedBlocks(dropped: NewOrderItem[]): KnownBlock[] {
  const shown = renderWithinBudget(dropped, describeItem, {
    maxItems: MAX_DROPPED_SHOWN,
    maxChars: DROPPED_TEXT_BUDGET,
  });
  const more = dropped.length - shown.length;
  const list = [...shown, ...(more > 0 ? [`and ${countOf(more, 'more dropped line')}`] : [])].join('\n');
  const reasons = DROP_REASONS.map((reason) => `• ${reason}`).join('\n');

  return [
    sectionBlock(`:warning: *OT left out ${countOf(dropped.length, 'requested line')}:*\n${list}`),
    sectionBlock(
      `OT does not say why; a line is dropped when\n${reasons}\n` +
        'If the order is no good without them, cancel it and add it again with other lines.',
    ),
  ];
}

function describeItem(item: NewOrderItem): string {
  const configuration = item.configurationId ? toMrkdwn(item.configurationId, MAX_ID) : 'none';
  return `• item ${toMrkdwn(item.itemId, MAX_ID)}, configuration ${configuration}, quantity ${item.quantity}`;
}
