import { describe, expect, it } from 'vitest';
import { cronSchedule, cronScheduleProblem } from './cron-parser-schedule.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('cron schedule (cron-parser)', () => {
  it('gives the next fire time strictly after the given instant', () => {
    const daily = cronSchedule('0 2 * * *', 'UTC');
    expect(iso(daily.nextAfter(at('2026-01-01T00:00:00.000Z')))).toBe('2026-01-01T02:00:00.000Z');
    expect(iso(daily.nextAfter(at('2026-01-01T02:00:00.000Z')))).toBe('2026-01-02T02:00:00.000Z');
  });

  it('accepts a seconds field and aliases', () => {
    expect(iso(cronSchedule('*/5 * * * * *', 'UTC').nextAfter(at('2026-01-01T00:00:01.250Z')))).toBe('2026-01-01T00:00:05.000Z');
    expect(iso(cronSchedule('@daily', 'UTC').nextAfter(at('2026-01-01T10:00:00.000Z')))).toBe('2026-01-02T00:00:00.000Z');
  });

  it('reads the expression in the time zone, across a daylight-saving change', () => {
    const berlin = cronSchedule('0 2 * * *', 'Europe/Berlin');
    // 02:00 CET is 01:00 UTC in winter; in summer 02:00 CEST is 00:00 UTC.
    expect(iso(berlin.nextAfter(at('2026-01-10T12:00:00.000Z')))).toBe('2026-01-11T01:00:00.000Z');
    expect(iso(berlin.nextAfter(at('2026-07-10T12:00:00.000Z')))).toBe('2026-07-11T00:00:00.000Z');
  });

  it('names what is wrong with a bad expression or time zone', () => {
    expect(cronScheduleProblem('0 2 * * *', 'UTC')).toBeNull();
    expect(cronScheduleProblem('61 * * * *', 'UTC')).toMatch(/61/);
    expect(cronScheduleProblem('0 2 * * * * *', 'UTC')).toMatch(/too many fields/);
    expect(cronScheduleProblem('0 2 * * *', 'Mars/Olympus')).toBe('unknown time zone "Mars/Olympus"');
    expect(() => cronSchedule('nope', 'UTC')).toThrow(/invalid cron schedule "nope"/);
  });
});
