import type { OtClient } from '../ot/client';
import type { ProviderInfo, ProviderSession } from '../ot/types';

export type IntegrationState = 'enabled' | 'disabled' | 'unavailable' | 'unknown-provider';

const INTEGRATION_WORDS: Record<IntegrationState, string> = {
  enabled: 'enabled',
  disabled: 'available but switched off in the OT admin panel (Autopurchase settings)',
  unavailable: 'not available for this instance key: ask OT support to enable Autopurchase',
  'unknown-provider': 'OT does not list this provider: check OT_PROVIDER_TYPE',
};

export interface AccountState {
  name: string;
  /** The providerSessionId, when OT holds a session for the account. */
  sessionId?: string;
  balance?: ProviderSession['balance'];
}

export interface Readiness {
  providerType: string;
  integration: IntegrationState;
  /** Accounts OT has a session for, then the expected ones (PROVIDER_ACCOUNTS) it has none for. */
  accounts: AccountState[];
}

/**
 * Whether OT is ready for Autopurchase: the operator can log in, the provider's orders integration is on,
 * and which provider accounts have a session. The bot checks it at start and shows it to operators.
 */
export async function checkReadiness(ot: OtClient, expectedAccounts: readonly string[]): Promise<Readiness> {
  const [providers, sessions] = await Promise.all([ot.getProviders(), ot.getProviderSessions()]);
  const provider = providers.find((candidate) => candidate.type === ot.providerType);

  return {
    providerType: ot.providerType,
    integration: integrationStateOf(provider),
    accounts: listAccounts(sessions, expectedAccounts),
  };
}

/** Lines an operator can read: what works, and what to do about what does not. */
export function describeReadiness(readiness: Readiness): string[] {
  const lines = [`${readiness.providerType} orders integration: ${INTEGRATION_WORDS[readiness.integration]}`];
  if (readiness.accounts.length === 0) lines.push('no provider account has a session: log in to one from Slack');
  for (const account of readiness.accounts) lines.push(describeAccount(account));
  return lines;
}

function integrationStateOf(provider: ProviderInfo | undefined): IntegrationState {
  if (!provider) return 'unknown-provider';
  if (!provider.ordersIntegration?.isAvailable) return 'unavailable';
  return provider.ordersIntegration.isEnabled ? 'enabled' : 'disabled';
}

/** Accounts OT holds a session for, then the expected ones it holds none for. */
export function listAccounts(sessions: ProviderSession[], expectedAccounts: readonly string[]): AccountState[] {
  const accounts: AccountState[] = sessions.map((session) => ({
    name: session.name,
    sessionId: session.id,
    balance: session.balance,
  }));
  const known = new Set(sessions.map((session) => session.name));
  for (const name of expectedAccounts) if (!known.has(name)) accounts.push({ name });
  return accounts;
}

function describeAccount(account: AccountState): string {
  if (!account.sessionId) return `account ${account.name}: no session, log in to the provider`;
  const balance = account.balance
    ? `, balance ${account.balance.amount.toFixed(2)} ${account.balance.currencyCode}`
    : '';
  return `account ${account.name}: session held by OT${balance}`;
}
