'use client';

import { Logo } from './_components/logo.tsx';

/** Shown when rendering a page throws; the digest matches the server log line. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-6">
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <Logo className="mx-auto size-10" />
        <h1 className="mt-6 text-xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="mt-2 text-sm text-slate-500">
          The page could not be rendered. Try again; if it keeps failing, check the server log.
        </p>
        {error.digest ? (
          <p className="mt-4 font-mono text-xs text-slate-400">
            Reference <span data-testid="error-digest">{error.digest}</span>
          </p>
        ) : null}
        <button
          type="button"
          onClick={reset}
          className="mt-6 inline-flex items-center rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Try again
        </button>
      </div>
    </main>
  );
}
