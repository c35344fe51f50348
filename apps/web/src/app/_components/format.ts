// Fixed locale and UTC: server and browser must render identical text, or hydration fails.
const counts = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return counts.format(value);
}

export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
}

/** `14:03:27 UTC` */
export function formatUtcTime(date: Date): string {
  return `${date.toISOString().slice(11, 19)} UTC`;
}

/** `2026-11-25` */
export function formatUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Request failed';
}
