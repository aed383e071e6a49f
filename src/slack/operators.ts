import type { OperatorsConfig } from '../config';
import type { Logger } from '../logger';

/** How long the members of a user group are trusted before Slack is asked again. */
export const GROUP_CACHE_MS = 5 * 60_000;

export interface OperatorCheckOptions {
  operators: OperatorsConfig;
  /** usergroups.users.list through the Web API: the user ids of one group. */
  listGroupMembers: (groupId: string) => Promise<string[]>;
  logger: Logger;
  now?: () => number;
}

/** Whether a Slack user may act on orders: named in OPERATORS directly or through one of its user groups. */
export type OperatorCheck = (userId: string) => Promise<boolean>;

export function createOperatorCheck(options: OperatorCheckOptions): OperatorCheck {
  const { operators, logger } = options;
  const now = options.now ?? Date.now;
  const userIds = new Set(operators.userIds);
  const cache = new Map<string, { members: Set<string>; until: number }>();

  const inFlight = new Map<string, Promise<Set<string>>>();

  const fetchMembers = async (groupId: string): Promise<Set<string>> => {
    const cached = cache.get(groupId);
    try {
      const members = new Set(await options.listGroupMembers(groupId));
      cache.set(groupId, { members, until: now() + GROUP_CACHE_MS });
      return members;
    } catch (error) {
      // Keep an expired list rather than lock every operator out while Slack is unreachable.
      logger.error(`could not read the members of user group ${groupId}`, { error });
      return cached?.members ?? new Set();
    } finally {
      inFlight.delete(groupId);
    }
  };

  // Requests that arrive together share one Web API call per group.
  const membersOf = (groupId: string): Promise<Set<string>> => {
    const cached = cache.get(groupId);
    if (cached && cached.until > now()) return Promise.resolve(cached.members);
    const pending = inFlight.get(groupId) ?? fetchMembers(groupId);
    inFlight.set(groupId, pending);
    return pending;
  };

  return async (userId) => {
    if (operators.allowAll || userIds.has(userId)) return true;
    for (const groupId of operators.userGroupIds) {
      if ((await membersOf(groupId)).has(userId)) return true;
    }
    return false;
  };
}
