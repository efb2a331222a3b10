/** Bad configuration stops the built server before it does anything: exit 78 and one line per variable. */
import { afterAll, describe, expect, it } from 'vitest';
import { killAllServers, runToExit } from '../support/server-process.js';

afterAll(killAllServers);

describe('invalid configuration', () => {
  it('exits 78 naming PORT when PORT=abc', async () => {
    const result = await runToExit({ env: { PORT: 'abc' } });
    expect(result.code).toBe(78);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines).toContain('  PORT="abc": expected an integer from 1 to 65535');
    expect(result.stdout).toBe('');
  });

  it('lists every bad variable and never prints a password', async () => {
    const result = await runToExit({
      env: { PORT: '70000', DATABASE_URL: 'mysql://dash:Sup3rS3cret@db/dash', DRAIN_TIMEOUT: 'soon' },
    });
    expect(result.code).toBe(78);
    const lines = result.stderr.trimEnd().split('\n').slice(1);
    expect(lines.map((line) => line.trim().split('=')[0])).toEqual(['PORT', 'DATABASE_URL', 'DRAIN_TIMEOUT']);
    expect(result.stderr).toContain('DATABASE_URL="mysql://dash:***@db/dash"');
    expect(result.stderr).not.toContain('Sup3rS3cret');
  });
});
