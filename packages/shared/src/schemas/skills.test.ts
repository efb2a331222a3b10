import { describe, expect, it } from 'vitest';
import { isSkillId, skillCatalog, skillCategoryIds, skillCategoryLabels, skillId, skillIds } from './skills.js';

describe('skill vocabulary', () => {
  it('has one catalog entry per skill, in vocabulary order, with a label and a known category', () => {
    expect(skillCatalog.map((s) => s.id)).toEqual([...skillIds]);
    for (const entry of skillCatalog) {
      expect(entry.label.trim()).not.toBe('');
      expect(skillCategoryIds).toContain(entry.category);
    }
  });

  it('uses unique snake_case ids', () => {
    expect(new Set(skillIds).size).toBe(skillIds.length);
    for (const id of skillIds) expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('labels every category and uses each one', () => {
    for (const c of skillCategoryIds) {
      expect(skillCategoryLabels[c]).toBeTruthy();
      expect(skillCatalog.some((s) => s.category === c)).toBe(true);
    }
  });

  it('covers the workflow phases of the origin system', () => {
    for (const s of ['sprint_planning', 'system_architecture', 'test_writing', 'feature_implementation', 'testing',
      'deployment', 'quality_review', 'documentation', 'ux_research', 'ui_design', 'prototyping', 'security_review',
      'monitoring', 'code_review', 'test_automation', 'ci_cd', 'incident_response']) {
      expect(isSkillId(s)).toBe(true);
    }
  });

  it('rejects an unknown skill', () => {
    expect(skillId.safeParse('coding').success).toBe(false);
    expect(skillId.safeParse('Testing').success).toBe(false);
    expect(isSkillId('project_management')).toBe(false);
  });
});
