import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveExecutable } from './resolve-executable.js';

let dir: string;
let other: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dash-resolve-'));
  other = mkdtempSync(join(tmpdir(), 'dash-resolve-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(other, { recursive: true, force: true });
});

const file = (d: string, name: string, mode: number): string => {
  const p = join(d, name);
  writeFileSync(p, '#!/bin/sh\n');
  chmodSync(p, mode);
  return p;
};

describe('resolveExecutable', () => {
  it('finds a bare name on PATH, first executable match wins', () => {
    file(dir, 'tool', 0o644);
    const exe = file(other, 'tool', 0o755);
    expect(resolveExecutable('tool', `${dir}::${other}`)).toEqual({ path: exe });
  });

  it('reports a name present only without the x bit as not executable', () => {
    const p = file(dir, 'tool', 0o644);
    expect(resolveExecutable('tool', dir)).toEqual({ problem: 'not_executable', path: p });
  });

  it('reports a missing name, an empty name and a directory as not found', () => {
    expect(resolveExecutable('nope', dir)).toEqual({ problem: 'not_found', path: null });
    expect(resolveExecutable('', dir)).toEqual({ problem: 'not_found', path: null });
    expect(resolveExecutable(dir, undefined)).toMatchObject({ problem: 'not_found' });
  });

  it('takes a name with a slash as a path, ignoring PATH', () => {
    const exe = file(dir, 'cli', 0o755);
    expect(resolveExecutable(exe, '')).toEqual({ path: exe });
    expect(resolveExecutable(join(dir, 'missing'), dir)).toMatchObject({ problem: 'not_found' });
  });
});
