/** The Taskforge mark: a checked card on an indigo tile. */
export function Logo({ className = 'size-8' }: { className?: string }) {
  return (
    <span
      className={`flex items-center justify-center rounded-lg bg-linear-to-br from-indigo-500 to-violet-600 text-white shadow-sm shadow-indigo-500/30 ${className}`}
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2.2}
        className="size-[60%]"
        aria-hidden="true"
      >
        <path d="M5 12.5 9.5 17 19 7" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </span>
  );
}
