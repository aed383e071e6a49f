/**
 * How long an OT call may take and how often a failed read is tried again. Writes (AddOrder,
 * PostTransaction, Run*) are never retried by the transport: a timeout does not say whether OT acted.
 */
export interface CallPolicy {
  name: string;
  timeoutMs: number;
  /** Extra attempts after a timeout, a network error or an HTTP 5xx, for reads only. */
  retries: number;
  retryDelayMs: number;
}

/** A person is waiting in Slack: answer or fail fast. */
export const INTERACTIVE_POLICY: CallPolicy = { name: 'interactive', timeoutMs: 15_000, retries: 1, retryDelayMs: 500 };

/** Polling, reminders, scheduled sync: nobody waits, so allow a slow OT and ride out short outages. */
export const BACKGROUND_POLICY: CallPolicy = { name: 'background', timeoutMs: 60_000, retries: 3, retryDelayMs: 2_000 };

export interface CallPolicies {
  interactive: CallPolicy;
  background: CallPolicy;
}

export const DEFAULT_POLICIES: CallPolicies = { interactive: INTERACTIVE_POLICY, background: BACKGROUND_POLICY };
