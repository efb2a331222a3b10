/**
 * Durable notification webhooks (migration 0016, KyselyNotificationOutbox, NotificationWebhooks) on
 * a real SQLite file and a fresh PostgreSQL database, sending to a local HTTP receiver. Every
 * "replica" or "restart" is its own connection to the same database; time is a test clock, so a
 * retry is due exactly when the test says so.
 *  - a delivery refused (500) by one service instance, which is then stopped, is delivered by a NEW
 *    instance on the same store: exactly one 200, the same delivery id, body and valid signatures;
 *  - two instances running deliverDue at once send each due delivery once;
 *  - the outbox: enqueued deliveries are leased to the enqueuer, a lease that ran out is taken
 *    over, and the sender whose lease was taken cannot record over the one that took it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { notificationWebhookBody, type NotificationWebhookBody } from '@dash/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import { KyselyNotificationOutbox } from '../../src/adapters/store/kysely-notification-outbox.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { FetchWebhookSender } from '../../src/adapters/webhook/fetch-webhook-sender.js';
import { webhookTargetId } from '../../src/config/bridge-config.js';
import type { Clock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { verifyWebhookSignature } from '../../src/services/bridge/alerts/webhook-signature.js';
import { NotificationWebhooks } from '../../src/services/notifications/notification-webhooks.js';
import { manualClock, postgresReplicaStores, sqliteReplicaStores } from '../support/replica-stores.js';

const SECRET = 'notify-secret-0123456789';
const BACKOFF_MS = 60_000;

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: NotificationWebhookBody;
  answered: number;
}

/** A local receiver refusing (500) the first request of each notification key, accepting later ones. */
async function receiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const body = notificationWebhookBody.parse(JSON.parse(raw));
      const answered = received.some((r) => r.body.key === body.key) ? 200 : 500;
      received.push({ headers: req.headers, raw, body, answered });
      res.writeHead(answered).end(answered === 200 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/dashboard?token=abc`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const testClock = (start = Date.parse('2026-03-04T12:00:00.000Z')): ReturnType<typeof manualClock> => manualClock(start);

const taskCompleted = (id: string) => ({ id, title: `Report ${id}`, status: 'completed', version: 3, assignedTo: 'emp_1' });

describe.each([sqliteReplicaStores('dash-notify-outbox-'), postgresReplicaStores()])('durable notification webhooks: $name', (backend) => {
  const stores: Store[] = [];
  let hook: Awaited<ReturnType<typeof receiver>> | null = null;

  afterAll(async () => {
    for (const store of stores) await store.close();
    await hook?.close();
    await backend.cleanup();
  });

  const connect = async (): Promise<Store> => {
    const store = await backend.connect();
    stores.push(store);
    return store;
  };

  const service = (store: Store, url: string, clock: Clock, bus = new LocalEventBus()) => ({
    bus,
    hooks: new NotificationWebhooks({
      bus,
      outbox: new KyselyNotificationOutbox(storeDatabaseOf(store).db),
      sender: new FetchWebhookSender(),
      targets: [{ id: webhookTargetId(url), origin: new URL(url).origin, secretUrl: url }],
      signingSecret: SECRET,
      maxAttempts: 5,
      backoffMs: BACKOFF_MS,
      timeoutMs: 5_000,
      clock,
      logger: silentLogger,
      // The test says when retries are looked for (start, deliverDue), never a timer.
      pollEveryMs: 3_600_000,
    }),
  });

  it('delivers a refused notification after a restart: a new instance on the same store sends it once', async () => {
    hook = await receiver();
    const clock = testClock();
    const first = service(await connect(), hook.url, clock);
    first.hooks.start();
    first.bus.publish('tasks', taskCompleted('t1'));
    await first.hooks.idle();
    expect(hook.received.map((r) => r.answered)).toEqual([500]);
    await first.hooks.stop();
    await stores.pop()!.close();

    // The process is gone; the retry is due after the backoff, and a new process starts.
    clock.advance(BACKOFF_MS);
    const second = service(await connect(), hook.url, clock);
    second.hooks.start();
    await second.hooks.idle();
    expect(hook.received.map((r) => r.answered)).toEqual([500, 200]);
    const [refused, delivered] = hook.received as [Received, Received];
    expect(delivered.headers['x-dashboard-delivery']).toBe('task:t1:completed:3');
    expect(delivered.headers['x-dashboard-delivery']).toBe(refused.headers['x-dashboard-delivery']);
    expect(delivered.headers['x-dashboard-event']).toBe('notification.task.completed');
    expect(delivered.raw).toBe(refused.raw);
    expect(delivered.body).toMatchObject({ key: 'task:t1:completed:3', event: 'task.completed', link: '/tasks/t1', sentAt: '2026-03-04T12:00:00.000Z' });
    for (const r of hook.received) {
      expect(verifyWebhookSignature(SECRET, Number(r.headers['x-dashboard-timestamp']), r.raw, String(r.headers['x-dashboard-signature']))).toBe(true);
    }

    // Delivered for good: nothing is due any more, and the same transition heard again is not sent.
    clock.advance(10 * BACKOFF_MS);
    expect(await second.hooks.deliverDue()).toBe(0);
    second.bus.publish('tasks', taskCompleted('t1'));
    await second.hooks.idle();
    expect(hook.received).toHaveLength(2);
    await second.hooks.stop();
  });

  it('sends each due delivery once when two instances run deliverDue at the same time', async () => {
    hook ??= await receiver();
    const clock = testClock(Date.parse('2026-03-05T12:00:00.000Z'));
    const bus = new LocalEventBus();
    // Two replicas hearing the same bus: each notification is claimed (and first tried) by one.
    const store = await connect();
    const replica = await backend.replicaOf(store);
    if (replica !== store) stores.push(replica);
    const a = service(store, hook.url, clock, bus);
    const b = service(replica, hook.url, clock, bus);
    a.hooks.start();
    b.hooks.start();
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
    for (const id of ids) bus.publish('tasks', taskCompleted(id));
    await Promise.all([a.hooks.idle(), b.hooks.idle()]);
    const keys = ids.map((id) => `task:${id}:completed:3`);
    const answersFor = (key: string): number[] => hook!.received.filter((r) => r.body.key === key).map((r) => r.answered);
    for (const key of keys) expect(answersFor(key)).toEqual([500]);

    clock.advance(BACKOFF_MS);
    const [sentByA, sentByB] = await Promise.all([a.hooks.deliverDue(), b.hooks.deliverDue()]);
    expect(sentByA + sentByB).toBe(ids.length);
    for (const key of keys) expect(answersFor(key)).toEqual([500, 200]);
    await Promise.all([a.hooks.stop(), b.hooks.stop()]);
  });

  it('leases enqueued deliveries to their sender, hands over a lease that ran out, and fences the late sender', async () => {
    const outbox = new KyselyNotificationOutbox(storeDatabaseOf(await connect()).db);
    const at = '2026-03-06T12:00:00.000Z';
    const lease = '2026-03-06T12:00:15.000Z';
    const delivery = { id: 'target:input:r1', key: 'input:r1', event: 'input.requested' as const, targetId: 'target', target: 'http://127.0.0.1', body: '{}', createdAt: at };
    expect(await outbox.enqueue('input:r1', at, [delivery], lease)).toMatchObject([{ id: delivery.id, status: 'pending', attempts: 0, leaseUntil: lease }]);
    // The key is claimed once: a second enqueue (another replica) records nothing.
    expect(await outbox.enqueue('input:r1', at, [{ ...delivery, id: 'other' }], lease)).toEqual([]);
    // Held by the enqueuer until its lease runs out; then another sender takes it over.
    expect(await outbox.claimDue('2026-03-06T12:00:10.000Z', '2026-03-06T12:00:25.000Z', 10)).toEqual([]);
    const takeover = '2026-03-06T12:00:31.000Z';
    expect(await outbox.claimDue('2026-03-06T12:00:16.000Z', takeover, 10)).toMatchObject([{ id: delivery.id, leaseUntil: takeover }]);
    const delivered = { status: 'delivered' as const, attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, deliveredAt: '2026-03-06T12:00:17.000Z' };
    expect(await outbox.record(delivery.id, takeover, delivered)).toBe(true);
    // The first sender, late: it may not overwrite the delivery (e.g. back to pending).
    expect(await outbox.record(delivery.id, lease, { ...delivered, status: 'pending', nextAttemptAt: at, deliveredAt: null })).toBe(false);
    expect(await outbox.claimDue('2026-03-07T12:00:00.000Z', '2026-03-07T12:00:15.000Z', 10)).toEqual([]);
    // Finished deliveries (and keys) are pruned by age.
    expect(await outbox.prune('2026-03-06T12:00:00.001Z')).toBeGreaterThanOrEqual(2);
    expect(await outbox.enqueue('input:r1', at, [delivery], lease)).toHaveLength(1);
  });
});
