/**
 * Choosing a template by asking an agent: the classification task's description lists the
 * templates and asks for a one-line JSON answer; the answer is the run's final text. The last
 * JSON object in the text that has a `templateId` string counts, and the id must be one of the
 * templates offered (nothing falls back silently: a wrong answer fails the run with
 * WORKFLOW_CLASSIFICATION_FAILED, and the person starts it again or names the template).
 */
import { type WorkflowTemplate } from '@dash/shared';
export declare function classificationTitle(runTitle: string): string;
export declare function classificationDescription(request: {
    title: string;
    request: string;
}, templates: readonly WorkflowTemplate[]): string;
export type ClassificationAnswer = {
    ok: true;
    templateId: string;
    reason: string | null;
} | {
    ok: false;
    message: string;
};
export declare function parseClassificationAnswer(text: string | null, knownIds: readonly string[]): ClassificationAnswer;
