import type { Route } from 'next';
import Link from 'next/link';

/** A signed-out page's title, with the way to the other form (`New here? Create an account`). */
export function AuthHeading({
  title,
  other,
}: {
  title: string;
  other: { question: string; label: string; href: Route };
}) {
  return (
    <div className="mb-8">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-500">
        {other.question}{' '}
        <Link
          href={other.href}
          className="font-medium text-indigo-600 hover:text-indigo-500 focus-visible:underline"
        >
          {other.label}
        </Link>
      </p>
    </div>
  );
}
