/**
 * Inline Markdown: code spans, links (`[text](url)`, `<url>`, bare http(s) URLs), strong, emphasis,
 * strikethrough, backslash escapes and hard breaks. A pragmatic subset of CommonMark/GFM: what
 * agents write, parsed in one linear-ish pass with a nesting limit. Unmatched delimiters stay text.
 */
import type { Inline } from './markdown-ast';
import { safeHref } from './safe-href';

const MAX_DEPTH = 8;
const ESCAPABLE = new Set('\\`*_{}[]()#+-.!|<>~"\'');
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Trailing characters that end a sentence rather than a bare URL. */
const URL_TRAIL = /[.,;:!?'")\]]+$/;

export function parseInline(source: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push({ type: 'text', text });
    text = '';
  };
  const nested = (inner: string): Inline[] =>
    depth >= MAX_DEPTH ? [{ type: 'text', text: inner }] : parseInline(inner, depth + 1);

  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];

    if (ch === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      text += next;
      i += 2;
      continue;
    }
    // Hard break: backslash or two spaces before a newline.
    if (ch === '\n') {
      if (text.endsWith('  ') || text.endsWith('\\')) {
        text = text.replace(/(\s{2,}|\\)$/, '');
        flush();
        out.push({ type: 'break' });
      } else {
        text += '\n';
      }
      i += 1;
      continue;
    }

    if (ch === '`') {
      const run = countRun(source, i, '`');
      const close = findBacktickClose(source, i + run, run);
      if (close === -1) {
        text += '`'.repeat(run);
        i += run;
        continue;
      }
      let code = source.slice(i + run, close).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      flush();
      out.push({ type: 'code', text: code });
      i = close + run;
      continue;
    }

    if (ch === '[') {
      const link = readLink(source, i);
      if (link) {
        const href = safeHref(link.url);
        flush();
        if (href === null) out.push(...nested(link.label));
        else out.push({ type: 'link', href, children: nested(link.label) });
        i = link.end;
        continue;
      }
    }

    if (ch === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(source.slice(i, i + 2100));
      const href = auto ? safeHref(auto[1]!) : null;
      if (auto && href !== null) {
        flush();
        out.push({ type: 'link', href, children: [{ type: 'text', text: auto[1]! }] });
        i += auto[0].length;
        continue;
      }
    }

    if ((ch === 'h' || ch === 'H') && !isWordChar(source[i - 1])) {
      const bare = /^https?:\/\/[^\s<>]+/i.exec(source.slice(i, i + 2100));
      if (bare) {
        const url = trimUrl(bare[0]);
        const href = safeHref(url);
        if (href !== null && url.length > 'https://'.length) {
          flush();
          out.push({ type: 'link', href, children: [{ type: 'text', text: url }] });
          i += url.length;
          continue;
        }
      }
    }

    if (ch === '*' || ch === '_' || ch === '~') {
      const span = readDelimited(source, i, ch);
      if (span) {
        flush();
        out.push({ type: span.type, children: nested(span.inner) });
        i = span.end;
        continue;
      }
      // Keep a whole run together so `**` never half-matches later.
      const run = countRun(source, i, ch);
      text += ch.repeat(run);
      i += run;
      continue;
    }

    text += ch;
    i += 1;
  }
  flush();
  return out;
}

function countRun(source: string, from: number, ch: string): number {
  let n = 0;
  while (source[from + n] === ch) n += 1;
  return n;
}

function findBacktickClose(source: string, from: number, run: number): number {
  let i = source.indexOf('`', from);
  while (i !== -1) {
    const n = countRun(source, i, '`');
    if (n === run) return i;
    i = source.indexOf('`', i + n);
  }
  return -1;
}

/** `[label](url "title")`: the label may hold balanced brackets, the url balanced parentheses. */
function readLink(source: string, start: number): { label: string; url: string; end: number } | null {
  let depth = 0;
  let i = start;
  for (; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '[') depth += 1;
    else if (ch === ']') {
      depth -= 1;
      if (depth === 0) break;
    } else if (ch === '\n' && source[i + 1] === '\n') return null;
  }
  if (depth !== 0 || source[i + 1] !== '(') return null;
  const label = source.slice(start + 1, i);
  let j = i + 2;
  let parens = 0;
  for (; j < source.length; j += 1) {
    const ch = source[j];
    if (ch === '\\') {
      j += 1;
      continue;
    }
    if (ch === '(') parens += 1;
    else if (ch === ')') {
      if (parens === 0) break;
      parens -= 1;
    } else if (ch === '\n') return null;
  }
  if (j >= source.length) return null;
  // A destination, optionally followed by a quoted title; anything else is not a link.
  const target = /^\s*(?:<([^<>\n]*)>|(\S+))(?:\s+(?:"[^"]*"|'[^']*'))?\s*$/.exec(source.slice(i + 2, j));
  if (!target) return null;
  return { label, url: target[1] ?? target[2] ?? '', end: j + 1 };
}

function trimUrl(url: string): string {
  let trimmed = url.replace(URL_TRAIL, '');
  // Keep a closing parenthesis that belongs to the URL (`…/Foo_(bar)`).
  while (trimmed.length < url.length && url[trimmed.length] === ')' && count(trimmed, '(') > count(trimmed, ')')) {
    trimmed = url.slice(0, trimmed.length + 1);
  }
  return trimmed;
}

const count = (s: string, ch: string): number => s.split(ch).length - 1;

/**
 * `**strong**`, `__strong__`, `*em*`, `_em_`, `~~del~~`. An opener must be followed by a
 * non-space, a closer preceded by one; `_` does not open or close inside a word (snake_case).
 */
function readDelimited(
  source: string,
  start: number,
  ch: '*' | '_' | '~',
): { type: 'strong' | 'em' | 'del'; inner: string; end: number } | null {
  const run = countRun(source, start, ch);
  const size = ch === '~' ? (run === 2 ? 2 : 0) : Math.min(run, 2);
  if (size === 0) return null;
  if (isSpace(source[start + size])) return null;
  if (ch === '_' && isWordChar(source[start - 1])) return null;
  const delimiter = ch.repeat(size);
  let i = start + size;
  while (i < source.length) {
    const at = source.indexOf(delimiter, i);
    if (at === -1) return null;
    if (source.slice(i, at).includes('\n\n')) return null;
    const closerRun = countRun(source, at, ch);
    const ok =
      at > start + size &&
      !isSpace(source[at - 1]) &&
      (ch !== '_' || !isWordChar(source[at + closerRun])) &&
      // For `*em*`, skip a `**` pair inside the span.
      (size === 2 || closerRun === 1 || closerRun >= 3);
    if (ok) {
      const type = ch === '~' ? 'del' : size === 2 ? 'strong' : 'em';
      return { type, inner: source.slice(start + size, at), end: at + size };
    }
    i = at + closerRun;
  }
  return null;
}
