/**
 * The bot's own view of OT data. OT's field names stop at the mappers (map-*.ts); these names say what a
 * value means to an operator. Where the meaning is OT's own field, its OT name is in the comment.
 */

export interface LineStatusCount {
  statusId: string;
  statusName?: string;
  count: number;
}

/** OrderInfo: the order as a whole. */
export interface Order {
  id: string;
  displayId?: string;
  statusId?: number;
  statusCode?: string;
  statusName: string;
  /** CustId: the customer's OT user id, also the account PostTransaction books on. */
  customerId: string;
  customerName: string;
  itemsCount: number;
  goodsAmount: number;
  deliveryAmount: number;
  totalAmount: number;
  /** RemainAmount: what is still to pay. */
  remainAmount: number;
  currencyCode: string;
  comment?: string;
  deliveryModeId?: string;
  deliveryModeName?: string;
  providerType?: string;
  createdAt?: string;
  isPaid: boolean;
  isCancelled: boolean;
  canCancel: boolean;
  /** UserAccountAvailableAmount: the customer's available balance, when OT includes it. */
  customerBalance?: number;
  lineStatusCounts: LineStatusCount[];
}

export interface PriceWarning {
  /** Ok, SmallOverpayment or BigOverpayment. */
  level: string;
  message: string;
}

/** SalesLine (order details) or OrderLineInfo (line search): one item of an order. */
export interface OrderLine {
  id: string;
  orderId: string;
  lineNumber?: number;
  itemId: string;
  /** ItemTaobaoId */
  providerItemId?: string;
  /** ConfigId */
  configurationId?: string;
  /** ConfigText, e.g. 颜色:黑色;尺码:M */
  configurationText?: string;
  /** BriefDescrTrans, else NameOrig */
  title: string;
  quantity: number;
  statusId?: number;
  statusCode?: string;
  statusName: string;
  price?: number;
  amount?: number;
  currencyCode?: string;
  /** VendNick: the seller on the provider's site. */
  sellerNick?: string;
  /** VendPurchId: the provider (Taobao) order the line is bound to. */
  providerOrderId?: string;
  /** VendPurchWaybill: the provider's tracking number. */
  trackingNumber?: string;
  /** VendPurchAccountId: the provider account that bought the line. */
  providerAccount?: string;
  /** VendPurchStatus: the provider's own status of its order. */
  providerStatus?: string;
  priceWarning?: PriceWarning;
  providerType?: string;
  imageUrl?: string;
  itemUrl?: string;
  customerComment?: string;
  operatorComment?: string;
  canBePurchased: boolean;
  isPaid: boolean;
  isCancelled: boolean;
}

export interface OrderDetails {
  order: Order;
  lines: OrderLine[];
}

export interface OrderLinePage {
  lines: OrderLine[];
  totalCount: number;
}

/** UserProfileInfo: a delivery profile of the customer. */
export interface UserProfile {
  id: string;
  firstName?: string;
  lastName?: string;
  middleName?: string;
  countryCode?: string;
  region?: string;
  city?: string;
  address?: string;
  postalCode?: string;
  phone?: string;
}

/** SalesPaymentInfo */
export interface PaymentInfo {
  orderId: string;
  customerId: string;
  availableBalance: number;
  orderAmount: number;
  paidAmount: number;
  currencyCode?: string;
}

export interface StatusName {
  id: number;
  name: string;
}

export interface ProviderOrdersIntegration {
  isAvailable: boolean;
  isEnabled: boolean;
  isSessionRequired: boolean;
  allowCancelOrders: boolean;
}

export interface ProviderInfo {
  type: string;
  displayName: string;
  isEnabled: boolean;
  ordersIntegration?: ProviderOrdersIntegration;
}

/** ProviderSessionInfo: one logged-in provider (Taobao) account. */
export interface ProviderSession {
  /** Id: the providerSessionId of Run* calls. */
  id: string;
  name: string;
  balance?: { amount: number; currencyCode: string };
}

/** What a Run* call returns and what every later activity call needs: both parts. */
export interface ActivityRef {
  type: string;
  id: string;
}

export interface NamedParameter {
  name: string;
  value: string;
}

/** An answer offered for the activity as a whole (DoActionForBackgroundActivity). */
export interface ActivityAction {
  id: string;
  displayName: string;
}

/** An answer offered on one step: DoStepAction (sent back with its parameters) or Link (a URL to open). */
export interface StepAction {
  id: string;
  displayName: string;
  parameters: NamedParameter[];
}

export interface ActivityStep {
  /** Severity or kind as OT names it (Info, Warning, Error, ...). */
  type: string;
  message: string;
  timeFromStartMs?: number;
  actions: StepAction[];
}

export interface Activity extends ActivityRef {
  description: string;
  isFinished: boolean;
  isCancelled: boolean;
  isAwaitingAction: boolean;
  progressPercent: number;
  workTimeMs?: number;
  startTime?: string;
  actions: ActivityAction[];
  /** Only GetBackgroundActivityInfo carries steps; a search answer leaves this empty. */
  steps: ActivityStep[];
}

export interface NewOrderItem {
  itemId: string;
  /** Omitted for an item without options; OT then wants 0. */
  configurationId?: string;
  quantity: number;
  weight?: number;
  comment?: string;
  promotionId?: string;
}

export interface NewOrder {
  deliveryModeId: string;
  userProfileId?: string;
  comment?: string;
  items: NewOrderItem[];
}

export interface OrderLineSearch {
  providerOrderIds?: string[];
  trackingNumbers?: string[];
  /** Zero-based offset of the first line (framePosition). */
  offset?: number;
  /** Page size (frameSize). */
  limit?: number;
}

export interface Deposit {
  customerId: string;
  amount: number;
  comment?: string;
  date?: Date;
}

export interface ProviderTarget {
  /** Defaults to the client's provider type (Taobao). */
  providerType?: string;
  providerSessionId: string;
}

export interface ExportRequest extends ProviderTarget {
  orderId: string;
  /** Only these lines; the whole order when absent or empty. */
  lineIds?: string[];
}

export interface SyncRequest extends ProviderTarget {
  /** Only these orders; every exported order of the account when absent or empty. */
  orderIds?: string[];
}

export interface LinkRequest extends ProviderTarget {
  orderId: string;
  providerOrderIds: string[];
  lineIds?: string[];
}

export interface UnlinkRequest extends ProviderTarget {
  orderId: string;
  providerOrderIds?: string[];
  /** Only these lines; every bound line of the order when absent or empty. */
  lineIds?: string[];
}
