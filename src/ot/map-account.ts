import type { AnswerReader } from './read';
import type { PaymentInfo, ProviderInfo, ProviderSession, StatusName, UserProfile } from './types';
import type { XmlNode } from './xml';

/** UserProfileInfo */
export function mapUserProfile(read: AnswerReader, node: XmlNode): UserProfile {
  return {
    id: read.requiredId(node, 'Id'),
    firstName: read.optionalText(node, 'FirstName'),
    lastName: read.optionalText(node, 'LastName'),
    middleName: read.optionalText(node, 'MiddleName'),
    countryCode: read.optionalText(node, 'CountryCode'),
    region: read.optionalText(node, 'Region'),
    city: read.optionalText(node, 'City'),
    address: read.optionalText(node, 'Address'),
    postalCode: read.optionalText(node, 'PostalCode'),
    phone: read.optionalText(node, 'Phone'),
  };
}

/** SalesPaymentInfo */
export function mapPaymentInfo(read: AnswerReader, node: XmlNode): PaymentInfo {
  return {
    orderId: read.id(node, 'SalesId'),
    customerId: read.id(node, 'CustId'),
    availableBalance: read.number(node, 'CustBalanceAvail'),
    orderAmount: read.number(node, 'SalesAmount'),
    paidAmount: read.number(node, 'SalesPaid'),
    currencyCode: read.optionalText(node, 'CurrencyCode'),
  };
}

/** Order and line status info: Id and Name. */
export function mapStatusName(read: AnswerReader, node: XmlNode): StatusName {
  return { id: read.number(node, 'Id'), name: read.text(node, 'Name') };
}

/** ProviderInfo, with its OrdersIntegration part when the provider has one. */
export function mapProviderInfo(read: AnswerReader, node: XmlNode): ProviderInfo {
  const integration = read.node(node, 'OrdersIntegration');
  return {
    type: read.requiredText(node, 'Type'),
    displayName: read.optionalText(node, 'DisplayName') ?? read.text(node, 'Type'),
    isEnabled: read.boolean(node, 'IsEnabled'),
    ordersIntegration: integration && {
      isAvailable: read.boolean(integration, 'IsAvailable'),
      isEnabled: read.boolean(integration, 'IsEnabled'),
      isSessionRequired: read.boolean(integration, 'IsSessionRequired'),
      allowCancelOrders: read.boolean(integration, 'AllowCancelOrders'),
    },
  };
}

/** ProviderSessionInfo: Id is the providerSessionId, Name the account's label. */
export function mapProviderSession(read: AnswerReader, node: XmlNode): ProviderSession {
  const id = read.requiredId(node, 'Id');
  const balance = read.node(node, 'Balance');
  const amount = balance && read.optionalNumber(balance, 'Amount');
  return {
    id,
    name: read.optionalText(node, 'Name') ?? id,
    balance: balance && amount !== undefined ? { amount, currencyCode: read.text(balance, 'CurrencyCode') } : undefined,
  };
}
