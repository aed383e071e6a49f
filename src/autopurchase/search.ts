import type { OtClient } from '../ot/client';
import type { OrderLine } from '../ot/types';

/** The most lines one search shows; past it the result says how many more there are. */
export const MAX_SEARCH_LINES = 500;

export interface LineSearchResult {
  terms: string[];
  lines: OrderLine[];
  /** Lines OT counts in all, which may be more than `lines` holds. */
  totalCount: number;
}

/**
 * Each term may be a provider order id or a tracking number: search both ways and merge, since OT's
 * answer to both lists in one request is not documented.
 */
export async function searchLines(
  ot: OtClient,
  terms: string[],
  maxLines = MAX_SEARCH_LINES,
): Promise<LineSearchResult> {
  const [byOrder, byTracking] = await Promise.all([
    ot.searchAllOrderLines({ providerOrderIds: terms }, maxLines),
    ot.searchAllOrderLines({ trackingNumbers: terms }, maxLines),
  ]);
  const seen = new Set<string>();
  const lines = [...byOrder.lines, ...byTracking.lines].filter((line) => {
    if (seen.has(line.id)) return false;
    seen.add(line.id);
    return true;
  });
  const overlap = byOrder.lines.length + byTracking.lines.length - lines.length;
  return { terms, lines: lines.slice(0, maxLines), totalCount: byOrder.totalCount + byTracking.totalCount - overlap };
}
