import { describe, expect, it } from 'vitest';
import { parseProcStat, readProcStat, hasProcFs } from './proc-stat.js';

// A /proc/<pid>/stat line whose command name contains spaces and a parenthesis.
const sample =
  '4242 (my (weird) cmd) S 1 4242 4242 0 -1 4194560 1520 0 0 0 150 25 0 0 20 0 3 0 123456 1234567890 2560 ' +
  '18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';

describe('parseProcStat', () => {
  it('reads state, parent, group, CPU ticks and RSS pages after the last parenthesis', () => {
    expect(parseProcStat(sample)).toEqual({ pid: 4242, state: 'S', ppid: 1, pgrp: 4242, cpuTicks: 175, rssPages: 2560 });
  });

  it('returns null for garbage', () => {
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('12 (x) S 1 2')).toBeNull();
  });

  it('reads the current process where /proc exists', async () => {
    const me = await readProcStat(process.pid);
    if (!hasProcFs()) {
      expect(me).toBeNull();
      return;
    }
    expect(me).toMatchObject({ pid: process.pid, ppid: process.ppid });
    expect(me?.rssPages).toBeGreaterThan(0);
  });
});
