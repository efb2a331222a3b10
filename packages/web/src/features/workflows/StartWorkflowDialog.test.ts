import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { makeTemplate, makeWorkflowRun } from '../../test-support/workflow-fixtures';
import StartWorkflowDialog from './StartWorkflowDialog.vue';
import type { WorkflowRun } from './workflows-api';

let posts: unknown[];
let answer: () => Response;
let started: WorkflowRun[];
let wrapper: VueWrapper | null = null;

const templates = [makeTemplate(), makeTemplate({ id: 'bug_fix', name: 'Bug Fix', unstaffedRoles: ['qa_engineer'] })];

async function openDialog(templateId: string | null = null): Promise<VueWrapper> {
  const Host = defineComponent(() => {
    const open = ref(true);
    return () =>
      h(StartWorkflowDialog, { open: open.value, templates, templateId, 'onUpdate:open': (v: boolean) => (open.value = v), onStarted: (r: WorkflowRun) => started.push(r) });
  });
  wrapper = mount(Host, { attachTo: document.body });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  posts = [];
  started = [];
  answer = () => jsonResponse(makeWorkflowRun({ id: 'wf-new' }), 201);
  stubFetch((url, init) => {
    if (new URL(url, 'http://dash.test').pathname === '/api/workflows/runs' && init.method === 'POST') {
      posts.push(JSON.parse(String(init.body)));
      return answer();
    }
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
});

describe('StartWorkflowDialog', () => {
  it('checks the title and request before sending anything', async () => {
    const sut = await openDialog();
    await sut.get('form').trigger('submit');
    await flushPromises();
    expect(sut.get('[data-test="start-title-error"]').text()).toContain('title');
    expect(sut.get('[data-test="start-request-error"]').text()).toContain('request');
    expect(posts).toEqual([]);
  });

  it('starts a run with the chosen template, or lets an agent choose', async () => {
    const sut = await openDialog('software_development');
    expect((sut.get('[data-test="start-template"]').element as HTMLSelectElement).value).toBe('software_development');
    expect(sut.get('[data-test="start-phases"]').text()).toBe('Planning → Design');
    await sut.get('[data-test="start-title"]').setValue('Shortener');
    await sut.get('[data-test="start-request"]').setValue('Build it');
    await sut.get('[data-test="start-optional"]').setValue(true);
    await sut.get('form').trigger('submit');
    await flushPromises();
    expect(posts).toEqual([{ templateId: 'software_development', title: 'Shortener', request: 'Build it', priority: 'medium', workingDirectory: null, includeOptionalRoles: true }]);
    expect(started.map((r) => r.id)).toEqual(['wf-new']);

    const again = await openDialog(null);
    await again.get('[data-test="start-title"]').setValue('Vague');
    await again.get('[data-test="start-request"]').setValue('Something');
    await again.get('form').trigger('submit');
    await flushPromises();
    expect(posts[1]).toMatchObject({ templateId: null, title: 'Vague' });
  });

  it('warns about a template nobody can staff and shows the server refusal with its code', async () => {
    answer = () => errorResponse(409, 'WORKFLOW_ROLE_UNSTAFFED', 'Nobody active or paused has the role(s) qa_engineer');
    const sut = await openDialog('bug_fix');
    expect(sut.get('[data-test="start-unstaffed"]').text()).toContain('QA Engineer');
    await sut.get('[data-test="start-title"]').setValue('Fix');
    await sut.get('[data-test="start-request"]').setValue('It breaks');
    await sut.get('form').trigger('submit');
    await flushPromises();
    expect(sut.get('[data-test="start-error"]').text()).toContain('WORKFLOW_ROLE_UNSTAFFED');
    expect(started).toEqual([]);
  });
});
