import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeTemplateIssues, parseTemplateFiles } from './parse-templates.js';

const SHIPPED = new URL('../../../../../ai-employees/workflows/', import.meta.url);
const phase = { key: 'review', name: 'Review', description: 'd', instructions: 'i', requiredRoles: ['technical_lead'] };
const text = (value: unknown): string => JSON.stringify(value);
const template = (id: string, extra: Record<string, unknown> = {}) => ({ version: 1, id, name: id, description: 'd', phases: [phase], ...extra });

describe('workflow template files', () => {
  it('accepts every shipped template (the six types, with their gates and parallel phases)', () => {
    const files = readdirSync(SHIPPED).filter((n) => n.endsWith('.json')).map((name) => ({ name, text: readFileSync(new URL(name, SHIPPED), 'utf8') }));
    const parsed = parseTemplateFiles(files);
    if (!parsed.ok) throw new Error(describeTemplateIssues(parsed.issues));
    expect(parsed.templates.map((t) => t.id).sort()).toEqual([
      'bug_fix',
      'feature_development',
      'infrastructure_project',
      'software_development',
      'testing_project',
      'ui_ux_project',
    ]);
    const sd = parsed.templates.find((t) => t.id === 'software_development');
    expect(sd?.phases.map((p) => p.key)).toEqual(['planning', 'architecture', 'test_writing', 'development', 'testing', 'documentation', 'deployment', 'quality_review']);
    expect(sd?.phases.filter((p) => p.approval !== null).map((p) => p.key)).toEqual(['architecture', 'quality_review']);
    // Test-first: development waits for the tests; documentation runs alongside testing.
    expect(sd?.phases.find((p) => p.key === 'development')?.dependsOn).toEqual(['test_writing']);
    expect(sd?.phases.find((p) => p.key === 'documentation')?.depth).toBe(sd?.phases.find((p) => p.key === 'testing')?.depth);
    expect(sd?.file).toBe('software-development.json');
  });

  it('names file, phase and field, and rejects the whole set when one file is bad', () => {
    const result = parseTemplateFiles([
      { name: 'good.json', text: text(template('good')) },
      { name: 'bad.json', text: text(template('bad', { phases: [{ ...phase, requiredRoles: ['wizard'], skills: ['magic'] }] })) },
      { name: 'syntax.json', text: '{ nope' },
      { name: 'twin.json', text: text(template('good')) },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { file: 'bad.json', phase: 'review', path: 'phases.0.requiredRoles.0', message: 'Unknown role (see the employee registry roles): "wizard"' },
      { file: 'bad.json', phase: 'review', path: 'phases.0.skills.0', message: 'Unknown skill (see GET /api/skills): "magic"' },
      expect.objectContaining({ file: 'syntax.json', phase: null, path: '' }),
      { file: 'twin.json', phase: null, path: 'id', message: 'Template id "good" is also used by good.json' },
    ]);
    expect(describeTemplateIssues(result.issues)).toBe('bad.json, phase "review", phases.0.requiredRoles.0: Unknown role (see the employee registry roles): "wizard" (and 3 more)');
  });

  it('names a phase by its key, or by its index when it has none', () => {
    const result = parseTemplateFiles([{ name: 'k.json', text: text(template('k', { phases: [{ ...phase, key: 'Bad Key' }, { ...phase, key: undefined }] })) }]);
    expect(!result.ok && result.issues.map((i) => [i.phase, i.path])).toEqual([
      ['Bad Key', 'phases.0.key'],
      ['phases.1', 'phases.1.key'],
    ]);
  });
});
