import { describe, expect, it } from 'vitest';
import { LineSplitter, type SplitLine } from './line-splitter.js';

function collect(options?: ConstructorParameters<typeof LineSplitter>[1]) {
  const lines: SplitLine[] = [];
  const sut = new LineSplitter((l) => lines.push(l), options);
  return { sut, lines, texts: () => lines.map((l) => l.text) };
}

describe('LineSplitter', () => {
  it('joins partial chunks and splits several lines in one chunk', () => {
    const { sut, texts } = collect();
    sut.push(Buffer.from('hel'));
    sut.push(Buffer.from('lo\nwor'));
    sut.push(Buffer.from('ld\nthree\nfour'));
    expect(texts()).toEqual(['hello', 'world', 'three']);
    sut.end();
    expect(texts()).toEqual(['hello', 'world', 'three', 'four']);
  });

  it('strips CR of CRLF endings, keeps empty lines', () => {
    const { sut, texts } = collect();
    sut.push(Buffer.from('a\r\n\r\nb\r'));
    sut.push(Buffer.from('\n'));
    expect(texts()).toEqual(['a', '', 'b']);
  });

  it('keeps a multi-byte character split across chunks intact', () => {
    const { sut, texts } = collect();
    const bytes = Buffer.from('héllo €\n', 'utf8');
    for (const b of bytes) sut.push(Buffer.from([b]));
    expect(texts()).toEqual(['héllo €']);
  });

  it('cuts an over-long line, reports its full size, and goes on with the next line', () => {
    const { sut, lines } = collect({ maxLineBytes: 100, keepBytes: 10 });
    sut.push(Buffer.from('x'.repeat(60)));
    sut.push(Buffer.from('y'.repeat(60)));
    sut.push(Buffer.from('z'.repeat(30) + '\nnext\n'));
    expect(lines).toEqual([
      { text: 'x'.repeat(10), truncated: true, bytes: 150 },
      { text: 'next', truncated: false, bytes: 4 },
    ]);
  });

  it('never holds more than maxLineBytes for an endless line', () => {
    const { sut, lines } = collect({ maxLineBytes: 1024, keepBytes: 100 });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let peak = 0;
    for (let i = 0; i < 200; i += 1) {
      sut.push(chunk);
      peak = Math.max(peak, sut.bufferedBytes);
    }
    expect(peak).toBeLessThanOrEqual(1024);
    sut.end();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ truncated: true, bytes: 200 * 64 * 1024 });
    expect(lines[0]?.text).toHaveLength(100);
  });

  it('does not leave half a character at the end of a cut prefix', () => {
    const { sut, lines } = collect({ maxLineBytes: 8, keepBytes: 4 });
    sut.push(Buffer.from('aaa€€€€€\n', 'utf8')); // '€' is 3 bytes: the 4-byte cut falls inside one
    expect(lines[0]?.text).toBe('aaa');
  });

  it('end() without pending data emits nothing', () => {
    const { sut, lines } = collect();
    sut.push(Buffer.from('done\n'));
    sut.end();
    expect(lines).toHaveLength(1);
  });
});
