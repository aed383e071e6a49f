import type { LinkRequest, UnlinkRequest } from './types';
import { buildXml, type XmlElement } from './xml';

// Every wire shape below is marked [A] (assumed, seen in no public source) in shared/otapi-reference.md.
// They live together here so that one file changes once they are checked against a live OT instance.

/** RunOrderLinkingWithProvider xmlParameters (reference §3.7): the order, optional lines, provider orders. */
export function buildLinkingParameters(request: LinkRequest): string {
  return buildXml('Parameters', {
    OrderId: request.orderId,
    OrderLineIds: idList(request.lineIds),
    ProviderOrderIds: idList(request.providerOrderIds),
  });
}

/** RunOrderUnlinkingFromProvider xmlParameters (reference §3.7): every bound line when none is listed. */
export function buildUnlinkingParameters(request: UnlinkRequest): string {
  return buildXml('Parameters', {
    OrderId: request.orderId,
    OrderLineIds: idList(request.lineIds),
    ProviderOrderIds: idList(request.providerOrderIds),
  });
}

/**
 * PostTransaction transactionDate (reference §3.5, §9): OT Box sends `Y-m-d h-i-s`; we send the same
 * layout on a 24-hour clock, in UTC.
 */
export function formatTransactionDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19).replace(/:/g, '-')}`;
}

/** Activity type of each Run* method, by name (reference §3.7), for answers that leave Result.Type out. */
export const ACTIVITY_TYPE_OF_METHOD: Readonly<Record<string, string>> = {
  RunOrderExportingToProvider: 'ProviderOrdersIntegrationExporting',
  RunOrdersSynchronizingWithProvider: 'ProviderOrdersIntegrationSynchronizing',
  RunOrderLinkingWithProvider: 'ProviderOrdersIntegrationLinking',
  RunOrderUnlinkingFromProvider: 'ProviderOrdersIntegrationUnlinking',
};

function idList(ids: string[] | undefined): XmlElement | undefined {
  return ids && ids.length > 0 ? { Id: ids } : undefined;
}
