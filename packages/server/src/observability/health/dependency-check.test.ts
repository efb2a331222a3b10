import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDependencies, checkDependency, overallStatus, type DependencyCheck } from './dependency-check.js';
import { httpHealthProbe } from './http-probe.js';

const check = (overrides: Partial<DependencyCheck>): DependencyCheck => ({
  name: 'store',
  kind: 'sqlite',
  required: true,
  probe: async () => undefined,
  ...overrides,
});

describe('checkDependency', () => {
  it('reports up with latency and the probe detail', async () => {
    const result = await checkDependency(check({ probe: async () => 'PING PONG' }), 1_000);
    expect(result).toEqual({ name: 'store', kind: 'sqlite', required: true, status: 'up', latencyMs: expect.any(Number), detail: 'PING PONG' });
  });

  it('reports down with the reason, masking credentials', async () => {
    const result = await checkDependency(
      check({ probe: () => Promise.reject(new Error('connect ECONNREFUSED postgres://u:pw@db/x')) }),
      1_000,
    );
    expect(result).toMatchObject({ status: 'down', detail: 'connect ECONNREFUSED postgres://u:***@db/x' });
  });

  it('reports not_configured without probing', async () => {
    const result = await checkDependency(check({ name: 'memory-api', kind: 'http', required: false, probe: null }), 1_000);
    expect(result).toEqual({ name: 'memory-api', kind: 'http', required: false, status: 'not_configured', latencyMs: null, detail: null });
  });

  it('times a hanging probe out and aborts it', async () => {
    let aborted = false;
    const hanging = check({
      probe: (signal) =>
        new Promise<void>(() => {
          signal.addEventListener('abort', () => (aborted = true));
        }),
    });
    const result = await checkDependency(hanging, 30);
    expect(result).toMatchObject({ status: 'down', detail: 'timed out after 30ms' });
    expect(aborted).toBe(true);
  });

  it('runs checks in parallel, each with its own timeout', async () => {
    // Each probe waits until all three have started: run one after another, the first would hang.
    let started = 0;
    let allStarted!: () => void;
    const barrier = new Promise<void>((resolve) => (allStarted = resolve));
    const probe = async () => {
      started += 1;
      if (started === 3) allStarted();
      await barrier;
    };
    const hanging = () => new Promise<void>(() => undefined);
    const results = await checkDependencies(
      [check({ name: 'a', probe }), check({ name: 'b', probe }), check({ name: 'slow', probe: hanging }), check({ name: 'c', probe })],
      500,
    );
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['a', 'up'],
      ['b', 'up'],
      ['slow', 'down'],
      ['c', 'up'],
    ]);
  });
});

describe('overallStatus', () => {
  const dep = (required: boolean, status: 'up' | 'down' | 'not_configured') =>
    ({ name: 'x', kind: 'http', required, status, latencyMs: null, detail: null }) as const;

  it('is down when a required dependency is down, degraded when only optional ones are', () => {
    expect(overallStatus([dep(true, 'up'), dep(false, 'not_configured')])).toBe('ok');
    expect(overallStatus([dep(true, 'up'), dep(false, 'down')])).toBe('degraded');
    expect(overallStatus([dep(true, 'down'), dep(false, 'up')])).toBe('down');
  });
});

describe('httpHealthProbe', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function serve(status: number): Promise<string> {
    server = createServer((req, res) => {
      res.statusCode = req.url === '/health' ? status : 404;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('is up on a 2xx from <url>/health', async () => {
    const url = await serve(200);
    await expect(httpHealthProbe(url)(new AbortController().signal)).resolves.toBe('HTTP 200');
  });

  it('fails on a non-2xx answer', async () => {
    const url = await serve(503);
    await expect(httpHealthProbe(url)(new AbortController().signal)).rejects.toThrow('HTTP 503');
  });
});
