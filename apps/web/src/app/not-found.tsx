import type { Metadata } from 'next';
import Link from 'next/link';
import { Logo } from './_components/logo.tsx';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-6">
      <div className="w-full max-w-md text-center">
        <Logo className="mx-auto size-10" />
        <p className="mt-6 font-mono text-sm font-medium text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-2 text-sm text-slate-500">There is nothing at this address.</p>
        <Link
          href="/"
          className="mt-6 inline-flex items-center rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
        >
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
