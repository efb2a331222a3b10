import type { DispatchGateStatus } from '@dash/shared';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import BudgetPanel from './BudgetPanel.vue';
import type { budgetsApi } from './budgets-api';

const status = (over: Partial<DispatchGateStatus> = {}): DispatchGateStatus => ({
  day: '2026-03-04',
  taskBudgetUsd: 2,
  softRatio: 0.8,
  budgets: [
    { scope: 'global', id: '*', name: 'Everyone', spentUsd: 3.5, limitUsd: 10, softLimitUsd: 8, state: 'ok' },
    { scope: 'employee', id: 'emp_001', name: 'Ada', spentUsd: 1.2, limitUsd: 1, softLimitUsd: 0.8, state: 'hard' },
    { scope: 'employee', id: 'emp_002', name: 'Bo', spentUsd: 0, limitUsd: null, softLimitUsd: null, state: 'ok' },
    { scope: 'employee', id: 'emp_003', name: 'Cy', spentUsd: 2.3, limitUsd: null, softLimitUsd: null, state: 'ok' },
  ],
  pauses: [],
  ...over,
});

const fakeApi = (value: DispatchGateStatus) => ({ gate: vi.fn(async () => value), resume: vi.fn(async () => undefined) }) as unknown as ReturnType<typeof budgetsApi>;

describe('BudgetPanel', () => {
  it('shows spend against budget: global first, then employees with a limit or spend, most spent first', async () => {
    const wrapper = mount(BudgetPanel, { props: { api: fakeApi(status()) } });
    await flushPromises();
    const ids = wrapper.findAll('[data-test^="budget-"]').map((li) => li.attributes('data-test'));
    expect(ids).toEqual(['budget-*', 'budget-emp_003', 'budget-emp_001']);
    expect(wrapper.get('[data-test="budget-emp_001"]').text()).toContain('Budget spent: no new runs');
    expect(wrapper.get('[data-test="budget-emp_001"]').text()).toMatch(/\$1\.20 of \$1\.00/);
    expect(wrapper.get('[data-test="budget-emp_003"]').text()).toContain('(no limit)');
    expect(wrapper.get('[data-test="task-budget"]').text()).toContain('$2.00');
    expect(wrapper.find('[data-test^="pause-"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows a banner per pause with its end time and whether the agent reported it', async () => {
    const until = '2026-03-04T12:30:00.000Z';
    const wrapper = mount(BudgetPanel, {
      props: {
        api: fakeApi(
          status({
            pauses: [{ scope: 'runtime:claude-code', runtime: 'claude-code', reason: 'usage_limit', until, reportedReset: true, runId: 'r1', taskId: 't1', createdAt: '2026-03-04T12:00:00.000Z' }],
          }),
        ),
      },
    });
    await flushPromises();
    const banner = wrapper.get('[data-test="pause-runtime:claude-code"]').text();
    expect(banner).toContain('Dispatch to claude-code is paused');
    expect(banner).toContain('usage limit');
    expect(banner).toContain('the reset time the agent reported');
    wrapper.unmount();
  });
});
