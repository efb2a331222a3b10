/**
 * The workflow section of a step task's prompt (appended after the task's own title and
 * description by the dispatcher's prompt-context hook):
 *  - the outputs of the steps this step depends on: per task, who did it, its final text and the
 *    files it wrote or edited;
 *  - the work done earlier in the same step (a phase whose roles work one after another);
 *  - in a round after a rejection: the reviewer's reason and this task's previous result.
 * Each output text is cut to HANDOFF_TEXT_MAX and the whole section to HANDOFF_TOTAL_MAX so a
 * long chain cannot grow a prompt without bound; every cut is marked.
 */
import { type WorkflowTaskOutput } from '@dash/shared';
export declare const HANDOFF_TEXT_MAX = 4000;
export declare const HANDOFF_FILES_MAX = 40;
export declare const HANDOFF_TOTAL_MAX = 40000;
export interface HandoffEntry {
    stepName: string;
    employeeName: string | null;
    output: WorkflowTaskOutput;
}
export interface HandoffInput {
    earlierSteps: readonly HandoffEntry[];
    sameStep: readonly HandoffEntry[];
    feedback: {
        round: number;
        reason: string;
        previous: WorkflowTaskOutput | null;
    } | null;
}
export declare function renderHandoff(input: HandoffInput): string | null;
