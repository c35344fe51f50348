'use client';

import { formatDateTime, formatRelative } from './format.ts';

/**
 * `3 hours ago`, with the exact UTC time on hover. Server and browser compute it a moment apart
 * and may differ by a minute; that text alone is allowed to (suppressHydrationWarning).
 */
export function RelativeTime({ date, className }: { date: Date; className?: string }) {
  return (
    <time
      dateTime={date.toISOString()}
      title={formatDateTime(date)}
      className={className}
      suppressHydrationWarning
    >
      {formatRelative(date)}
    </time>
  );
}
