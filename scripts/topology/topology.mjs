/**
 * A scale-out topology as plain processes on loopback (no Docker engine needed): N backend
 * replicas (SERVICE_ROLE=api,worker, distinct NODE_IDs) on one fresh PostgreSQL database and one
 * Redis (a queue prefix of their own, so parallel topologies never share a key), the memory
 * service, the API bridge, and the machine's nginx serving the built SPA and balancing /api and
 * /ws over the replicas. Every process is the same build (`packages/server/dist/main.js`); only
 * its environment differs, as in the images.
 *
 * Used by `npm run topology` (scripts/topology.mjs, the CLI) and by the e2e tests that kill
 * replicas and restart Redis and PostgreSQL under load (packages/server/test/e2e/topology*.test.ts).
 * Types: topology.d.mts.
 *
 * nginx: the deploy configuration's renderer (nginx/render-nginx-conf.mjs) with local ports and
 * paths; nginx runs in the foreground as a plain process with its prefix in the work directory.
 * Logs of every process go to `<workDir>/logs/<name>.log`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderNginxConf } from '../../nginx/render-nginx-conf.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_MAIN = join(REPO_ROOT, 'packages/server/dist/main.js');
export const WEB_DIST = join(REPO_ROOT, 'packages/web/dist');
export const FAKE_AGENT = join(REPO_ROOT, 'packages/server/test/fixtures/fake-agent/fake-agent.mjs');

/** @type {Required<Omit<import('./topology.d.mts').TopologyOptions, 'databaseUrl' | 'env' | 'replicaEnv' | 'replicaPorts' | 'log'>>} */
const DEFAULTS = {
  replicas: 3,
  host: '127.0.0.1',
  basePort: 8081,
  webPort: 3000,
  memoryPort: 3333,
  bridgePort: 3002,
  adminDatabaseUrl: process.env.TOPOLOGY_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres',
  redisUrl: process.env.TOPOLOGY_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  prefix: '',
  webRoot: WEB_DIST,
  nginxBin: '',
  readyTimeoutMs: 60_000,
  keepDatabase: false,
};

/** @param {import('./topology.d.mts').TopologyOptions} [options] */
export async function startTopology(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const log = options.log ?? (() => undefined);
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run \`npm run build\` first`);
  if (!existsSync(join(o.webRoot, 'index.html'))) throw new Error(`${o.webRoot}/index.html is missing: run \`npm run build\` first`);
  const nginxBin = o.nginxBin || findNginx();

  const tag = randomBytes(4).toString('hex');
  const prefix = o.prefix || `dash-topo-${tag}`;
  const workDir = mkdtempSync(join(tmpdir(), 'dash-topology-'));
  // nginx workers run as `nobody` when we are root: they must read the prefix (and the web root).
  chmodSync(workDir, 0o755);
  mkdirSync(join(workDir, 'logs'));

  const cleanups = [];
  const processes = [];
  let nginx = null;
  let stopping = null;

  const stop = () =>
    (stopping ??= (async () => {
      await nginx?.stop();
      // Replicas first (they drain their runs), then the companions they call.
      await Promise.all(processes.filter((p) => p.role === 'api,worker').map((p) => p.stop()));
      await Promise.all(processes.filter((p) => p.role !== 'api,worker').map((p) => p.stop()));
      for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => log(`cleanup failed: ${err.message}`));
      // TOPOLOGY_KEEP_LOGS=1 keeps the logs (and nginx files) for a post-mortem.
      if (process.env.TOPOLOGY_KEEP_LOGS === '1') log(`kept ${workDir}`);
      else rmSync(workDir, { recursive: true, force: true });
    })());

  try {
    const database = o.databaseUrl ? { url: o.databaseUrl, drop: async () => undefined } : await createDatabase(o.adminDatabaseUrl, `dash_topo_${tag}`);
    if (!o.keepDatabase) cleanups.push(database.drop);
    cleanups.push(() => deleteRedisKeys(o.redisUrl, prefix));
    log(`database ${redact(database.url)}, Redis ${o.redisUrl} (queue prefix ${prefix})`);

    const adminToken = `topo_${randomBytes(24).toString('base64url')}`;
    const adminPassword = `pw-${randomBytes(12).toString('base64url')}`;
    const url = (port) => `http://${o.host}:${port}`;
    const shared = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmpdir(),
      ...pick(process.env, ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'AGENT_CLAUDE_BIN', 'EMPLOYEE_REGISTRY_DIR', 'LOG_LEVEL']),
      NODE_ENV: 'development',
      HOST: o.host,
      DATABASE_URL: database.url,
      REDIS_URL: o.redisUrl,
      QUEUE_PREFIX: prefix,
      DASHBOARD_ADMIN_TOKEN: adminToken,
      DASHBOARD_ADMIN_PASSWORD: adminPassword,
      MEMORY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      MEMORY_API_TOKEN: adminToken,
      // Requests reach the replicas through nginx on loopback.
      TRUST_PROXY: '127.0.0.1',
      ...options.env,
    };
    const start = (name, role, port, env) => {
      const proc = spawnProcess({ name, role, port, url: url(port), workDir, env: { ...shared, SERVICE_ROLE: role, PORT: String(port), NODE_ID: name, DATA_DIR: join(workDir, name), ...env } });
      processes.push(proc);
      return proc;
    };

    // Companions first: the memory service runs the migrations before the replicas connect.
    const memory = start('memory-1', 'memory', o.memoryPort, {});
    await memory.ready(o.readyTimeoutMs);
    const bridge = start('bridge-1', 'bridge', o.bridgePort, { MEMORY_API_URL: url(o.memoryPort) });
    const replicas = Array.from({ length: o.replicas }, (_, i) =>
      start(`replica-${i + 1}`, 'api,worker', options.replicaPorts?.[i] ?? o.basePort + i, {
        SERVE_WEB: 'false',
        MEMORY_API_URL: url(o.memoryPort),
        API_BRIDGE_URL: url(o.bridgePort),
        ...options.replicaEnv,
      }),
    );
    await Promise.all([bridge, ...replicas].map((p) => p.ready(o.readyTimeoutMs)));

    const nginxDir = join(workDir, 'nginx');
    mkdirSync(nginxDir);
    chmodSync(nginxDir, 0o755);
    const conf = renderNginxConf({
      listen: [`${o.host}:${o.webPort}`],
      webRoot: o.webRoot,
      backends: replicas.map((r) => `${o.host}:${r.port}`),
      runtimeDir: nginxDir,
      accessLog: join(workDir, 'logs', 'nginx-access.log'),
      errorLog: join(workDir, 'logs', 'nginx-error.log'),
      metricsAllow: ['127.0.0.1', '::1'],
      workerProcesses: 1,
    });
    const confFile = join(nginxDir, 'nginx.conf');
    writeFileSync(confFile, conf);
    nginx = await startNginx(nginxBin, confFile, nginxDir, join(workDir, 'logs', 'nginx-error.log'));
    await waitHttp(`${url(o.webPort)}/healthz`, o.readyTimeoutMs);

    return {
      url: url(o.webPort),
      workDir,
      prefix,
      databaseUrl: database.url,
      redisUrl: o.redisUrl,
      adminToken,
      adminPassword,
      nginxConf: confFile,
      replicas,
      memory,
      bridge,
      processes,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The machine's nginx (Debian puts it in /usr/sbin, often not on a user's PATH). */
export function findNginx() {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin']) {
    if (dir && existsSync(join(dir, 'nginx'))) return join(dir, 'nginx');
  }
  throw new Error('nginx is not installed: `apt-get install -y nginx` (the topology runs it as a plain process)');
}

function spawnProcess({ name, role, port, url, workDir, env }) {
  const logFile = join(workDir, 'logs', `${name}.log`);
  let child = null;
  let exited = null;
  let generation = 0;
  const launch = () => {
    generation += 1;
    const out = createWriteStream(logFile, { flags: 'a' });
    // Own process group: a Ctrl-C in the terminal reaches only the topology script, which stops
    // the processes in order (a second signal would make a server exit without draining).
    child = spawn(process.execPath, [SERVER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const current = child;
    exited = new Promise((resolve) => current.once('close', (code, signal) => {
      out.end();
      resolve({ code, signal });
    }));
  };
  launch();
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    nodeId: name,
    role,
    port,
    url,
    logFile,
    env,
    get pid() {
      return child.pid;
    },
    get generation() {
      return generation;
    },
    alive,
    exited: () => exited,
    logs: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (!alive()) throw new Error(`${name} exited during start-up:\n${tail(logFile)}`);
        try {
          if ((await fetch(`${url}/ready`)).status === 200) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${tail(logFile)}`);
        await sleep(100);
      }
    },
    /** Sends a signal (SIGKILL: a crash) and waits for the exit. */
    async kill(signal = 'SIGKILL') {
      if (alive()) child.kill(signal);
      return exited;
    },
    async stop(timeoutMs = 30_000) {
      if (alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => alive() && child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    /** Starts the same process again (same NODE_ID, port and data) after it exited. */
    async restart(timeoutMs = 60_000) {
      if (alive()) throw new Error(`${name} is still running`);
      launch();
      await this.ready(timeoutMs);
    },
  };
}

async function startNginx(bin, confFile, prefixDir, errorLog) {
  const test = await spawnSyncText(bin, ['-t', '-q', '-c', confFile, '-p', prefixDir]);
  if (test.code !== 0) throw new Error(`nginx -t failed:\n${test.output}`);
  const child = spawn(bin, ['-c', confFile, '-p', prefixDir, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const pidFile = join(prefixDir, 'nginx.pid');
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start: ${stderr}${tail(errorLog)}`);
    if (existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '') break;
    if (i > 400) throw new Error(`nginx did not start: ${stderr}${tail(errorLog)}`);
    await sleep(25);
  }
  return {
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function spawnSyncText(bin, args) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function createDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
    } catch (err) {
      throw new Error(`PostgreSQL is unreachable at ${redact(adminUrl)} (${err.message}); set TOPOLOGY_DATABASE_URL`, { cause: err });
    }
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

async function deleteRedisKeys(redisUrl, prefix) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

async function waitHttp(target, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${target} did not answer within ${timeoutMs} ms`);
    await sleep(100);
  }
}

const pick = (env, names) => Object.fromEntries(names.filter((n) => env[n] !== undefined && env[n] !== '').map((n) => [n, env[n]]));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const redact = (text) => text.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');
const tail = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '');
