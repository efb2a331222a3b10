import { describe, expect, it } from 'vitest';
import { canCreate, canModify, canRead, canRescope, partitionOf, readablePartitions, type MemoryMember } from './memory-access.js';

const member = (id: string, role: MemoryMember['role'], department: MemoryMember['department'], isDepartmentHead = false): MemoryMember => ({
  id,
  role,
  department,
  isDepartmentHead,
});
const pm = member('emp_001', 'project_manager', 'executive', true);
const tl = member('emp_002', 'technical_lead', 'executive');
const senior = member('emp_004', 'senior_developer', 'development', true);
const junior = member('emp_005', 'junior_developer', 'development');
const qa = member('emp_006', 'qa_engineer', 'development');
const sre = member('emp_009', 'site_reliability_engineer', 'operations');

const memory = (employeeId: string, scope: 'private' | 'department' | 'company', department: string) => ({ employeeId, scope, department });

describe('memory permission model', () => {
  it('keeps private memories to their owner', () => {
    const own = memory('emp_005', 'private', 'development');
    expect(canRead(junior, own)).toBe(true);
    expect(canModify(junior, own)).toBe(true);
    for (const other of [pm, tl, senior, qa, sre]) {
      expect(canRead(other, own)).toBe(false);
      expect(canModify(other, own)).toBe(false);
    }
  });

  it('shares department memories with the department and leadership, read-only for members', () => {
    const shared = memory('emp_004', 'department', 'development');
    expect([junior, qa, senior, pm, tl].map((m) => canRead(m, shared))).toEqual([true, true, true, true, true]);
    expect(canRead(sre, shared)).toBe(false);
    expect(canModify(junior, shared)).toBe(false);
    expect(canModify(qa, shared)).toBe(false);
    expect(canModify(senior, shared)).toBe(true);
    expect(canModify(tl, shared)).toBe(true);
    expect(canModify(member('emp_008', 'devops_engineer', 'operations', true), shared)).toBe(false);
  });

  it('lets everyone read company memories and only leadership edit others\' ones', () => {
    const company = memory('emp_004', 'company', 'development');
    expect([pm, junior, sre].every((m) => canRead(m, company))).toBe(true);
    expect(canModify(pm, company)).toBe(true);
    expect(canModify(sre, company)).toBe(false);
    expect(canModify(member('emp_008', 'devops_engineer', 'operations', true), company)).toBe(false);
  });

  it('reserves sharing to heads and leadership', () => {
    expect(canCreate(junior, 'private')).toBe(true);
    expect(canCreate(junior, 'department')).toBe(false);
    expect(canCreate(junior, 'company')).toBe(false);
    expect(canCreate(senior, 'department')).toBe(true);
    expect(canCreate(tl, 'company')).toBe(true);
    expect(canRescope(junior, memory('emp_005', 'private', 'development'), 'department')).toBe(false);
    expect(canRescope(senior, memory('emp_004', 'department', 'development'), 'private')).toBe(true);
  });

  it('names partitions after who may read them, and lists the readable ones', () => {
    expect(partitionOf(memory('emp_005', 'private', 'development'))).toBe('emp:emp_005');
    expect(partitionOf(memory('emp_004', 'department', 'development'))).toBe('dept:development');
    expect(partitionOf(memory('emp_004', 'company', 'development'))).toBe('company');
    expect(readablePartitions(junior)).toEqual(['emp:emp_005', 'dept:development', 'company']);
    expect(readablePartitions(pm)).toEqual(['emp:emp_001', 'dept:executive', 'dept:development', 'dept:operations', 'dept:support', 'company']);
    expect(readablePartitions(junior, ['private'])).toEqual(['emp:emp_005']);
  });
});
