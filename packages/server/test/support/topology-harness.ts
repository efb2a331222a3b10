/**
 * The scale-out topology (scripts/topology/topology.mjs) for e2e tests: N replicas, memory,
 * bridge and nginx on free loopback ports, a private employee registry of fake-agent employees,
 * and the calls the topology tests make. Every HTTP and WebSocket call goes through `api()` /
 * `direct()` / `live()` here, the one place credentials are added (the topology's admin token).
 */
import { isTerminalRunStatus, run as runSchema, runEventsPage, runList, task as taskSchema, type Run, type RunEvent, type Task } from '@dash/shared';
import { startTopology, type Topology, type TopologyOptions, type TopologyProcess } from '../../../../scripts/topology/topology.mjs';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { bearer } from './auth.js';
import { fakeScript, teamMember, teamRegistry } from './core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from './employee-registry-fixture.js';
import { LiveClient } from './live-feed-client.js';
import { withAdminClient } from './postgres.js';
import { freePort } from './server-process.js';
import { leaderLockKey } from '../../src/adapters/leader-lock/leader-lock-key.js';

export interface TopologyHarness {
  readonly topology: Topology;
  readonly replicas: TopologyProcess[];
  /** fetch through nginx (the load balancer), with credentials. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** fetch to one replica's own port, with credentials. */
  direct(replica: TopologyProcess, path: string, init?: RequestInit): Promise<Response>;
  /** A live-feed client on `baseUrl` (nginx or a replica), with credentials. */
  live(baseUrl: string): Promise<LiveClient>;
  createTask(title: string, script: Record<string, unknown>, extra?: Record<string, unknown>): Promise<Task>;
  task(id: string): Promise<Task>;
  run(id: string): Promise<Run>;
  runsOfTask(id: string): Promise<Run[]>;
  /** Every run the store records as not ended. */
  activeRuns(): Promise<Run[]>;
  /** Every stored event of a run, paged through the API. */
  events(runId: string): Promise<RunEvent[]>;
  replicaOf(nodeId: string): TopologyProcess;
  stop(): Promise<void>;
}

export interface TopologyHarnessOptions extends Pick<TopologyOptions, 'adminDatabaseUrl' | 'redisUrl' | 'env'> {
  replicas?: number;
  /** Employees (all on the fake agent) and their slots. */
  team: Array<{ id: string; slots: number }>;
  replicaEnv?: Record<string, string>;
}

export async function startTopologyHarness(options: TopologyHarnessOptions): Promise<TopologyHarness> {
  const registry: RegistryFixture = await makeRegistryFixture();
  await registry.write(teamRegistry(options.team.map((m) => teamMember(m.id, { maxConcurrentTasks: m.slots }))));
  const count = options.replicas ?? 3;
  const ports = [];
  for (let i = 0; i < count + 3; i++) ports.push(await freePort());
  let topology: Topology;
  try {
    topology = await startTopology({
      replicas: count,
      replicaPorts: ports.slice(0, count),
      webPort: ports[count] as number,
      memoryPort: ports[count + 1] as number,
      bridgePort: ports[count + 2] as number,
      ...(options.adminDatabaseUrl !== undefined && { adminDatabaseUrl: options.adminDatabaseUrl }),
      ...(options.redisUrl !== undefined && { redisUrl: options.redisUrl }),
      env: {
        NODE_ENV: 'test',
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        EMPLOYEE_REGISTRY_DIR: registry.path,
        MEMORY_EMBEDDINGS: 'hash',
        MEMORY_CLEANUP_CRON: 'off',
        // No one reads them here; keep the output to what a failure needs.
        LOG_LEVEL: 'info',
        ...options.env,
      },
      replicaEnv: options.replicaEnv ?? {},
    });
  } catch (err) {
    await registry.cleanup();
    throw err;
  }
  const headers = bearer(topology.adminToken);
  const call = (base: string, path: string, init: RequestInit = {}): Promise<Response> => {
    const h = new Headers(init.headers);
    for (const [name, value] of Object.entries(headers)) if (!h.has(name)) h.set(name, value);
    if (init.body !== undefined && !h.has('content-type')) h.set('content-type', 'application/json');
    return fetch(`${base}${path}`, { ...init, headers: h });
  };
  const api = (path: string, init?: RequestInit) => call(topology.url, path, init);
  const json = async <T>(res: Promise<Response>, parse: (v: unknown) => T, what: string): Promise<T> => {
    const r = await res;
    const text = await r.text();
    if (!r.ok) throw new Error(`${what}: ${r.status} ${text}`);
    return parse(JSON.parse(text));
  };

  return {
    topology,
    replicas: topology.replicas,
    api,
    direct: (replica, path, init) => call(replica.url, path, init),
    live: (baseUrl) => LiveClient.open(baseUrl, undefined, { headers }),
    createTask: (title, script, extra = {}) =>
      json(api('/api/tasks', { method: 'POST', body: JSON.stringify({ title, description: fakeScript(`Work on ${title}.`, script), ...extra }) }), (v) => taskSchema.parse(v), 'create task'),
    task: (id) => json(api(`/api/tasks/${id}`), (v) => taskSchema.parse(v), `task ${id}`),
    run: (id) => json(api(`/api/runs/${id}`), (v) => runSchema.parse(v), `run ${id}`),
    runsOfTask: async (id) => (await json(api(`/api/tasks/${id}/runs`), (v) => runList.parse(v), `runs of ${id}`)).items,
    async activeRuns() {
      const page = await json(api('/api/runs?limit=200&status=queued,starting,running,stopping'), (v) => runList.parse(v), 'active runs');
      return page.items.filter((r) => !isTerminalRunStatus(r.status));
    },
    async events(runId) {
      const all: RunEvent[] = [];
      let after = 0;
      for (;;) {
        const page = await json(api(`/api/runs/${runId}/events?after=${after}&limit=1000`), (v) => runEventsPage.parse(v), `events of ${runId}`);
        all.push(...page.events);
        if (page.events.length === 0) return all;
        after = page.nextAfter;
      }
    },
    replicaOf(nodeId) {
      const found = topology.replicas.find((r) => r.nodeId === nodeId);
      if (!found) throw new Error(`no replica ${nodeId}`);
      return found;
    },
    async stop() {
      await topology.stop();
      await registry.cleanup();
    },
  };
}

/** Polls until `check` returns a value (not undefined), or throws with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The `#i` numbers of a fake agent's `emit` lines among a run's events, in order. */
export function emittedNumbers(events: readonly RunEvent[], text: string): number[] {
  const pattern = new RegExp(`${text} #(\\d+) `);
  return events.flatMap((e) => {
    if (e.event.type !== 'assistant.text') return [];
    const m = pattern.exec(e.event.text);
    return m ? [Number(m[1])] : [];
  });
}

/**
 * Node ids of the processes holding a LeaderLock (its PostgreSQL advisory lock), read from
 * pg_locks by the lock connection's application_name (`dash-leader-<NODE_ID>`).
 */
export async function leaderHolders(databaseUrl: string, name: string): Promise<string[]> {
  const unsigned = BigInt.asUintN(64, BigInt(leaderLockKey(name)));
  const classid = Number(unsigned >> 32n);
  const objid = Number(unsigned & 0xffffffffn);
  return withAdminClient(async (client) => {
    const { rows } = await client.query<{ application_name: string }>(
      `select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid = $1::bigint::oid and l.objid = $2::bigint::oid
          and l.database = (select oid from pg_database where datname = current_database())`,
      [classid, objid],
    );
    return rows.map((r) => r.application_name.replace(/^dash-leader-/, '')).sort();
  }, databaseUrl);
}
