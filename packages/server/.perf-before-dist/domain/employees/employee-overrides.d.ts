/**
 * API edits ("overrides") over a file record. An override covers only allow-listed fields and,
 * for the runtime config, only the keys that were edited, so a later file change to any other
 * field or key still takes effect. The effective record is re-validated as a whole, because an
 * edit can be valid alone and invalid in combination (runtime `shell` without a `command`).
 */
import { type Employee } from '@dash/shared';
import type { EmployeeOverrides } from '../../ports/employee-repository.js';
import { type RegistryIssue } from './registry-issues.js';
export type ApplyResult = {
    ok: true;
    employee: Employee;
} | {
    ok: false;
    issues: RegistryIssue[];
};
/** Drops undefined keys, and an empty runtime-config patch. */
export declare function compactOverrides(o: EmployeeOverrides): EmployeeOverrides;
export declare const hasOverrides: (o: EmployeeOverrides) => boolean;
/** Later edits win key by key; runtime-config keys merge individually. */
export declare function mergeOverrides(current: EmployeeOverrides, edit: EmployeeOverrides): EmployeeOverrides;
/**
 * The effective record: `record` with `overrides` applied, validated by the shared `employee`
 * schema. Issue paths are relative to the employee (`runtimeConfig.command`).
 */
export declare function applyOverrides(record: Employee, overrides: EmployeeOverrides): ApplyResult;
