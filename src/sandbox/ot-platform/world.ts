import { Catalogue } from './catalogue';
import type { SimClock } from './clock';
import type { SimRandom } from './random';
import type { ProviderStatus } from './statuses';

export interface Profile {
  id: string;
  firstName: string;
  lastName: string;
  middleName?: string;
  countryCode: string;
  region: string;
  city: string;
  address: string;
  postalCode: string;
  phone: string;
}

export interface Customer {
  id: string;
  login: string;
  password: string;
  name: string;
  /** Personal account balance in the store currency: deposits less reservations. */
  balance: number;
  profiles: Profile[];
}

export interface DeliveryMode {
  id: string;
  name: string;
  price: number;
}

/** What OT knows about the provider order a line is bound to, as of the last export, link or sync. */
export interface LinePurchase {
  providerOrderId: string;
  accountName: string;
  itemPrice: number;
  providerStatus: ProviderStatus;
  trackingNumber?: string;
  priceWarning?: { level: 'Ok' | 'SmallOverpayment' | 'BigOverpayment'; message: string };
}

export interface OrderLine {
  id: string;
  orderId: string;
  lineNumber: number;
  itemId: string;
  /** '0' for an item without options. */
  configurationId: string;
  quantity: number;
  price: number;
  weightKg: number;
  comment?: string;
  promotionId?: string;
  statusId: number;
  purchase?: LinePurchase;
}

export interface Order {
  id: string;
  customerId: string;
  profileId: string;
  deliveryModeId: string;
  comment?: string;
  createdAt: Date;
  paid: number;
  cancelled: boolean;
  lines: OrderLine[];
}

export interface ProviderSessionRecord {
  id: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface ProviderAccount {
  name: string;
  balance: number;
  /** How many unpaid (booked) provider orders Taobao lets the account hold. */
  bookingLimit: number;
  session?: ProviderSessionRecord;
}

export interface ProviderOrderItem {
  itemId: string;
  configurationId: string;
  quantity: number;
  price: number;
}

/** An order on the provider's side (Taobao): booked by export, or bought by hand on the site. */
export interface ProviderOrder {
  id: string;
  accountName: string;
  sellerNick: string;
  items: ProviderOrderItem[];
  createdAt: Date;
  status: ProviderStatus;
  /** When the status last changed: the next stage is timed from here. */
  statusSince: Date;
  trackingNumber?: string;
}

export interface SessionRecord {
  id: string;
  kind: 'operator' | 'customer';
  customerId?: string;
  expiresAt: Date;
}

export interface LoginTicket {
  id: string;
  returnUrl: string;
  providerType: string;
  expiresAt: Date;
}

/** Timings of the simulated world; every one is in the simulator's own clock. */
export interface Timings {
  /** Lifetime of operator and customer sessions. */
  sessionMs: number;
  /** Lifetime of a provider (Taobao) session. */
  providerSessionMs: number;
  /** Pause between two steps of a background activity. */
  activityStepMs: number;
  /** Booked provider order → paid on Taobao (the operator pays it there, outside OT). */
  providerPayMs: number;
  /** Paid → shipped by the seller, with a tracking number. */
  providerShipMs: number;
  /** Shipped → received at the warehouse. */
  providerDeliverMs: number;
  /** How long a provider log-in link works. */
  loginTicketMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  sessionMs: 60 * 60_000,
  providerSessionMs: 24 * 60 * 60_000,
  activityStepMs: 1_000,
  providerPayMs: 30 * 60_000,
  providerShipMs: 6 * 60 * 60_000,
  providerDeliverMs: 3 * 24 * 60 * 60_000,
  loginTicketMs: 15 * 60_000,
};

export interface Credentials {
  login: string;
  password: string;
}

/** Everything the simulated instance holds. Methods read and change it; nothing else does. */
export class World {
  readonly catalogue = new Catalogue();
  readonly customers = new Map<string, Customer>();
  readonly deliveryModes = new Map<string, DeliveryMode>();
  readonly orders = new Map<string, Order>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly providerAccounts = new Map<string, ProviderAccount>();
  readonly providerOrders = new Map<string, ProviderOrder>();
  readonly loginTickets = new Map<string, LoginTicket>();
  /** Sessions replaced by a newer log-in: still known (as expired) to a client that kept the old id. */
  readonly retiredProviderSessions = new Map<string, { accountName: string; session: ProviderSessionRecord }>();
  private nextOrderNumber = 12345;
  private nextLineNumber = 48213;

  constructor(
    readonly clock: SimClock,
    readonly random: SimRandom,
    readonly timings: Timings,
    readonly operator: Credentials,
  ) {}

  newOrderId(): string {
    return `ORD-${String(this.nextOrderNumber++).padStart(10, '0')}`;
  }

  newLineId(): string {
    return String(this.nextLineNumber++);
  }

  /** Taobao order ids are 18-19 digit numbers. */
  newProviderOrderId(): string {
    return this.random.digits(19);
  }

  customerByLogin(login: string): Customer | undefined {
    return [...this.customers.values()].find((customer) => customer.login === login);
  }

  /** The account a provider session id belongs to, and the session (an old, retired one is expired). */
  providerSession(sessionId: string): { account: ProviderAccount; session: ProviderSessionRecord } | undefined {
    for (const account of this.providerAccounts.values()) {
      if (account.session?.id === sessionId) return { account, session: account.session };
    }
    const retired = this.retiredProviderSessions.get(sessionId);
    const account = retired && this.providerAccounts.get(retired.accountName);
    return account && retired ? { account, session: retired.session } : undefined;
  }

  /** A completed log-in on the provider's page: the account gets a new 24-hour session. */
  renewProviderSession(account: ProviderAccount): ProviderSessionRecord {
    const now = this.clock.now();
    const previous = account.session;
    if (previous) {
      const expired = { ...previous, expiresAt: new Date(Math.min(previous.expiresAt.getTime(), now.getTime())) };
      this.retiredProviderSessions.set(previous.id, { accountName: account.name, session: expired });
    }
    const expiresAt = new Date(now.getTime() + this.timings.providerSessionMs);
    account.session = { id: this.random.guid(), createdAt: now, expiresAt };
    return account.session;
  }
}
