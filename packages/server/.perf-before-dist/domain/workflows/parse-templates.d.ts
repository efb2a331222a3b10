/**
 * Parses the template files of a directory into templates, or into issues that name the place:
 * the file, the phase (its key, or `phases.<i>` when the key itself is bad) and the field
 * (`phases.3.requiredRoles.0`). All files or none: one bad file makes the whole set invalid, so a
 * reload never applies half a change. Checks: JSON syntax, the shared `workflowTemplateFile`
 * schema (roles and skills from the shared vocabularies, phase graph without cycles), and ids
 * unique across files.
 */
import { type WorkflowTemplate, type WorkflowTemplateIssue } from '@dash/shared';
export interface TemplateFileText {
    name: string;
    text: string;
}
export type TemplateParseResult = {
    ok: true;
    templates: WorkflowTemplate[];
} | {
    ok: false;
    issues: WorkflowTemplateIssue[];
};
export declare function parseTemplateFiles(files: readonly TemplateFileText[]): TemplateParseResult;
export declare function parseTemplateFile(file: TemplateFileText): {
    ok: true;
    template: WorkflowTemplate;
} | {
    ok: false;
    issues: WorkflowTemplateIssue[];
};
/** One line naming the first issue: `bug-fix.json, phase "review", phases.4.requiredRoles.0: Unknown role "wizard" (and 2 more)`. */
export declare function describeTemplateIssues(issues: readonly WorkflowTemplateIssue[]): string;
