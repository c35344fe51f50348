// Browser-safe: what user-written markdown (task descriptions, comments) may turn into. The
// renderer (app/_components/markdown.tsx) applies it; the tests feed it hostile input.

/**
 * The only elements markdown may produce; anything else is unwrapped to its text. Raw HTML in the
 * source never gets here as HTML at all: react-markdown turns it into literal text.
 */
export const MARKDOWN_ELEMENTS = [
  'p',
  'br',
  'hr',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  // GFM task lists (a disabled checkbox) and footnotes.
  'input',
  'sup',
  'section',
] as const;

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * A link or image address that is safe to put in the page, or '' (the element then renders as
 * plain text). Relative addresses pass; of absolute ones only http(s) and mailto. Browsers ignore
 * tabs, newlines and leading spaces inside a scheme (`java\tscript:`), so the check looks at the
 * address with them removed.
 */
export function safeUrl(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what hides a scheme
  const squashed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const colon = squashed.indexOf(':');
  if (colon === -1) return url.trim();
  const firstDelimiter = squashed.search(/[/?#]/);
  // A colon after the first `/`, `?` or `#` is part of a path or query, not a scheme.
  if (firstDelimiter !== -1 && firstDelimiter < colon) return url.trim();
  const scheme = squashed.slice(0, colon).toLowerCase();
  return SAFE_SCHEMES.has(scheme) ? url.trim() : '';
}

/** Whether a (safe) address leaves this site: such links open in a new tab without a referrer. */
export function isExternal(url: string): boolean {
  return /^(https?:)?\/\//i.test(url) || /^mailto:/i.test(url);
}

/**
 * Markdown's words without its marks, on one line: teasers (a project's description, a comment in
 * a feed). Only marks are dropped, so `revoked-session` and `user_id` keep their own punctuation.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '')
    .replace(/(\*\*|__|~~)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
