import { employee, type Employee } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { Capacity } from './capacity.js';

const member = (id: string, slots: number, status: Employee['status'] = 'active'): Employee =>
  employee.parse({
    id,
    name: id,
    role: 'senior_developer',
    department: 'development',
    level: 'senior',
    status,
    skills: ['feature_implementation'],
    promptFile: 'senior-developer.md',
    maxConcurrentTasks: slots,
  });

const team = (...members: Employee[]): Map<string, Employee> => new Map(members.map((m) => [m.id, m]));

describe('Capacity', () => {
  it('counts each employee\'s live runs against its slots', () => {
    const c = new Capacity(team(member('emp_001', 2), member('emp_002', 1)), [{ employeeId: 'emp_001' }, { employeeId: 'emp_002' }], 10);
    expect([c.freeSlots('emp_001'), c.freeSlots('emp_002'), c.freeSlots('emp_009')]).toEqual([1, 0, 0]);
    expect([c.canTake('emp_001'), c.canTake('emp_002')]).toEqual([true, false]);
    expect(c.anyoneCanTake()).toBe(true);
    expect(c.scoringEmployees().find((e) => e.id === 'emp_001')?.workload).toMatchObject({ slotsMax: 2, slotsFree: 1 });
  });

  it('stops everyone at the global cap, runs without an employee included', () => {
    const c = new Capacity(team(member('emp_001', 5)), [{ employeeId: null }, { employeeId: 'emp_001' }], 2);
    expect(c.globalFree).toBe(0);
    expect(c.canTake('emp_001')).toBe(false);
    expect(c.anyoneCanTake()).toBe(false);
  });

  it('gives no work to paused or offline employees', () => {
    const c = new Capacity(team(member('emp_001', 3, 'paused'), member('emp_002', 3, 'offline')), [], 5);
    expect(c.anyoneCanTake()).toBe(false);
    expect(c.freeSlots('emp_001')).toBe(3);
  });
});
