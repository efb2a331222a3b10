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
import { employeeRoleLabels } from '@dash/shared';
export const HANDOFF_TEXT_MAX = 4000;
export const HANDOFF_FILES_MAX = 40;
export const HANDOFF_TOTAL_MAX = 40_000;
export function renderHandoff(input) {
    const parts = [];
    if (input.feedback) {
        const { round, reason, previous } = input.feedback;
        parts.push(`## Reviewer feedback (round ${round})`, 'A person rejected the previous result of this step. Address this before anything else:', '', reason);
        if (previous?.resultText)
            parts.push('', '### Your previous result', cut(previous.resultText, HANDOFF_TEXT_MAX));
        parts.push('');
    }
    if (input.earlierSteps.length > 0) {
        parts.push('## Outputs of earlier steps', 'What the steps this one builds on produced (newest work is in the working directory):', '');
        for (const entry of input.earlierSteps)
            parts.push(...renderEntry(entry));
    }
    if (input.sameStep.length > 0) {
        parts.push('## Earlier work in this step', '');
        for (const entry of input.sameStep)
            parts.push(...renderEntry(entry));
    }
    if (parts.length === 0)
        return null;
    return cut(parts.join('\n').trimEnd(), HANDOFF_TOTAL_MAX);
}
function renderEntry({ stepName, employeeName, output }) {
    const who = `${employeeRoleLabels[output.role]}${employeeName ? ` ${employeeName}` : ''}${output.employeeId ? ` (${output.employeeId})` : ''}`;
    const lines = [`### ${stepName} — ${who}, task ${output.taskId}`];
    lines.push(output.resultText === null || output.resultText.trim() === '' ? '(no final text)' : cut(output.resultText, HANDOFF_TEXT_MAX, output.resultTruncated));
    if (output.files.length > 0) {
        const shown = output.files.slice(0, HANDOFF_FILES_MAX).map((f) => `- ${f.path} (${f.action})`);
        lines.push('', 'Files:', ...shown);
        if (output.files.length > shown.length)
            lines.push(`- … and ${output.files.length - shown.length} more`);
    }
    lines.push('');
    return lines;
}
function cut(text, max, alreadyCut = false) {
    if (text.length <= max)
        return alreadyCut ? `${text}\n[… cut]` : text;
    return `${text.slice(0, max)}\n[… cut: ${text.length - max} more characters]`;
}
//# sourceMappingURL=handoff.js.map