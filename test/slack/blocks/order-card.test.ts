import { buildOrderCard, parseMoreLinesValue } from '../../../src/slack/blocks/order-card';
import { ACTION_IDS } from '../../../src/slack/ids';
import { anOrder, anOrderLine, anOrderWithLines, HOSTILE_TITLE } from './factories';
import { actionElementsOf, checkMessage, findUnescapedMrkdwn, textOf } from './limits-check';

function buttonIdsOf(card: { blocks: unknown[] }): string[] {
  return actionElementsOf(card.blocks).map((element) => String(element.action_id));
}

describe('buildOrderCard', () => {
  it('shows the order id, status, customer, amounts with currency, state and comment', () => {
    const card = buildOrderCard({ order: anOrder(), lines: [anOrderLine()] });
    const text = textOf(card.blocks);

    expect(text).toContain('Order ORD-0000012345: In process');
    expect(text).toContain('7001 · Ivan Petrov');
    expect(text).toContain('*Goods:* 100.00 CNY');
    expect(text).toContain('*Total:* 107.30 CNY');
    expect(text).toContain('*Left to pay:* 107.30 CNY');
    expect(text).toContain('*State:* not paid');
    expect(text).toContain('Gift wrap, please');
    expect(checkMessage(card)).toEqual([]);
  });

  it('shows every field of a line an operator needs', () => {
    const line = anOrderLine({ priceWarning: { level: 'BigOverpayment', message: 'price rose by 30%' } });

    const text = textOf(buildOrderCard({ order: anOrder(), lines: [line] }).blocks);

    for (const expected of [
      'Black summer dress',
      '颜色:黑色;尺码:M',
      'quantity 2',
      'Purchased',
      'Provider order 1234567890123456789',
      'tracking SF1234567890123',
      'account tb-account-1',
      'provider status WAIT_BUYER_CONFIRM_GOODS',
      'Price BigOverpayment: price rose by 30%',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('shows a dash for a line with no provider order or tracking number yet, and no warning for an Ok price', () => {
    const line = anOrderLine({ providerOrderId: undefined, trackingNumber: '', priceWarning: undefined });

    const text = textOf(buildOrderCard({ order: anOrder(), lines: [line] }).blocks);

    expect(text).toContain('Provider order – · tracking –');
    expect(text).not.toContain(':warning:');
  });

  it('offers Pay, Cancel and Refresh on an unpaid order OT lets cancel, each with the order id', () => {
    const card = buildOrderCard({ order: anOrder(), lines: [anOrderLine()] });
    const buttons = actionElementsOf(card.blocks);

    expect(buttonIdsOf(card)).toEqual([ACTION_IDS.payOrder, ACTION_IDS.cancelOrder, ACTION_IDS.refreshOrder]);
    expect(buttons.map((button) => button.value)).toEqual(['ORD-0000012345', 'ORD-0000012345', 'ORD-0000012345']);
    expect(buttons[0].style).toBe('primary');
    expect(buttons[1].style).toBe('danger');
  });

  it('offers no Pay button on a paid order', () => {
    const order = anOrder({ isPaid: true, remainAmount: 0 });

    const card = buildOrderCard({ order, lines: [anOrderLine()] });

    expect(buttonIdsOf(card)).toEqual([ACTION_IDS.cancelOrder, ACTION_IDS.refreshOrder]);
    expect(textOf(card.blocks)).toContain('*State:* paid');
  });

  it('offers only Refresh on a cancelled order', () => {
    const order = anOrder({ isCancelled: true, canCancel: false });

    const card = buildOrderCard({ order, lines: [anOrderLine()] });

    expect(buttonIdsOf(card)).toEqual([ACTION_IDS.refreshOrder]);
    expect(textOf(card.blocks)).toContain('*State:* cancelled');
  });

  it('offers no Cancel button when OT does not allow cancelling', () => {
    const card = buildOrderCard({ order: anOrder({ canCancel: false }), lines: [anOrderLine()] });

    expect(buttonIdsOf(card)).toEqual([ACTION_IDS.payOrder, ACTION_IDS.refreshOrder]);
  });

  it('says so when the order has no lines', () => {
    const card = buildOrderCard({ order: anOrder(), lines: [] });

    expect(textOf(card.blocks)).toContain('This order has no lines.');
    expect(checkMessage(card)).toEqual([]);
  });

  it('shows a note under the summary with its mention kept and the rest escaped', () => {
    const card = buildOrderCard({ order: anOrder(), lines: [] }, { note: '<@U0123ABCD> paid 107.30 CNY <b>' });

    expect(textOf(card.blocks)).toContain('<@U0123ABCD> paid 107.30 CNY &lt;b&gt;');
    expect(findUnescapedMrkdwn(card.blocks)).toEqual([]);
  });

  it('escapes Chinese titles, configurations, names and comments that hold <, & and >', () => {
    const order = anOrder({ customerName: '王<伟>', comment: 'A & B <!here>' });
    const line = anOrderLine({ title: HOSTILE_TITLE, configurationText: '颜色:<黑>&白' });

    const card = buildOrderCard({ order, lines: [line] });
    const text = textOf(card.blocks);

    expect(findUnescapedMrkdwn(card.blocks)).toEqual([]);
    expect(text).toContain('连衣裙 &lt;script&gt;&amp;amp "特价"');
    expect(text).toContain('颜色:&lt;黑&gt;&amp;白');
    expect(text).toContain('王&lt;伟&gt;');
    expect(card.text).not.toMatch(/[<>]/);
  });

  it.each([120, 2000])(
    'keeps an order of %i lines within the limits and says how many more lines there are',
    (count) => {
      const details = anOrderWithLines(count, { title: `${HOSTILE_TITLE} ${'长标题'.repeat(60)}` });

      const card = buildOrderCard(details);
      const text = textOf(card.blocks);
      const shown = Number(/Lines 1–(\d+) of/.exec(text)?.[1]);

      expect(checkMessage(card)).toEqual([]);
      expect(shown).toBeGreaterThan(0);
      expect(text).toContain(`and ${(count - shown).toLocaleString('en-US')} more lines`);
      expect(buttonIdsOf(card)).toContain(ACTION_IDS.moreLines);
    },
  );

  it('pages through all 2,000 lines with Next lines, each page within the limits', () => {
    const details = anOrderWithLines(2000);
    const seen: string[] = [];
    let firstLine: number | undefined = 0;

    while (firstLine !== undefined) {
      const card = buildOrderCard(details, { firstLine });
      expect(checkMessage(card)).toEqual([]);
      seen.push(...(textOf(card.blocks).match(/\(line \d+\)/g) ?? []));
      const next = actionElementsOf(card.blocks).find((element) => element.action_id === ACTION_IDS.moreLines);
      firstLine = next ? parseMoreLinesValue(String(next.value))?.firstLine : undefined;
    }

    expect(seen).toHaveLength(2000);
    expect(new Set(seen).size).toBe(2000);
  });

  it('puts the order id and the next first line in the Next lines value', () => {
    const card = buildOrderCard(anOrderWithLines(120), { firstLine: 20 });
    const next = actionElementsOf(card.blocks).find((element) => element.action_id === ACTION_IDS.moreLines);

    expect(textOf(card.blocks)).toContain('Lines 21–40 of 120');
    expect(parseMoreLinesValue(String(next?.value))).toEqual({ orderId: 'ORD-0000012345', firstLine: 40 });
  });

  it('shows no Next lines button on the last page', () => {
    const card = buildOrderCard(anOrderWithLines(25), { firstLine: 20 });

    expect(textOf(card.blocks)).toContain('Lines 21–25 of 25');
    expect(buttonIdsOf(card)).not.toContain(ACTION_IDS.moreLines);
    expect(textOf(card.blocks)).not.toContain('more line');
  });

  it('says the order has fewer lines when asked for a page past its end', () => {
    const card = buildOrderCard(anOrderWithLines(5), { firstLine: 40 });

    expect(textOf(card.blocks)).toContain('The order has only 5 lines.');
    expect(checkMessage(card)).toEqual([]);
  });

  it('reads back no Next lines value from text that is not one', () => {
    expect(parseMoreLinesValue('ORD-0000012345')).toBeUndefined();
    expect(parseMoreLinesValue('ORD-0000012345|x')).toBeUndefined();
  });

  it('gives a plain fallback text with the order, its lines and what is left to pay', () => {
    const card = buildOrderCard(anOrderWithLines(3));

    expect(card.text).toBe('Order ORD-0000012345, In process: 3 lines, 107.30 CNY left to pay');
  });
});
