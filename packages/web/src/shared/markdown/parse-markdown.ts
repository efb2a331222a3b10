/**
 * Block-level Markdown: ATX headings, fenced code, block quotes, bullet and ordered lists (nested
 * by indentation), GFM tables, thematic breaks and paragraphs. Input is size-capped by the caller;
 * nesting is depth-limited so hostile input cannot recurse without bound.
 */
import type { Block, Inline, TableAlign } from './markdown-ast';
import { parseInline } from './parse-inline';

const MAX_DEPTH = 6;

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)(.*)$/;
const TABLE_DIVIDER = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

const isBlank = (line: string): boolean => line.trim() === '';

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}

function parseBlocks(lines: readonly string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i += 1;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const indent = line.length - line.trimStart().length;
      const body: string[] = [];
      i += 1;
      while (i < lines.length) {
        const current = lines[i]!;
        const trimmed = current.trim();
        if (trimmed.startsWith(marker[0]!.repeat(marker.length)) && /^(`+|~+)$/.test(trimmed)) {
          i += 1;
          break;
        }
        body.push(current.slice(Math.min(indent, current.length - current.trimStart().length)));
        i += 1;
      }
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: 'heading', level, children: parseInline(heading[2] ?? '') });
      i += 1;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i += 1;
      continue;
    }

    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && !isBlank(lines[i]!)) {
        const quoted = QUOTE.exec(lines[i]!);
        // Lazy continuation: a plain line right after quoted text still belongs to the quote.
        inner.push(quoted ? quoted[1]! : lines[i]!);
        i += 1;
      }
      blocks.push({ type: 'quote', children: depth >= MAX_DEPTH ? [paragraph(inner)] : parseBlocks(inner, depth + 1) });
      continue;
    }

    if (LIST_ITEM.test(line)) {
      const list = readList(lines, i, depth);
      blocks.push(list.block);
      i = list.end;
      continue;
    }

    if (line.includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]!) && lines[i + 1]!.includes('-')) {
      const table = readTable(lines, i);
      if (table) {
        blocks.push(table.block);
        i = table.end;
        continue;
      }
    }

    const para: string[] = [];
    while (i < lines.length && !isBlank(lines[i]!) && !startsBlock(lines, i, para.length > 0)) {
      para.push(lines[i]!);
      i += 1;
    }
    blocks.push(paragraph(para));
  }
  return blocks;
}

function paragraph(lines: readonly string[]): Block {
  return { type: 'paragraph', children: parseInline(lines.map((l) => l.trimStart()).join('\n').trimEnd()) };
}

/** Whether line `i` interrupts a paragraph. An ordered list interrupts only when it starts at 1. */
function startsBlock(lines: readonly string[], i: number, inParagraph: boolean): boolean {
  const line = lines[i]!;
  if (FENCE.test(line) || HEADING.test(line) || QUOTE.test(line)) return true;
  if (RULE.test(line)) return true;
  const item = LIST_ITEM.exec(line);
  if (item && (!inParagraph || !/^\d/.test(item[2]!) || /^1[.)]$/.test(item[2]!)) && item[4]!.trim() !== '') return true;
  return false;
}

function readList(lines: readonly string[], start: number, depth: number): { block: Block; end: number } {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const ordered = /^\d/.test(first[2]!);
  const bulletChar = ordered ? first[2]!.slice(-1) : first[2]!;
  const items: string[][] = [];
  let tight = true;
  let i = start;
  let sawBlank = false;
  while (i < lines.length) {
    const line = lines[i]!;
    const item = LIST_ITEM.exec(line);
    const sameKind =
      item !== null &&
      item[1]!.length <= 3 &&
      (ordered ? /^\d/.test(item[2]!) && item[2]!.endsWith(bulletChar) : item[2] === bulletChar);
    if (sameKind && item) {
      if (sawBlank && items.length > 0) tight = false;
      const contentIndent = item[1]!.length + item[2]!.length + Math.min(Math.max(item[3]!.length, 1), 4);
      const body = [item[4]!];
      i += 1;
      sawBlank = false;
      // Continuation: indented lines (or lazy paragraph lines) belong to this item.
      while (i < lines.length) {
        const next = lines[i]!;
        if (isBlank(next)) {
          body.push('');
          sawBlank = true;
          i += 1;
          continue;
        }
        const indent = next.length - next.trimStart().length;
        if (indent >= Math.min(contentIndent, 4) || (!sawBlank && !startsBlock(lines, i, true) && !LIST_ITEM.test(next))) {
          body.push(next.slice(Math.min(indent, contentIndent)));
          sawBlank = false;
          i += 1;
          continue;
        }
        break;
      }
      while (body.length > 0 && body[body.length - 1] === '') body.pop();
      items.push(body);
      continue;
    }
    break;
  }
  // Trailing blank lines belong to whatever follows, not to the list.
  while (i > start && isBlank(lines[i - 1]!)) i -= 1;
  const parsed = items.map((body) =>
    depth >= MAX_DEPTH ? [paragraph(body)] : parseBlocks(body, depth + 1),
  );
  if (parsed.some((blocks) => blocks.filter((b) => b.type === 'paragraph').length > 1)) tight = false;
  return {
    block: { type: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items: parsed, tight },
    end: Math.max(i, start + 1),
  };
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i += 1) {
    const ch = row[i]!;
    if (ch === '\\' && row[i + 1] === '|') {
      cell += '|';
      i += 1;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function readTable(lines: readonly string[], start: number): { block: Block; end: number } | null {
  const head = splitRow(lines[start]!);
  const divider = splitRow(lines[start + 1]!);
  if (head.length !== divider.length) return null;
  const align: TableAlign[] = divider.map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    if (left && right) return 'center';
    if (right) return 'right';
    if (left) return 'left';
    return null;
  });
  const rows: Inline[][][] = [];
  let i = start + 2;
  while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|')) {
    const cells = splitRow(lines[i]!);
    rows.push(head.map((_, c) => parseInline(cells[c] ?? '')));
    i += 1;
  }
  return { block: { type: 'table', align, head: head.map((cell) => parseInline(cell)), rows }, end: i };
}
