/** OT order ids are `ORD-` and a 10-digit, zero-padded number: `ORD-0000012345`. */
export const ORDER_ID_DIGITS = 10;

/** The forms an operator may type, for messages that explain a refusal. */
export const ORDER_ID_FORMS = 'ORD-0000012345, 0000012345 or 12345';

// Linear: one optional prefix and one bounded run of ASCII digits, nothing that can backtrack.
const ORDER_ID_PATTERN = /^(?:ORD-)?(\d{1,10})$/i;

/**
 * OT's form of an order id typed as `ORD-0000012345`, `ord-12345`, `0000012345` or `12345` (surrounding
 * whitespace ignored), or undefined when the text is no order id. Zero (`0`, `ORD-0000000000`) is refused:
 * OT numbers orders from 1, so zero is always a typo or a placeholder, and saying so beats OT's "not found".
 */
export function normaliseOrderId(text: string): string | undefined {
  const match = ORDER_ID_PATTERN.exec(text.trim());
  if (!match || /^0+$/.test(match[1])) return undefined;

  return `ORD-${match[1].padStart(ORDER_ID_DIGITS, '0')}`;
}
