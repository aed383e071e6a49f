import fc from 'fast-check';

import { normaliseOrderId } from '../../src/autopurchase/order-id';

describe('normaliseOrderId', () => {
  it.each([
    ['ORD-0000012345', 'ORD-0000012345'],
    ['ord-12345', 'ORD-0000012345'],
    ['Ord-0000012345', 'ORD-0000012345'],
    ['0000012345', 'ORD-0000012345'],
    ['12345', 'ORD-0000012345'],
    ['1', 'ORD-0000000001'],
    ['9999999999', 'ORD-9999999999'],
    ['  12345\t', 'ORD-0000012345'],
    ['\u00a0ORD-0000012345\u3000', 'ORD-0000012345'],
  ])('reads %j as %s', (text, expected) => {
    expect(normaliseOrderId(text)).toBe(expected);
  });

  it.each([
    ['an empty text', ''],
    ['the prefix alone', 'ORD-'],
    ['eleven digits', '12345678901'],
    ['a padded id with eleven digits', 'ORD-00000123456'],
    ['letters among the digits', 'ORD-12x'],
    ['a letter suffix', '12345a'],
    ['another prefix', 'ABC-12345'],
    ['the prefix without its dash', 'ORD12345'],
    ['a space inside', 'ORD- 12345'],
    ['a sign', '-12345'],
    ['a decimal', '123.45'],
    ['zero', '0'],
    ['all zeros', 'ORD-0000000000'],
    ['full-width digits, which the command parser converts first', '１２３４５'],
    ['Arabic-Indic digits', '١٢٣'],
  ])('refuses %s', (_case, text) => {
    expect(normaliseOrderId(text)).toBeUndefined();
  });

  it('is idempotent: a normalised id reads back as itself', () => {
    const typedIds = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 16 }),
      fc.stringMatching(/^\s*(ORD-|ord-)?\d{1,12}\s*$/),
    );

    fc.assert(
      fc.property(typedIds, (text) => {
        const normalised = normaliseOrderId(text);
        if (normalised === undefined) return;
        expect(normalised).toMatch(/^ORD-\d{10}$/);
        expect(normaliseOrderId(normalised)).toBe(normalised);
      }),
    );
  });

  it('gives every typed form of the same number the same id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (number) => {
        const padded = String(number).padStart(10, '0');
        const forms = [`ORD-${padded}`, `ord-${number}`, padded, String(number)];
        expect(new Set(forms.map(normaliseOrderId))).toEqual(new Set([`ORD-${padded}`]));
      }),
    );
  });
});
