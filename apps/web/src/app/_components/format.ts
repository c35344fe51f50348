// Fixed locale and UTC: server and browser must render identical text, or hydration fails.
const counts = new Intl.NumberFormat('en-US');
const dateTime = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateOnly = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

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

/** `Nov 25, 2026, 14:03 UTC` */
export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

/** `Nov 25, 2026` */
export function formatDate(date: Date): string {
  return dateOnly.format(date);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** `3 hours ago`, `in 6 days`, `just now` (within a minute either way). */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return 'just now';
  for (const [unit, size] of units) {
    if (abs >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Request failed';
}
