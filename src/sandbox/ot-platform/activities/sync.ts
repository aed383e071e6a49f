import { providerOrdersOf } from '../market';
import { applyProviderState } from '../orders';
import { LINE_STATUS_NAMES } from '../statuses';
import { listIds } from '../text';
import type { OrderLine, ProviderOrder, World } from '../world';
import { checkProviderSession, type ScriptContext } from './common';
import { type ActivityScript, wait } from './engine';

/**
 * RunOrdersSynchronizingWithProvider: reads every Taobao order of the account (or of the named OT orders)
 * and copies its state onto the bound lines: provider status, line status, tracking number.
 */
export function* runSync(context: ScriptContext, orderIds: string[]): ActivityScript {
  const { world, account, log } = context;
  log.info(`Synchronization of account ${account.name} started`);
  if (!(yield* checkProviderSession(context, 'synchronize'))) return;

  const providerOrders = providerOrdersOf(world, account.name).filter(
    (providerOrder) =>
      orderIds.length === 0 || boundLines(world, providerOrder).some((line) => orderIds.includes(line.orderId)),
  );
  let updated = 0;
  for (const [index, providerOrder] of providerOrders.entries()) {
    yield wait(world.timings.activityStepMs / 2);
    updated += syncProviderOrder(context, providerOrder);
    log.progress(10 + (90 * (index + 1)) / providerOrders.length);
  }
  log.success(`Synchronization finished: ${providerOrders.length} Taobao orders checked, ${updated} lines updated`);
}

/** Lines of any OT order bound to this Taobao order. */
export function boundLines(world: World, providerOrder: ProviderOrder): OrderLine[] {
  return [...world.orders.values()].flatMap((order) =>
    order.lines.filter((line) => line.purchase?.providerOrderId === providerOrder.id),
  );
}

function syncProviderOrder(context: ScriptContext, providerOrder: ProviderOrder): number {
  const { world, log } = context;
  const lines = boundLines(world, providerOrder);
  const hadTracking = new Set(lines.filter((line) => line.purchase?.trackingNumber).map((line) => line.id));
  const changed = lines.filter((line) => applyProviderState(line, providerOrder));
  if (changed.length === 0) return 0;

  const ids = listIds(changed.map((line) => line.id));
  const status = LINE_STATUS_NAMES[changed[0].statusId];
  log.info(`Taobao order ${providerOrder.id} is ${providerOrder.status}: lines ${ids} are now "${status}"`);
  const newlyTracked = changed.filter((line) => !hadTracking.has(line.id) && providerOrder.trackingNumber);
  if (newlyTracked.length > 0) {
    const trackedIds = listIds(newlyTracked.map((line) => line.id));
    log.info(
      `Tracking number ${providerOrder.trackingNumber} set on lines ${trackedIds} (Taobao order ${providerOrder.id})`,
    );
  }
  return changed.length;
}
