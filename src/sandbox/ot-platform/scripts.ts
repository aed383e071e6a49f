import { bookProviderOrder } from './market';
import { PROVIDER_STATUS } from './statuses';
import type { ProviderAccount, ProviderOrderItem, World } from './world';

/**
 * Situations a test or a demonstration sets up on purpose: what Taobao says about an item at export, an
 * account's booking limit and session, orders bought by hand on the site.
 */
export class Scripts {
  constructor(private readonly world: World) {}

  /** Export finds the item at this price on Taobao and asks whether to accept it. */
  changeProviderPrice(itemId: string, configurationId: string, price: number): void {
    this.world.catalogue.setProviderChange({ itemId, configurationId, price, soldOut: false });
  }

  /** Export finds the configuration sold out on Taobao and asks whether to remove the line or cancel. */
  sellOutOnProvider(itemId: string, configurationId: string): void {
    this.world.catalogue.setProviderChange({ itemId, configurationId, soldOut: true });
  }

  /** Taobao agrees with OT again about the item. */
  restoreProviderItem(itemId: string, configurationId: string): void {
    this.world.catalogue.clearProviderChange(itemId, configurationId);
  }

  /** At most this many unpaid (booked) orders in the account; export stops booking beyond it. */
  setBookingLimit(accountName: string, limit: number): void {
    this.account(accountName).bookingLimit = limit;
  }

  setProviderBalance(accountName: string, amount: number): void {
    this.account(accountName).balance = amount;
  }

  /** The account's session ends now, as if its 24 hours had run out. */
  expireProviderSession(accountName: string): void {
    const session = this.account(accountName).session;
    if (!session) throw new Error(`account ${accountName} has no session`);
    session.expiresAt = this.world.clock.now();
  }

  /** What a person completing the provider's log-in page does, without the page; returns the session id. */
  logInProviderAccount(accountName: string): string {
    const account = this.world.providerAccounts.get(accountName) ?? { name: accountName, balance: 0, bookingLimit: 20 };
    this.world.providerAccounts.set(accountName, account);
    return this.world.renewProviderSession(account).id;
  }

  /** An order bought by hand on Taobao (already paid), to be linked to an OT order; returns its id. */
  placeManualProviderOrder(accountName: string, sellerNick: string, items: ProviderOrderItem[]): string {
    const order = bookProviderOrder(this.world, this.account(accountName), sellerNick, items);
    order.status = PROVIDER_STATUS.awaitingShipment;
    return order.id;
  }

  private account(accountName: string): ProviderAccount {
    const account = this.world.providerAccounts.get(accountName);
    if (!account) throw new Error(`no provider account ${accountName}`);
    return account;
  }
}
