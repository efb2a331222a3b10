/**
 * The create-task form: its fields, the request body made from them, the few checks worth doing
 * before a round trip, and the server's answer mapped back onto the fields (validation `fields`
 * by path, and the domain codes that concern one field). The server stays the judge.
 */
import type { CreateTaskInput, FieldIssue, TaskPriority } from '@dash/shared';
import { ApiError } from '../../shared/api/api-error';

/** Mirrors TASK_TITLE_MAX, TASK_LABEL_MAX, TASK_LABELS_MAX and TASK_BUDGET_MAX_USD in @dash/shared. */
const TITLE_MAX = 200;
const LABEL_MAX = 40;
const LABELS_MAX = 20;
const LABEL_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BUDGET_MAX_USD = 10_000;
/** Dollars with at most 4 decimals (a hundredth of a cent, TASK_BUDGET_DECIMALS); a leading `$` is fine. */
const BUDGET_PATTERN = /^\$?\s*(\d+(?:\.\d{0,4})?|\.\d{1,4})$/;

export interface CreateTaskForm {
  title: string;
  description: string;
  priority: TaskPriority;
  requiredSkills: string[];
  /** Employee id, or '' for automatic assignment. */
  assignee: string;
  dependsOn: string[];
  workingDirectory: string;
  /** Comma- or space-separated slugs. */
  labels: string;
  /** US dollars, or '' for the deployment default (BUDGET_TASK_USD). */
  budgetUsd: string;
}

export const createTaskFields = [
  'title',
  'description',
  'priority',
  'requiredSkills',
  'assignee',
  'dependsOn',
  'workingDirectory',
  'labels',
  'budgetUsd',
] as const;
export type CreateTaskField = (typeof createTaskFields)[number];
export type CreateTaskErrors = Partial<Record<CreateTaskField, string>>;

export const emptyCreateTaskForm = (): CreateTaskForm => ({
  title: '',
  description: '',
  priority: 'medium',
  requiredSkills: [],
  assignee: '',
  dependsOn: [],
  workingDirectory: '',
  labels: '',
  budgetUsd: '',
});

export const splitLabels = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The budget field: null for blank (the deployment default), else the amount or why it is not one. */
export function parseBudget(text: string): { value: number | null; error: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, error: null };
  const match = BUDGET_PATTERN.exec(trimmed);
  if (!match) {
    const precise = /^\$?\s*\d*\.\d{5,}$/.test(trimmed);
    return { value: null, error: precise ? 'At most 4 decimals (a hundredth of a cent).' : 'An amount in dollars, e.g. 2.50.' };
  }
  const value = Number(match[1]);
  if (value <= 0) return { value: null, error: 'More than $0, or leave it empty for the default.' };
  if (value > BUDGET_MAX_USD) return { value: null, error: `At most $${BUDGET_MAX_USD.toLocaleString('en-US')}.` };
  return { value, error: null };
}

/** The POST body, or the field errors that make sending it pointless. */
export function toCreateBody(form: CreateTaskForm): { body: CreateTaskInput | null; errors: CreateTaskErrors } {
  const errors: CreateTaskErrors = {};
  const title = form.title.trim();
  if (title === '') errors.title = 'Give the task a title.';
  else if (title.length > TITLE_MAX) errors.title = `At most ${TITLE_MAX} characters.`;
  if (form.description.trim() === '') errors.description = 'Describe what to do: the agent gets this as its prompt.';
  const labels = splitLabels(form.labels);
  const bad = labels.find((l) => !LABEL_PATTERN.test(l) || l.length > LABEL_MAX);
  if (bad !== undefined) errors.labels = `“${bad}” is not a label: use lowercase letters, digits and single dashes.`;
  else if (new Set(labels).size !== labels.length) errors.labels = 'Each label once.';
  else if (labels.length > LABELS_MAX) errors.labels = `At most ${LABELS_MAX} labels.`;
  const budget = parseBudget(form.budgetUsd);
  if (budget.error !== null) errors.budgetUsd = budget.error;
  if (Object.keys(errors).length > 0) return { body: null, errors };
  const body: CreateTaskInput = { title, description: form.description, priority: form.priority };
  if (form.requiredSkills.length > 0) body.requiredSkills = form.requiredSkills as CreateTaskInput['requiredSkills'];
  if (form.assignee) body.assignee = form.assignee;
  if (form.dependsOn.length > 0) body.dependsOn = [...form.dependsOn];
  if (form.workingDirectory.trim()) body.workingDirectory = form.workingDirectory.trim();
  if (labels.length > 0) body.labels = labels;
  if (budget.value !== null) body.budgetUsd = budget.value;
  return { body, errors };
}

const isField = (name: string): name is CreateTaskField => (createTaskFields as readonly string[]).includes(name);

/** Domain codes about one field (they come without `fields`). */
const fieldOfCode: Readonly<Record<string, CreateTaskField>> = {
  TASK_DEPENDENCY_NOT_FOUND: 'dependsOn',
  TASK_DEPENDENCY_CYCLE: 'dependsOn',
  WORKDIR_OUTSIDE_ROOTS: 'workingDirectory',
  WORKDIR_NOT_FOUND: 'workingDirectory',
};

/**
 * Splits a failed create into messages per field (`body.labels.2` → labels) and the notice the
 * form shows above its buttons (code, message, request id and any issue without a field).
 */
export function mapCreateError(error: ApiError): { fields: CreateTaskErrors; rest: ApiError | null } {
  const fields: CreateTaskErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of error.fields) {
    const name = issue.path.replace(/^body\.?/, '').split('.')[0] ?? '';
    if (isField(name)) fields[name] ??= issue.message;
    else other.push(issue);
  }
  const codeField = fieldOfCode[error.code];
  if (codeField && error.fields.length === 0) {
    fields[codeField] = `${error.message} (${error.code})`;
    return { fields, rest: null };
  }
  // The notice keeps the code, message and request id; issues shown at their field are not repeated.
  const rest = new ApiError({
    code: error.code,
    message: error.message,
    status: error.status,
    requestId: error.requestId,
    fields: other,
    details: error.details,
  });
  return { fields, rest };
}
