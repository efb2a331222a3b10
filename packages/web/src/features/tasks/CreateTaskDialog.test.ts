import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { makeTask } from '../../test-support/task-fixtures';
import CreateTaskDialog from './CreateTaskDialog.vue';
import type { Task } from './tasks-api';

interface Backend {
  posts: unknown[];
  answer: () => Response;
}

let backend: Backend;
let pinia: Pinia;
let wrapper: VueWrapper | null = null;
let created: Task[] = [];

const skills = {
  items: [
    { id: 'backend_development', label: 'Backend development', category: 'development' },
    { id: 'code_review', label: 'Code review', category: 'development' },
    { id: 'documentation', label: 'Documentation', category: 'documentation' },
  ],
  categories: [
    { id: 'development', label: 'Development' },
    { id: 'documentation', label: 'Documentation' },
  ],
};
const employees = [
  { id: 'emp_004', name: 'Sam', roleLabel: 'Senior Developer', department: 'development', status: 'active' },
  { id: 'emp_010', name: 'Blake', roleLabel: 'Technical Writer', department: 'support', status: 'paused' },
];

function serve(): void {
  stubFetch((url, init) => {
    const { pathname, searchParams } = new URL(url, 'http://dash.test');
    if (pathname === '/api/skills') return jsonResponse(skills);
    if (pathname === '/api/employees') return jsonResponse({ items: employees });
    if (pathname === '/api/tasks' && init.method === 'POST') {
      backend.posts.push(JSON.parse(String(init.body)));
      return backend.answer();
    }
    if (pathname === '/api/tasks') {
      const q = searchParams.get('q') ?? '';
      const all = [makeTask({ id: 'dep-1', title: 'Design the schema' }), makeTask({ id: 'dep-2', title: 'Write the migration' })];
      return jsonResponse({ items: all.filter((t) => t.title.toLowerCase().includes(q.toLowerCase())), nextCursor: null });
    }
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
}

async function openDialog(): Promise<VueWrapper> {
  const Host = defineComponent(() => {
    const open = ref(true);
    return () => h(CreateTaskDialog, { open: open.value, 'onUpdate:open': (v: boolean) => (open.value = v), onCreated: (t: Task) => created.push(t) });
  });
  wrapper = mount(Host, { global: { plugins: [pinia] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

async function fill(sut: VueWrapper, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) await sut.get(`[data-test="field-${name}"]`).setValue(value);
}

const submit = async (sut: VueWrapper): Promise<void> => {
  await sut.get('form').trigger('submit');
  await flushPromises();
};

beforeEach(() => {
  pinia = createPinia();
  created = [];
  backend = { posts: [], answer: () => jsonResponse(makeTask({ id: 'new-1', title: 'Ship it' }), 201) };
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('create task dialog', () => {
  it('sends only what was filled in, and reports the created task', async () => {
    const sut = await openDialog();
    await fill(sut, { title: '  Ship it ', description: 'Do the thing', priority: 'high', assignee: 'emp_004', workdir: '/srv/app', labels: 'api, needs-review' });
    await sut.get('[data-test="skill-backend_development"]').setValue(true);

    await submit(sut);

    expect(backend.posts).toEqual([
      {
        title: 'Ship it',
        description: 'Do the thing',
        priority: 'high',
        assignee: 'emp_004',
        requiredSkills: ['backend_development'],
        workingDirectory: '/srv/app',
        labels: ['api', 'needs-review'],
      },
    ]);
    expect(created.map((t) => t.id)).toEqual(['new-1']);
  });

  it('sends the budget as a number of dollars', async () => {
    const sut = await openDialog();
    await fill(sut, { title: 'Ship it', description: 'Do it', budget: ' $2.5 ' });
    expect(sut.get('[data-test="field-budget"]').attributes('aria-describedby')).toBe('task-budget-hint');

    await submit(sut);

    expect(backend.posts).toEqual([{ title: 'Ship it', description: 'Do it', priority: 'medium', budgetUsd: 2.5 }]);
    // The draft is reset after the create: the next task starts on the deployment default.
    expect((sut.get('[data-test="field-budget"]').element as HTMLInputElement).value).toBe('');
  });

  it('leaves the budget out of the body when the field is empty', async () => {
    const sut = await openDialog();
    await fill(sut, { title: 'Ship it', description: 'Do it', budget: '   ' });

    await submit(sut);

    expect(backend.posts).toEqual([{ title: 'Ship it', description: 'Do it', priority: 'medium' }]);
  });

  it('checks the budget inline when the field is left, clears the message once it is right, and sends nothing while it is wrong', async () => {
    const sut = await openDialog();
    await fill(sut, { title: 'Ship it', description: 'Do it' });
    const field = sut.get('[data-test="field-budget"]');
    const cases: Array<[string, string]> = [
      ['0', 'More than $0, or leave it empty for the default.'],
      ['ten', 'An amount in dollars, e.g. 2.50.'],
      ['1.23456', 'At most 4 decimals (a hundredth of a cent).'],
      ['10000.01', 'At most $10,000.'],
      ['-1', 'An amount in dollars, e.g. 2.50.'],
    ];
    for (const [value, message] of cases) {
      await field.setValue(value);
      await field.trigger('blur');
      expect(sut.get('[data-test="error-budgetUsd"]').text(), value).toBe(message);
      expect(field.attributes('aria-invalid')).toBe('true');
      expect(field.attributes('aria-describedby')).toBe('create-err-budgetUsd task-budget-hint');
    }

    await submit(sut);
    expect(backend.posts).toEqual([]);
    expect(sut.get('[data-test="error-budgetUsd"]').text()).toBe('An amount in dollars, e.g. 2.50.');

    // Typing a valid amount clears the message at once, without leaving the field.
    await field.setValue('0.0025');
    expect(sut.find('[data-test="error-budgetUsd"]').exists()).toBe(false);
    expect(field.attributes('aria-invalid')).toBe('false');
    await submit(sut);
    expect(backend.posts).toEqual([expect.objectContaining({ budgetUsd: 0.0025 })]);
  });

  it('puts the server’s verdict on body.budgetUsd next to the budget field', async () => {
    backend.answer = () => errorResponse(400, 'VALIDATION_FAILED', 'The request is invalid', { fields: [{ path: 'body.budgetUsd', message: 'Too big: expected number to be <=10000' }] });
    const sut = await openDialog();
    await fill(sut, { title: 'Ship it', description: 'Do it', budget: '5' });

    await submit(sut);

    expect(sut.get('[data-test="error-budgetUsd"]').text()).toBe('Too big: expected number to be <=10000');
    expect(sut.get('[data-test="create-error"]').text()).not.toContain('Too big');
    expect(created).toEqual([]);
  });

  it('groups the skill picker by category and lists employees for assignment', async () => {
    const sut = await openDialog();

    expect(sut.findAll('[data-test="skill-picker"] legend').map((l) => l.text())).toEqual(['Development', 'Documentation']);
    const options = sut.findAll('[data-test="field-assignee"] option').map((o) => o.text());
    expect(options[0]).toContain('Automatic');
    expect(options.slice(1)).toEqual(['Sam · Senior Developer', 'Blake · Technical Writer (paused)']);
  });

  it('checks the required fields and label format before sending anything', async () => {
    const sut = await openDialog();
    await fill(sut, { labels: 'Not A Slug' });

    await submit(sut);

    expect(backend.posts).toEqual([]);
    expect(sut.get('[data-test="error-title"]').text()).toBe('Give the task a title.');
    expect(sut.get('[data-test="error-description"]').text()).toContain('Describe what to do');
    expect(sut.get('[data-test="error-labels"]').text()).toContain('“Not” is not a label');
    expect(sut.get('[data-test="field-title"]').attributes('aria-invalid')).toBe('true');
    expect(sut.get('[data-test="field-title"]').attributes('aria-describedby')).toBe('create-err-title');
  });

  it('shows the server’s validation errors next to their fields and keeps the notice with the code', async () => {
    backend.answer = () =>
      errorResponse(400, 'VALIDATION_FAILED', 'The request is invalid', {
        fields: [
          { path: 'body.assignee', message: 'Unknown employee emp_999' },
          { path: 'body.labels.1', message: 'a label is a lowercase slug' },
          { path: 'body.requiredSkills.0', message: 'Invalid option' },
          { path: 'query.nope', message: 'Unexpected' },
        ],
      });
    const sut = await openDialog();
    await fill(sut, { title: 'Ship it', description: 'Do it', labels: 'ok' });

    await submit(sut);

    expect(sut.get('[data-test="error-assignee"]').text()).toBe('Unknown employee emp_999');
    expect(sut.get('[data-test="error-labels"]').text()).toBe('a label is a lowercase slug');
    expect(sut.get('[data-test="error-requiredSkills"]').text()).toBe('Invalid option');
    const notice = sut.get('[data-test="create-error"]').text();
    expect(notice).toContain('VALIDATION_FAILED');
    expect(notice).toContain('query.nope');
    expect(notice).not.toContain('Unknown employee');
    expect(created).toEqual([]);
    // The draft survives the failure.
    expect((sut.get('[data-test="field-title"]').element as HTMLInputElement).value).toBe('Ship it');
  });

  it('puts dependency errors on the dependency field, with their code', async () => {
    backend.answer = () => errorResponse(400, 'TASK_DEPENDENCY_CYCLE', 'The dependencies would form a cycle');
    const sut = await openDialog();
    await fill(sut, { title: 'Ship it', description: 'Do it' });

    await submit(sut);

    expect(sut.get('[data-test="error-dependsOn"]').text()).toBe('The dependencies would form a cycle (TASK_DEPENDENCY_CYCLE)');
    expect(sut.find('[data-test="create-error"]').exists()).toBe(false);
  });

  it('searches existing tasks for dependencies and sends the chosen ids', async () => {
    vi.useFakeTimers();
    const sut = await openDialog();
    await fill(sut, { title: 'Ship it', description: 'Do it' });

    await sut.get('[data-test="field-dependencies"]').setValue('schema');
    await vi.advanceTimersByTimeAsync(300);
    await flushPromises();
    const results = sut.findAll('[data-test="dependency-results"] button');
    expect(results.map((b) => b.text())).toEqual([expect.stringContaining('Design the schema')]);
    await results[0]?.trigger('click');
    expect(sut.text()).toContain('Remove');

    await submit(sut);

    expect(backend.posts).toEqual([expect.objectContaining({ dependsOn: ['dep-1'] })]);
  });
});
