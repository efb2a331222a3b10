import { describe, expect, it } from 'vitest';
import { makeTask } from '../../test-support/task-fixtures';
import { emptyFilters, fromRouteQuery, hasFilters, matchesFilters, toListQuery, toRouteQuery } from './task-filters';

describe('task filters', () => {
  it('round-trips through the page URL and drops unknown values', () => {
    const filters = fromRouteQuery({ status: 'queued,running,nope', priority: 'high,asap', employee: 'emp_004', label: 'api', q: 'login', view: 'table' });

    expect(filters).toEqual({ status: ['queued', 'running'], priority: ['high'], employee: 'emp_004', label: 'api', q: 'login' });
    expect(fromRouteQuery(toRouteQuery(filters))).toEqual(filters);
    expect(hasFilters(emptyFilters())).toBe(false);
    expect(toListQuery(emptyFilters())).toEqual({});
  });

  it('matches like the list endpoint: status, priority, employee (either field), label, text in title or description', () => {
    const task = makeTask({ status: 'running', priority: 'high', assignee: 'emp_004', assignedTo: 'emp_005', labels: ['api'], description: 'Users cannot LOG IN' });
    const f = emptyFilters();

    expect(matchesFilters(task, { ...f, status: ['running', 'queued'] })).toBe(true);
    expect(matchesFilters(task, { ...f, status: ['queued'] })).toBe(false);
    expect(matchesFilters(task, { ...f, priority: ['low'] })).toBe(false);
    expect(matchesFilters(task, { ...f, employee: 'emp_004' })).toBe(true);
    expect(matchesFilters(task, { ...f, employee: 'emp_005' })).toBe(true);
    expect(matchesFilters(task, { ...f, employee: 'emp_006' })).toBe(false);
    expect(matchesFilters(task, { ...f, label: 'web' })).toBe(false);
    expect(matchesFilters(task, { ...f, q: ' log in ' })).toBe(true);
    expect(matchesFilters(task, { ...f, q: 'LOGIN bug' })).toBe(true);
    expect(matchesFilters(task, { ...f, q: 'deploy' })).toBe(false);
  });
});
