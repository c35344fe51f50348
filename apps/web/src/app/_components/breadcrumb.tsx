import type { Route } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ChevronRightIcon } from './icons.tsx';

/** Where a page sits: links up the way, then the page itself (`here`) as plain text. */
export function Breadcrumb({
  trail,
  here,
  className = '',
}: {
  trail: { href: Route; label: string }[];
  here: ReactNode;
  className?: string;
}) {
  return (
    <nav
      aria-label="Breadcrumb"
      className={`flex flex-wrap items-center gap-1 text-sm text-slate-500 ${className}`}
    >
      {trail.map((step) => (
        <span key={step.href} className="contents">
          <Link
            href={step.href}
            className="rounded hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {step.label}
          </Link>
          <ChevronRightIcon className="size-3.5 text-slate-300" />
        </span>
      ))}
      <span className="text-slate-700">{here}</span>
    </nav>
  );
}
