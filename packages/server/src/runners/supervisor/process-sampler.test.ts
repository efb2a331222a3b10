import { describe, expect, it } from 'vitest';
import { parsePsLine } from './process-sampler.js';
import { defaultParseVersion } from './runtime-detector.js';

describe('parsePsLine', () => {
  it('reads RSS in KiB and CPU time in its several shapes', () => {
    expect(parsePsLine('  10240   0:01.50\n')).toEqual({ rssBytes: 10240 * 1024, cpuSeconds: 1.5 });
    expect(parsePsLine('2048 01:02:03')).toEqual({ rssBytes: 2048 * 1024, cpuSeconds: 3723 });
    expect(parsePsLine('1 2-00:00:01')).toEqual({ rssBytes: 1024, cpuSeconds: 2 * 86_400 + 1 });
  });

  it('returns null for empty or garbled output', () => {
    expect(parsePsLine('')).toBeNull();
    expect(parsePsLine('abc def')).toBeNull();
  });
});

describe('defaultParseVersion', () => {
  it('finds the version in typical --version outputs', () => {
    expect(defaultParseVersion('codex-cli 0.46.0\n')).toBe('0.46.0');
    expect(defaultParseVersion('2.0.14 (Claude Code)')).toBe('2.0.14');
    expect(defaultParseVersion('0.10.0-nightly.20251010\n')).toBe('0.10.0-nightly.20251010');
    expect(defaultParseVersion('no digits here')).toBeNull();
  });
});
