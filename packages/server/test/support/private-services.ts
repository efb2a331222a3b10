/**
 * A Redis server and a PostgreSQL cluster of a test's own, on free loopback ports, from the
 * machine's binaries and with the machine's settings (Redis: `--save "" --appendonly no`, as
 * /work's machines start theirs; PostgreSQL: trust auth for `root` over TCP). For tests that
 * RESTART them under load: restarting the machine's shared Redis or PostgreSQL would break every
 * other test running at the same time on the machine (CI runs test files in parallel), and a
 * failure half-way could leave it down. These are stopped and removed at the end whatever happens.
 *
 * Restarts are the real ones: `redis-cli shutdown nosave` then the same command again (queued
 * BullMQ jobs are gone, as with the machine's Redis); `pg_ctl restart -m fast` (connections are
 * cut, in-flight transactions roll back).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process.js';

export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  /** `SHUTDOWN NOSAVE`, wait for the exit, then start it again with the same command. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const bin = requireBinary('redis-server', ['/usr/bin/redis-server', '/usr/local/bin/redis-server']);
  const cli = requireBinary('redis-cli', ['/usr/bin/redis-cli', '/usr/local/bin/redis-cli']);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dash-redis-'));
  let child: ChildProcess | null = null;
  const launch = async (): Promise<void> => {
    // The machine's command (node-svc.md), in the foreground so this test owns the process.
    child = spawn(bin, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    await waitFor(`redis on ${port}`, () => spawnSync(cli, ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG');
  };
  const down = async (): Promise<void> => {
    const current = child;
    if (current === null || current.exitCode !== null) return;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    spawnSync(cli, ['-p', String(port), 'shutdown', 'nosave'], { encoding: 'utf8' });
    const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart(downMs = 500) {
      await down();
      await sleep(downMs);
      await launch();
    },
    async stop() {
      await down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivatePostgres {
  /** postgres://root@127.0.0.1:<port>/postgres (trust). */
  readonly adminUrl: string;
  readonly port: number;
  /** `pg_ctl restart -m fast` (waits until it accepts connections again). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bindir = postgresBindir();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dash-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets);
  // initdb and postgres refuse to run as root: they run as the `postgres` account when we are root.
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim() : '';
  if (asRoot) {
    if (!/^\d+$/.test(owner)) throw new Error('running as root, but there is no `postgres` account to run PostgreSQL as');
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, Number(owner), gid);
    chownSync(sockets, Number(owner), gid);
  }
  const run = (bin: string, args: string[]): void => {
    const argv = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bindir, bin), ...args]] as const : [join(bindir, bin), args] as const;
    const result = spawnSync(argv[0], [...argv[1]], { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stdout}${result.stderr}`);
  };
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run('initdb', ['-D', data, '-U', 'root', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
  return {
    adminUrl: `postgres://root@127.0.0.1:${port}/postgres`,
    port,
    async restart() {
      run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'postgres.log'), '-m', 'fast', '-w', '-t', '60', 'restart']);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '60', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The machine's PostgreSQL server binaries (Debian: /usr/lib/postgresql/<version>/bin). */
function postgresBindir(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = [fromConfig.status === 0 ? fromConfig.stdout.trim() : ''];
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql').sort().reverse()) candidates.push(`/usr/lib/postgresql/${version}/bin`);
  }
  const found = candidates.find((dir) => dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql (see .ci/run)');
  return found;
}

function requireBinary(name: string, paths: string[]): string {
  const found = paths.find((p) => existsSync(p));
  if (!found) throw new Error(`${name} is not installed (apt-get install -y redis-server; see .ci/run)`);
  return found;
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
    await sleep(50);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
