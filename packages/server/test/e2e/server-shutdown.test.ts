/**
 * Graceful shutdown of the built server: SIGTERM/SIGINT → readiness off, drain, close the store,
 * exit 0; the SQLite file is left checkpointed (no WAL/SHM files) and intact. A request that
 * never finishes holds the drain, so a second signal (143) or the force deadline (1) ends it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(killAllServers);

/**
 * Starts a request whose body never completes: it stays in flight until the socket closes.
 * Resolves once the server has logged it (needs LOG_LEVEL=debug), i.e. it is counted in flight.
 */
async function stuckUpload(server: SpawnedServer): Promise<Socket> {
  const socket = connect(server.port, '127.0.0.1');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write('POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"partial":');
  await expect
    .poll(() => server.logs().some((l) => l.msg === 'incoming request' && (l.req as { url?: string } | undefined)?.url === '/api/uploads'))
    .toBe(true);
  return socket;
}

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dash-e2e-shutdown-'));
  dirs.push(dir);
  return dir;
}

describe('graceful shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s and leaves a cleanly closed SQLite file', async (signal) => {
    const dir = dataDir();
    const server = await startServer({ env: { DATA_DIR: dir } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    const result = await server.stop(signal);
    expect(result).toEqual({ code: 0, signal: null });

    const states = server.logs().filter((l) => l.component === 'lifecycle').map((l) => l.state);
    expect(states).toEqual(['ready', 'draining', 'stopping', 'stopped']);
    expect(server.logs().at(-1), server.stdout()).toMatchObject({ msg: 'shutdown complete', exitCode: 0 });

    // The last connection's close checkpoints the WAL and deletes it: nothing else is left but
    // the memory service's generated key, its sqlite-vec index (closed the same way) and the
    // leader-lock files (empty; the OS frees their locks when the process exits).
    expect(readdirSync(dir).sort()).toEqual(['dashboard.sqlite', 'locks', 'memory-vectors.sqlite', 'memory.key']);
    const db = new Database(join(dir, 'dashboard.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('restarts on the same DATA_DIR', async () => {
    const dir = dataDir();
    const first = await startServer({ env: { DATA_DIR: dir } });
    expect(await first.stop()).toEqual({ code: 0, signal: null });
    const second = await startServer({ env: { DATA_DIR: dir } });
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  });

  it('waits for in-flight requests, and a second SIGTERM exits 143 at once', async () => {
    const server = await startServer({ env: { DRAIN_TIMEOUT: '20s', FORCE_EXIT_TIMEOUT: '30s', LOG_LEVEL: 'debug' } });
    await stuckUpload(server);
    server.child.kill('SIGTERM');
    // Draining: still running, readiness off, new work refused.
    await expect.poll(async () => (await fetch(`${server.url}/ready`)).status).toBe(503);
    const refused = await server.api(`/api/anything`);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'SERVER_DRAINING' } });
    expect(server.child.exitCode).toBeNull();

    expect(await server.stop('SIGTERM')).toEqual({ code: 143, signal: null });
    expect(server.logs()).toContainEqual(expect.objectContaining({ msg: 'second signal; exiting immediately', signal: 'SIGTERM' }));
  });

  it('exits 1 at FORCE_EXIT_TIMEOUT when in-flight work outlives the drain', async () => {
    const server = await startServer({ env: { DRAIN_TIMEOUT: '300ms', FORCE_EXIT_TIMEOUT: '1500ms', LOG_LEVEL: 'debug' } });
    await stuckUpload(server);
    server.child.kill('SIGTERM');
    const result = await server.exited;
    expect(result).toEqual({ code: 1, signal: null });
    const logs = server.logs();
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'drain deadline reached; stopping with work still in flight', pending: ['http'] }));
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'shutdown took too long; forcing exit', level: 60 }));
  });
});
