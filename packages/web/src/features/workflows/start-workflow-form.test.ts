import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { AGENT_CHOOSES, emptyStartWorkflowForm, mapStartError, toStartBody } from './start-workflow-form';

describe('start workflow form', () => {
  it('requires a title and a request', () => {
    expect(toStartBody(emptyStartWorkflowForm())).toEqual({
      body: null,
      errors: { title: 'Give the run a title.', request: 'Say what should be done: every step gets this request.' },
    });
  });

  it('builds the body: an empty template means an agent chooses, blanks become null', () => {
    const form = { ...emptyStartWorkflowForm(), title: ' Shortener ', request: 'Build it', workingDirectory: '  ' };
    expect(toStartBody(form).body).toEqual({ templateId: null, title: 'Shortener', request: 'Build it', priority: 'medium', workingDirectory: null, includeOptionalRoles: false });
    expect(toStartBody({ ...form, templateId: 'bug_fix', workingDirectory: 'repo' }).body).toMatchObject({ templateId: 'bug_fix', workingDirectory: 'repo' });
    expect(AGENT_CHOOSES).toBe('');
  });

  it('puts server field errors next to their field and keeps the rest as a notice', () => {
    const validation = new ApiError({ code: 'VALIDATION_FAILED', message: 'bad', status: 400, fields: [{ path: 'body.title', message: 'Too long' }] });
    expect(mapStartError(validation)).toEqual({ fields: { title: 'Too long' }, rest: null });
    const unknown = new ApiError({ code: 'WORKFLOW_TEMPLATE_NOT_FOUND', message: 'No such template', status: 404, fields: [{ path: 'body.templateId', message: 'unknown template' }] });
    expect(mapStartError(unknown)).toEqual({ fields: { templateId: 'unknown template' }, rest: unknown });
  });
});
