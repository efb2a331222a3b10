/**
 * The start dialog's form: what the person typed, checked before sending (title and request are
 * required), turned into the POST /api/workflows/runs body, and server field errors mapped back
 * to the fields (`body.title` → title).
 */
import type { StartWorkflowInput, TaskPriority } from '@dash/shared';
import type { ApiError } from '../../shared/api/api-error';

/** '' = let an agent choose the template. */
export const AGENT_CHOOSES = '';

export interface StartWorkflowForm {
  templateId: string;
  title: string;
  request: string;
  priority: TaskPriority;
  workingDirectory: string;
  includeOptionalRoles: boolean;
}

export type StartWorkflowField = 'templateId' | 'title' | 'request' | 'workingDirectory';
export type StartWorkflowErrors = Partial<Record<StartWorkflowField, string>>;

export const emptyStartWorkflowForm = (templateId: string = AGENT_CHOOSES): StartWorkflowForm => ({
  templateId,
  title: '',
  request: '',
  priority: 'medium',
  workingDirectory: '',
  includeOptionalRoles: false,
});

export function toStartBody(form: StartWorkflowForm): { body: StartWorkflowInput | null; errors: StartWorkflowErrors } {
  const errors: StartWorkflowErrors = {};
  const title = form.title.trim();
  const request = form.request.trim();
  if (title === '') errors.title = 'Give the run a title.';
  if (request === '') errors.request = 'Say what should be done: every step gets this request.';
  if (Object.keys(errors).length > 0) return { body: null, errors };
  return {
    body: {
      templateId: form.templateId === AGENT_CHOOSES ? null : form.templateId,
      title,
      request,
      priority: form.priority,
      workingDirectory: form.workingDirectory.trim() === '' ? null : form.workingDirectory.trim(),
      includeOptionalRoles: form.includeOptionalRoles,
    },
    errors,
  };
}

const FIELDS: readonly StartWorkflowField[] = ['templateId', 'title', 'request', 'workingDirectory'];

/** Field errors next to their field; everything else (or nothing left) as a notice. */
export function mapStartError(error: ApiError): { fields: StartWorkflowErrors; rest: ApiError | null } {
  const fields: StartWorkflowErrors = {};
  for (const issue of error.fields) {
    const field = FIELDS.find((f) => issue.path === `body.${f}`);
    if (field) fields[field] = issue.message;
  }
  const placed = Object.keys(fields).length;
  return { fields, rest: placed > 0 && placed === error.fields.length && error.code === 'VALIDATION_FAILED' ? null : error };
}
