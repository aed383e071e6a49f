import { activityActions, isDone, type SimActivity } from './activities/engine';
import { activeLines, orderStatusId, totalsOf } from './orders';
import { LINE_STATUS, LINE_STATUS_NAMES, ORDER_STATUS_NAMES } from './statuses';
import type { XmlTree } from './wire';
import type { Customer, Order, OrderLine, Profile, ProviderAccount, World } from './world';

// OT's answer types as XML element trees, with the field names of reference §4.

const CURRENCY = 'CNY';

export function presentOrder(world: World, order: Order): XmlTree {
  const totals = totalsOf(world, order);
  const customer = world.customers.get(order.customerId);
  const profile = customer?.profiles.find((candidate) => candidate.id === order.profileId);
  const statusId = orderStatusId(world, order);
  const canCancel = !order.cancelled && !order.lines.some((line) => line.purchase);
  return {
    Id: order.id,
    DisplayId: order.id,
    StatusId: statusId,
    StatusCode: statusId,
    StatusName: ORDER_STATUS_NAMES[statusId],
    CustId: order.customerId,
    CustName: customer?.name ?? '',
    ItemsCount: activeLines(order).reduce((sum, line) => sum + line.quantity, 0),
    GoodsAmount: money(totals.goods),
    DeliveryAmount: money(totals.delivery),
    TotalAmount: money(totals.total),
    RemainAmount: money(totals.remain),
    CurrencyCode: CURRENCY,
    CurrencySign: '¥',
    CustComment: order.comment ?? null,
    DeliveryModeId: order.deliveryModeId,
    DeliveryModeName: world.deliveryModes.get(order.deliveryModeId)?.name ?? '',
    DeliveryAddress: profile ? presentAddress(profile) : null,
    Weight: activeLines(order)
      .reduce((sum, line) => sum + line.weightKg * line.quantity, 0)
      .toFixed(3),
    CanCancel: canCancel ? 1 : 0,
    IsPaid: totals.remain === 0 && !order.cancelled,
    IsCancelled: order.cancelled,
    IsCompleted: false,
    LineStatusSummaries: { OrderLineStatusSummary: presentStatusCounts(order) },
    UserAccountAvailableAmount: money(customer?.balance ?? 0),
    ProviderTypeEnum: 'Taobao',
    CreatedDateTime: timestamp(order.createdAt),
  };
}

export function presentLine(world: World, line: OrderLine, language: string): XmlTree {
  const offer = world.catalogue.offer(line.itemId, line.configurationId);
  const item = world.catalogue.item(line.itemId);
  const purchase = line.purchase;
  return {
    Id: line.id,
    OrderId: line.orderId,
    LineNum: line.lineNumber,
    ItemId: line.itemId,
    ItemTaobaoId: line.itemId,
    ConfigId: line.configurationId,
    ConfigText: offer?.text ?? null,
    Qty: line.quantity,
    QtyOrig: String(line.quantity),
    StatusId: line.statusId,
    StatusCode: line.statusId,
    StatusName: LINE_STATUS_NAMES[line.statusId],
    PriceCust: money(line.price),
    AmountCust: money(line.price * line.quantity),
    CurrencyCust: CURRENCY,
    VendId: item?.seller.id ?? null,
    VendNick: item?.seller.nick ?? null,
    VendPurchId: purchase?.providerOrderId ?? null,
    VendPurchWaybill: purchase?.trackingNumber ?? null,
    VendPurchAccountId: purchase?.accountName ?? null,
    VendPurchStatus: purchase?.providerStatus ?? null,
    VendPurchItemId: purchase ? line.itemId : null,
    VendPurchConfigurationId: purchase ? line.configurationId : null,
    VendPurchItemPrice: purchase ? money(purchase.itemPrice) : null,
    VendorPurchaseItemPriceWarningReason: purchase?.priceWarning
      ? { Level: purchase.priceWarning.level, Message: purchase.priceWarning.message || null }
      : null,
    BriefDescrTrans: item ? (language === 'zh' ? item.title : item.titleEn) : line.itemId,
    NameOrig: item?.title ?? line.itemId,
    ItemImageURL: `https://img.alicdn.com/imgextra/i1/${line.itemId}.jpg`,
    ItemExternalURL: `https://item.taobao.com/item.htm?id=${line.itemId}`,
    Weight: line.weightKg.toFixed(3),
    ProviderType: 'Taobao',
    CustComment: line.comment ?? null,
    OperatorComment: null,
    CanBePurchased: line.statusId === LINE_STATUS.paid || line.statusId === LINE_STATUS.checked,
    IsPaid: line.statusId !== LINE_STATUS.awaitingPayment && line.statusId !== LINE_STATUS.cancelled,
    IsCancelled: line.statusId === LINE_STATUS.cancelled,
  };
}

export function presentProfile(profile: Profile): XmlTree {
  return {
    Id: profile.id,
    FirstName: profile.firstName,
    LastName: profile.lastName,
    MiddleName: profile.middleName ?? null,
    CountryCode: profile.countryCode,
    Region: profile.region,
    City: profile.city,
    Address: profile.address,
    Phone: profile.phone,
    PostalCode: profile.postalCode,
  };
}

export function presentPaymentInfo(world: World, order: Order, customer: Customer): XmlTree {
  return {
    SalesId: order.id,
    CustId: customer.id,
    CustBalanceAvail: money(customer.balance),
    SalesAmount: money(totalsOf(world, order).total),
    SalesPaid: money(order.paid),
    CurrencyCode: CURRENCY,
  };
}

export function presentProviderSession(account: ProviderAccount): XmlTree {
  return {
    Id: account.session?.id ?? '',
    Name: account.name,
    Balance: { Amount: money(account.balance), CurrencyCode: CURRENCY },
  };
}

/** BackgroundActivityInfo; with steps it is the FullInfo of GetBackgroundActivityInfo. */
export function presentActivity(activity: SimActivity, now: Date, withSteps: boolean): XmlTree {
  const end = activity.finishedAt ?? now;
  return {
    Id: activity.id,
    Type: activity.type,
    Description: activity.description,
    IsFinished: isDone(activity),
    IsCancelled: activity.cancelled,
    IsAwaitingAction: activity.awaitingStep !== undefined,
    ProgressPercent: activity.progressPercent,
    WorkTime: end.getTime() - activity.startedAt.getTime(),
    StartTime: timestamp(activity.startedAt),
    Actions: {
      Action: activityActions(activity).map((action) => ({ Id: action.id, DisplayName: action.displayName })),
    },
    Steps: withSteps ? { Step: activity.steps.map(presentStep) } : undefined,
  };
}

function presentStep(step: SimActivity['steps'][number]): XmlTree {
  return {
    Type: step.type,
    Message: step.message,
    TimeFromStart: step.timeFromStartMs,
    Actions:
      step.actions.length === 0
        ? undefined
        : {
            Action: step.actions.map((action) => ({
              Id: action.id,
              DisplayName: action.displayName,
              Parameters: { Parameter: action.parameters.map(([name, value]) => ({ '@Name': name, '#text': value })) },
            })),
          },
  };
}

function presentAddress(profile: Profile): XmlTree {
  return {
    Id: profile.id,
    Name: profile.firstName,
    Familyname: profile.lastName,
    Patername: profile.middleName ?? null,
    Phone: profile.phone,
    CountryCode: profile.countryCode,
    RegionName: profile.region,
    City: profile.city,
    Address: profile.address,
    PostalCode: profile.postalCode,
  };
}

function presentStatusCounts(order: Order): XmlTree[] {
  const counts = new Map<number, number>();
  for (const line of order.lines) counts.set(line.statusId, (counts.get(line.statusId) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ Status: { Id: id, Name: LINE_STATUS_NAMES[id] }, Count: count }));
}

/** OT's answer timestamps: ISO-like, milliseconds, no zone. */
export function timestamp(date: Date): string {
  return date.toISOString().slice(0, 23);
}

function money(amount: number): string {
  return amount.toFixed(2);
}
