import { MAX_SEARCH_LINES } from '../../../src/autopurchase/search';
import { buildSearchResults } from '../../../src/slack/blocks/search-results';
import { ACTION_IDS } from '../../../src/slack/ids';
import { anOrderLine, HOSTILE_TITLE } from './factories';
import { actionElementsOf, checkMessage, findUnescapedMrkdwn, textOf } from './limits-check';

function hits(count: number, orders: number) {
  return Array.from({ length: count }, (_, index) =>
    anOrderLine({
      id: String(5000 + index),
      orderId: `ORD-${String(1 + (index % orders)).padStart(10, '0')}`,
      title: `${HOSTILE_TITLE} ${index}`,
      providerOrderId: `98765432101234${String(index).padStart(5, '0')}`,
      trackingNumber: `YT${index}`,
    }),
  );
}

describe('buildSearchResults', () => {
  it('says plainly that nothing matched, naming the terms', () => {
    const message = buildSearchResults({ terms: ['1234567890123456', 'SF123'], lines: [], totalCount: 0 });

    expect(textOf(message.blocks)).toBe(
      'No order line has provider order id or tracking number 1234567890123456, SF123.',
    );
    expect(checkMessage(message)).toEqual([]);
  });

  it('shows one hit with its order id, line id, title, quantity, status, provider order and tracking number', () => {
    const message = buildSearchResults({ terms: ['SF1234567890123'], lines: [anOrderLine()], totalCount: 1 });
    const text = textOf(message.blocks);

    expect(text).toContain('*1 order line in 1 order* for SF1234567890123');
    for (const expected of [
      'ORD-0000012345',
      'line 101',
      'Black summer dress',
      'quantity 2',
      'Purchased',
      'provider order 1234567890123456789',
      'tracking SF1234567890123',
    ]) {
      expect(text).toContain(expected);
    }
    expect(checkMessage(message)).toEqual([]);
  });

  it('gives each distinct order one Open order button with the order id', () => {
    const lines = [
      anOrderLine({ id: '1', orderId: 'ORD-0000000001' }),
      anOrderLine({ id: '2', orderId: 'ORD-0000000002' }),
      anOrderLine({ id: '3', orderId: 'ORD-0000000001' }),
    ];

    const message = buildSearchResults({ terms: ['X'], lines, totalCount: 3 });
    const buttons = actionElementsOf(message.blocks);

    expect(buttons.map((button) => button.action_id)).toEqual([ACTION_IDS.openOrder, ACTION_IDS.openOrder]);
    expect(buttons.map((button) => button.value)).toEqual(['ORD-0000000001', 'ORD-0000000002']);
  });

  it('keeps 500 hits across 300 orders within the limits and counts the lines it leaves out', () => {
    const lines = hits(MAX_SEARCH_LINES, 300);

    const message = buildSearchResults({ terms: ['A', 'B'], lines, totalCount: lines.length });
    const text = textOf(message.blocks);
    const shown = (text.match(/• line /g) ?? []).length;

    expect(checkMessage(message)).toEqual([]);
    expect(findUnescapedMrkdwn(message.blocks)).toEqual([]);
    expect(text).toContain('*500 order lines in 300 orders* for A, B');
    expect(text).toContain(`and ${MAX_SEARCH_LINES - shown} more lines`);
    expect(text).not.toContain('OT counts');
  });

  it('tells the operator to narrow the search when OT counts more lines than were fetched', () => {
    const lines = hits(MAX_SEARCH_LINES, 300);

    const message = buildSearchResults({ terms: ['A'], lines, totalCount: 1234 });

    expect(textOf(message.blocks)).toContain('OT counts 1,234 lines in all; narrow the search.');
    expect(checkMessage(message)).toEqual([]);
  });

  it('cuts one order with hundreds of hits inside its own section', () => {
    const lines = hits(400, 1);

    const message = buildSearchResults({ terms: ['A'], lines, totalCount: 400 });

    expect(checkMessage(message)).toEqual([]);
    expect(textOf(message.blocks)).toMatch(/and \d+ more lines of this order/);
  });

  it('escapes the terms it repeats back', () => {
    const message = buildSearchResults({ terms: ['<!channel>', 'A&B'], lines: [], totalCount: 0 });

    expect(findUnescapedMrkdwn(message.blocks)).toEqual([]);
    expect(message.text).not.toMatch(/[<>]/);
  });
});
