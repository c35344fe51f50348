import type { ReactNode } from 'react';

/** The white panel every dashboard section sits in. */
export function Card({
  title,
  action,
  children,
  className = '',
  testId,
}: {
  title?: string;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      data-testid={testId}
      className={`min-w-0 rounded-2xl border border-slate-200/80 bg-white p-6 shadow-sm shadow-slate-200/50 ${className}`}
    >
      {title ? (
        <header className="mb-5 flex items-center justify-between gap-4">
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {action}
        </header>
      ) : null}
      {children}
    </section>
  );
}

export function ErrorNote({ testId, title, detail }: { testId: string; title: string; detail: string }) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="rounded-xl border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800"
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1 line-clamp-4 wrap-anywhere text-rose-700/90" title={detail}>
        {detail}
      </p>
    </div>
  );
}
