import type { ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { isExternal, MARKDOWN_ELEMENTS, safeUrl } from '../../lib/markdown.ts';

/**
 * Links keep only safe addresses (an unsafe one leaves its text); external ones open in a new tab
 * with no referrer or opener. Images are never loaded from wherever the text points (no tracking
 * pixels, and the page's CSP allows none): they become a link to the image.
 */
const components: Components = {
  a: ({ href, children, node: _node, ...rest }) => {
    const target = href ? safeUrl(href) : '';
    if (!target) return <span>{children}</span>;
    const external = isExternal(target);
    return (
      <a
        {...rest}
        href={target}
        target={external ? '_blank' : undefined}
        rel={external ? 'noopener noreferrer nofollow ugc' : undefined}
      >
        {children}
      </a>
    );
  },
  img: ({ src, alt }) => {
    const target = typeof src === 'string' ? safeUrl(src) : '';
    const text = alt ? `${alt} (image)` : 'image';
    if (!target) return <span>{text}</span>;
    return (
      <a href={target} target="_blank" rel="noopener noreferrer nofollow ugc">
        {text}
      </a>
    );
  },
  input: ({ type, checked }) =>
    type === 'checkbox' ? <input type="checkbox" checked={Boolean(checked)} disabled readOnly /> : null,
};

export interface MarkdownProps {
  source: string;
  className?: string;
  testId?: string;
}

/** User-written markdown as HTML: GFM (tables, task lists, strikethrough, autolinks), no raw HTML, no script. */
export function Markdown({ source, className = '', testId }: MarkdownProps) {
  return (
    <div className={`markdown ${className}`} data-testid={testId}>
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        allowedElements={MARKDOWN_ELEMENTS}
        unwrapDisallowed
        urlTransform={safeUrl}
        components={components}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}

const remarkPlugins: ComponentProps<typeof ReactMarkdown>['remarkPlugins'] = [remarkGfm];
