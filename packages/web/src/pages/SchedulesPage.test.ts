import type { Schedule } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppRouter } from '../app/router';
import { ApiError } from '../shared/api/api-error';
import type { schedulesApi } from '../features/schedules/schedules-api';
import SchedulesPage from './SchedulesPage.vue';

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  id: 's1',
  name: 'Weekday report',
  cron: '0 9 * * 1-5',
  timezone: 'Europe/Berlin',
  missedRunPolicy: 'skip',
  enabled: true,
  target: {
    kind: 'task',
    task: { title: 'Write the report', description: 'Sum up yesterday.', priority: 'medium', requiredSkills: [], labels: [], assignee: null, dependsOn: [], maxRetries: 2, timeoutMs: null, budgetUsd: null, workingDirectory: null },
  },
  nextRunAt: '2026-03-05T08:00:00.000Z',
  lastRunAt: '2026-03-04T08:00:00.000Z',
  lastResult: 'task:t9',
  lastError: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...over,
});

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

function fakeApi(items: Schedule[]) {
  const api = {
    list: vi.fn(async () => items),
    create: vi.fn(async () => schedule()),
    setEnabled: vi.fn(async () => schedule({ enabled: false })),
    remove: vi.fn(async () => undefined),
    nextRuns: vi.fn(async () => ['2026-03-05T08:00:00.000Z', '2026-03-06T08:00:00.000Z']),
  };
  return api;
}

async function open(api: ReturnType<typeof fakeApi>): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory());
  await router.push('/schedules');
  wrapper = mount(SchedulesPage, { props: { api: api as unknown as ReturnType<typeof schedulesApi> }, global: { plugins: [createPinia(), router] } });
  await flushPromises();
  return wrapper;
}

describe('SchedulesPage', () => {
  it('lists schedules with their next fire, last task and, on request, the next fire times', async () => {
    const api = fakeApi([schedule()]);
    const page = await open(api);
    const item = page.get('[data-test="schedule-s1"]');
    expect(item.text()).toContain('Weekday report');
    expect(item.text()).toContain('Task “Write the report”');
    expect(item.text()).toContain('missed runs: skipped');
    expect(item.get('a').attributes('href')).toBe('/tasks/t9');
    await item.get('[data-test="schedule-show-next"]').trigger('click');
    await flushPromises();
    expect(api.nextRuns).toHaveBeenCalledWith('s1', 5);
    expect(page.findAll('[data-test="schedule-next-runs"] li')).toHaveLength(2);

    await item.get('[data-test="schedule-toggle"]').trigger('click');
    await flushPromises();
    expect(api.setEnabled).toHaveBeenCalledWith('s1', false);
  });

  it('creates a task schedule and shows a bad expression at its field', async () => {
    const api = fakeApi([]);
    api.create.mockRejectedValueOnce(
      new ApiError({ status: 400, code: 'SCHEDULE_CRON_INVALID', message: 'Invalid schedule', fields: [{ path: 'body.cron', message: 'Invalid cron expression' }] }),
    );
    const page = await open(api);
    expect(page.find('[data-test="schedules-empty"]').exists()).toBe(true);
    await page.get('[data-test="schedule-name"]').setValue('Nightly');
    await page.get('[data-test="schedule-cron"]').setValue('every night');
    await page.get('[data-test="schedule-tz"]').setValue('UTC');
    await page.get('[data-test="schedule-policy"]').setValue('run_once');
    await page.get('[data-test="schedule-title"]').setValue('Nightly check');
    await page.get('[data-test="schedule-description"]').setValue('Check everything.');
    await page.get('[data-test="schedule-form"]').trigger('submit');
    await flushPromises();
    expect(page.get('[data-test="schedule-cron-error"]').text()).toBe('Invalid cron expression');

    await page.get('[data-test="schedule-cron"]').setValue('0 2 * * *');
    await page.get('[data-test="schedule-form"]').trigger('submit');
    await flushPromises();
    expect(api.create).toHaveBeenLastCalledWith({
      name: 'Nightly',
      cron: '0 2 * * *',
      timezone: 'UTC',
      missedRunPolicy: 'run_once',
      target: { kind: 'task', task: { title: 'Nightly check', description: 'Check everything.', assignee: null } },
    });
    expect(page.find('[data-test="schedule-cron-error"]').exists()).toBe(false);
  });
});
