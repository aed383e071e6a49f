import type { Logger } from '../logger';
import {
  ACTIVITY_TYPE_OF_METHOD,
  buildLinkingParameters,
  buildUnlinkingParameters,
  formatTransactionDate,
} from './assumed';
import { mapPaymentInfo, mapProviderInfo, mapProviderSession, mapStatusName, mapUserProfile } from './map-account';
import { mapActivity, mapActivityRef } from './map-activity';
import { mapOrder, mapOrderDetails, mapOrderLinePage } from './map-order';
import { type CallPolicies, DEFAULT_POLICIES } from './policies';
import { AnswerReader } from './read';
import {
  buildActivitySearchParameters,
  buildExportParameters,
  buildOrderAddData,
  buildOrderLineSearchParameters,
  buildStepActionParameters,
  buildSyncParameters,
} from './requests';
import { OtSessions, type SessionCall } from './sessions';
import { OtTransport, type ParamValue } from './transport';
import type {
  Activity,
  ActivityRef,
  Deposit,
  ExportRequest,
  LinkRequest,
  NamedParameter,
  NewOrder,
  Order,
  OrderDetails,
  OrderLinePage,
  OrderLineSearch,
  PaymentInfo,
  ProviderInfo,
  ProviderSession,
  ProviderTarget,
  StatusName,
  SyncRequest,
  UnlinkRequest,
  UserProfile,
} from './types';
import type { XmlNode } from './xml';

const DEFAULT_PAGE_SIZE = 100;
const LINE_QUERY_TYPES = { all: 0, ready: 1, purchased: 2 } as const;

/** `interactive` when a person waits for the answer, `background` for polling and scheduled work. */
export type CallMode = keyof CallPolicies;
export type OrderLineFilter = keyof typeof LINE_QUERY_TYPES;

export interface OtClientOptions {
  baseUrl: string;
  instanceKey: string;
  secret?: string;
  language: string;
  operator: { login: string; password: string };
  /** Without a password the operator impersonates the customer (AuthenticateAsUser). */
  customer: { login: string; password?: string };
  providerType: string;
  logger: Logger;
  policies?: CallPolicies;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

interface Call {
  method: string;
  params?: Record<string, ParamValue>;
  mode?: CallMode;
  /** Writes are never repeated after a transport fault: OT may have acted on the first attempt. */
  write?: boolean;
  /** Void answers carry only the envelope; every other answer must have a Result. */
  voidAnswer?: boolean;
}

/** An answer's Result, with a reader that names the method in any error it raises. */
interface ResultAnswer {
  result: XmlNode;
  read: AnswerReader;
}

/** Typed OT API methods of the Autopurchase workflow, with sessions handled inside. */
export class OtClient {
  private readonly transport: OtTransport;
  private readonly sessions: OtSessions;
  private readonly policies: CallPolicies;
  private readonly now: () => Date;

  constructor(private readonly options: OtClientOptions) {
    const logger = options.logger;
    logger.addSecret(options.operator.password);
    logger.addSecret(options.customer.password);
    this.transport = new OtTransport(options);
    this.policies = options.policies ?? DEFAULT_POLICIES;
    this.now = options.now ?? (() => new Date());
    this.sessions = new OtSessions(
      {
        loginOperator: () => this.authenticateInstanceOperator(options.operator.login, options.operator.password),
        loginCustomer: (withOperator) => this.loginCustomer(withOperator),
      },
      logger,
    );
  }

  get providerType(): string {
    return this.options.providerType;
  }

  // Sessions

  async authenticateInstanceOperator(login: string, password: string): Promise<string> {
    const { root, read } = await this.send({
      method: 'AuthenticateInstanceOperator',
      params: { userLogin: login, userPassword: password },
    });
    return read.requiredId(root, 'SessionId');
  }

  async authenticate(login: string, password: string): Promise<string> {
    const params = { userLogin: login, userPassword: password, rememberMe: true };
    const { root, read } = await this.send({ method: 'Authenticate', params });
    return read.requiredId(root, 'SessionId');
  }

  async authenticateAsUser(operatorSessionId: string, login: string): Promise<string> {
    const params = { sessionId: operatorSessionId, userLogin: login };
    const { root, read } = await this.send({ method: 'AuthenticateAsUser', params });
    return read.requiredId(root, 'SessionId');
  }

  // Customer and orders

  async getUserProfiles(mode?: CallMode): Promise<UserProfile[]> {
    const { result, read } = await this.asCustomer({ method: 'GetUserProfileInfoList', mode });
    return read.list(result, 'Content').map((profile) => mapUserProfile(read, profile));
  }

  /** AddOrder: one order; OT drops the lines that fail its pre-checks, so compare what comes back. */
  async addOrder(order: NewOrder): Promise<Order> {
    const params = { xmlAddData: buildOrderAddData(order) };
    const { result, read } = await this.asCustomer({ method: 'AddOrder', params, write: true });
    return mapOrder(read, result);
  }

  async cancelOrder(orderId: string): Promise<void> {
    await this.asCustomer({ method: 'CancelSalesOrder', params: { salesId: orderId }, write: true, voidAnswer: true });
  }

  async getOrderDetails(orderId: string, lines: OrderLineFilter = 'all', mode?: CallMode): Promise<OrderDetails> {
    const params = { salesId: orderId, filter: '', queryType: LINE_QUERY_TYPES[lines] };
    const { result, read } = await this.asOperator({ method: 'GetSalesOrderDetailsForOperator', params, mode });
    return mapOrderDetails(read, result);
  }

  /** One page of order lines bound to the given provider order ids and/or tracking numbers. */
  async searchOrderLines(search: OrderLineSearch, mode?: CallMode): Promise<OrderLinePage> {
    const params = {
      xmlSearchParameters: buildOrderLineSearchParameters(search),
      framePosition: search.offset ?? 0,
      frameSize: search.limit ?? DEFAULT_PAGE_SIZE,
    };
    const { result, read } = await this.asOperator({ method: 'SearchOrderLines', params, mode });
    return mapOrderLinePage(read, result);
  }

  /** Every matching line, page by page, up to `maxLines`; totalCount tells how many exist in all. */
  async searchAllOrderLines(search: OrderLineSearch, maxLines: number, mode?: CallMode): Promise<OrderLinePage> {
    const limit = Math.min(search.limit ?? DEFAULT_PAGE_SIZE, maxLines);
    const first = await this.searchOrderLines({ ...search, offset: 0, limit }, mode);
    const lines = [...first.lines];
    while (lines.length < Math.min(first.totalCount, maxLines)) {
      const page = await this.searchOrderLines({ ...search, offset: lines.length, limit }, mode);
      if (page.lines.length === 0) break;
      lines.push(...page.lines);
    }
    return { lines: lines.slice(0, maxLines), totalCount: first.totalCount };
  }

  async getOrderLineStatuses(mode?: CallMode): Promise<StatusName[]> {
    const { result, read } = await this.asOperator({ method: 'GetOrderLineStatusList', mode });
    return read.list(result, 'Content').map((status) => mapStatusName(read, status));
  }

  // Payment simulation

  async getPaymentInfo(orderId: string, mode?: CallMode): Promise<PaymentInfo> {
    const { result, read } = await this.asOperator({
      method: 'GetSalesPaymentInfo',
      params: { salesId: orderId },
      mode,
    });
    return mapPaymentInfo(read, result);
  }

  /** PostTransaction with isDebit=true, which OT's own admin uses for a deposit. */
  async deposit(deposit: Deposit): Promise<void> {
    const params = {
      customerId: deposit.customerId,
      amount: formatAmount(deposit.amount),
      comment: deposit.comment ?? '',
      isDebit: true,
      transactionDate: formatTransactionDate(deposit.date ?? this.now()),
    };
    await this.asOperator({ method: 'PostTransaction', params, write: true, voidAnswer: true });
  }

  /** SalesPaymentReserve: pays the order from the customer's balance. */
  async reservePayment(orderId: string, amount: number): Promise<PaymentInfo> {
    const params = { salesId: orderId, amount: formatAmount(amount) };
    const { result, read } = await this.asOperator({ method: 'SalesPaymentReserve', params, write: true });
    return mapPaymentInfo(read, result);
  }

  // Providers and their sessions

  async getProviders(mode?: CallMode): Promise<ProviderInfo[]> {
    const { root, read } = await this.send({ method: 'GetProviderInfoList', mode });
    return read.list(read.requiredNode(root, 'Result'), 'Content').map((provider) => mapProviderInfo(read, provider));
  }

  async getProviderSessions(providerType = this.providerType, mode?: CallMode): Promise<ProviderSession[]> {
    const method = 'GetProviderOrdersIntegrationSessionInfoList';
    const { result, read } = await this.asOperator({ method, params: { providerType }, mode });
    return read.list(result, 'Content').map((session) => mapProviderSession(read, session));
  }

  /** The provider's log-in page; the browser comes back to returnUrl when the person is done. */
  async getProviderLoginUrl(returnUrl: string, providerType = this.providerType, mode?: CallMode): Promise<string> {
    const method = 'GetProviderOrdersIntegrationSessionAuthenticationInfo';
    const { result, read } = await this.asOperator({ method, params: { providerType, returnUrl }, mode });
    return read.requiredText(result, 'RedirectUrl');
  }

  // Background activities that work with the provider

  exportOrder(request: ExportRequest): Promise<ActivityRef> {
    return this.runActivity('RunOrderExportingToProvider', request, buildExportParameters(request));
  }

  syncOrders(request: SyncRequest): Promise<ActivityRef> {
    return this.runActivity('RunOrdersSynchronizingWithProvider', request, buildSyncParameters(request));
  }

  linkOrder(request: LinkRequest): Promise<ActivityRef> {
    return this.runActivity('RunOrderLinkingWithProvider', request, buildLinkingParameters(request));
  }

  unlinkOrder(request: UnlinkRequest): Promise<ActivityRef> {
    return this.runActivity('RunOrderUnlinkingFromProvider', request, buildUnlinkingParameters(request));
  }

  async searchActivities(types: string[] = [], mode?: CallMode): Promise<Activity[]> {
    const params = { xmlSearchParameters: buildActivitySearchParameters(types) };
    const { result, read } = await this.asOperator({ method: 'SearchBackgroundActivities', params, mode });
    return read.list(result, 'Content').map((activity) => mapActivity(read, activity));
  }

  async getActivity(activity: ActivityRef, mode: CallMode = 'background'): Promise<Activity> {
    const params = { activityType: activity.type, activityId: activity.id };
    const { result, read } = await this.asOperator({ method: 'GetBackgroundActivityInfo', params, mode });
    return mapActivity(read, result);
  }

  /** Answers with one of the activity's own Actions. */
  async doActivityAction(activity: ActivityRef, actionId: string): Promise<void> {
    const params = { activityType: activity.type, activityId: activity.id, actionId };
    await this.asOperator({ method: 'DoActionForBackgroundActivity', params, write: true, voidAnswer: true });
  }

  /** Answers a step's DoStepAction by sending its parameters back unchanged. */
  async doStepAction(activity: ActivityRef, parameters: NamedParameter[]): Promise<void> {
    const params = {
      activityType: activity.type,
      activityId: activity.id,
      xmlParameters: buildStepActionParameters(parameters),
    };
    await this.asOperator({ method: 'DoStepActionForBackgroundActivity', params, write: true, voidAnswer: true });
  }

  private async runActivity(method: string, target: ProviderTarget, xml?: string): Promise<ActivityRef> {
    const params = {
      providerType: target.providerType ?? this.providerType,
      providerSessionId: target.providerSessionId,
      xmlParameters: xml,
    };
    const { result, read } = await this.asOperator({ method, params, write: true });
    return mapActivityRef(read, result, ACTIVITY_TYPE_OF_METHOD[method]);
  }

  private loginCustomer(withOperator: <T>(call: SessionCall<T>) => Promise<T>): Promise<string> {
    const { login, password } = this.options.customer;
    if (password) return this.authenticate(login, password);
    return withOperator((sessionId) => this.authenticateAsUser(sessionId, login));
  }

  private asOperator(call: Call): Promise<ResultAnswer> {
    return this.sessions.withOperator((sessionId) => this.sendForResult(call, sessionId));
  }

  private asCustomer(call: Call): Promise<ResultAnswer> {
    return this.sessions.withCustomer((sessionId) => this.sendForResult(call, sessionId));
  }

  private async sendForResult(call: Call, sessionId: string): Promise<ResultAnswer> {
    const { root, read } = await this.send({ ...call, params: { ...call.params, sessionId } });
    return { result: call.voidAnswer ? {} : read.requiredNode(root, 'Result'), read };
  }

  private async send(call: Call): Promise<{ root: XmlNode; read: AnswerReader }> {
    const policy = this.policies[call.mode ?? 'interactive'];
    const answer = await this.transport.call(call.method, call.params ?? {}, { policy, idempotent: !call.write });
    return { root: answer.root, read: new AnswerReader(call.method) };
  }
}

/** Amounts travel as decimals with a dot and two places; one that rounds to nothing is refused. */
function formatAmount(amount: number): string {
  const text = Number.isFinite(amount) ? amount.toFixed(2) : '';
  if (!(Number(text) > 0)) throw new RangeError(`amount must be a positive number of cents or more, not ${amount}`);
  return text;
}
