/**
 * The scale-out topology (three replicas behind nginx) while its Redis and its PostgreSQL restart
 * under load. Both are private instances of the machine's binaries on free ports
 * (support/private-services.ts): restarting the machine's shared ones would break other tests
 * running at the same time, and these are always stopped and removed at the end.
 *
 * Here the replicas also host the memory service and the API bridge (MEMORY_API_URL and
 * API_BRIDGE_URL unset), so every scheduled job has several candidates: the memory cleanup
 * (every second), the alert evaluation and the replica recovery each run in exactly one process.
 *
 *  - Redis restarted without persistence while tasks run and others wait: queued BullMQ jobs are
 *    gone; the dispatchers notice (the queue reconnects, lost leases) and re-create every
 *    queued task's job from PostgreSQL. Every task completes, with every line of its agent stored.
 *  - PostgreSQL restarted (fast: connections cut) while tasks run: event writes and state changes
 *    wait and retry; every task completes, every run ended, with every line stored once, in order;
 *    no replica is declared dead for the outage; each leader lock is held by one process again.
 */
import { clusterReplicaList } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAdminClient } from '../support/postgres.js';
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from '../support/private-services.js';
import { emittedNumbers, eventually, leaderHolders, startTopologyHarness, type TopologyHarness } from '../support/topology-harness.js';

const LINES = 30;
const emit = (text: string) => ({ steps: [{ emit: { count: LINES, rate: 10, text } }], result: { success: true, text: `${text} done` } });

let redis: PrivateRedis | null = null;
let postgres: PrivatePostgres | null = null;
let h: TopologyHarness | null = null;

beforeAll(async () => {
  redis = await startPrivateRedis();
  postgres = await startPrivatePostgres();
  h = await startTopologyHarness({
    team: [
      { id: 'emp_401', slots: 2 },
      { id: 'emp_402', slots: 2 },
      { id: 'emp_403', slots: 2 },
    ],
    adminDatabaseUrl: postgres.adminUrl,
    redisUrl: redis.url,
    env: { MEMORY_CLEANUP_CRON: '* * * * * *', ALERT_EVAL_INTERVAL: '1s' },
    replicaEnv: {
      // Schedulers on the replicas too: memory and bridge in-process.
      MEMORY_API_URL: '',
      API_BRIDGE_URL: '',
      MAX_CONCURRENT_PROCESSES: '2',
      DISPATCH_INTERVAL: '200ms',
      DISPATCH_LEASE: '2s',
      TASK_RETRY_BACKOFF: '200ms',
      AGENT_MAX_RESTARTS: '0',
      REPLICA_HEARTBEAT_INTERVAL: '300ms',
      REPLICA_DEAD_AFTER: '3s',
    },
  });
});

afterAll(async () => {
  try {
    await h?.stop();
  } finally {
    // Always: the private services never outlive the test, whatever failed.
    await redis?.stop();
    await postgres?.stop();
  }
});

const harness = (): TopologyHarness => {
  if (h === null) throw new Error('the topology did not start');
  return h;
};

/** Creates `count` tasks, waits until six run and the rest wait, then runs `disrupt`. */
async function underLoad(label: string, count: number, disrupt: () => Promise<void>): Promise<string[]> {
  const t = harness();
  const tasks = await Promise.all(Array.from({ length: count }, (_, i) => t.createTask(`${label} ${i + 1}`, emit(label))));
  await eventually(`${label}: six tasks running, the rest queued`, async () => {
    const states = await Promise.all(tasks.map(async (task) => (await t.task(task.id)).status));
    return states.filter((s) => s === 'running').length === 6 && states.filter((s) => s === 'queued').length === count - 6 ? true : undefined;
  });
  await disrupt();
  for (const task of tasks) {
    await eventually(
      `${label}: task ${task.title} completed`,
      async () => {
        const now = await t.task(task.id);
        if (now.status === 'failed' || now.status === 'cancelled') throw new Error(`${task.title} ended ${now.status}`);
        return now.status === 'completed' ? true : undefined;
      },
      180_000,
      250,
    );
  }
  return tasks.map((task) => task.id);
}

/** Every task's successful run stored all its agent's lines, once and in order; nothing is left running. */
async function expectComplete(label: string, taskIds: readonly string[]): Promise<void> {
  const t = harness();
  expect(await t.activeRuns()).toEqual([]);
  for (const id of taskIds) {
    const runs = await t.runsOfTask(id);
    const done = runs.filter((r) => r.status === 'succeeded');
    expect(done).toHaveLength(1);
    const events = await t.events(done[0]?.id ?? '');
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(emittedNumbers(events, label)).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
  }
}

async function expectOneLeaderEach(): Promise<void> {
  const t = harness();
  for (const lock of ['replica-recovery', 'memory-cleanup', 'bridge']) {
    const holders = await eventually(`one holder of ${lock}`, async () => {
      const now = await leaderHolders(t.topology.databaseUrl, lock);
      return now.length === 1 ? now : undefined;
    });
    expect(holders).toHaveLength(1);
  }
}

describe('scale-out topology: Redis and PostgreSQL restart under load', () => {
  it('each scheduled job runs in one process at a time (memory cleanup, alert evaluation, recovery)', async () => {
    const t = harness();
    await expectOneLeaderEach();
    // The memory cleanup fires every second everywhere it is scheduled; only the leader runs it.
    const runs = await eventually('five recorded cleanup runs', async () => {
      const rows = await withAdminClient(async (client) => (await client.query<{ node_id: string }>("select node_id from scheduled_job_runs where job = 'memory-cleanup' order by id")).rows, t.topology.databaseUrl);
      return rows.length >= 5 ? rows : undefined;
    });
    const leader = (await leaderHolders(t.topology.databaseUrl, 'memory-cleanup'))[0];
    expect(new Set(runs.map((r) => r.node_id))).toEqual(new Set([leader]));
  });

  it('Redis restarted without persistence: queued jobs are re-created from PostgreSQL, every task completes', async () => {
    const ids = await underLoad('redis', 12, () => (redis ?? fail()).restart());
    await expectComplete('redis', ids);
    const logs = harness().replicas.map((r) => r.logs()).join('\n');
    expect(logs).toMatch(/job queue reconnected|lost the lease on a task job|job queue answers again/);
  });

  it('PostgreSQL restarted: writes wait and retry, every task completes, no replica is declared dead', async () => {
    const ids = await underLoad('postgres', 12, () => (postgres ?? fail()).restart());
    await expectComplete('postgres', ids);
    const replicas = clusterReplicaList.parse(await (await harness().api('/api/cluster/replicas')).json());
    expect(replicas.items.filter((r) => r.nodeId.startsWith('replica-')).map((r) => r.state)).toEqual(['alive', 'alive', 'alive']);
    await expectOneLeaderEach();
  });
});

function fail(): never {
  throw new Error('the private services did not start');
}
