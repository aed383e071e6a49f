import type { OtClient } from '../ot/client';
import type { Activity } from '../ot/types';
import { describeFailure } from './describe-failure';
import { type AccountState, listAccounts } from './readiness';

/** The activity types the Autopurchase workflow starts (reference §3.7). */
export const PROVIDER_ACTIVITY_TYPES = [
  'ProviderOrdersIntegrationExporting',
  'ProviderOrdersIntegrationSynchronizing',
  'ProviderOrdersIntegrationLinking',
  'ProviderOrdersIntegrationUnlinking',
];

export interface AccountView extends AccountState {
  /** The provider's log-in page for this account. */
  loginUrl?: string;
  /** Why there is no log-in link, when OT would not give one. */
  loginProblem?: string;
}

/**
 * Every provider account with its session and a log-in link. The return URL names the account, so each
 * account gets its own link; a failure to get one link leaves that button out, not the whole list.
 */
export async function listProviderAccounts(
  ot: OtClient,
  expectedAccounts: readonly string[],
  returnUrlFor: (accountName: string) => string,
): Promise<AccountView[]> {
  const accounts = listAccounts(await ot.getProviderSessions(), expectedAccounts);
  return Promise.all(
    accounts.map(async (account) => {
      try {
        return { ...account, loginUrl: await ot.getProviderLoginUrl(returnUrlFor(account.name)) };
      } catch (error) {
        return { ...account, loginProblem: describeFailure(error) };
      }
    }),
  );
}

/** Activities that are still running or wait for an answer, newest first as OT lists them. */
export async function listOpenActivities(ot: OtClient): Promise<Activity[]> {
  const activities = await ot.searchActivities(PROVIDER_ACTIVITY_TYPES);
  return activities.filter((activity) => !activity.isFinished && !activity.isCancelled);
}
