/**
 * Validation problems of a registry (file or edit), reduced to what an operator needs: the dotted
 * path of the field at fault (`employees.3.skills.0`, '' for the whole file) and a message.
 */
import type { FieldIssue } from '@dash/shared';
export type RegistryIssue = FieldIssue;
/** The subset of a zod issue we read; keeps domain code independent of zod's internal types. */
interface IssueLike {
    readonly path: readonly PropertyKey[];
    readonly message: string;
}
export declare const formatIssuePath: (path: readonly PropertyKey[], prefix?: readonly string[]) => string;
export declare function issuesFrom(issues: readonly IssueLike[], prefix?: readonly string[]): RegistryIssue[];
/** One line for logs and start-up errors: `employees.3.skills.0: Invalid option (and 2 more)`. */
export declare function describeIssues(issues: readonly RegistryIssue[]): string;
export {};
