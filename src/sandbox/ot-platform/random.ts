/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same session ids, provider order ids
 * and tracking numbers, so a test can name what it expects and a failure replays.
 */
export interface SimRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  digits(count: number): string;
  /** A GUID-shaped id (version 4 layout), as OT uses for sessions, activities and request ids. */
  guid(): string;
}

export function createRandom(seed: number): SimRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hex = (count: number): string => Array.from({ length: count }, () => int(0, 15).toString(16)).join('');

  return {
    next,
    int,
    digits: (count) => Array.from({ length: count }, (_, i) => String(i === 0 ? int(1, 9) : int(0, 9))).join(''),
    guid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}
