/** Small text helpers shared by the simulator's steps, pages and errors. */

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `2026-12-01 09:15 UTC`: how steps and pages show a time. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function listIds(ids: string[]): string {
  return ids.join(', ');
}
