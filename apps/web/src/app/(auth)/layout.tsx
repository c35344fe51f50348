import type { ReactNode } from 'react';
import { CheckIcon } from '../_components/icons.tsx';
import { Logo } from '../_components/logo.tsx';

const points = [
  'Workspaces for every team, with roles from viewer to owner',
  'Invite teammates with a link; every change lands in the audit log',
  'One typed API for the web app, the SDK, the CLI and your own scripts',
];

/** Signed-out pages: the form on the left, what Taskforge is on the right (wide screens). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="grid min-h-screen grid-cols-1 lg:grid-cols-[minmax(0,1fr)_minmax(0,36rem)]">
      <main className="flex flex-col px-6 py-10 sm:px-10">
        <div className="flex items-center gap-2.5">
          <Logo />
          <span className="text-[15px] font-semibold tracking-tight">Taskforge</span>
        </div>
        <div className="flex flex-1 items-center justify-center py-12">
          <div className="w-full max-w-sm">{children}</div>
        </div>
        <p className="text-xs text-slate-400">Taskforge · team task tracking on one type-safe API</p>
      </main>
      <aside className="relative hidden overflow-hidden bg-linear-to-br from-indigo-600 via-indigo-600 to-violet-700 lg:flex lg:flex-col lg:justify-center lg:px-14">
        <div
          aria-hidden="true"
          className="absolute -top-24 -right-24 size-96 rounded-full bg-white/10 blur-3xl"
        />
        <div
          aria-hidden="true"
          className="absolute -bottom-32 -left-16 size-96 rounded-full bg-violet-400/20 blur-3xl"
        />
        <div className="relative">
          <p className="text-sm font-medium text-indigo-200">Plan, track and ship together</p>
          <h2 className="mt-3 text-3xl font-semibold tracking-tight text-white">
            Your team’s work, in one calm place.
          </h2>
          <ul className="mt-8 space-y-4">
            {points.map((point) => (
              <li key={point} className="flex gap-3 text-[15px] text-indigo-50">
                <span className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-white/15">
                  <CheckIcon className="size-3.5" />
                </span>
                {point}
              </li>
            ))}
          </ul>
          <div className="mt-12 rounded-2xl border border-white/15 bg-white/10 p-5 text-sm text-indigo-50 backdrop-blur">
            <p>
              “We moved three teams onto Taskforge in an afternoon. The roles and the audit log are exactly
              what our security review asked for.”
            </p>
            <p className="mt-3 text-xs font-medium text-indigo-200">Engineering lead, early customer</p>
          </div>
        </div>
      </aside>
    </div>
  );
}
