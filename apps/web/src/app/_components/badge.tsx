import { ROLE_LABELS, type Role } from '@taskforge/auth/roles';
import type { ReactNode } from 'react';

type Tone = 'slate' | 'indigo' | 'violet' | 'emerald' | 'amber' | 'rose' | 'sky';

const tones: Record<Tone, string> = {
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/10',
  indigo: 'bg-indigo-50 text-indigo-700 ring-indigo-600/15',
  violet: 'bg-violet-50 text-violet-700 ring-violet-600/15',
  emerald: 'bg-emerald-50 text-emerald-700 ring-emerald-600/15',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  rose: 'bg-rose-50 text-rose-700 ring-rose-600/15',
  sky: 'bg-sky-50 text-sky-700 ring-sky-600/15',
};

export function Badge({
  tone = 'slate',
  children,
  testId,
}: {
  tone?: Tone;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

const roleTones: Record<Role, Tone> = { OWNER: 'violet', ADMIN: 'indigo', MEMBER: 'sky', VIEWER: 'slate' };

export function RoleBadge({ role, testId }: { role: Role; testId?: string }) {
  return (
    <Badge tone={roleTones[role]} testId={testId}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}
