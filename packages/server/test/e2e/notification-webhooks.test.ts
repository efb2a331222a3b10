/**
 * Notification webhooks through the BUILT server and the fake agent (as `claude`): a local
 * receiver is NOTIFY_WEBHOOK_URLS. A task that completes (waits for review) and one that fails
 * for good each produce exactly one signed notification; the receiver refuses the first request
 * with 503 and the same delivery comes again; no other task transition (queued, running …) is sent.
 * A delivery refused until the server is stopped is sent by the restarted server (the outbox is in
 * the store): once accepted, with the same delivery id and body.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notificationWebhookBody, task as taskSchema, type NotificationWebhookBody, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/services/bridge/alerts/webhook-signature.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

const SECRET = 'notify-secret-0123456789';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: NotificationWebhookBody;
  answered: number;
}

describe('notification webhooks e2e', () => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let receiver: Server;
  let dataDir: string;
  let boot: () => Promise<SpawnedServer>;
  const received: Received[] = [];
  /** While true every request is refused (503). */
  let refusing = false;

  /** Every API call of this file goes through here (credentials from server-process.ts). */
  const api = async <T>(method: string, path: string, body: unknown, parse: (v: unknown) => T, status = 200): Promise<T> => {
    const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return parse(text === '' ? null : JSON.parse(text));
  };
  const until = async <T>(what: string, probe: () => Promise<T | null> | T | null, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.stdout().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        // The first request ever is refused: the sender must retry it.
        const answered = received.length === 0 || refusing ? 503 : 204;
        received.push({ headers: req.headers, raw, body: notificationWebhookBody.parse(JSON.parse(raw)), answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember('emp_491', { maxConcurrentTasks: 2 })]));
    dataDir = mkdtempSync(join(tmpdir(), 'dash-notify-'));
    boot = () => startServer({
      env: {
        DATA_DIR: dataDir,
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_MAX_RESTARTS: '0',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        NOTIFY_WEBHOOK_URLS: `http://127.0.0.1:${port}/hooks/dashboard?token=abc`,
        NOTIFY_WEBHOOK_SECRET: SECRET,
        // Retries 1 s, 2 s, 4 s … apart: time enough to restart before they run out.
        ALERT_WEBHOOK_BACKOFF: '1s',
        ALERT_WEBHOOK_MAX_ATTEMPTS: '10',
      },
    });
    server = await boot();
  }, 60_000);

  afterAll(async () => {
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await registry?.cleanup();
    await new Promise((resolve) => receiver?.close(resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('sends one signed notification per transition that needs a human, retrying a refused one', async () => {
    const done = await api('POST', '/api/tasks', { title: 'Write the report', description: 'Work.', assignee: 'emp_491' }, (v) => taskSchema.parse(v), 201);
    const broken = await api(
      'POST',
      '/api/tasks',
      { title: 'Broken build', description: fakeScript('Fail.', { steps: [{ crash: { code: 3 } }] }), assignee: 'emp_491', maxRetries: 0 },
      (v) => taskSchema.parse(v),
      201,
    );
    const delivered = (key: string): Received | null => received.find((r) => r.body.key === key && r.answered === 204) ?? null;
    const final = async (id: string): Promise<Task> =>
      until(`task ${id} to settle`, async () => {
        const t = await api('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
        return t.status === 'completed' || t.status === 'failed' ? t : null;
      });
    const [doneTask, brokenTask] = await Promise.all([final(done.id), final(broken.id)]);
    expect(doneTask.status).toBe('completed');
    expect(brokenTask.status).toBe('failed');

    const completedKey = `task:${done.id}:completed:${doneTask.version}`;
    const failedKey = `task:${broken.id}:failed:${brokenTask.version}`;
    await until('both deliveries', () => (delivered(completedKey) && delivered(failedKey) ? true : null));

    // Only the two transitions that need a human were sent; the refused one came again.
    expect(new Set(received.map((r) => r.body.key))).toEqual(new Set([completedKey, failedKey]));
    const first = received[0]!;
    expect(first.answered).toBe(503);
    expect(received.filter((r) => r.body.key === first.body.key).map((r) => r.answered)).toEqual([503, 204]);
    expect(received).toHaveLength(3);

    expect(delivered(completedKey)!.body).toMatchObject({ event: 'task.completed', link: `/tasks/${done.id}`, subject: { taskId: done.id, employeeId: 'emp_491' } });
    expect(delivered(failedKey)!.body).toMatchObject({ event: 'task.failed', link: `/tasks/${broken.id}` });
    for (const r of received) {
      expect(r.headers['x-dashboard-event']).toBe(`notification.${r.body.event}`);
      expect(r.headers['x-dashboard-delivery']).toBe(r.body.key);
      const ts = Number(r.headers['x-dashboard-timestamp']);
      expect(verifyWebhookSignature(SECRET, ts, r.raw, String(r.headers['x-dashboard-signature']))).toBe(true);
    }
  });

  it('sends a delivery refused before a restart from the restarted server, once, with the same id', async () => {
    refusing = true;
    const done = await api('POST', '/api/tasks', { title: 'Write the summary', description: 'Work.', assignee: 'emp_491' }, (v) => taskSchema.parse(v), 201);
    const completed = await until(`task ${done.id} to complete`, async () => {
      const t = await api('GET', `/api/tasks/${done.id}`, undefined, (v) => taskSchema.parse(v));
      return t.status === 'completed' ? t : null;
    });
    const key = `task:${done.id}:completed:${completed.version}`;
    const forKey = (): Received[] => received.filter((r) => r.body.key === key);
    await until('the refused first attempt', () => (forKey().length > 0 ? true : null));

    // The server goes away with the delivery pending; the receiver accepts from now on.
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    refusing = false;
    const refusedBeforeRestart = forKey().length;
    expect(forKey().every((r) => r.answered === 503)).toBe(true);
    server = await boot();

    await until('the delivery after the restart', () => (forKey().some((r) => r.answered === 204) ? true : null));
    const attempts = forKey();
    expect(attempts.length).toBeGreaterThan(refusedBeforeRestart);
    expect(attempts.filter((r) => r.answered === 204)).toHaveLength(1);
    expect(attempts.at(-1)!.answered).toBe(204);
    for (const r of attempts) {
      expect(r.headers['x-dashboard-delivery']).toBe(key);
      expect(r.raw).toBe(attempts[0]!.raw);
      expect(verifyWebhookSignature(SECRET, Number(r.headers['x-dashboard-timestamp']), r.raw, String(r.headers['x-dashboard-signature']))).toBe(true);
    }
  }, 90_000);
});
