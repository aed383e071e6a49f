import { CATALOGUE, PROVIDER_CHANGES } from './catalogue-data';

export interface Seller {
  id: string;
  nick: string;
  /** The seller left Taobao: AddOrder drops its items (OT's third reason). */
  closed?: boolean;
}

export interface Configuration {
  id: string;
  text: string;
  price: number;
  stock: number;
}

export interface CatalogueItem {
  id: string;
  seller: Seller;
  title: string;
  titleEn: string;
  weightKg: number;
  /** Empty for an item without options; then `price` and `stock` are the item's own. */
  configurations: Configuration[];
  price: number;
  stock: number;
}

/** A difference between OT's view of an item and Taobao's at export time. */
export interface ProviderChange {
  itemId: string;
  configurationId: string;
  price?: number;
  soldOut?: boolean;
}

/** What one line buys: an item, and its configuration when it has any. */
export interface Offer {
  item: CatalogueItem;
  configuration?: Configuration;
  price: number;
  stock: number;
  text: string;
}

/** Items OT can sell, with their stock, and what Taobao says about them now. */
export class Catalogue {
  private readonly items = new Map<string, CatalogueItem>();
  private readonly changes = new Map<string, ProviderChange>();

  constructor(items: CatalogueItem[] = CATALOGUE, changes: ProviderChange[] = PROVIDER_CHANGES) {
    for (const item of items) this.items.set(item.id, structuredClone(item));
    for (const change of changes) this.setProviderChange(change);
  }

  list(): CatalogueItem[] {
    return [...this.items.values()];
  }

  item(itemId: string): CatalogueItem | undefined {
    return this.items.get(itemId);
  }

  /** The offer for an item and configuration id ('0' or empty for an item without options). */
  offer(itemId: string, configurationId: string | undefined): Offer | undefined {
    const item = this.items.get(itemId);
    if (!item) return undefined;
    const wantsNone = configurationId === undefined || configurationId === '' || configurationId === '0';
    if (item.configurations.length === 0) {
      return wantsNone ? { item, price: item.price, stock: item.stock, text: '' } : undefined;
    }
    const configuration = item.configurations.find((candidate) => candidate.id === configurationId);
    if (!configuration) return undefined;
    return { item, configuration, price: configuration.price, stock: configuration.stock, text: configuration.text };
  }

  /** Takes stock for an order line; given back when the order is cancelled. */
  take(offer: Offer, quantity: number): void {
    if (offer.configuration) offer.configuration.stock -= quantity;
    else offer.item.stock -= quantity;
  }

  giveBack(itemId: string, configurationId: string, quantity: number): void {
    const offer = this.offer(itemId, configurationId);
    if (offer) this.take(offer, -quantity);
  }

  /** Taobao's current price and availability, which export compares with the line. */
  providerView(itemId: string, configurationId: string, orderedPrice: number): { price: number; soldOut: boolean } {
    const change = this.changes.get(changeKey(itemId, configurationId));
    return { price: change?.price ?? orderedPrice, soldOut: change?.soldOut === true };
  }

  setProviderChange(change: ProviderChange): void {
    const key = changeKey(change.itemId, change.configurationId);
    this.changes.set(key, { ...this.changes.get(key), ...change });
  }

  clearProviderChange(itemId: string, configurationId: string): void {
    this.changes.delete(changeKey(itemId, configurationId));
  }
}

function changeKey(itemId: string, configurationId: string): string {
  return `${itemId}/${configurationId || '0'}`;
}
