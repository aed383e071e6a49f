import { bookProviderOrder, countUnpaidOrders } from '../market';
import { activeLines, bindLine } from '../orders';
import { isReadyToPurchase, LINE_STATUS_NAMES } from '../statuses';
import { capitalise, listIds } from '../text';
import type { Order, OrderLine } from '../world';
import { checkProviderSession, describeLine, type ScriptContext, type SubScript } from './common';
import { type ActivityScript, ask, wait } from './engine';

interface Accepted {
  line: OrderLine;
  price: number;
}

/**
 * RunOrderExportingToProvider: checks the session, then every line against Taobao (asking about changed
 * prices and sold-out configurations), then books one Taobao order per seller within the booking limit.
 */
export function* runExport(context: ScriptContext, order: Order, lineIds: string[]): ActivityScript {
  const { world, log } = context;
  const lines = lineIds.length > 0 ? order.lines.filter((line) => lineIds.includes(line.id)) : activeLines(order);
  log.info(`Export started: ${lines.length} lines of order ${order.id} (${listIds(lines.map((line) => line.id))})`);
  if (!(yield* checkProviderSession(context, 'export'))) return;
  log.progress(10);

  const accepted: Accepted[] = [];
  for (const [index, line] of lines.entries()) {
    yield wait(world.timings.activityStepMs);
    const price = yield* checkLine(context, line);
    if (price === 'cancelled') return;
    if (price !== undefined) accepted.push({ line, price });
    log.progress(10 + (70 * (index + 1)) / lines.length);
  }

  yield wait(world.timings.activityStepMs);
  const exported = bookBySeller(context, accepted);
  const failed = lines.length - exported;
  if (lines.length === 0 || accepted.length === 0)
    log.warning(`Export finished: no line of order ${order.id} was exported`);
  else if (failed > 0) log.error(`Export finished with errors: ${exported} of ${lines.length} lines exported`);
  else log.success(`Export finished: ${exported} lines of order ${order.id} exported to Taobao`);
}

/** The price to book a line at, undefined to leave it out, or 'cancelled' when the operator cancels. */
function* checkLine(context: ScriptContext, line: OrderLine): SubScript<number | 'cancelled' | undefined> {
  const { world, log } = context;
  const name = describeLine(world, line);
  if (line.purchase) {
    log.warning(`${capitalise(name)} is already bound to Taobao order ${line.purchase.providerOrderId}; skipped`);
    return undefined;
  }
  if (!isReadyToPurchase(line.statusId)) {
    log.warning(`${capitalise(name)} is not ready to purchase (${LINE_STATUS_NAMES[line.statusId]}); skipped`);
    return undefined;
  }

  const view = world.catalogue.providerView(line.itemId, line.configurationId, line.price);
  const link = { displayName: 'Open item on Taobao', url: itemUrl(line) };
  if (view.soldOut) {
    const choice = yield ask({
      message: `${capitalise(name)} is out of stock on Taobao. Remove the line from the export, or cancel the export.`,
      lineId: line.id,
      choices: [
        { choice: 'RemoveLine', displayName: 'Remove line' },
        { choice: 'CancelExport', displayName: 'Cancel export' },
      ],
      link,
    });
    if (choice === 'CancelExport') {
      log.cancel('Export cancelled by the operator');
      return 'cancelled';
    }
    log.info(`${capitalise(name)} removed from the export`);
    return undefined;
  }
  if (view.price !== line.price) {
    const choice = yield ask({
      message:
        `The price of ${name} changed on Taobao: was ${line.price.toFixed(2)} CNY, now ${view.price.toFixed(2)} CNY. ` +
        'Accept the new price or remove the line from the export.',
      lineId: line.id,
      choices: [
        { choice: 'AcceptNewPrice', displayName: 'Accept new price' },
        { choice: 'RemoveLine', displayName: 'Remove line' },
      ],
      link,
    });
    if (choice !== 'AcceptNewPrice') {
      log.info(`${capitalise(name)} removed from the export`);
      return undefined;
    }
    return view.price;
  }
  log.info(`${capitalise(name)}: item available, price unchanged`);
  return line.price;
}

/** Taobao makes one order per seller; each needs room under the account's limit of unpaid orders. */
function bookBySeller(context: ScriptContext, accepted: Accepted[]): number {
  const { world, account, log } = context;
  const bySeller = new Map<string, Accepted[]>();
  for (const entry of accepted) {
    if (entry.line.purchase) continue; // bound meanwhile by another export
    const seller = world.catalogue.item(entry.line.itemId)?.seller.nick ?? 'unknown seller';
    bySeller.set(seller, [...(bySeller.get(seller) ?? []), entry]);
  }

  let exported = 0;
  for (const [seller, entries] of bySeller) {
    const ids = listIds(entries.map((entry) => entry.line.id));
    const unpaid = countUnpaidOrders(world, account.name);
    if (unpaid >= account.bookingLimit) {
      log.error(
        `Booking limit reached on account ${account.name}: ${unpaid} unpaid Taobao orders, the limit is ` +
          `${account.bookingLimit}. Pay orders on Taobao, then export lines ${ids} again.`,
      );
      continue;
    }
    const items = entries.map(({ line, price }) => ({
      itemId: line.itemId,
      configurationId: line.configurationId,
      quantity: line.quantity,
      price,
    }));
    const providerOrder = bookProviderOrder(world, account, seller, items);
    for (const { line, price } of entries) bindLine(line, account, providerOrder, price);
    log.success(`Lines ${ids} booked as Taobao order ${providerOrder.id} (seller ${seller})`);
    exported += entries.length;
  }
  return exported;
}

function itemUrl(line: OrderLine): string {
  const sku = line.configurationId === '0' ? '' : `&skuId=${line.configurationId}`;
  return `https://item.taobao.com/item.htm?id=${line.itemId}${sku}`;
}
