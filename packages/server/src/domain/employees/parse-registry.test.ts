import { describe, expect, it } from 'vitest';
import { parseRegistryText } from './parse-registry.js';
import { describeIssues } from './registry-issues.js';

const valid = {
  version: 1,
  company: { name: 'Co', mission: 'Ship' },
  departments: { support: { name: 'Support', focus: 'Docs', head: 'emp_011' } },
  employees: [
    { id: 'emp_011', name: 'Blake', role: 'technical_writer', department: 'support', level: 'mid', skills: ['documentation'], promptFile: 'technical-writer.md' },
  ],
};

describe('parseRegistryText', () => {
  it('parses a valid registry and fills defaults', () => {
    const result = parseRegistryText(JSON.stringify(valid));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.registry.employees[0]).toMatchObject({ status: 'active', maxConcurrentTasks: 1 });
  });

  it('reports a JSON syntax error for the whole file', () => {
    const result = parseRegistryText('{ "version": 1,');
    expect(result).toEqual({ ok: false, issues: [{ path: '', message: expect.stringMatching(/^Not valid JSON/) }] });
  });

  it('names the field at fault with a dotted path', () => {
    const bad = structuredClone(valid);
    bad.employees[0]!.skills = ['documentation', 'coding'];
    const result = parseRegistryText(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual(['employees.0.skills.1']);
      expect(describeIssues(result.issues)).toMatch(/^employees\.0\.skills\.1: /);
    }
  });

  it('summarises several issues in one line', () => {
    const result = parseRegistryText(JSON.stringify({ ...valid, version: 3, company: {} }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeIssues(result.issues)).toMatch(/\(and \d+ more\)$/);
  });
});
