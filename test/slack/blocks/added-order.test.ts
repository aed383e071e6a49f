import { DROP_REASONS } from '../../../src/autopurchase/orders';
import type { NewOrderItem } from '../../../src/ot/types';
import { buildAddedOrderMessage } from '../../../src/slack/blocks/added-order';
import { anOrderWithLines, HOSTILE_TITLE } from './factories';
import { checkMessage, findUnescapedMrkdwn, textOf } from './limits-check';

function droppedItems(count: number): NewOrderItem[] {
  return Array.from({ length: count }, (_, index) => ({
    itemId: `abb-${652270000000 + index}`,
    configurationId: index % 2 === 0 ? String(4500000000 + index) : undefined,
    quantity: index + 1,
  }));
}

describe('buildAddedOrderMessage', () => {
  it('is the order card alone when OT kept every requested line', () => {
    const message = buildAddedOrderMessage({ details: anOrderWithLines(2), dropped: [] });

    expect(textOf(message.blocks)).toContain('Order ORD-0000012345: In process');
    expect(textOf(message.blocks)).not.toContain('left out');
    expect(checkMessage(message)).toEqual([]);
  });

  it('names every dropped line with its item, configuration and quantity', () => {
    const message = buildAddedOrderMessage({ details: anOrderWithLines(2), dropped: droppedItems(3) });
    const text = textOf(message.blocks);

    expect(text).toContain('OT left out 3 requested lines');
    expect(text).toContain('item abb-652270000000, configuration 4500000000, quantity 1');
    expect(text).toContain('item abb-652270000001, configuration none, quantity 2');
    expect(text).toContain('item abb-652270000002, configuration 4500000002, quantity 3');
    expect(message.text).toContain('OT dropped 3 requested lines');
  });

  it('gives the four reasons OT names and what to do about the gaps', () => {
    const text = textOf(buildAddedOrderMessage({ details: anOrderWithLines(1), dropped: droppedItems(1) }).blocks);

    expect(DROP_REASONS).toHaveLength(4);
    for (const reason of DROP_REASONS) expect(text).toContain(reason);
    expect(text).toContain('cancel it and add it again with other lines');
  });

  it('caps a long dropped list with "and N more dropped lines", within the limits beside a long card', () => {
    const details = anOrderWithLines(120, { title: `${HOSTILE_TITLE} ${'长标题'.repeat(60)}` });

    const message = buildAddedOrderMessage({ details, dropped: droppedItems(100) });

    expect(checkMessage(message)).toEqual([]);
    expect(textOf(message.blocks)).toMatch(/and \d+ more dropped lines/);
  });

  it('escapes item ids it repeats back', () => {
    const dropped = [{ itemId: '<!channel>&', quantity: 1 }];

    const message = buildAddedOrderMessage({ details: anOrderWithLines(1), dropped });

    expect(findUnescapedMrkdwn(message.blocks)).toEqual([]);
  });
});
