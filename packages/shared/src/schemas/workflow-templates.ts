/**
 * Workflow templates: the file format under `ai-employees/workflows/*.json` and the template as
 * the API serves it. A template is an ordered list of phases; each phase names the roles that do
 * its work (one task per role), what it must deliver, the instructions its agents get, whether
 * its roles work at the same time (`parallel`), what it waits for (`dependsOn`, see
 * workflow-dag.ts for the default), an optional human approval gate and an optional budget that
 * each of its tasks gets as its own `budgetUsd` (the task rule, `taskBudgetUsd`).
 *
 * Checks beyond the field shapes (each names the field at fault, e.g. `phases.3.dependsOn.0`):
 * unique phase keys; a role is either required or optional in a phase, not both; dependencies
 * name existing phases other than the phase itself; the phase graph has no cycle. Roles and skills
 * must come from the shared vocabularies (employeeRole, skillId).
 */
import { z } from 'zod';
import { employeeRole } from './employees.js';
import { skillId } from './skills.js';
import { taskBudgetUsd } from './tasks.js';
import { findPhaseCycle, phaseDepths, resolvePhaseDependencies } from './workflow-dag.js';

export const WORKFLOW_PHASES_MAX = 30;
export const WORKFLOW_PHASE_ROLES_MAX = 6;
export const WORKFLOW_INSTRUCTIONS_MAX = 8000;

const slug = (what: string, max: number) =>
  z.string().regex(new RegExp(`^[a-z][a-z0-9_]{0,${max - 1}}$`), `${what} is lowercase letters, digits and underscores, starting with a letter (at most ${max})`);

export const workflowTemplateId = slug('A template id', 63);
export type WorkflowTemplateId = z.infer<typeof workflowTemplateId>;
export const workflowPhaseKey = slug('A phase key', 40);
export const workflowDeliverable = slug('A deliverable', 60);

const uniqueList = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      const seen = new Set<unknown>();
      items.forEach((value, i) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [i], message: `Duplicate ${what} "${String(value)}"` });
        seen.add(value);
      });
    });

/** A person approves the phase's result before the phases after it start. */
export const workflowApprovalGate = z
  .object({
    /** What the approver should check (shown next to the Approve/Reject buttons). */
    instructions: z.string().trim().min(1).max(2000),
  })
  .strict();
export type WorkflowApprovalGate = z.infer<typeof workflowApprovalGate>;

export const workflowPhaseInput = z
  .object({
    key: workflowPhaseKey,
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().min(1).max(2000),
    /** What the phase's agents are told to do (appended to each of its tasks). */
    instructions: z.string().trim().min(1).max(WORKFLOW_INSTRUCTIONS_MAX),
    /** One task per role; each goes to an employee with that role. */
    requiredRoles: uniqueList(employeeRole, WORKFLOW_PHASE_ROLES_MAX, 'role').min(1),
    /** Extra tasks, only when a run asks for optional roles and someone has the role. */
    optionalRoles: uniqueList(employeeRole, WORKFLOW_PHASE_ROLES_MAX, 'role').default([]),
    /** The phase's roles work at the same time (else one after another, in the order listed). */
    parallel: z.boolean().default(false),
    deliverables: uniqueList(workflowDeliverable, 20, 'deliverable').default([]),
    /** Required skills recorded on the phase's tasks. */
    skills: uniqueList(skillId, 20, 'skill').default([]),
    /** Phase keys this one waits for; absent = derived from order and `parallel`. */
    dependsOn: uniqueList(workflowPhaseKey, WORKFLOW_PHASES_MAX, 'dependency').optional(),
    approval: workflowApprovalGate.optional(),
    /**
     * The budget (USD) of each task the phase creates, one per role: the same rule as a task's
     * `budgetUsd`. Absent: the tasks have none of their own (the deployment default applies).
     */
    budgetUsd: taskBudgetUsd.optional(),
  })
  .strict();
export type WorkflowPhaseInput = z.input<typeof workflowPhaseInput>;

/** A phase as validated: dependencies resolved, the gate null when there is none. */
export const workflowPhase = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  instructions: z.string(),
  requiredRoles: z.array(employeeRole),
  optionalRoles: z.array(employeeRole),
  parallel: z.boolean(),
  deliverables: z.array(z.string()),
  skills: z.array(skillId),
  dependsOn: z.array(z.string()),
  approval: workflowApprovalGate.nullable(),
  /**
   * Each of the phase's tasks gets this as its `budgetUsd`; null when the template sets none.
   * Run copies of templates stored before this field existed lack it: read it as `?? null`.
   */
  budgetUsd: z.number().positive().nullable(),
  /** 0 for phases without dependencies, else 1 + the deepest dependency (the graph column). */
  depth: z.number().int().min(0),
});
export type WorkflowPhase = z.infer<typeof workflowPhase>;

/** The template file (version 1). Parsing resolves dependencies and depths (see the header). */
export const workflowTemplateFile = z
  .object({
    version: z.literal(1),
    id: workflowTemplateId,
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().min(1).max(2000),
    phases: z.array(workflowPhaseInput).min(1).max(WORKFLOW_PHASES_MAX),
  })
  .strict()
  .superRefine((file, ctx) => {
    let clean = true;
    const report = (issue: Parameters<typeof ctx.addIssue>[0]): void => {
      clean = false;
      ctx.addIssue(issue);
    };
    const keys = new Map<string, number>();
    file.phases.forEach((phase, i) => {
      if (keys.has(phase.key)) report({ code: 'custom', path: ['phases', i, 'key'], message: `Duplicate phase key "${phase.key}" (also phases.${keys.get(phase.key)})` });
      else keys.set(phase.key, i);
      phase.optionalRoles.forEach((role, r) => {
        if (phase.requiredRoles.includes(role)) {
          report({ code: 'custom', path: ['phases', i, 'optionalRoles', r], message: `Role "${role}" is already required in this phase` });
        }
      });
      phase.dependsOn?.forEach((dep, d) => {
        if (dep === phase.key) report({ code: 'custom', path: ['phases', i, 'dependsOn', d], message: 'A phase cannot depend on itself' });
        else if (!file.phases.some((p) => p.key === dep)) {
          report({ code: 'custom', path: ['phases', i, 'dependsOn', d], message: `Unknown phase "${dep}"` });
        }
      });
    });
    // A cycle means something only once every key is unique and every dependency exists.
    if (!clean) return;
    const deps = resolvePhaseDependencies(file.phases);
    const cycle = findPhaseCycle(file.phases.map((p, i) => ({ key: p.key, dependsOn: deps[i] ?? [] })));
    if (cycle) {
      const at = file.phases.findIndex((p) => p.key === cycle[0]);
      ctx.addIssue({ code: 'custom', path: ['phases', at, 'dependsOn'], message: `The phases form a cycle: ${cycle.join(' → ')}` });
    }
  })
  .transform((file) => {
    const deps = resolvePhaseDependencies(file.phases);
    const nodes = file.phases.map((p, i) => ({ key: p.key, dependsOn: deps[i] ?? [] }));
    const depths = phaseDepths(nodes);
    return {
      version: file.version,
      id: file.id,
      name: file.name,
      description: file.description,
      phases: file.phases.map(
        (p, i): WorkflowPhase => ({
          key: p.key,
          name: p.name,
          description: p.description,
          instructions: p.instructions,
          requiredRoles: p.requiredRoles,
          optionalRoles: p.optionalRoles,
          parallel: p.parallel,
          deliverables: p.deliverables,
          skills: p.skills,
          dependsOn: deps[i] ?? [],
          approval: p.approval ?? null,
          budgetUsd: p.budgetUsd ?? null,
          depth: depths.get(p.key) ?? 0,
        }),
      ),
    };
  });
export type WorkflowTemplateFileInput = z.input<typeof workflowTemplateFile>;

/** A loaded template: the parsed file and the file it came from. */
export const workflowTemplate = z.object({
  id: workflowTemplateId,
  name: z.string(),
  description: z.string(),
  /** File name under the templates directory. */
  file: z.string(),
  phases: z.array(workflowPhase),
});
export type WorkflowTemplate = z.infer<typeof workflowTemplate>;

/** A template as listed by the API, with who could staff it right now. */
export const workflowTemplateView = workflowTemplate.extend({
  /** Required roles no active or paused employee has at the moment (a run cannot start). */
  unstaffedRoles: z.array(employeeRole),
});
export type WorkflowTemplateView = z.infer<typeof workflowTemplateView>;

/** Where a template problem is: the file, the phase when there is one, the field and what is wrong. */
export const workflowTemplateIssue = z.object({
  file: z.string(),
  /** The phase key (or `phases.<i>` when the key itself is bad); null for file-level problems. */
  phase: z.string().nullable(),
  /** Dotted path inside the file (`phases.3.requiredRoles.0`), '' for the whole file. */
  path: z.string(),
  message: z.string(),
});
export type WorkflowTemplateIssue = z.infer<typeof workflowTemplateIssue>;

export const workflowTemplatesStatus = z.object({
  dir: z.string(),
  loadedAt: z.string().nullable(),
  count: z.number().int().min(0),
  watching: z.boolean(),
  /** The last reload that failed (the templates in force were kept); null after a good one. */
  lastError: z.object({ issues: z.array(workflowTemplateIssue), at: z.string() }).nullable(),
});
export type WorkflowTemplatesStatus = z.infer<typeof workflowTemplatesStatus>;

export const workflowTemplateList = z.object({ items: z.array(workflowTemplateView), status: workflowTemplatesStatus });
export type WorkflowTemplateList = z.infer<typeof workflowTemplateList>;

export const workflowTemplateParams = z.object({ id: workflowTemplateId }).strict();
