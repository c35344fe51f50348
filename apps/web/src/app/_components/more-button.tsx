import type { ReactNode } from 'react';
import { Button } from './button.tsx';

/** What an infinite query (or a board column) offers for its next page. */
export interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * The next page of a list, on request: nothing when there is none. `footer` sets it apart at the
 * bottom of a flush card.
 */
export function MoreButton({
  pages,
  children,
  footer = false,
  className,
}: {
  pages: Pages;
  children: ReactNode;
  footer?: boolean;
  className?: string;
}) {
  if (!pages.hasNextPage) return null;
  const button = (
    <Button
      variant="ghost"
      size="sm"
      pending={pages.isFetchingNextPage}
      pendingLabel="Loading…"
      onClick={() => void pages.fetchNextPage()}
      className={className}
    >
      {children}
    </Button>
  );
  return footer ? <div className="border-t border-slate-100 px-6 py-3 text-center">{button}</div> : button;
}
