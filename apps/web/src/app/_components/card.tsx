import type { ReactNode } from 'react';

/** The white panel every section sits in. `flush`: the body runs edge to edge (tables, lists). */
export function Card({
  title,
  description,
  action,
  children,
  footer,
  className = '',
  testId,
  flush = false,
  tone = 'default',
}: {
  title?: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
  testId?: string;
  flush?: boolean;
  tone?: 'default' | 'danger';
}) {
  const border = tone === 'danger' ? 'border-rose-200' : 'border-slate-200/80';
  return (
    <section
      data-testid={testId}
      className={`min-w-0 rounded-2xl border ${border} bg-white shadow-sm shadow-slate-200/50 ${className}`}
    >
      {title ? (
        <header
          className={`flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-6 pt-5 ${flush ? 'border-b border-slate-100 pb-4' : ''}`}
        >
          <div className="min-w-0">
            <h2 className={`text-sm font-semibold ${tone === 'danger' ? 'text-rose-700' : 'text-slate-900'}`}>
              {title}
            </h2>
            {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
          </div>
          {action}
        </header>
      ) : null}
      <div className={flush ? '' : title ? 'px-6 pt-5 pb-6' : 'p-6'}>{children}</div>
      {footer ? (
        <footer className="flex flex-wrap items-center justify-end gap-3 rounded-b-2xl border-t border-slate-100 bg-slate-50/60 px-6 py-3.5">
          {footer}
        </footer>
      ) : null}
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

/** The heading block of a page: title, one line about it, and its main actions. */
export function PageHeader({
  title,
  description,
  actions,
  eyebrow,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <header className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {eyebrow ? <div className="mb-2 text-sm font-medium text-indigo-600">{eyebrow}</div> : null}
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-[1.7rem]">{title}</h1>
        {description ? <p className="mt-1.5 max-w-2xl text-sm text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-3">{actions}</div> : null}
    </header>
  );
}

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center px-6 py-10 text-center">
      {icon ? (
        <span className="flex size-10 items-center justify-center rounded-xl bg-indigo-50 text-indigo-600">
          {icon}
        </span>
      ) : null}
      <p className="mt-3 text-sm font-medium text-slate-900">{title}</p>
      {children ? <p className="mt-1 max-w-sm text-sm text-slate-500">{children}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
