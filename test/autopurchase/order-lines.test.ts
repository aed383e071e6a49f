import fc from 'fast-check';

import { MAX_ORDER_LINES, parseOrderLine, parseOrderLines } from '../../src/autopurchase/order-lines';

describe('parseOrderLines', () => {
  it.each([
    ['652271234567 2', { itemId: '652271234567', quantity: 2 }],
    ['652271234567 4409256473146 2', { itemId: '652271234567', configurationId: '4409256473146', quantity: 2 }],
    ['652271234567 0 1', { itemId: '652271234567', configurationId: '0', quantity: 1 }],
    [
      '652271234567 4409256473146 2 weight:0.75 promo:P-88 gift wrap, please',
      {
        itemId: '652271234567',
        configurationId: '4409256473146',
        quantity: 2,
        weight: 0.75,
        promotionId: 'P-88',
        comment: 'gift wrap, please',
      },
    ],
    ['abb-610947572360 3 颜色要黑色', { itemId: 'abb-610947572360', quantity: 3, comment: '颜色要黑色' }],
  ])('reads "%s"', (row, expected) => {
    expect(parseOrderLine(row)).toEqual(expected);
  });

  it.each([
    ['652271234567', 'the quantity is missing after item 652271234567'],
    ['652271234567 two', 'the quantity is missing after item 652271234567'],
    ['652271234567 0', 'the quantity 0 is not a whole number from 1 to 9999'],
    ['652271234567 10000', 'the quantity 10000 is not a whole number from 1 to 9999'],
    ['<b>bold</b> 1', '"<b>bold</b>" is not an item id (letters, digits and -, such as 652271234567)'],
    ['652271234567 1 weight:heavy', '"weight:heavy" is not weight:<kg> or promo:<id>'],
  ])('refuses "%s": %s', (row, problem) => {
    expect(parseOrderLine(row)).toBe(problem);
  });

  it('skips blank lines and # comments, and numbers problems by the line the person sees', () => {
    const parsed = parseOrderLines('# from SO-1001\n652271234567 2\n\n652271234568 x\r\n652271234569 1');

    expect(parsed.items.map((item) => item.itemId)).toEqual(['652271234567', '652271234569']);
    expect(parsed.problems).toEqual(['Line 4: the quantity is missing after item 652271234568']);
  });

  it('asks for at least one line, and takes at most the cap', () => {
    expect(parseOrderLines(' \n# nothing\n').problems).toEqual([
      'Paste at least one line: itemId [configurationId] quantity',
    ]);
    const many = Array.from({ length: MAX_ORDER_LINES + 1 }, () => '652271234567 1').join('\n');
    expect(parseOrderLines(many).problems).toEqual([`An order takes at most 100 lines, not 101`]);
  });

  it('never throws, and every item it returns has an id and a quantity in range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const { items, problems } = parseOrderLines(text);
        expect(items.length + problems.length).toBeGreaterThan(0);
        for (const item of items) {
          expect(item.itemId).toMatch(/^[A-Za-z0-9-]+$/);
          expect(item.quantity).toBeGreaterThanOrEqual(1);
          expect(item.quantity).toBeLessThanOrEqual(9_999);
        }
      }),
    );
  });
});
