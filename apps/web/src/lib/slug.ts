// Browser-safe: a workspace URL suggested from its name (the server checks the real rules).

/** `Acme Engineering!` → `acme-engineering`; accents dropped, at most 48 characters. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}
