import type { Logger } from '../logger';
import { OtApiError } from './errors';

export type SessionCall<T> = (sessionId: string) => Promise<T>;

export interface SessionLogins {
  /** AuthenticateInstanceOperator */
  loginOperator(): Promise<string>;
  /** Authenticate, or AuthenticateAsUser in an operator session when the customer has no password. */
  loginCustomer(withOperator: <T>(call: SessionCall<T>) => Promise<T>): Promise<string>;
}

type SessionKind = 'operator' | 'customer';

interface SessionEntry {
  pending: Promise<string>;
  sessionId?: string;
}

/**
 * Keeps the operator and customer sessions. Logins are shared: concurrent calls that need a session wait
 * for one login. A call that fails with SessionExpired logs in again, once, and is repeated, once.
 */
export class OtSessions {
  private readonly entries = new Map<SessionKind, SessionEntry>();

  constructor(
    private readonly logins: SessionLogins,
    private readonly logger: Logger,
  ) {}

  withOperator<T>(call: SessionCall<T>): Promise<T> {
    return this.withSession('operator', call);
  }

  withCustomer<T>(call: SessionCall<T>): Promise<T> {
    return this.withSession('customer', call);
  }

  private async withSession<T>(kind: SessionKind, call: SessionCall<T>): Promise<T> {
    const sessionId = await this.session(kind);
    try {
      return await call(sessionId);
    } catch (error) {
      if (!(error instanceof OtApiError) || !error.isSessionExpired) throw error;
      this.logger.info(`OT ${kind} session expired during ${error.method}, logging in again`);
      this.forget(kind, sessionId);
      return call(await this.session(kind));
    }
  }

  private session(kind: SessionKind): Promise<string> {
    const existing = this.entries.get(kind);
    if (existing) return existing.pending;

    const entry: SessionEntry = { pending: this.login(kind) };
    entry.pending = entry.pending.then(
      (sessionId) => {
        this.logger.addSecret(sessionId);
        entry.sessionId = sessionId;
        return sessionId;
      },
      (error: unknown) => {
        // A failed login must not stay cached, or every later call would fail without trying again.
        if (this.entries.get(kind) === entry) this.entries.delete(kind);
        throw error;
      },
    );
    this.entries.set(kind, entry);
    return entry.pending;
  }

  private login(kind: SessionKind): Promise<string> {
    if (kind === 'operator') return this.logins.loginOperator();
    return this.logins.loginCustomer((call) => this.withOperator(call));
  }

  private forget(kind: SessionKind, expiredSessionId: string): void {
    // Only drop the session that expired: a concurrent call may already have logged in again.
    if (this.entries.get(kind)?.sessionId === expiredSessionId) this.entries.delete(kind);
  }
}
