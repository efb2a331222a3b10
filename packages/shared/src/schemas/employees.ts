/**
 * AI employees: the registry file format, the employee record, and the API shapes around them.
 *
 * Rules that the origin system broke and this contract fixes:
 * - one id scheme (`emp_001`…) everywhere; ids are unique inside a registry;
 * - one skill vocabulary (`skillId` from ./skills.ts);
 * - capacity is a slot count (`maxConcurrentTasks`); used slots and the workload percentage are
 *   derived at read time from live runs and never stored, so they cannot drift onto two scales.
 */
import { z } from 'zod';
import { permissionMode } from './runs-api.js';
import { runtimeId } from './runs.js';
import { skillId } from './skills.js';

export const employeeId = z.string().regex(/^emp_\d{3,6}$/, 'Employee ids look like emp_001');
export type EmployeeId = z.infer<typeof employeeId>;

export const employeeRoleIds = [
  'project_manager',
  'technical_lead',
  'qa_director',
  'senior_developer',
  'junior_developer',
  'qa_engineer',
  'test_engineer',
  'devops_engineer',
  'site_reliability_engineer',
  'security_engineer',
  'technical_writer',
  'ui_ux_designer',
  'build_engineer',
] as const;
export const employeeRole = z.enum(employeeRoleIds);
export type EmployeeRole = z.infer<typeof employeeRole>;

export const employeeRoleLabels: Readonly<Record<EmployeeRole, string>> = {
  project_manager: 'Project Manager',
  technical_lead: 'Technical Lead',
  qa_director: 'QA Director',
  senior_developer: 'Senior Developer',
  junior_developer: 'Junior Developer',
  qa_engineer: 'QA Engineer',
  test_engineer: 'Test Engineer',
  devops_engineer: 'DevOps Engineer',
  site_reliability_engineer: 'Site Reliability Engineer',
  security_engineer: 'Security Engineer',
  technical_writer: 'Technical Writer',
  ui_ux_designer: 'UI/UX Designer',
  build_engineer: 'Build Engineer',
};

export const departmentIds = ['executive', 'development', 'operations', 'support'] as const;
export const departmentId = z.enum(departmentIds);
export type DepartmentId = z.infer<typeof departmentId>;

/** Display defaults; a registry file may override name and focus per department. */
export const departmentDefaults: Readonly<Record<DepartmentId, { name: string; focus: string }>> = {
  executive: { name: 'Executive', focus: 'Leadership, planning, technical direction and release decisions' },
  development: { name: 'Development', focus: 'Building features test-first and assuring their quality' },
  operations: { name: 'Operations', focus: 'Delivery pipelines, infrastructure, reliability and security' },
  support: { name: 'Support', focus: 'Documentation, design and build tooling' },
};

export const employeeLevel = z.enum(['junior', 'mid', 'senior']);
export type EmployeeLevel = z.infer<typeof employeeLevel>;

/** `paused`: keeps its record but receives no new work; `offline`: removed from dispatch entirely. */
export const employeeStatus = z.enum(['active', 'paused', 'offline']);
export type EmployeeStatus = z.infer<typeof employeeStatus>;

/** Where an employee's current record came from: the registry file, or an edit through the API. */
export const employeeSource = z.enum(['file', 'api']);
export type EmployeeSource = z.infer<typeof employeeSource>;

const toolName = z.string().min(1).max(200);
const argv = z.array(z.string().min(1).max(4096)).min(1).max(200);

/**
 * A working-directory root for the employee's runs: relative to (or inside) one of the server's
 * allowed roots. The server resolves and checks it against its roots; here we only refuse shapes
 * that are never legitimate.
 */
const workdirRoot = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'Must not contain NUL')
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'Must not contain ".." segments');

/** Field shapes without defaults, shared by the full config and the partial PATCH body. */
const runtimeConfigShape = {
  runtime: runtimeId,
  model: z.string().min(1).max(200).nullable(),
  allowedTools: z.array(toolName).max(100),
  disallowedTools: z.array(toolName).max(100),
  permissionMode,
  maxTurns: z.number().int().min(1).max(1000),
  workdirRoot: workdirRoot.nullable(),
  timeoutMs: z.number().int().min(1000).max(7 * 24 * 3600 * 1000),
  budgetUsdPerDay: z.number().positive().max(100_000).nullable(),
  /** shell runtime only: the command as an argv array (never a shell string). */
  command: argv.nullable(),
} as const;

const checkRuntimeCommand = (
  cfg: { runtime: z.infer<typeof runtimeId>; command: string[] | null },
  ctx: z.RefinementCtx,
): void => {
  if (cfg.runtime === 'shell' && cfg.command === null) {
    ctx.addIssue({ code: 'custom', path: ['command'], message: 'The shell runtime needs a command (argv array)' });
  }
  if (cfg.runtime !== 'shell' && cfg.command !== null) {
    ctx.addIssue({ code: 'custom', path: ['command'], message: 'command is only allowed with the shell runtime' });
  }
};

export const runtimeConfigDefaults = {
  runtime: 'claude-code',
  model: null,
  allowedTools: [],
  disallowedTools: [],
  permissionMode: 'acceptEdits',
  maxTurns: 50,
  workdirRoot: null,
  timeoutMs: 30 * 60 * 1000,
  budgetUsdPerDay: null,
  command: null,
} as const satisfies { [K in keyof typeof runtimeConfigShape]: z.infer<(typeof runtimeConfigShape)[K]> };

/** How an employee's runs are started. Every field has a safe default (never bypassPermissions). */
export const employeeRuntimeConfig = z
  .object({
    runtime: runtimeConfigShape.runtime.default(runtimeConfigDefaults.runtime),
    model: runtimeConfigShape.model.default(runtimeConfigDefaults.model),
    allowedTools: runtimeConfigShape.allowedTools.default([]),
    disallowedTools: runtimeConfigShape.disallowedTools.default([]),
    permissionMode: runtimeConfigShape.permissionMode.default(runtimeConfigDefaults.permissionMode),
    maxTurns: runtimeConfigShape.maxTurns.default(runtimeConfigDefaults.maxTurns),
    workdirRoot: runtimeConfigShape.workdirRoot.default(runtimeConfigDefaults.workdirRoot),
    timeoutMs: runtimeConfigShape.timeoutMs.default(runtimeConfigDefaults.timeoutMs),
    budgetUsdPerDay: runtimeConfigShape.budgetUsdPerDay.default(runtimeConfigDefaults.budgetUsdPerDay),
    command: runtimeConfigShape.command.default(runtimeConfigDefaults.command),
  })
  .strict()
  .superRefine(checkRuntimeCommand);
export type EmployeeRuntimeConfig = z.infer<typeof employeeRuntimeConfig>;

/** Skill lists: at least one, no duplicates, every entry from the shared vocabulary. */
export const employeeSkills = z
  .array(skillId)
  .min(1)
  .max(30)
  .superRefine((skills, ctx) => {
    const seen = new Set<string>();
    skills.forEach((s, i) => {
      if (seen.has(s)) ctx.addIssue({ code: 'custom', path: [i], message: `Duplicate skill "${s}"` });
      seen.add(s);
    });
  });

/** Relative path of a Markdown prompt under `ai-employees/prompts/`: lowercase kebab segments, no `..`. */
export const promptFilePath = z
  .string()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*\.md$/, 'Must be a relative .md path like "senior-developer.md"');

export const maxConcurrentTasks = z.number().int().min(1).max(20);

export const employee = z
  .object({
    id: employeeId,
    name: z.string().trim().min(1).max(100),
    role: employeeRole,
    department: departmentId,
    level: employeeLevel,
    status: employeeStatus.default('active'),
    skills: employeeSkills,
    promptFile: promptFilePath,
    maxConcurrentTasks: maxConcurrentTasks.default(1),
    runtimeConfig: employeeRuntimeConfig.prefault({}),
  })
  .strict();
export type Employee = z.infer<typeof employee>;
/** An employee as written in a file (defaulted fields may be left out). */
export type EmployeeInput = z.input<typeof employee>;

export const registryDepartment = z
  .object({
    name: z.string().trim().min(1).max(100),
    focus: z.string().trim().min(1).max(500),
    head: employeeId,
  })
  .strict();
export type RegistryDepartment = z.infer<typeof registryDepartment>;

export const registryCompany = z
  .object({
    name: z.string().trim().min(1).max(200),
    mission: z.string().trim().min(1).max(2000),
  })
  .strict();

/**
 * `ai-employees/employee-registry.json`. Cross-field rules: unique ids, every employee's
 * department is declared, every head exists and belongs to the department it heads.
 * (That each prompt file exists is checked by the server's loader, which can see the disk.)
 */
export const registryFile = z
  .object({
    version: z.literal(1),
    company: registryCompany,
    departments: z.partialRecord(departmentId, registryDepartment),
    employees: z.array(employee).min(1).max(500),
  })
  .strict()
  .superRefine((reg, ctx) => {
    const byId = new Map<string, Employee>();
    reg.employees.forEach((e, i) => {
      if (byId.has(e.id)) {
        ctx.addIssue({ code: 'custom', path: ['employees', i, 'id'], message: `Duplicate employee id "${e.id}"` });
      } else {
        byId.set(e.id, e);
      }
      if (reg.departments[e.department] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['employees', i, 'department'],
          message: `Department "${e.department}" is not declared in departments`,
        });
      }
    });
    for (const id of departmentIds) {
      const dept = reg.departments[id];
      if (dept === undefined) continue;
      const head = byId.get(dept.head);
      if (head === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', id, 'head'],
          message: `Head "${dept.head}" is not an employee`,
        });
      } else if (head.department !== id) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', id, 'head'],
          message: `Head "${dept.head}" belongs to department "${head.department}", not "${id}"`,
        });
      }
    }
  });
export type RegistryFile = z.infer<typeof registryFile>;
export type RegistryFileInput = z.input<typeof registryFile>;

// ---------------------------------------------------------------------------------------------
// API shapes
// ---------------------------------------------------------------------------------------------

/** A partial runtime config: only the keys being changed. */
export const employeeRuntimeConfigPatch = z.object(runtimeConfigShape).partial().strict();
export type EmployeeRuntimeConfigPatch = z.infer<typeof employeeRuntimeConfigPatch>;

/**
 * The allow-listed fields an API edit may change; also the shape of the API edits the server keeps
 * per employee (an empty object = none). Identity and structure (id, name, role, department,
 * level, prompt file) belong to the registry file.
 */
export const employeeEdit = z
  .object({
    status: employeeStatus.optional(),
    skills: employeeSkills.optional(),
    maxConcurrentTasks: maxConcurrentTasks.optional(),
    /** Merged key by key into the current runtime config; the result must satisfy the full schema. */
    runtimeConfig: employeeRuntimeConfigPatch.optional(),
  })
  .strict();
export type EmployeeEdit = z.infer<typeof employeeEdit>;

/** PATCH /api/employees/:id body. */
export const updateEmployeeBody = employeeEdit.refine(
  (b) => Object.values(b).some((v) => v !== undefined),
  'At least one field must be given',
);
export type UpdateEmployeeBody = z.infer<typeof updateEmployeeBody>;

/** Anything that is not a known employee answers 404 NOT_FOUND, so the id is not pattern-checked here. */
export const employeeIdParams = z.object({ id: z.string().min(1).max(100) }).strict();

/** POST /api/employees/registry/reload: `force=true` drops every API edit so the file wins entirely. */
export const reloadRegistryQuery = z
  .object({ force: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') })
  .strict();

export const listEmployeesQuery = z
  .object({
    department: departmentId.optional(),
    status: employeeStatus.optional(),
    skill: skillId.optional(),
  })
  .strict();
export type ListEmployeesQuery = z.infer<typeof listEmployeesQuery>;

/** Results measured from real runs; `null` on the view means there is no run data yet. */
export const employeeStats = z.object({
  runs: z.number().int().nonnegative(),
  /** Succeeded ÷ finished runs, 0..1. */
  successRate: z.number().min(0).max(1).nullable(),
  costUsd: z.number().nonnegative(),
});
export type EmployeeStats = z.infer<typeof employeeStats>;

/** Capacity derived at read time: used slots come from live runs, never from a stored number. */
export const employeeWorkload = z.object({
  slotsMax: z.number().int().min(1),
  slotsUsed: z.number().int().nonnegative(),
  slotsFree: z.number().int().nonnegative(),
  /** slotsUsed ÷ slotsMax × 100, rounded, capped at 100. */
  workloadPercent: z.number().int().min(0).max(100),
});
export type EmployeeWorkload = z.infer<typeof employeeWorkload>;

export const employeeView = employee.safeExtend({
  roleLabel: z.string(),
  source: employeeSource,
  updatedAt: z.string(),
  workload: employeeWorkload,
  stats: employeeStats.nullable(),
});
export type EmployeeView = z.infer<typeof employeeView>;

export const employeeList = z.object({ items: z.array(employeeView) });

export const departmentView = z.object({
  id: departmentId,
  name: z.string(),
  focus: z.string(),
  head: employeeId.nullable(),
  employeeIds: z.array(employeeId),
  slotsMax: z.number().int().nonnegative(),
  slotsUsed: z.number().int().nonnegative(),
});
export type DepartmentView = z.infer<typeof departmentView>;
export const departmentList = z.object({ items: z.array(departmentView) });

export const registryError = z.object({
  /** Dotted path of the field at fault (`employees.3.skills.0`), or '' for a whole-file problem. */
  path: z.string(),
  message: z.string(),
  at: z.string(),
});
export type RegistryError = z.infer<typeof registryError>;

export const registryStatus = z.object({
  sourcePath: z.string(),
  loadedAt: z.string().nullable(),
  employeeCount: z.number().int().nonnegative(),
  /** Whether the file is being watched for changes. */
  watching: z.boolean(),
  /** The last failed (re)load; the registry loaded before it stays in force. Cleared by a good load. */
  lastError: registryError.nullable(),
});
export type RegistryStatus = z.infer<typeof registryStatus>;

/** GET /api/employees/:id/prompt: the role prompt the employee's runs start with. */
export const employeePrompt = z.object({
  employeeId: employeeId,
  promptFile: promptFilePath,
  text: z.string(),
});
export type EmployeePrompt = z.infer<typeof employeePrompt>;

/** POST /api/employees/registry/reload answer. */
export const registryReloadResult = z.object({
  status: registryStatus,
  upserted: z.array(employeeId),
  retired: z.array(employeeId),
  /** Employees whose API edits were dropped (forced, or no longer valid over the new file record). */
  overridesDropped: z.array(employeeId),
});
export type RegistryReloadResult = z.infer<typeof registryReloadResult>;
