import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import MarkdownView from './MarkdownView.vue';
import { parseInline } from './parse-inline';
import { parseMarkdown } from './parse-markdown';
import { safeHref } from './safe-href';

const render = (source: string, maxChars?: number) =>
  mount(MarkdownView, { props: maxChars === undefined ? { source } : { source, maxChars } });

describe('markdown rendering is safe', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://evil.test"></iframe>',
    '**<script>alert(1)</script>**',
    '- <script>alert(1)</script>',
    '| a |\n| - |\n| <script>x</script> |',
    '```\n<script>alert(1)</script>\n```',
  ])('never turns %j into HTML elements', (source) => {
    const sut = render(source);

    expect(sut.find('script').exists()).toBe(false);
    expect(sut.find('img').exists()).toBe(false);
    expect(sut.find('iframe').exists()).toBe(false);
    expect(sut.text()).toContain('<');
  });

  it('shows raw HTML as its literal characters', () => {
    const sut = render('Say <b>hi</b> & <script>alert("x")</script>');

    expect(sut.find('b').exists()).toBe(false);
    expect(sut.text()).toBe('Say <b>hi</b> & <script>alert("x")</script>');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    'file:///etc/passwd',
  ])('renders a link to %j as text, not a link', (href) => {
    const sut = render(`[click me](${href})`);

    expect(sut.find('a').exists()).toBe(false);
    expect(sut.text()).toContain('click me');
  });

  it('opens external links in a new tab with rel=noopener', () => {
    const sut = render('See [the docs](https://example.com/a?b=1) and /runs/r1 and [run](/runs/r-2).');
    const [external, internal] = sut.findAll('a');

    expect(external?.attributes()).toMatchObject({ href: 'https://example.com/a?b=1', target: '_blank' });
    expect(external?.attributes('rel')).toContain('noopener');
    expect(internal?.attributes('href')).toBe('/runs/r-2');
    expect(internal?.attributes('target')).toBeUndefined();
  });

  it('cuts oversized sources and shows them as plain text', () => {
    const sut = render(`# Title\n${'x'.repeat(200)}`, 50);

    expect(sut.find('h1').exists()).toBe(false);
    expect(sut.get('pre').text()).toHaveLength(50);
    expect(sut.text()).toContain('more characters not shown');
  });
});

describe('markdown structure', () => {
  it('renders headings, emphasis, inline code, code blocks and lists', () => {
    const sut = render(
      [
        '## Plan',
        '',
        'I will **fix** the *bug* in `parse()` and ~~not~~ break snake_case_names.',
        '',
        '1. first',
        '2. second',
        '   - nested',
        '',
        '```ts',
        'const a = 1 < 2;',
        '```',
      ].join('\n'),
    );

    expect(sut.get('h2').text()).toBe('Plan');
    expect(sut.get('strong').text()).toBe('fix');
    expect(sut.get('em').text()).toBe('bug');
    expect(sut.get('p code').text()).toBe('parse()');
    expect(sut.get('del').text()).toBe('not');
    expect(sut.text()).toContain('snake_case_names');
    expect(sut.findAll('ol > li')).toHaveLength(2);
    expect(sut.get('ol li ul li').text()).toBe('nested');
    expect(sut.get('pre code').text()).toBe('const a = 1 < 2;');
    expect(sut.get('pre code').attributes('data-lang')).toBe('ts');
  });

  it('parses tables with alignment', () => {
    const [table] = parseMarkdown('| a | b |\n| :- | -: |\n| 1 | 2 |');

    expect(table).toMatchObject({ type: 'table', align: ['left', 'right'], rows: [[[{ text: '1' }], [{ text: '2' }]]] });
  });

  it('keeps an unterminated fence as code to the end', () => {
    expect(parseMarkdown('```\nline 1\nline 2')).toEqual([{ type: 'code', lang: '', text: 'line 1\nline 2' }]);
  });

  it('leaves unmatched delimiters as text', () => {
    expect(parseInline('2 * 3 = 6 and a_b and `tick')).toEqual([{ type: 'text', text: '2 * 3 = 6 and a_b and `tick' }]);
  });

  it('links bare URLs without the sentence punctuation after them', () => {
    expect(parseInline('Open https://example.com/x.')).toEqual([
      { type: 'text', text: 'Open ' },
      { type: 'link', href: 'https://example.com/x', children: [{ type: 'text', text: 'https://example.com/x' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('survives deeply nested input without unbounded recursion', () => {
    const deep = `${'> '.repeat(500)}text\n${'['.repeat(2000)}`;

    expect(() => parseMarkdown(deep)).not.toThrow();
  });
});

describe('safeHref', () => {
  it.each([
    ['https://a.test', 'https://a.test'],
    ['mailto:x@a.test', 'mailto:x@a.test'],
    ['/tasks/1', '/tasks/1'],
    ['#top', '#top'],
    ['docs/a.md', 'docs/a.md'],
    ['//cdn.test/x', 'https://cdn.test/x'],
    ['javascript:void(0)', null],
    ['weird:thing', null],
  ])('%s → %s', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});
