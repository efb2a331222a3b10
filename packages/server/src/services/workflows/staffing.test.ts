import { describe, expect, it } from 'vitest';
import { Staffing } from './staffing.js';

describe('staffing', () => {
  const staffing = new Staffing([
    { id: 'emp_1', name: 'Busy dev', role: 'senior_developer', status: 'active', slotsUsed: 2 },
    { id: 'emp_2', name: 'Paused dev', role: 'senior_developer', status: 'paused', slotsUsed: 0 },
    { id: 'emp_3', name: 'Free dev', role: 'senior_developer', status: 'active', slotsUsed: 0 },
    { id: 'emp_4', name: 'Offline QA', role: 'qa_engineer', status: 'offline', slotsUsed: 0 },
    { id: 'emp_5', name: 'Paused lead', role: 'technical_lead', status: 'paused', slotsUsed: 0 },
  ]);

  it('prefers active employees with free slots, then paused ones, never offline ones', () => {
    expect(staffing.pick('senior_developer')?.id).toBe('emp_3');
    expect(staffing.pick('technical_lead')?.id).toBe('emp_5');
    expect(staffing.pick('qa_engineer')).toBeNull();
    expect(staffing.unstaffed(['qa_engineer', 'senior_developer', 'qa_engineer', 'project_manager'])).toEqual(['qa_engineer', 'project_manager']);
  });

  it('sends classification to a project manager, else a technical lead', () => {
    expect(staffing.classifier()?.id).toBe('emp_5');
    expect(new Staffing([]).classifier()).toBeNull();
    expect(staffing.nameOf('emp_3')).toBe('Free dev');
  });
});
