/**
 * The simulator's own time. Tests use a manual clock and move it forward by hand, so that 24-hour
 * session expiry and day-long parcel journeys take no real time; the sandbox lets it run with the wall
 * clock, optionally faster, and still allows a jump forward for demonstrations.
 */
export interface SimClock {
  now(): Date;
  /** Moves time forward (never back): whatever was due in between happens at the next request. */
  advance(ms: number): void;
}

export interface ClockOptions {
  start?: Date;
  /** `manual`: time moves only through advance(). `real`: it follows the wall clock, `speed` times faster. */
  mode?: 'manual' | 'real';
  speed?: number;
  wallNow?: () => number;
}

export const DEFAULT_START = new Date('2026-12-01T01:00:00.000Z');

export function createClock(options: ClockOptions = {}): SimClock {
  const start = (options.start ?? DEFAULT_START).getTime();
  const wallNow = options.wallNow ?? Date.now;
  const wallStart = wallNow();
  const speed = options.mode === 'real' ? (options.speed ?? 1) : 0;
  if (!(speed >= 0) || !Number.isFinite(speed)) throw new RangeError(`clock speed must be a positive number`);
  let skipped = 0;

  return {
    now: () => new Date(start + skipped + (wallNow() - wallStart) * speed),
    advance(ms: number) {
      if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`the clock only moves forward, not by ${ms} ms`);
      skipped += ms;
    },
  };
}
