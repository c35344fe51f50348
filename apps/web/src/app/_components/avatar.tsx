/** Initials on a colour picked from the name, so a person looks the same everywhere. */
const palette = [
  'bg-indigo-100 text-indigo-700',
  'bg-violet-100 text-violet-700',
  'bg-sky-100 text-sky-700',
  'bg-emerald-100 text-emerald-700',
  'bg-amber-100 text-amber-800',
  'bg-rose-100 text-rose-700',
  'bg-teal-100 text-teal-700',
] as const;

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function colourOf(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] ?? palette[0];
}

export function Avatar({
  name,
  seed,
  size = 'md',
}: {
  name: string;
  seed?: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const sizes = { sm: 'size-7 text-[11px]', md: 'size-9 text-xs', lg: 'size-12 text-base' } as const;
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold ${sizes[size]} ${colourOf(seed ?? name)}`}
    >
      {initials(name)}
    </span>
  );
}

/** A workspace's square mark: its first letter on a colour from its slug. */
export function WorkspaceMark({
  name,
  slug,
  size = 'md',
}: {
  name: string;
  slug: string;
  size?: 'sm' | 'md';
}) {
  const sizes = { sm: 'size-6 text-[11px] rounded-md', md: 'size-8 text-sm rounded-lg' } as const;
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center font-semibold ${sizes[size]} ${colourOf(slug)}`}
    >
      {(name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}
