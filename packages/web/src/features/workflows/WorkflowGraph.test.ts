import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../../app/router';
import { makeWorkflowRun } from '../../test-support/workflow-fixtures';
import WorkflowGraph from './WorkflowGraph.vue';

const mountGraph = (canDecide = true) =>
  mount(WorkflowGraph, {
    props: { steps: makeWorkflowRun().steps, selected: 'planning', canDecide },
    global: { plugins: [createAppRouter(createMemoryHistory())] },
  });

describe('WorkflowGraph', () => {
  it('draws a node per step with its live status and an edge per dependency', () => {
    const sut = mountGraph();
    expect(sut.get('[data-test="step-planning"]').attributes('data-status')).toBe('completed');
    expect(sut.get('[data-test="step-design"]').attributes('data-status')).toBe('awaiting_approval');
    expect(sut.get('[data-test="step-build"]').text()).toContain('Senior Developer');
    expect(sut.find('[data-test="edge-planning-design"]').classes()).toContain('graph__edge--done');
    expect(sut.find('[data-test="edge-design-build"]').classes()).not.toContain('graph__edge--done');
    // Columns by depth: each later step sits further right.
    const left = (key: string) => Number.parseFloat(sut.get(`[data-test="step-${key}"]`).attributes('style')?.match(/left: ([\d.]+)px/)?.[1] ?? 'NaN');
    expect(left('planning')).toBeLessThan(left('design'));
    expect(left('design')).toBeLessThan(left('build'));
    expect(sut.get('[data-test="step-planning"]').classes()).toContain('node--selected');
    const link = sut.get('[data-test="step-planning"] a');
    expect(link.attributes('href')).toBe('/tasks/t-plan');
  });

  it('offers approve and reject on the waiting step only, and reports clicks', async () => {
    const sut = mountGraph();
    expect(sut.findAll('[data-test^="approve-"]').map((b) => b.attributes('data-test'))).toEqual(['approve-design']);
    await sut.get('[data-test="approve-design"]').trigger('click');
    await sut.get('[data-test="reject-design"]').trigger('click');
    await sut.get('[data-test="step-build"]').trigger('click');
    expect(sut.emitted('approve')).toEqual([['design']]);
    expect(sut.emitted('reject')).toEqual([['design']]);
    expect(sut.emitted('select')).toEqual([['build']]);
    expect(mountGraph(false).find('[data-test="approve-design"]').exists()).toBe(false);
  });
});
