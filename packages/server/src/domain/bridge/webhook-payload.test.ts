import type { Alert } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { deliveryVerdict, webhookRetryDelayMs } from './retry-delay.js';
import { webhookPayload } from './webhook-payload.js';

const alert: Alert = {
  id: 'a1',
  key: 'stuck_run:r1',
  kind: 'stuck_run',
  severity: 'warning',
  status: 'open',
  title: 'A run looks stuck',
  message: 'Run r1 of <emp_001> has shown no activity for 20 min & more.',
  subject: { runId: 'r1' },
  openedAt: '2026-03-02T12:00:00.000Z',
  lastSeenAt: '2026-03-02T12:00:00.000Z',
  occurrences: 1,
  resolvedAt: null,
  resolvedBy: null,
};

describe('webhookPayload', () => {
  it('is a Slack message (text + blocks, mrkdwn escaped) that carries the alert', () => {
    const body = webhookPayload(alert, 'opened');
    expect(body.text).toBe(':large_yellow_circle: [warning] A run looks stuck: Run r1 of &lt;emp_001&gt; has shown no activity for 20 min &amp; more.');
    expect(body.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: ':large_yellow_circle: *[warning] A run looks stuck*\nRun r1 of &lt;emp_001&gt; has shown no activity for 20 min &amp; more.' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'stuck_run · key `stuck_run:r1` · 2026-03-02T12:00:00.000Z' }] },
    ]);
    expect(body).toMatchObject({ event: 'opened', alert });
  });

  it('says who resolved it', () => {
    const resolved = { ...alert, status: 'resolved' as const, resolvedAt: '2026-03-02T13:00:00.000Z', resolvedBy: 'alice' };
    expect(webhookPayload(resolved, 'resolved').text).toMatch(/^:white_check_mark: Resolved by alice: A run looks stuck/);
    expect(webhookPayload({ ...resolved, resolvedBy: 'auto' }, 'resolved').text).toMatch(/^:white_check_mark: Resolved: A run looks stuck/);
  });
});

describe('webhook retries', () => {
  it('doubles the delay per attempt, capped at one hour', () => {
    expect([1, 2, 3, 4].map((n) => webhookRetryDelayMs(5_000, n))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(webhookRetryDelayMs(5_000, 30)).toBe(3_600_000);
  });

  it('retries what may pass later and gives up on the rest', () => {
    expect([200, 204, 408, 425, 429, 500, 503, 400, 401, 404, 410].map(deliveryVerdict)).toEqual([
      'delivered',
      'delivered',
      'retry',
      'retry',
      'retry',
      'retry',
      'retry',
      'final',
      'final',
      'final',
      'final',
    ]);
  });
});
