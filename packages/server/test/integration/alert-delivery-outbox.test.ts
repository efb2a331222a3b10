/**
 * The alert webhook outbox across replicas (KyselyAlertDeliveryRepository, WebhookDelivery) on a
 * real SQLite file and a fresh PostgreSQL database. Every "replica" is its own connection to the
 * same database where the dialect allows it; time is a test clock.
 *  - a delivery another replica claimed and rescheduled between claimDue's select and its
 *    conditional update is not claimed before it is due again;
 *  - two WebhookDelivery instances polling while requests take their whole timeout send each due
 *    delivery once (a batch is sent at once, so no lease runs out while its request waits);
 *  - a sender whose lease ran out cannot record over the sender that took the delivery over.
 * The webhook receiver is a stub of the WebhookSender port (the outgoing HTTP boundary), holding
 * every request until the test answers it; bridge-alerts.test.ts covers the real HTTP sender.
 */
import { type Kysely, type QueryId } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { KyselyAlertDeliveryRepository } from '../../src/adapters/store/kysely-alert-delivery-repository.js';
import { KyselyAlertRepository } from '../../src/adapters/store/kysely-alert-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import type { StoreDatabase } from '../../src/adapters/store/schema.js';
import type { DeliveryAttempt } from '../../src/ports/alert-delivery-repository.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import type { WebhookSender } from '../../src/ports/webhook-sender.js';
import { WebhookDelivery } from '../../src/services/bridge/alerts/webhook-delivery.js';
import { manualClock, postgresReplicaStores, sqliteReplicaStores } from '../support/replica-stores.js';

const T0 = Date.parse('2026-03-04T12:00:00.000Z');
const iso = (ms: number): string => new Date(T0 + ms).toISOString();
const TARGET = { id: 'target-1', origin: 'https://hooks.example.test' };
/** The senders' request timeout; their leases last this plus 5 s from the claim. */
const TIMEOUT_MS = 2_000;

const testClock = (): ReturnType<typeof manualClock> => manualClock(T0);

/** Stores an alert and one pending delivery per id, due at T0. */
async function seed(store: Store, ids: readonly string[]): Promise<void> {
  const db = storeDatabaseOf(store).db;
  const alertId = `alert-${ids[0] ?? 'none'}`;
  await new KyselyAlertRepository(db).open({
    id: alertId,
    key: `failure_streak:${alertId}`,
    kind: 'failure_streak',
    severity: 'critical',
    title: 'emp_001 keeps failing',
    message: 'The last 3 finished runs failed.',
    subject: { employeeId: 'emp_001' },
    openedAt: iso(0),
  });
  await new KyselyAlertDeliveryRepository(db).add(ids.map((id) => ({ id, alertId, event: 'opened' as const, targetId: TARGET.id, target: TARGET.origin, createdAt: iso(0) })));
}

/** `db`, on which `meanwhile` runs once, right after its first select returns (before the caller goes on). */
function pausedAfterFirstSelect(db: Kysely<StoreDatabase>, meanwhile: () => Promise<void>): Kysely<StoreDatabase> {
  const selects = new Set<QueryId>();
  let ran = false;
  return db.withPlugin({
    transformQuery: ({ node, queryId }) => {
      if (node.kind === 'SelectQueryNode') selects.add(queryId);
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      if (!ran && selects.has(queryId)) {
        ran = true;
        await meanwhile();
      }
      return result;
    },
  });
}

/** Counts the calls in progress on an object's methods (all async). */
function tracked<T extends object>(target: T, busy: { calls: number }): T {
  return new Proxy(target, {
    get(t, key) {
      const value: unknown = Reflect.get(t, key, t);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        busy.calls += 1;
        try {
          return (await (value as (...a: unknown[]) => Promise<unknown>).apply(t, args)) as unknown;
        } finally {
          busy.calls -= 1;
        }
      };
    },
  });
}

/** A receiver that holds every request until `answerAll` (200). Records the delivery ids posted. */
class HeldReceiver implements WebhookSender {
  readonly posted: string[] = [];
  readonly #held: Array<() => void> = [];

  get waiting(): number {
    return this.#held.length;
  }

  post(_url: string, _body: string, headers: Record<string, string>): Promise<{ status: number; excerpt: string }> {
    this.posted.push(headers['x-dashboard-delivery'] ?? '');
    return new Promise((resolve) => this.#held.push(() => resolve({ status: 200, excerpt: 'ok' })));
  }

  answerAll(): void {
    for (const answer of this.#held.splice(0)) answer();
  }
}

describe.each([sqliteReplicaStores('dash-alert-outbox-'), postgresReplicaStores()])('alert webhook outbox across replicas: $name', (backend) => {
  const stores: Store[] = [];

  const connect = async (): Promise<Store> => {
    const store = await backend.connect();
    stores.push(store);
    return store;
  };

  afterEach(async () => {
    // One database per backend: each test's rows are its own (distinct ids), connections are reused only within a test.
    for (const store of stores.splice(0)) await store.close();
  });

  afterAll(async () => {
    await backend.cleanup();
  });

  it('does not claim a delivery another replica rescheduled, before it is due again', async () => {
    const store = await connect();
    await seed(store, ['d-resched']);
    const other = new KyselyAlertDeliveryRepository(storeDatabaseOf(await connect()).db);
    // Another replica claims, attempts (500) and reschedules the delivery a minute later, exactly
    // while this one is between its select of due deliveries and its claim of them.
    const rescheduled = async (): Promise<void> => {
      const [held] = await other.claimDue(iso(0), iso(7_000), 10);
      expect(held).toMatchObject({ id: 'd-resched', leaseUntil: iso(7_000) });
      const retry: DeliveryAttempt = { status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: iso(60_000), deliveredAt: null };
      expect(await other.record(held!, retry)).toBe(true);
    };
    const mine = new KyselyAlertDeliveryRepository(pausedAfterFirstSelect(storeDatabaseOf(store).db, rescheduled));

    expect(await mine.claimDue(iso(1_000), iso(8_000), 10)).toEqual([]);
    expect(await mine.claimDue(iso(59_999), iso(66_999), 10)).toEqual([]);
    expect(await mine.claimDue(iso(60_000), iso(67_000), 10)).toMatchObject([{ id: 'd-resched', attempts: 1, leaseUntil: iso(67_000) }]);
  });

  it('sends each due delivery once when two replicas poll while requests take their whole timeout', async () => {
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
    const store = await connect();
    await seed(store, ids);
    const replica = await backend.replicaOf(store);
    if (replica !== store) stores.push(replica);
    const clock = testClock();
    const receiver = new HeldReceiver();
    const busy = { calls: 0 };
    const sender = (on: Store): WebhookDelivery => {
      const db = storeDatabaseOf(on).db;
      return new WebhookDelivery({
        deliveries: tracked(new KyselyAlertDeliveryRepository(db), busy),
        alerts: tracked(new KyselyAlertRepository(db), busy),
        sender: receiver,
        targets: [{ id: TARGET.id, secretUrl: `${TARGET.origin}/services/secret-path` }],
        signingSecret: 'test-webhook-secret-0123456789',
        maxAttempts: 4,
        backoffMs: 60_000,
        timeoutMs: TIMEOUT_MS,
        clock,
        logger: silentLogger,
      });
    };
    const [a, b] = [sender(store), sender(replica)];

    // Time moves only when every sender waits on a request (no store call in progress): each
    // request then takes its whole timeout, and both replicas poll again, as their timers would.
    // Replica a polls first and claims the whole batch; b polls while a sends.
    const runs = new Set<Promise<unknown>>();
    const errors: unknown[] = [];
    const poll = (replicas: readonly WebhookDelivery[]): void => {
      for (const r of replicas) {
        const run: Promise<unknown> = r
          .deliverDue()
          .catch((err: unknown) => errors.push(err))
          .finally(() => runs.delete(run));
        runs.add(run);
      }
    };
    poll([a]);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (busy.calls > 0) continue;
      if (receiver.waiting > 0) {
        clock.advance(TIMEOUT_MS);
        receiver.answerAll();
        poll([a, b]);
        continue;
      }
      if (runs.size === 0) break;
      await Promise.all([...runs]);
    }

    expect(errors).toEqual([]);
    expect([...receiver.posted].sort()).toEqual(ids);
    const delivered = await new KyselyAlertDeliveryRepository(storeDatabaseOf(store).db).list({ status: 'delivered', limit: 50 });
    expect(delivered.filter((d) => ids.includes(d.id)).map((d) => [d.id, d.attempts]).sort()).toEqual(ids.map((id) => [id, 1]));
  });

  it('refuses the outcome of a sender whose lease was taken over, and the claim of a lease that ends before now', async () => {
    const store = await connect();
    await seed(store, ['d-late']);
    const repo = new KyselyAlertDeliveryRepository(storeDatabaseOf(store).db);
    const delivered: DeliveryAttempt = { status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, deliveredAt: iso(9_000) };
    const retry: DeliveryAttempt = { status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'timed out', nextAttemptAt: iso(100), deliveredAt: null };

    const [late] = await repo.claimDue(iso(0), iso(7_000), 10);
    // Held: nobody else claims it until the lease runs out; then another sender takes it over.
    expect(await repo.claimDue(iso(6_999), iso(13_999), 10)).toEqual([]);
    const [taker] = await repo.claimDue(iso(7_001), iso(14_001), 10);
    expect(taker).toMatchObject({ id: 'd-late', attempts: 0, leaseUntil: iso(14_001) });

    // The first sender, late: refused both while the taker holds the delivery and after it recorded.
    expect(await repo.record(late!, retry)).toBe(false);
    expect(await repo.record(taker!, delivered)).toBe(true);
    expect(await repo.record(late!, retry)).toBe(false);
    expect(await repo.list({ alertId: 'alert-d-late', limit: 10 })).toMatchObject([{ id: 'd-late', status: 'delivered', attempts: 1, lastStatusCode: 200, nextAttemptAt: null }]);

    await expect(repo.claimDue(iso(20_000), iso(20_000), 10)).rejects.toThrow(/must end after now/);
  });

  it('fences a late sender even when the delivery is claimed again with the very lease it had', async () => {
    const store = await connect();
    await seed(store, ['d-same-lease']);
    const repo = new KyselyAlertDeliveryRepository(storeDatabaseOf(store).db);
    const retry = (attempts: number): DeliveryAttempt => ({ status: 'pending', attempts, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: iso(1_000), deliveredAt: null });

    const [late] = await repo.claimDue(iso(0), iso(7_000), 10);
    const [taker] = await repo.claimDue(iso(8_000), iso(15_000), 10);
    // The taker records a retry due before the first lease's end (whatever the replicas' clocks
    // said), and a third sender claims it with the same lease end the first sender was given.
    expect(await repo.record(taker!, retry(1))).toBe(true);
    const [third] = await repo.claimDue(iso(2_000), iso(7_000), 10);
    expect(third).toMatchObject({ id: 'd-same-lease', attempts: 1, leaseUntil: late!.leaseUntil });

    expect(await repo.record(late!, retry(1))).toBe(false);
    expect(await repo.record(third!, retry(2))).toBe(true);
    expect(await repo.list({ alertId: 'alert-d-same-lease', limit: 10 })).toMatchObject([{ id: 'd-same-lease', status: 'pending', attempts: 2 }]);
  });
});
