import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../src/app/_components/markdown.tsx';
import { plainText, safeUrl } from '../src/lib/markdown.ts';

/** The rendered markdown, without the wrapper element the component puts around it. */
function render(source: string): string {
  const html = renderToStaticMarkup(createElement(Markdown, { source }));
  const inner = /^<div class="markdown ">([\s\S]*)<\/div>$/.exec(html)?.[1];
  if (inner === undefined) throw new Error(`unexpected wrapper: ${html}`);
  return inner;
}

/** Every element in the output (text that merely looks like a tag is escaped, so never matches). */
function elements(html: string): { name: string; attributes: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((match) => ({
    name: (match[1] ?? '').toLowerCase(),
    attributes: [...(match[2] ?? '').matchAll(/([^\s=/]+)(?:="[^"]*")?/g)].map((a) =>
      (a[1] ?? '').toLowerCase(),
    ),
  }));
}

/** Every href/src value in the output. */
function urls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('Markdown renders user text without running any of it', () => {
  it('shows a <script> element as text, never as an element', () => {
    const html = render('Hello <script>alert(1)</script> world');
    expect(elements(html).map((element) => element.name)).toEqual(['p']);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps raw HTML blocks as text: no element, no event handler attribute', () => {
    const html = render(
      '<div onclick="alert(1)">\n\n<img src=x onerror="alert(document.cookie)">\n\n</div>\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(elements(html)).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=');
  });

  it('drops javascript:, data: and vbscript: links but keeps their text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'javascript&#58;alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
    ]) {
      const html = render(`[click me](<${href}>)`);
      expect(html, href).toContain('click me');
      expect(html, href).not.toMatch(/<a\b/);
      expect(urls(html).join(' '), href).not.toMatch(/script|data:/i);
    }
  });

  it('drops dangerous reference-style and autolinked addresses too', () => {
    const html = render('[x][evil] and <javascript:alert(1)>\n\n[evil]: javascript:alert(1)');
    expect(urls(html).join(' ')).not.toMatch(/javascript/i);
  });

  it('never loads images: a safe image becomes a link, an unsafe one only its alt text', () => {
    const html = render(
      '![chart](https://example.com/chart.png) ![x](javascript:alert(1)) ![d](data:image/png;base64,AAAA)',
    );
    expect(elements(html).map((element) => element.name)).not.toContain('img');
    expect(html).toContain('href="https://example.com/chart.png"');
    expect(html).toContain('chart (image)');
    expect(urls(html).join(' ')).not.toMatch(/javascript|data:/i);
  });

  it('renders ordinary markdown: emphasis, code, lists, tables, task lists, safe links in a new tab', () => {
    const html = render(
      [
        '# Title',
        '**bold** _em_ ~~gone~~ `code`',
        '- [x] done',
        '- [ ] todo',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        'See https://example.com and [docs](/w/acme/t/ENG-1).',
      ].join('\n'),
    );
    expect(html).toContain('<h1>Title</h1>');
    const names = new Set(elements(html).map((element) => element.name));
    expect(names).toEqual(
      new Set([
        'h1',
        'p',
        'strong',
        'em',
        'del',
        'code',
        'ul',
        'li',
        'input',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'a',
      ]),
    );
    expect(
      elements(html)
        .flatMap((element) => element.attributes)
        .filter((name) => name.startsWith('on')),
    ).toEqual([]);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<input type="checkbox" disabled="" readOnly="" checked=""\/>/);
    expect(html).toContain(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow ugc">https://example.com</a>',
    );
    expect(html).toContain('<a href="/w/acme/t/ENG-1">docs</a>');
  });
});

describe('safeUrl', () => {
  it('passes relative, http(s) and mailto addresses', () => {
    for (const url of [
      '/w/acme',
      '#top',
      '?q=1',
      'docs/readme.md',
      'https://a.example/x?y=1:2',
      'mailto:a@b.c',
    ]) {
      expect(safeUrl(url), url).toBe(url);
    }
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:x',
      'JAVASCRIPT:x',
      '\njavascript:x',
      'jav\u0000ascript:x',
      'data:x',
      'file:///etc/passwd',
      'ftp://x',
    ]) {
      expect(safeUrl(url), JSON.stringify(url)).toBe('');
    }
  });
});

describe('plainText (one-line teasers)', () => {
  it('drops the marks and keeps the words', () => {
    expect(plainText('Can we keep it until someone **has** a _passkey_?')).toBe(
      'Can we keep it until someone has a passkey?',
    );
    expect(plainText('## Scope\n- first\n- [x] done\n1. one\n> quoted')).toBe('Scope first done one quoted');
    expect(plainText('See the [guide](https://example.com) and `npm test`.')).toBe(
      'See the guide and npm test.',
    );
    expect(plainText('before\n```ts\nconst x = 1;\n```\nafter')).toBe('before after');
  });

  it('leaves punctuation that belongs to the words', () => {
    expect(plainText('the revoked-session case for user_id and 3 * 4')).toBe(
      'the revoked-session case for user_id and 3 * 4',
    );
  });
});
