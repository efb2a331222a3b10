/**
 * The JobQueue contract on the embedded queue over a fresh PostgreSQL database, plus what only a
 * shared server can show: several replicas claiming from the same table at once. Fails (never
 * skips) when PostgreSQL is unreachable.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedJobQueue } from '../../src/adapters/queue-embedded/embedded-job-queue.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { Store } from '../../src/ports/store.js';
import { defineJobQueueContract } from '../contracts/job-queue.contract.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function openReplica(queueName: string, poolSize = 4): Promise<{ store: Store; queue: EmbeddedJobQueue }> {
  const store = await openStore({ kind: 'postgres', url: database.url, poolSize });
  return { store, queue: new EmbeddedJobQueue({ ...storeDatabaseOf(store), queue: queueName }) };
}

defineJobQueueContract('embedded on PostgreSQL', async () => {
  const queueName = `q-${randomUUID()}`;
  let current = await openReplica(queueName);
  return {
    queue: current.queue,
    async restart() {
      await current.queue.close();
      await current.store.close();
      current = await openReplica(queueName);
      return current.queue;
    },
    async cleanup() {
      await current.queue.close();
      await storeDatabaseOf(current.store).db.deleteFrom('jobs').where('queue', '=', queueName).execute();
      await current.store.close();
    },
  };
});

describe('embedded queue on PostgreSQL replicas', () => {
  it('gives each job to exactly one claimer across 3 replicas with 3 claim loops each', async () => {
    const queueName = `q-${randomUUID()}`;
    const replicas = await Promise.all([openReplica(queueName, 3), openReplica(queueName, 3), openReplica(queueName, 3)]);
    try {
      const total = 300;
      const producer = replicas[0]!.queue;
      for (let i = 0; i < total; i++) await producer.enqueue({ id: `j${i}`, payload: { i }, priority: i % 5 });

      const delivered: string[] = [];
      const loop = async (queue: EmbeddedJobQueue, workerId: string): Promise<void> => {
        const deadline = Date.now() + 30_000;
        while (delivered.length < total && Date.now() < deadline) {
          const claimed = await queue.claim(workerId, 30_000);
          if (!claimed) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            continue;
          }
          delivered.push(claimed.id);
          expect(await queue.complete(claimed.id, claimed.token)).toBe(true);
        }
      };
      await Promise.all(replicas.flatMap((r, n) => [0, 1, 2].map((k) => loop(r.queue, `r${n}-w${k}`))));

      expect(delivered).toHaveLength(total);
      expect(new Set(delivered).size).toBe(total);
      await expect(producer.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: total });
    } finally {
      for (const r of replicas) {
        await r.queue.close();
        await r.store.close();
      }
    }
  });
});
