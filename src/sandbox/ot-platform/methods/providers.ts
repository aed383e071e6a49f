import type { ScriptContext } from '../activities/common';
import { ACTIVITY_TYPES, type ActivityScript } from '../activities/engine';
import { runExport } from '../activities/export';
import { runLink, runUnlink } from '../activities/link';
import { runSync } from '../activities/sync';
import { findOrder, isPaid } from '../orders';
import { presentProviderSession } from '../present';
import {
  childText,
  childTexts,
  notFound,
  readXmlParameter,
  SimError,
  validationError,
  type XmlNode,
  type XmlTree,
} from '../wire';
import type { Order, ProviderAccount } from '../world';
import { type MethodCall, requiredParam, type SimMethod } from './method';

const PROVIDERS = [
  { type: 'Taobao', displayName: 'Taobao', prefix: '', integration: true },
  { type: 'Alibaba1688', displayName: '1688', prefix: 'abb-', integration: false },
];

export const PROVIDER_METHODS: Record<string, SimMethod> = {
  GetProviderInfoList: {
    answer: 'ProviderInfoListAnswer',
    session: 'none',
    handle: () => ({ Result: { Content: { Item: PROVIDERS.map(presentProvider) } } }),
  },

  GetProviderOrdersIntegrationSessionInfoList: {
    answer: 'ProviderSessionInfoListAnswer',
    session: 'operator',
    handle(call) {
      checkProviderType(call);
      const accounts = [...call.world.providerAccounts.values()].filter((account) => account.session);
      return { Result: { Content: { Item: accounts.map(presentProviderSession) } } };
    },
  },

  GetProviderOrdersIntegrationSessionAuthenticationInfo: {
    answer: 'ProviderAuthenticationInfoAnswer',
    session: 'operator',
    handle(call) {
      const providerType = checkProviderType(call);
      const returnUrl = requiredParam(call, 'returnUrl');
      if (!isWebAddress(returnUrl)) {
        throw validationError('InvalidInputValue', `Parameter returnUrl must be an http or https address`);
      }
      const { world, now } = call;
      const ticket = {
        id: world.random.guid(),
        returnUrl,
        providerType,
        expiresAt: new Date(now.getTime() + world.timings.loginTicketMs),
      };
      world.loginTickets.set(ticket.id, ticket);
      return { Result: { RedirectUrl: `${call.baseUrl}/provider/login?ticket=${ticket.id}` } };
    },
  },

  RunOrderExportingToProvider: runMethod(ACTIVITY_TYPES.export, (call, account, parameters) => {
    const order = payableOrder(call, childText(parameters, 'OrderId'));
    const lineIds = checkLines(order, childTexts(parameters, 'OrderLineIds'));
    const description = `Export of order ${order.id} to Taobao (account ${account.name})`;
    return { description, run: (context) => runExport(context, order, lineIds) };
  }),

  RunOrdersSynchronizingWithProvider: runMethod(
    ACTIVITY_TYPES.sync,
    (call, account, parameters) => {
      const orderIds = childTexts(parameters, 'OrderIds');
      for (const orderId of orderIds) findOrder(call.world, orderId);
      const description = `Synchronization of account ${account.name} with Taobao`;
      return { description, run: (context) => runSync(context, orderIds) };
    },
    false,
  ),

  RunOrderLinkingWithProvider: runMethod(ACTIVITY_TYPES.link, (call, account, parameters) => {
    const order = findOrder(call.world, childText(parameters, 'OrderId'));
    const providerOrderIds = childTexts(parameters, 'ProviderOrderIds');
    if (providerOrderIds.length === 0) {
      throw validationError('InvalidInputValue', 'ProviderOrderIds must name at least one provider order');
    }
    const lineIds = checkLines(order, childTexts(parameters, 'OrderLineIds'));
    const description = `Linking of order ${order.id} with Taobao orders (account ${account.name})`;
    return { description, run: (context) => runLink(context, order, providerOrderIds, lineIds) };
  }),

  RunOrderUnlinkingFromProvider: runMethod(ACTIVITY_TYPES.unlink, (call, account, parameters) => {
    const order = findOrder(call.world, childText(parameters, 'OrderId'));
    const lineIds = checkLines(order, childTexts(parameters, 'OrderLineIds'));
    const description = `Unlinking of order ${order.id} from Taobao orders (account ${account.name})`;
    const providerOrderIds = childTexts(parameters, 'ProviderOrderIds');
    return { description, run: (context) => runUnlink(context, order, providerOrderIds, lineIds) };
  }),
};

/** Checks a Run* call's parameters and says what the activity is called and how it runs. */
type Starter = (
  call: MethodCall,
  account: ProviderAccount,
  parameters: XmlNode,
) => { description: string; run: (context: ScriptContext) => ActivityScript };

/** The part every Run* method shares: provider type, provider session, parameters, the new activity. */
function runMethod(type: string, start: Starter, parametersRequired = true): SimMethod {
  return {
    answer: 'BackgroundActivityIdentificationInfoAnswer',
    session: 'operator',
    handle(call): XmlTree {
      checkProviderType(call);
      const providerSessionId = requiredParam(call, 'providerSessionId');
      const found = call.world.providerSession(providerSessionId);
      if (!found) throw notFound('ProviderSession', `Provider session ${providerSessionId} was not found`);
      const xml = call.params.xmlParameters;
      const parameters = !parametersRequired && !xml ? {} : readXmlParameter('xmlParameters', xml, 'Parameters');

      const { description, run } = start(call, found.account, parameters);
      const activity = call.board.start(type, description, call.now, (log) =>
        run({ world: call.world, ...found, log }),
      );
      return { Result: { Type: activity.type, Id: activity.id } };
    },
  };
}

function checkProviderType(call: MethodCall): string {
  const providerType = requiredParam(call, 'providerType');
  const provider = PROVIDERS.find((candidate) => candidate.type === providerType);
  if (!provider) throw validationError('InvalidInputValue', `Unknown provider type ${providerType}`);
  if (!provider.integration) {
    throw new SimError(
      'NotAvailable',
      'OrdersIntegrationIsNotEnabled',
      `Orders integration is off for ${providerType}`,
    );
  }
  return providerType;
}

function payableOrder(call: MethodCall, orderId: string | undefined): Order {
  const order = findOrder(call.world, orderId);
  if (order.cancelled) throw validationError('OrderIsCancelled', `Order ${order.id} is cancelled`);
  if (!isPaid(call.world, order)) {
    throw validationError('OrderIsNotPaid', `Order ${order.id} is not paid: an unpaid order cannot be exported`);
  }
  return order;
}

function checkLines(order: Order, lineIds: string[]): string[] {
  const unknown = lineIds.filter((lineId) => !order.lines.some((line) => line.id === lineId));
  if (unknown.length > 0) throw notFound('OrderLine', `Order ${order.id} has no line ${unknown.join(', ')}`);
  return lineIds;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function presentProvider(provider: (typeof PROVIDERS)[number]): XmlTree {
  return {
    Type: provider.type,
    Alias: provider.type,
    DisplayName: provider.displayName,
    Prefix: provider.prefix || null,
    CurrencyCode: 'CNY',
    IsEnabled: true,
    OrdersIntegration: {
      IsAvailable: true,
      IsEnabled: provider.integration,
      IsSessionRequired: true,
      AllowCancelOrders: false,
    },
  };
}
