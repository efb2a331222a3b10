/**
 * Macro-benchmark: job queue throughput, enqueue + claim + complete, for 5,000 jobs with 1 and 4
 * concurrent consumers, on every JobQueue adapter, and on raw BullMQ (a plain Worker whose
 * processor does nothing) on the same Redis, so the cost of our BullMQ adapter can be read as a
 * ratio ours/raw; and the embedded queue on SQLite beside raw SQLite claims on a bare table.
 *
 *   npx tsx bench/queue/throughput.ts        (needs @dash/shared built: npx tsc -b packages/server)
 *
 * Embedded SQLite uses a temp file; embedded PostgreSQL a fresh database on TEST_DATABASE_URL
 * (dropped afterwards); BullMQ TEST_REDIS_URL (default redis://127.0.0.1:6379) under a random key
 * prefix (deleted afterwards). Jobs are all enqueued first (one by one, as producers do), then
 * consumed; both phases are timed. Figures are printed, never asserted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { BullmqJobQueue } from '../../packages/server/src/adapters/queue-bullmq/bullmq-job-queue.js';
import { redisConnectionOptions } from '../../packages/server/src/adapters/queue-bullmq/redis-connection-options.js';
import { EmbeddedJobQueue } from '../../packages/server/src/adapters/queue-embedded/embedded-job-queue.js';
import { DEFAULT_RETENTION } from '../../packages/server/src/adapters/queue-embedded/job-options.js';
import { storeDatabaseOf } from '../../packages/server/src/adapters/store/kysely-store.js';
import { openStore } from '../../packages/server/src/adapters/store/open-store.js';
import type { JobQueue } from '../../packages/server/src/ports/job-queue.js';
import type { Store } from '../../packages/server/src/ports/store.js';
import { createTestDatabase } from '../../packages/server/test/support/postgres.js';
import { makeTempDir } from '../../packages/server/test/support/temp-dir.js';

const JOBS = 5_000;
const CONSUMERS = [1, 4] as const;
const LEASE_MS = 30_000;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `dash-bench-${randomBytes(4).toString('hex')}`;

interface Result {
  label: string;
  enqueueS: number;
  consumeS: number;
}
const results: Result[] = [];

const payload = (i: number): Record<string, unknown> => ({ taskId: `task-${i}`, employeeId: 'emp-1', attempt: 0, note: 'x'.repeat(64) });

function report(result: Result): void {
  results.push(result);
  const rate = (n: number, s: number): string => Math.round(n / s).toLocaleString('en-US').padStart(7);
  console.log(
    `${result.label.padEnd(36)} total ${rate(JOBS, result.enqueueS + result.consumeS)} jobs/s` +
      `   (enqueue ${rate(JOBS, result.enqueueS)}/s, claim+complete ${rate(JOBS, result.consumeS)}/s;` +
      ` ${(result.enqueueS + result.consumeS).toFixed(2)} s)`,
  );
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

/** Our port: enqueue one by one, then `consumers` loops of claim → complete until every job is done. */
async function runPort(label: string, queue: JobQueue, consumers: number): Promise<void> {
  let t0 = performance.now();
  for (let i = 0; i < JOBS; i++) await queue.enqueue({ id: `job-${i}`, payload: payload(i), priority: i % 3 });
  const enqueueS = seconds(t0);

  let done = 0;
  t0 = performance.now();
  const loop = async (workerId: string): Promise<void> => {
    while (done < JOBS) {
      const job = await queue.claim(workerId, LEASE_MS);
      if (!job) {
        // PostgreSQL skips rows other claimers hold: "none" can be momentary near the end.
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      if (!(await queue.complete(job.id, job.token))) throw new Error(`lost the lease on ${job.id}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: consumers }, (_, i) => loop(`w${i}`)));
  const consumeS = seconds(t0);
  const counts = await queue.counts();
  if (counts.active + counts.waiting + counts.delayed !== 0) throw new Error(`jobs left over: ${JSON.stringify(counts)}`);
  report({ label, enqueueS, consumeS });
}

async function embedded(name: string, open: () => Promise<Store>): Promise<void> {
  const store = await open();
  try {
    const db = storeDatabaseOf(store);
    // Warm-up: JIT, statement cache, connections.
    const warm = new EmbeddedJobQueue({ ...db, queue: `warm-${randomUUID()}` });
    for (let i = 0; i < 200; i++) await warm.enqueue({ id: `w${i}`, payload: payload(i), priority: 1 });
    for (let job = await warm.claim('w', LEASE_MS); job; job = await warm.claim('w', LEASE_MS)) await warm.complete(job.id, job.token);
    for (const consumers of CONSUMERS) {
      const queue = new EmbeddedJobQueue({ ...db, queue: `bench-${randomUUID()}` });
      await runPort(`embedded ${name}, ${consumers} consumer(s)`, queue, consumers);
      await queue.close();
    }
  } finally {
    await store.close();
  }
}

/**
 * Raw SQLite claims: the raw limit for the embedded queue on SQLite. A bare better-sqlite3 table
 * (WAL, synchronous=NORMAL like the store), insert one by one, then claim = one
 * `UPDATE … WHERE id = (SELECT … ORDER BY priority, id LIMIT 1) RETURNING` and complete = one
 * UPDATE, with no lease token, attempts, retention or events.
 */
async function rawSqlite(file: string, consumers: number): Promise<void> {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('create table if not exists raw_jobs (id text primary key, payload text not null, priority integer not null, state text not null, worker text, lease_until integer)');
    db.exec('create index if not exists raw_jobs_ready on raw_jobs (state, priority, id)');
    db.exec('delete from raw_jobs');
    const insert = db.prepare("insert into raw_jobs (id, payload, priority, state) values (?, ?, ?, 'waiting')");
    const claim = db.prepare(
      "update raw_jobs set state = 'active', worker = ?, lease_until = ? where id = (select id from raw_jobs where state = 'waiting' order by priority, id limit 1) returning id",
    );
    const complete = db.prepare("update raw_jobs set state = 'done' where id = ? and worker = ?");
    let t0 = performance.now();
    for (let i = 0; i < JOBS; i++) {
      insert.run(`job-${i}`, JSON.stringify(payload(i)), i % 3);
      if (i % 64 === 0) await Promise.resolve(); // as async producers do
    }
    const enqueueS = seconds(t0);
    let done = 0;
    t0 = performance.now();
    const loop = async (workerId: string): Promise<void> => {
      while (done < JOBS) {
        const job = claim.get(workerId, Date.now() + LEASE_MS) as { id: string } | undefined;
        if (!job) break;
        if (complete.run(job.id, workerId).changes !== 1) throw new Error(`lost ${job.id}`);
        done++;
        await Promise.resolve();
      }
    };
    await Promise.all(Array.from({ length: consumers }, (_, i) => loop(`w${i}`)));
    report({ label: `raw SQLite claims, ${consumers} consumer(s)`, enqueueS, consumeS: seconds(t0) });
  } finally {
    db.close();
  }
}

async function ours(consumers: number): Promise<void> {
  const queue = await BullmqJobQueue.open({ url: REDIS_URL, prefix: PREFIX, queueName: `ours-${randomUUID()}`, defaultLeaseMs: LEASE_MS });
  try {
    await runPort(`bullmq (our adapter), ${consumers} consumer(s)`, queue, consumers);
  } finally {
    await queue.close();
  }
}

/** Raw BullMQ: Queue.add one by one, then a Worker (concurrency = consumers) with an empty processor. */
async function raw(consumers: number): Promise<void> {
  const connection = redisConnectionOptions(REDIS_URL);
  const name = `raw-${randomUUID()}`;
  const queue = new Queue(name, { connection, prefix: PREFIX });
  const retention = {
    removeOnComplete: { age: DEFAULT_RETENTION.completed.maxAgeMs / 1000, count: DEFAULT_RETENTION.completed.maxCount },
    removeOnFail: { age: DEFAULT_RETENTION.failed.maxAgeMs / 1000, count: DEFAULT_RETENTION.failed.maxCount },
  };
  try {
    let t0 = performance.now();
    for (let i = 0; i < JOBS; i++) {
      await queue.add('job', { payload: payload(i) }, { jobId: `job-${i}`, priority: 1001 - (i % 3), ...retention });
    }
    const enqueueS = seconds(t0);

    t0 = performance.now();
    let completed = 0;
    const finished = new Promise<void>((resolve) => {
      const worker = new Worker(name, async () => undefined, { connection, prefix: PREFIX, concurrency: consumers, lockDuration: LEASE_MS });
      worker.on('completed', () => {
        if (++completed === JOBS) void worker.close().then(resolve);
      });
    });
    await finished;
    report({ label: `bullmq (raw Worker), ${consumers} consumer(s)`, enqueueS, consumeS: seconds(t0) });
  } finally {
    await queue.close();
  }
}

async function deleteBenchKeys(): Promise<void> {
  const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of admin.scanStream({ match: `${PREFIX}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await admin.del(...keys);
    }
  } finally {
    await admin.quit();
  }
}

console.log(`job queue throughput: ${JOBS.toLocaleString('en-US')} jobs, enqueue + claim + complete\n`);

const dir = await makeTempDir('dash-bench-');
try {
  await embedded('SQLite', () => openStore({ kind: 'sqlite', file: join(dir.path, 'bench.db') }));
  for (const consumers of CONSUMERS) await rawSqlite(join(dir.path, 'raw.db'), consumers);
} finally {
  await dir.cleanup();
}

const database = await createTestDatabase();
try {
  await embedded('PostgreSQL', () => openStore({ kind: 'postgres', url: database.url, poolSize: 4 }));
} finally {
  await database.drop();
}

try {
  for (const consumers of CONSUMERS) {
    await raw(consumers);
    await ours(consumers);
  }
} finally {
  await deleteBenchKeys();
}

console.log('');
for (const consumers of CONSUMERS) {
  const find = (prefix: string): Result | undefined =>
    results.find((r) => r.label.startsWith(prefix) && r.label.includes(`, ${consumers} consumer`));
  const mine = find('bullmq (our adapter)');
  const theirs = find('bullmq (raw Worker)');
  if (!mine || !theirs) continue;
  const total = (r: Result): number => r.enqueueS + r.consumeS;
  console.log(
    `ours/raw BullMQ, ${consumers} consumer(s): total ${(total(theirs) / total(mine)).toFixed(2)}` +
      `  (enqueue ${(theirs.enqueueS / mine.enqueueS).toFixed(2)}, claim+complete ${(theirs.consumeS / mine.consumeS).toFixed(2)})`,
  );
}

mkdirSync(fileURLToPath(new URL('../results/', import.meta.url)), { recursive: true });
writeFileSync(
  fileURLToPath(new URL('../results/queue-throughput.json', import.meta.url)),
  `${JSON.stringify({ benchmark: 'queue-throughput', at: new Date().toISOString(), jobs: JOBS, results: results.map((r) => ({ ...r, jobsPerSec: Math.round(JOBS / (r.enqueueS + r.consumeS)) })) }, null, 2)}\n`,
);
