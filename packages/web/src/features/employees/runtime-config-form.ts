/**
 * The employee settings form: its text fields, the PATCH body made from what changed, the checks
 * worth doing before a round trip, and the server's field errors mapped back onto the fields.
 * The server stays the judge (it validates the merged record); these checks only save a request.
 */
import type { EmployeeRuntimeConfig, EmployeeStatus, EmployeeView, FieldIssue, RuntimeId, UpdateEmployeeBody } from '@dash/shared';

export type PermissionMode = EmployeeRuntimeConfig['permissionMode'];
export const permissionModes = ['default', 'acceptEdits', 'plan', 'bypassPermissions'] as const satisfies readonly PermissionMode[];
export const permissionModeLabels: Readonly<Record<PermissionMode, string>> = {
  default: 'Ask for every action (default)',
  acceptEdits: 'Accept file edits',
  plan: 'Plan only, no changes',
  bypassPermissions: 'Bypass all permission checks',
};

export interface RuntimeConfigForm {
  status: EmployeeStatus;
  maxConcurrentTasks: string;
  runtime: RuntimeId;
  /** Empty: the runtime's default model. */
  model: string;
  permissionMode: PermissionMode;
  maxTurns: string;
  /** One tool per line (commas also separate). */
  allowedTools: string;
  disallowedTools: string;
  /** shell runtime: one argument per line. */
  command: string;
}

/** Form fields, named like the server's `fields[].path` without the `body.` prefix. */
export const formFields = [
  'status',
  'maxConcurrentTasks',
  'runtimeConfig.runtime',
  'runtimeConfig.model',
  'runtimeConfig.permissionMode',
  'runtimeConfig.maxTurns',
  'runtimeConfig.allowedTools',
  'runtimeConfig.disallowedTools',
  'runtimeConfig.command',
] as const;
export type FormField = (typeof formFields)[number];
export type FieldErrors = Partial<Record<FormField, string>>;

const TOOLS_MAX = 100;
const TOOL_NAME_MAX = 200;

export function toForm(employee: EmployeeView): RuntimeConfigForm {
  const cfg = employee.runtimeConfig;
  return {
    status: employee.status,
    maxConcurrentTasks: String(employee.maxConcurrentTasks),
    runtime: cfg.runtime,
    model: cfg.model ?? '',
    permissionMode: cfg.permissionMode,
    maxTurns: String(cfg.maxTurns),
    allowedTools: cfg.allowedTools.join('\n'),
    disallowedTools: cfg.disallowedTools.join('\n'),
    command: (cfg.command ?? []).join('\n'),
  };
}

const splitList = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

function parseInteger(text: string, min: number, max: number, errors: FieldErrors, field: FormField): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    errors[field] = `Enter a whole number from ${min} to ${max}`;
    return null;
  }
  const value = Number(trimmed);
  if (value < min || value > max) {
    errors[field] = `Must be from ${min} to ${max}`;
    return null;
  }
  return value;
}

function checkTools(tools: readonly string[], errors: FieldErrors, field: FormField): void {
  if (tools.length > TOOLS_MAX) errors[field] = `At most ${TOOLS_MAX} tools`;
  else if (tools.some((t) => t.length > TOOL_NAME_MAX)) errors[field] = `A tool name has at most ${TOOL_NAME_MAX} characters`;
}

/**
 * The PATCH body for what differs from `current` (null when nothing does), or the errors that
 * make the form unsendable.
 */
export function toPatch(form: RuntimeConfigForm, current: EmployeeView): { body: UpdateEmployeeBody | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const cfg = current.runtimeConfig;
  const slots = parseInteger(form.maxConcurrentTasks, 1, 20, errors, 'maxConcurrentTasks');
  const maxTurns = parseInteger(form.maxTurns, 1, 1000, errors, 'runtimeConfig.maxTurns');
  const model = form.model.trim() === '' ? null : form.model.trim();
  if (model !== null && model.length > 200) errors['runtimeConfig.model'] = 'At most 200 characters';
  const allowed = splitList(form.allowedTools);
  const disallowed = splitList(form.disallowedTools);
  checkTools(allowed, errors, 'runtimeConfig.allowedTools');
  checkTools(disallowed, errors, 'runtimeConfig.disallowedTools');
  const command = form.runtime === 'shell' ? splitLines(form.command) : null;
  if (command !== null && command.length === 0) errors['runtimeConfig.command'] = 'The shell runtime needs a command: one argument per line';

  if (Object.keys(errors).length > 0) return { body: null, errors };

  const runtimeConfig: NonNullable<UpdateEmployeeBody['runtimeConfig']> = {};
  if (form.runtime !== cfg.runtime) runtimeConfig.runtime = form.runtime;
  if (model !== cfg.model) runtimeConfig.model = model;
  if (form.permissionMode !== cfg.permissionMode) runtimeConfig.permissionMode = form.permissionMode;
  if (maxTurns !== null && maxTurns !== cfg.maxTurns) runtimeConfig.maxTurns = maxTurns;
  if (!sameList(allowed, cfg.allowedTools)) runtimeConfig.allowedTools = allowed;
  if (!sameList(disallowed, cfg.disallowedTools)) runtimeConfig.disallowedTools = disallowed;
  if (command === null ? cfg.command !== null : !sameList(command, cfg.command ?? [])) runtimeConfig.command = command;

  const body: UpdateEmployeeBody = {};
  if (form.status !== current.status) body.status = form.status;
  if (slots !== null && slots !== current.maxConcurrentTasks) body.maxConcurrentTasks = slots;
  if (Object.keys(runtimeConfig).length > 0) body.runtimeConfig = runtimeConfig;
  return { body: Object.keys(body).length > 0 ? body : null, errors };
}

/**
 * Puts the server's field errors on the form fields (`body.runtimeConfig.allowedTools.3` belongs
 * to `runtimeConfig.allowedTools`); what matches no field is returned in `other`.
 */
export function mapFieldIssues(issues: readonly FieldIssue[]): { fields: FieldErrors; other: FieldIssue[] } {
  const fields: FieldErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.replace(/^body\.?/, '');
    const field = formFields.find((f) => path === f || path.startsWith(`${f}.`));
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${issue.message}` : issue.message;
    else other.push(issue);
  }
  return { fields, other };
}
