// How amounts, counts and missing values read in every message, so that each surface says them the same way.

/** Shown where OT has no value yet, such as the tracking number of a line not shipped. */
export const NONE = '–';

/** `107.30 CNY`: two decimals, as OT and the payment messages show amounts. */
export function formatMoney(amount: number, currencyCode: string | undefined): string {
  return currencyCode ? `${amount.toFixed(2)} ${currencyCode}` : amount.toFixed(2);
}

/** `1 line`, `1,234 lines`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/** The value, or a dash when OT left it empty. */
export function orNone(value: string | undefined): string {
  return value === undefined || value.trim() === '' ? NONE : value;
}
