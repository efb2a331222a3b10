/** A template step's budget (`budgetUsd`, per task of the step) in the template cards and the step detail. */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../../app/router';
import { makeStep, makeTemplate } from '../../test-support/workflow-fixtures';
import StepDetail from './StepDetail.vue';
import TemplateList from './TemplateList.vue';

describe('step budgets in the workflow views', () => {
  it('shows a step budget in the step detail, and nothing when the step has none', () => {
    const detail = (budgetUsd: number | null) =>
      mount(StepDetail, { props: { step: makeStep({ budgetUsd }) }, global: { plugins: [createAppRouter(createMemoryHistory())] } });
    const budgeted = detail(0.0025);
    expect(budgeted.get('[data-test="step-budget"]').text()).toBe('$0.0025 per task');
    expect(budgeted.text()).toContain('Budget');
    const plain = detail(null);
    expect(plain.find('[data-test="step-budget"]').exists()).toBe(false);
    expect(plain.text()).not.toContain('Budget');
  });

  it('marks the phases of a template card that have a budget', () => {
    const template = makeTemplate();
    const [planning, design] = template.phases;
    if (!planning || !design) throw new Error('the fixture has two phases');
    const sut = mount(TemplateList, { props: { templates: [{ ...template, phases: [{ ...planning, budgetUsd: 2.5 }, design] }] } });
    expect(sut.get('[data-test="phase-budget-planning"]').text()).toBe('($2.50)');
    expect(sut.find('[data-test="phase-budget-design"]').exists()).toBe(false);
  });
});
