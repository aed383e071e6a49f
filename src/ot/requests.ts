import type { ExportRequest, NamedParameter, NewOrder, OrderLineSearch, SyncRequest } from './types';
import { ATTRIBUTE_PREFIX, buildXml, TEXT_KEY } from './xml';

// XML parameters whose shapes the reference confirms (see assumed.ts for the ones it does not).

/** AddOrder xmlAddData (reference §3.3). */
export function buildOrderAddData(order: NewOrder): string {
  return buildXml('OrderAddData', {
    DeliveryModeId: order.deliveryModeId,
    UserProfileId: order.userProfileId,
    Comment: order.comment,
    Items: {
      Item: order.items.map((item) => ({
        Id: item.itemId,
        // OT's own guide: send 0 for an item that has no configurations.
        ConfigurationId: item.configurationId ?? '0',
        Quantity: item.quantity,
        Weight: item.weight,
        Comment: item.comment,
        PromotionId: item.promotionId,
      })),
    },
  });
}

/** SearchOrderLines xmlSearchParameters (reference §3.4): by provider order ids and/or tracking numbers. */
export function buildOrderLineSearchParameters(search: OrderLineSearch): string {
  return buildXml('OrderLineSearchParameters', {
    VendorPurchaseIdList: nonEmpty(search.providerOrderIds) ? { Id: search.providerOrderIds } : undefined,
    VendorPurchaseWaybillIdList: nonEmpty(search.trackingNumbers) ? { Id: search.trackingNumbers } : undefined,
  });
}

/** RunOrderExportingToProvider xmlParameters (reference §3.7): the whole order unless lines are listed. */
export function buildExportParameters(request: ExportRequest): string {
  return buildXml('Parameters', {
    OrderId: request.orderId,
    OrderLineIds: nonEmpty(request.lineIds) ? { Id: request.lineIds } : undefined,
  });
}

/** RunOrdersSynchronizingWithProvider xmlParameters (reference §3.7, §9): only when orders are named. */
export function buildSyncParameters(request: SyncRequest): string | undefined {
  if (!nonEmpty(request.orderIds)) return undefined;
  return buildXml('Parameters', { OrderIds: { Id: request.orderIds } });
}

/** SearchBackgroundActivities xmlSearchParameters (reference §3.8). */
export function buildActivitySearchParameters(types: string[]): string {
  return buildXml('BackgroundActivitySearchParameters', { Types: nonEmpty(types) ? { Type: types } : undefined });
}

/** DoStepActionForBackgroundActivity xmlParameters: the chosen step action's parameters, echoed unchanged. */
export function buildStepActionParameters(parameters: NamedParameter[]): string {
  return buildXml('NamedParameters', {
    Parameter: parameters.map((parameter) => ({
      [`${ATTRIBUTE_PREFIX}Name`]: parameter.name,
      [TEXT_KEY]: parameter.value,
    })),
  });
}

function nonEmpty(values: string[] | undefined): values is string[] {
  return values !== undefined && values.length > 0;
}
