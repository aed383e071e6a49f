/** Faults a test (or a demonstration) arms on purpose; each one-shot fault fires on the next matching call. */
export type FaultKind = 'http500' | 'malformed' | 'sessionExpired';

export interface FaultOptions {
  /** Only calls of this OT method; any method when absent. */
  method?: string;
  /** How many calls it hits (default 1). */
  times?: number;
}

interface ArmedFault {
  kind: FaultKind;
  method?: string;
  remaining: number;
}

export class Faults {
  /** Every answer waits this long first (real milliseconds, not simulator time). */
  latencyMs = 0;
  /** While on, every call answers InstanceKeyBan, as OT does for a blocked key. */
  instanceKeyBan = false;
  private armed: ArmedFault[] = [];

  /**
   * http500: the call answers HTTP 500 with an HTML page. malformed: a cut-off XML answer (after the
   * method ran). sessionExpired: the next call that carries a session answers SessionExpired and the
   * session is gone, as when OT drops it early.
   */
  inject(kind: FaultKind, options: FaultOptions = {}): void {
    const times = options.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`a fault hits at least one call, not ${times}`);
    this.armed.push({ kind, method: options.method, remaining: times });
  }

  /** Uses up one matching fault, if one is armed. */
  take(kind: FaultKind, method: string): boolean {
    const fault = this.armed.find((candidate) => candidate.kind === kind && (candidate.method ?? method) === method);
    if (!fault) return false;
    fault.remaining--;
    if (fault.remaining === 0) this.armed = this.armed.filter((candidate) => candidate !== fault);
    return true;
  }

  clear(): void {
    this.armed = [];
    this.latencyMs = 0;
    this.instanceKeyBan = false;
  }
}
