import type { EmployeeView } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView, type Router } from 'vue-router';
import { createAppRouter } from '../app/router';
import { configureLiveFeed, useLiveFeedStore } from '../features/live-feed/live-feed-store';
import { makeDepartment, makeEmployee } from '../test-support/employee-fixtures';
import { errorResponse, jsonResponse, stubFetch, type FetchHandler } from '../test-support/fake-fetch';
import { FakeWebSocket } from '../test-support/fake-websocket';
import { makeRun } from '../test-support/run-fixtures';
import { makeMemory } from '../test-support/memory-fixtures';

interface Backend {
  employees: EmployeeView[];
  tasks: 'missing' | Array<{ id: string; title: string; status: string; assignedTo: string | null; assignee: string | null }>;
  requests: Array<{ method: string; url: string; body: unknown }>;
  patch: FetchHandler | null;
}

let backend: Backend;
let wrapper: VueWrapper | null = null;
let pinia: Pinia;

const employees = () => [
  makeEmployee({ id: 'emp_002', name: 'Grace', department: 'operations', roleLabel: 'DevOps Engineer', role: 'devops_engineer' }),
  makeEmployee({ id: 'emp_001', name: 'Ada', stats: { runs: 8, successRate: 0.875, costUsd: 1.5 } }),
  makeEmployee({ id: 'emp_003', name: 'Linus', stats: null, status: 'paused', workload: { slotsMax: 1, slotsUsed: 0, slotsFree: 1, workloadPercent: 0 } }),
];

function serve(): void {
  stubFetch((url, init) => {
    const method = init.method ?? 'GET';
    backend.requests.push({ method, url, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    const { pathname } = new URL(url, 'http://dash.test');
    if (pathname === '/api/employees') return jsonResponse({ items: backend.employees });
    if (pathname === '/api/departments') {
      return jsonResponse({
        items: [
          makeDepartment({ id: 'development', name: 'Development' }),
          makeDepartment({ id: 'operations', name: 'Operations', focus: 'Pipelines and reliability' }),
        ],
      });
    }
    if (pathname === '/api/skills') return jsonResponse({ items: [{ id: 'code_review', label: 'Code review', category: 'development' }], categories: [] });
    if (pathname === '/api/tasks') {
      if (backend.tasks === 'missing') return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
      return jsonResponse({ items: backend.tasks, nextCursor: null });
    }
    const employee = /^\/api\/employees\/([^/]+)(\/prompt)?$/.exec(pathname);
    if (employee) {
      const found = backend.employees.find((e) => e.id === employee[1]);
      if (!found) return errorResponse(404, 'NOT_FOUND', 'Employee not found');
      if (employee[2]) return jsonResponse({ employeeId: found.id, promptFile: 'senior-developer.md', text: '# Senior Developer\n\nYou write **tests first**.\n\n<script>x</script>' });
      if (method === 'PATCH' && backend.patch) return backend.patch(url, init);
      return jsonResponse(found);
    }
    if (pathname === '/api/runs') return jsonResponse({ items: [makeRun({ id: 'run-9', employeeId: 'emp_001', status: 'succeeded' })], nextCursor: null });
    if (pathname === '/api/memory') return jsonResponse({ items: [makeMemory({ employeeId: 'emp_001', content: 'Deploys go out on Tuesdays.' })], nextCursor: null });
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
}

async function open(path: string): Promise<{ sut: VueWrapper; router: Router }> {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.text()).not.toContain('Loading');
  });
  return { sut: wrapper, router };
}

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  backend = { employees: employees(), tasks: 'missing', requests: [], patch: null };
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
});

describe('Employees page', () => {
  it('groups cards by department in the server order', async () => {
    const { sut } = await open('/employees');

    expect(sut.findAll('h2').map((h) => h.text())).toEqual(['Development', 'Operations']);
    expect(sut.findAll('section')[0]?.findAll('h3').map((h) => h.text())).toEqual(['Ada', 'Linus']);
    expect(sut.text()).toContain('Pipelines and reliability');
  });

  it('shows the API stats, and "No runs yet" when they are null', async () => {
    const { sut } = await open('/employees');

    expect(sut.get('[data-test="employee-emp_001"] [data-test="stats"]').text()).toBe('8 runs · 88% succeeded · $1.50');
    expect(sut.get('[data-test="employee-emp_003"] [data-test="stats"]').text()).toBe('No runs yet');
  });

  it('shows role, level, status, slots, workload and skill labels', async () => {
    const { sut } = await open('/employees');
    const card = sut.get('[data-test="employee-emp_001"]');

    expect(card.text()).toContain('Senior Developer · Senior');
    expect(card.text()).toContain('Active');
    expect(card.text()).toContain('1 / 2 slots');
    expect(card.get('[role="meter"]').attributes('aria-valuenow')).toBe('1');
    expect(card.text()).toContain('Code review');
    expect(card.text()).toContain('backend development');
    expect(sut.get('[data-test="employee-emp_003"]').text()).toContain('Paused');
  });

  it('copes with a server that has no tasks API yet', async () => {
    const { sut } = await open('/employees');

    expect(backend.requests.some((r) => r.url.startsWith('/api/tasks?status=running'))).toBe(true);
    expect(sut.get('[data-test="employee-emp_001"]').text()).toContain('Not tracked yet');
    expect(sut.get('[data-test="summary"]').text()).toContain('current tasks appear once the server has the tasks API');
  });

  it('lists running tasks per employee when the tasks API exists', async () => {
    backend.tasks = [{ id: 'task-7', title: 'Fix the login bug', status: 'running', assignedTo: 'emp_001', assignee: null }];
    const { sut } = await open('/employees');

    const link = sut.get('[data-test="employee-emp_001"] a[href="/tasks/task-7"]');
    expect(link.text()).toBe('Fix the login bug');
    expect(sut.get('[data-test="employee-emp_002"]').text()).toContain('None running');
  });

  it('applies employee updates from the live feed', async () => {
    const { sut } = await open('/employees');
    const socket = FakeWebSocket.latest;
    socket.accept();
    expect(socket.sent[0]).toMatchObject({ type: 'hello', resume: { subscriptions: [{ topic: 'employees' }, { topic: 'tasks' }] } });

    const updated = makeEmployee({ id: 'emp_003', name: 'Linus', stats: { runs: 1, successRate: 1, costUsd: 0.25 } });
    socket.receive({ type: 'event', topic: 'employees', seq: 1, data: updated });
    await flushPromises();

    expect(sut.get('[data-test="employee-emp_003"] [data-test="stats"]').text()).toBe('1 run · 100% succeeded · $0.25');
  });
});

describe('Employee page', () => {
  it('shows settings, the rendered role prompt, run history and the employee\'s memories', async () => {
    const { sut } = await open('/employees/emp_001');

    expect(sut.get('h1').text()).toBe('Ada');
    expect(sut.get('[data-test="field-max-turns"]').element).toHaveProperty('value', '50');
    expect(sut.get('.prompt h1').text()).toBe('Senior Developer');
    expect(sut.get('.prompt strong').text()).toBe('tests first');
    expect(sut.find('.prompt script').exists()).toBe(false);
    await vi.waitFor(() => expect(sut.find('a[href="/runs/run-9"]').exists()).toBe(true));
    expect(backend.requests.some((r) => r.url.startsWith('/api/runs?employeeId=emp_001'))).toBe(true);
    await vi.waitFor(() => expect(sut.get('[data-test="memories"]').text()).toContain('Deploys go out on Tuesdays.'));
    expect(backend.requests.some((r) => r.url.startsWith('/api/memory?employeeId=emp_001'))).toBe(true);
    expect(sut.get('[data-test="stats"]').text()).toBe('8 runs · 88% succeeded · $1.50');
  });

  it('says "No runs yet" for an employee without stats', async () => {
    const { sut } = await open('/employees/emp_003');

    expect(sut.get('[data-test="stats"]').text()).toBe('No runs yet');
  });

  it('shows the server’s field errors next to their fields', async () => {
    backend.patch = () =>
      errorResponse(400, 'VALIDATION_FAILED', 'The edited employee would be invalid', {
        fields: [
          { path: 'body.runtimeConfig.maxTurns', message: 'Too many turns for this runtime' },
          { path: 'body.runtimeConfig.allowedTools.0', message: 'Unknown tool "Nope"' },
        ],
      });
    const { sut } = await open('/employees/emp_001');

    await sut.get('[data-test="field-max-turns"]').setValue('900');
    await sut.get('[data-test="field-allowed-tools"]').setValue('Nope');
    await sut.get('form.config').trigger('submit');
    await flushPromises();

    const patch = backend.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ runtimeConfig: { maxTurns: 900, allowedTools: ['Nope'] } });
    expect(sut.get('[data-test="error-max-turns"]').text()).toBe('Too many turns for this runtime');
    expect(sut.get('[data-test="error-allowed-tools"]').text()).toBe('Unknown tool "Nope"');
    expect(sut.get('[data-test="field-max-turns"]').attributes('aria-invalid')).toBe('true');
    expect(sut.get('[data-test="field-max-turns"]').attributes('aria-describedby')).toBe('err-runtimeConfig-maxTurns');
  });

  it('checks numbers before sending anything', async () => {
    const { sut } = await open('/employees/emp_001');

    await sut.get('[data-test="field-slots"]').setValue('0');
    await sut.get('form.config').trigger('submit');
    await flushPromises();

    expect(backend.requests.some((r) => r.method === 'PATCH')).toBe(false);
    expect(sut.text()).toContain('Must be from 1 to 20');
  });

  it('saves only what changed and shows the saved record', async () => {
    backend.patch = (_url, init) => {
      const body = JSON.parse(String(init.body)) as { maxConcurrentTasks: number };
      const saved = makeEmployee({ ...backend.employees[1], maxConcurrentTasks: body.maxConcurrentTasks, source: 'api' });
      return jsonResponse(saved);
    };
    const { sut } = await open('/employees/emp_001');

    await sut.get('[data-test="field-slots"]').setValue('4');
    await sut.get('form.config').trigger('submit');
    await flushPromises();

    expect(backend.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ maxConcurrentTasks: 4 });
    expect(sut.text()).toContain('Saved at');
    expect(sut.text()).toContain('with settings changed here');
  });

  it('says so when the employee does not exist', async () => {
    const { sut } = await open('/employees/emp_999');

    expect(sut.get('[data-test="employee-missing"]').text()).toContain('No employee has this ID');
  });
});
