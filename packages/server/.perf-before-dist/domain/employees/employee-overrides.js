/**
 * API edits ("overrides") over a file record. An override covers only allow-listed fields and,
 * for the runtime config, only the keys that were edited, so a later file change to any other
 * field or key still takes effect. The effective record is re-validated as a whole, because an
 * edit can be valid alone and invalid in combination (runtime `shell` without a `command`).
 */
import { employee } from '@dash/shared';
import { issuesFrom } from './registry-issues.js';
/** Drops undefined keys, and an empty runtime-config patch. */
export function compactOverrides(o) {
    const out = {};
    if (o.status !== undefined)
        out.status = o.status;
    if (o.skills !== undefined)
        out.skills = [...o.skills];
    if (o.maxConcurrentTasks !== undefined)
        out.maxConcurrentTasks = o.maxConcurrentTasks;
    if (o.runtimeConfig !== undefined) {
        const rc = Object.fromEntries(Object.entries(o.runtimeConfig).filter(([, v]) => v !== undefined));
        if (Object.keys(rc).length > 0)
            out.runtimeConfig = rc;
    }
    return out;
}
export const hasOverrides = (o) => Object.keys(compactOverrides(o)).length > 0;
/** Later edits win key by key; runtime-config keys merge individually. */
export function mergeOverrides(current, edit) {
    const a = compactOverrides(current);
    const b = compactOverrides(edit);
    const merged = { ...a, ...b };
    if (a.runtimeConfig !== undefined || b.runtimeConfig !== undefined) {
        merged.runtimeConfig = { ...a.runtimeConfig, ...b.runtimeConfig };
    }
    return compactOverrides(merged);
}
/**
 * The effective record: `record` with `overrides` applied, validated by the shared `employee`
 * schema. Issue paths are relative to the employee (`runtimeConfig.command`).
 */
export function applyOverrides(record, overrides) {
    const o = compactOverrides(overrides);
    const candidate = {
        ...record,
        ...(o.status !== undefined && { status: o.status }),
        ...(o.skills !== undefined && { skills: o.skills }),
        ...(o.maxConcurrentTasks !== undefined && { maxConcurrentTasks: o.maxConcurrentTasks }),
        runtimeConfig: { ...record.runtimeConfig, ...o.runtimeConfig },
    };
    const parsed = employee.safeParse(candidate);
    return parsed.success ? { ok: true, employee: parsed.data } : { ok: false, issues: issuesFrom(parsed.error.issues) };
}
//# sourceMappingURL=employee-overrides.js.map