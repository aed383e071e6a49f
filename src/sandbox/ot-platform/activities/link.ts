import { activeLines, bindLine, unbindLine } from '../orders';
import { isReadyToPurchase } from '../statuses';
import { capitalise, listIds } from '../text';
import type { Order, OrderLine, ProviderOrder } from '../world';
import { checkProviderSession, describeLine, type ScriptContext } from './common';
import { type ActivityScript, ask, wait } from './engine';

/**
 * RunOrderLinkingWithProvider: binds lines of an OT order to Taobao orders bought by hand. Lines are matched
 * to the Taobao orders' items by item and configuration; a listed line that matches nothing is asked about.
 */
export function* runLink(
  context: ScriptContext,
  order: Order,
  providerOrderIds: string[],
  lineIds: string[],
): ActivityScript {
  const { world, account, log } = context;
  log.info(`Linking of order ${order.id} with Taobao orders ${listIds(providerOrderIds)} started`);
  if (!(yield* checkProviderSession(context, 'link'))) return;

  const candidates = linkableLines(context, order, lineIds);
  const found: ProviderOrder[] = [];
  let bound = 0;
  for (const providerOrderId of providerOrderIds) {
    yield wait(world.timings.activityStepMs);
    const providerOrder = world.providerOrders.get(providerOrderId);
    if (!providerOrder || providerOrder.accountName !== account.name) {
      log.error(`Taobao order ${providerOrderId} was not found in account ${account.name}`);
      continue;
    }
    found.push(providerOrder);
    bound += bindMatchingLines(context, providerOrder, candidates);
  }

  const unmatched = candidates.filter((line) => !line.purchase);
  if (lineIds.length === 0 && unmatched.length > 0) {
    log.info(
      `Lines ${listIds(unmatched.map((line) => line.id))} match no item of these Taobao orders and stay unbound`,
    );
  }
  for (const line of lineIds.length > 0 && found.length > 0 ? unmatched : []) {
    const choice = yield ask({
      message:
        `${capitalise(describeLine(world, line))} matches no item of Taobao order ${found[0].id}. ` +
        'Bind it to that order anyway, or leave it unbound?',
      lineId: line.id,
      choices: [
        { choice: 'BindAnyway', displayName: 'Bind anyway' },
        { choice: 'LeaveUnbound', displayName: 'Leave unbound' },
      ],
    });
    if (choice !== 'BindAnyway') continue;
    bindLine(line, account, found[0], line.price);
    log.success(`Line ${line.id} bound to Taobao order ${found[0].id}`);
    bound++;
  }
  if (bound > 0) log.success(`Linking finished: ${bound} lines of order ${order.id} bound`);
  else log.warning(`Linking finished: no line of order ${order.id} was bound`);
}

/**
 * RunOrderUnlinkingFromProvider: removes the binding of the order's lines (all bound lines, or those of the
 * named lines or Taobao orders). It changes only OT's records, so an expired Taobao session does not stop it.
 */
export function* runUnlink(
  context: ScriptContext,
  order: Order,
  providerOrderIds: string[],
  lineIds: string[],
): ActivityScript {
  const { world, log } = context;
  const lines = order.lines.filter(
    (line) =>
      line.purchase &&
      (lineIds.length === 0 || lineIds.includes(line.id)) &&
      (providerOrderIds.length === 0 || providerOrderIds.includes(line.purchase.providerOrderId)),
  );
  log.info(`Unlinking of ${lines.length} lines of order ${order.id} started`);
  for (const line of lines) {
    yield wait(world.timings.activityStepMs / 2);
    const providerOrderId = line.purchase?.providerOrderId;
    unbindLine(line);
    log.info(`Line ${line.id} unbound from Taobao order ${providerOrderId}`);
  }
  if (lines.length === 0) log.warning(`Unlinking finished: order ${order.id} has no matching bound line`);
  else log.success(`Unlinking finished: ${lines.length} lines of order ${order.id} unbound`);
}

function linkableLines(context: ScriptContext, order: Order, lineIds: string[]): OrderLine[] {
  const { world, log } = context;
  const listed = lineIds.length > 0 ? order.lines.filter((line) => lineIds.includes(line.id)) : activeLines(order);
  return listed.filter((line) => {
    if (line.purchase) {
      if (lineIds.length > 0) {
        const name = capitalise(describeLine(world, line));
        log.warning(`${name} is already bound to Taobao order ${line.purchase.providerOrderId}; skipped`);
      }
      return false;
    }
    return isReadyToPurchase(line.statusId);
  });
}

function bindMatchingLines(context: ScriptContext, providerOrder: ProviderOrder, candidates: OrderLine[]): number {
  const { account, log } = context;
  let bound = 0;
  for (const item of providerOrder.items) {
    const line = candidates.find(
      (candidate) =>
        !candidate.purchase && candidate.itemId === item.itemId && candidate.configurationId === item.configurationId,
    );
    if (!line) continue;
    bindLine(line, account, providerOrder, item.price);
    log.success(`Line ${line.id} bound to Taobao order ${providerOrder.id}`);
    bound++;
  }
  return bound;
}
