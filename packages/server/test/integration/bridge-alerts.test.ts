/**
 * Alerts end to end on a real store (SQLite, and a fresh PostgreSQL database), with webhooks
 * delivered to local HTTP receivers: facts come from stored employees, runs and their costs; the
 * dependency check is a real probe of a closed port.
 *  - each rule opens one alert per key, however often (and by however many evaluators) it runs;
 *  - an alert resolves by itself when its condition clears; one resolved by hand does not reopen
 *    while the condition lasts, and opens anew after it cleared and came back;
 *  - every open/resolve is delivered to every webhook as Slack-compatible JSON with a valid
 *    HMAC signature; a 5xx is retried with backoff until it passes; a 404 fails at once; both
 *    outcomes are visible with their status codes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { employee, type Alert, type RunStatus } from '@dash/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webhookTargetId } from '../../src/config/bridge-config.js';
import { KyselyAlertDeliveryRepository } from '../../src/adapters/store/kysely-alert-delivery-repository.js';
import { KyselyAlertFacts } from '../../src/adapters/store/kysely-alert-facts.js';
import { KyselyAlertRepository } from '../../src/adapters/store/kysely-alert-repository.js';
import { employeeRepositoryFor } from '../../src/adapters/store/kysely-employee-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { FetchWebhookSender } from '../../src/adapters/webhook/fetch-webhook-sender.js';
import { checkDependencies } from '../../src/observability/health/dependency-check.js';
import { httpHealthProbe } from '../../src/observability/health/http-probe.js';
import { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { AlertService, ALERTS_TOPIC } from '../../src/services/bridge/alerts/alert-service.js';
import { WebhookDelivery } from '../../src/services/bridge/alerts/webhook-delivery.js';
import { verifyWebhookSignature } from '../../src/services/bridge/alerts/webhook-signature.js';
import { freePort } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const SECRET = 'test-webhook-secret-0123456789';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver answering with the given statuses in turn (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secret-path`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Backend {
  name: string;
  open(): Promise<{ store: Store; cleanup(): Promise<void> }>;
}

const sqlite: Backend = {
  name: 'SQLite',
  async open() {
    const dir: TempDir = await makeTempDir('dash-alerts-');
    const store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dashboard.sqlite') });
    return { store, cleanup: async () => (await store.close(), await dir.cleanup()) };
  },
};

const postgres: Backend = {
  name: 'PostgreSQL',
  async open() {
    const db: TestDatabase = await createTestDatabase();
    const store = await openStore({ kind: 'postgres', url: db.url });
    return { store, cleanup: async () => (await store.close(), await db.drop()) };
  },
};

describe.each([sqlite, postgres])('alerts and webhooks on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let closedPort: number;
  let good: Awaited<ReturnType<typeof receiver>>;
  let gone: Awaited<ReturnType<typeof receiver>>;
  let alerts: AlertService;
  let delivery: WebhookDelivery;
  let deliveries: KyselyAlertDeliveryRepository;
  const published: Alert[] = [];

  const makeService = (): AlertService =>
    new AlertService({
      alerts: new KyselyAlertRepository(storeDatabaseOf(store).db),
      deliveries,
      facts: new KyselyAlertFacts(storeDatabaseOf(store).db),
      dependencies: () => checkDependencies([{ name: 'memory-api', kind: 'http', required: false, probe: httpHealthProbe(`http://127.0.0.1:${closedPort}`) }], 2_000),
      waitingForInput: async () => new Set<string>(),
      thresholds: { stuckRunAfterMs: 15 * 60_000, failureStreak: 3, workloadBacklog: 5, dailyBudgetUsd: null },
      targets: [good, gone].map((r) => ({ id: webhookTargetId(r.url), origin: new URL(r.url).origin })),
      bus,
      clock: systemClock,
      logger: silentLogger,
      newId: randomUUID,
    });
  const bus = new LocalEventBus();
  bus.subscribe<Alert>(ALERTS_TOPIC, (a) => published.push(a));

  const addRun = async (employeeId: string, status: RunStatus, over: { startedAt?: string; costUsd?: number } = {}): Promise<string> => {
    const id = randomUUID();
    await store.runs.create({ id, taskId: null, employeeId, runtime: 'claude-code', model: null, cwd: '/tmp', resumeOf: null, nodeId: 'n', createdAt: systemClock.isoNow() });
    await store.runs.transition(id, ['queued'], { status: 'running', startedAt: over.startedAt ?? systemClock.isoNow() });
    if (over.costUsd !== undefined) await store.runs.addUsage(id, { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: over.costUsd });
    if (status !== 'running') await store.runs.transition(id, ['running'], { status, endedAt: systemClock.isoNow() });
    return id;
  };
  const open = async (): Promise<Alert[]> => (await alerts.list({ status: 'open', limit: 50 })).sort((a, b) => a.key.localeCompare(b.key));
  /** Sends until nothing is pending any more (retries wait for their backoff). */
  const deliverAll = async (): Promise<void> => {
    await expect
      .poll(
        async () => {
          await delivery.deliverDue();
          return (await deliveries.list({ status: 'pending', limit: 50 })).length;
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBe(0);
  };

  beforeAll(async () => {
    closedPort = await freePort();
  });

  beforeEach(async () => {
    ({ store, cleanup } = await backend.open());
    good = await receiver([500, 200]);
    gone = await receiver([404]);
    published.length = 0;
    deliveries = new KyselyAlertDeliveryRepository(storeDatabaseOf(store).db);
    await employeeRepositoryFor(store).upsertFromFile(
      ['emp_001', 'emp_002'].map((id, i) =>
        employee.parse({
          id,
          name: `Dev ${i + 1}`,
          role: 'senior_developer',
          department: 'development',
          level: 'senior',
          skills: ['backend_development'],
          promptFile: 'senior-developer.md',
          maxConcurrentTasks: 1,
          runtimeConfig: { runtime: 'claude-code', budgetUsdPerDay: id === 'emp_002' ? 1 : null },
        }),
      ),
      { force: false, now: systemClock.isoNow() },
    );
    alerts = makeService();
    delivery = new WebhookDelivery({
      deliveries,
      alerts: new KyselyAlertRepository(storeDatabaseOf(store).db),
      sender: new FetchWebhookSender(),
      targets: [good, gone].map((r) => ({ id: webhookTargetId(r.url), secretUrl: r.url })),
      signingSecret: SECRET,
      maxAttempts: 4,
      backoffMs: 10,
      timeoutMs: 2_000,
      clock: systemClock,
      logger: silentLogger,
    });
  });

  afterEach(async () => {
    await good.close();
    await gone.close();
    await cleanup();
  });

  afterAll(() => bus.close());

  it('opens one alert per condition, however often and by however many evaluators it is evaluated', async () => {
    await addRun('emp_001', 'failed');
    await addRun('emp_001', 'timed_out');
    await addRun('emp_001', 'lost');
    await addRun('emp_001', 'running', { startedAt: new Date(Date.now() - 3_600_000).toISOString() });
    await addRun('emp_002', 'succeeded', { costUsd: 1.5 });

    const [first, second] = await Promise.all([alerts.evaluate(), makeService().evaluate()]);
    expect(first.opened.length + second.opened.length).toBe(4);
    await alerts.evaluate();
    const list = await open();
    expect(list.map((a) => [a.key.replace(/:[0-9a-f-]{36}$/, ':<run>'), a.kind, a.severity])).toEqual([
      ['budget_exceeded:emp_002', 'budget_exceeded', 'critical'],
      ['dependency_down:memory-api', 'dependency_down', 'warning'],
      ['failure_streak:emp_001', 'failure_streak', 'critical'],
      ['stuck_run:<run>', 'stuck_run', 'warning'],
    ]);
    expect(list.every((a) => a.occurrences >= 2)).toBe(true);
    expect(list.find((a) => a.kind === 'budget_exceeded')?.subject).toMatchObject({ employeeId: 'emp_002', spentUsd: 1.5, budgetUsd: 1 });
    expect(published.filter((a) => a.status === 'open')).toHaveLength(4);
  });

  it('delivers signed Slack-compatible webhooks, retries a 5xx with backoff and gives up on a 404', async () => {
    await addRun('emp_001', 'failed');
    await addRun('emp_001', 'failed');
    await addRun('emp_001', 'failed');
    await alerts.evaluate();
    await deliverAll();

    const streak = (await open()).find((a) => a.kind === 'failure_streak');
    const okBody = good.received.find((r) => (JSON.parse(r.body) as { alert: Alert }).alert.id === streak?.id && r.headers['x-dashboard-event'] === 'alert.opened');
    expect(okBody).toBeDefined();
    const body = JSON.parse(okBody!.body) as { text: string; blocks: unknown[]; event: string; alert: Alert };
    expect(body.text).toContain('[critical] emp_001 keeps failing');
    expect(body.blocks).toHaveLength(2);
    const timestamp = Number(okBody!.headers['x-dashboard-timestamp']);
    expect(verifyWebhookSignature(SECRET, timestamp, okBody!.body, String(okBody!.headers['x-dashboard-signature']))).toBe(true);
    expect(verifyWebhookSignature('another-secret-0123456789', timestamp, okBody!.body, String(okBody!.headers['x-dashboard-signature']))).toBe(false);

    const mine = await deliveries.list({ alertId: streak?.id ?? '', limit: 10 });
    const byTarget = new Map(mine.map((d) => [d.target, d]));
    // The first delivery to the good receiver met its 500, the retry passed.
    const toGood = byTarget.get(new URL(good.url).origin);
    const toGone = byTarget.get(new URL(gone.url).origin);
    expect(toGood?.target).not.toContain('secret-path');
    const attempts = [toGood, toGone].map((d) => d && [d.status, d.lastStatusCode]);
    expect(attempts).toContainEqual(['failed', 404]);
    expect(attempts).toContainEqual(['delivered', 200]);
    expect(toGone).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 404: nope' });
    const allGood = await deliveries.list({ status: 'delivered', limit: 50 });
    expect(allGood.some((d) => d.attempts === 2 && d.lastStatusCode === 200)).toBe(true);
  });

  it('resolves by itself when the condition clears, and by hand without reopening while it lasts', async () => {
    const silent = await addRun('emp_001', 'running', { startedAt: new Date(Date.now() - 3_600_000).toISOString() });
    await addRun('emp_002', 'failed');
    await addRun('emp_002', 'failed');
    await addRun('emp_002', 'failed');
    await alerts.evaluate();
    const stuck = (await open()).find((a) => a.kind === 'stuck_run');
    const streak = (await open()).find((a) => a.kind === 'failure_streak');

    // The stuck run ends: its alert resolves by itself.
    await store.runs.transition(silent, ['running'], { status: 'failed', endedAt: systemClock.isoNow() });
    const after = await alerts.evaluate();
    expect(after.resolved.map((a) => a.id)).toEqual([stuck?.id]);
    expect(await alerts.get(stuck?.id ?? '')).toMatchObject({ status: 'resolved', resolvedBy: 'auto' });

    // Resolved by hand: it stays resolved while the streak lasts; a second resolve is refused.
    expect(await alerts.resolve(streak?.id ?? '', 'alice')).toMatchObject({ status: 'resolved', resolvedBy: 'alice' });
    await expect(alerts.resolve(streak?.id ?? '', 'bob')).rejects.toMatchObject({ code: 'ALERT_ALREADY_RESOLVED' });
    await expect(alerts.resolve('no-such-alert', 'bob')).rejects.toMatchObject({ code: 'ALERT_NOT_FOUND' });
    expect((await alerts.evaluate()).opened.filter((a) => a.kind === 'failure_streak')).toEqual([]);

    // The streak ends (a success), then starts again: a new alert.
    await addRun('emp_002', 'succeeded');
    await alerts.evaluate();
    for (let i = 0; i < 3; i += 1) await addRun('emp_002', 'failed');
    const again = await alerts.evaluate();
    expect(again.opened.map((a) => a.key)).toEqual(['failure_streak:emp_002']);
    expect(again.opened[0]?.id).not.toBe(streak?.id);

    await deliverAll();
    // One entry per delivery: the receiver's first answer is a 500, so whichever delivery came
    // first was received twice (the refused try and its retry) under the same delivery id.
    const byDelivery = new Map(good.received.map((r) => [String(r.headers['x-dashboard-delivery']), r]));
    const events = [...byDelivery.values()].map((r) => `${(JSON.parse(r.body) as { alert: Alert }).alert.kind}:${String(r.headers['x-dashboard-event'])}`);
    expect(events).toEqual(expect.arrayContaining(['stuck_run:alert.resolved', 'failure_streak:alert.resolved']));
    expect(events.filter((e) => e === 'failure_streak:alert.opened')).toHaveLength(2);
  });
});
