/**
 * The memory written after a task's run (services/dispatch/run-memory.ts): what was asked, what
 * was done, which files changed and how it ended, typed by one fixed rule (docs/memory.md,
 * "Memories written after runs"):
 *
 *  1. the run failed            → experience, importance 7 (a failure is the lesson most worth
 *                                  recalling before the next attempt);
 *     the run timed out         → experience, importance 6;
 *  2. it succeeded and its result states a decision ("decided", "chose", "opted for", "went with",
 *     "trade-off", "rationale", …) → decision, importance 8;
 *  3. it succeeded without changing files, or the task or result is about knowing rather than
 *     doing ("document", "research", "investigate", "explain", "how to", "convention", "best
 *     practice", …) → knowledge, importance 6;
 *  4. any other success         → experience, importance 5 (routine work, recalled after lessons).
 *
 * Runs that were cancelled or lost write nothing: they say nothing about the work.
 * Pure: excerpts are collapsed to one line each (so a memory never injects lines into a prompt).
 */
import { memoryTag, MEMORY_TAGS_MAX } from '@dash/shared';
export const TASK_EXCERPT_CHARS = 300;
export const RESULT_EXCERPT_CHARS = 1_000;
export const FILES_LISTED = 20;
const FILES_IN_CONTEXT = 100;
const DECISION = /\b(decided|decision|we chose|i chose|chose to|opted (for|to)|went with|going with|settled on|trade-?offs?|rationale|in favou?r of)\b/i;
const KNOWLEDGE = /\b(document(ed|s|ation)?|research(ed)?|investigat(e|ed|ion)|explain(ed|s)?|how to|conventions?|guidelines?|best practices?|found that|learned)\b/i;
/** The outcomes that write a memory; null for cancelled, lost and unfinished runs. */
export function runOutcome(status) {
    return status === 'succeeded' || status === 'failed' || status === 'timed_out' ? status : null;
}
export function classifyRunMemory(outcome, texts, filesChanged) {
    if (outcome === 'failed')
        return { type: 'experience', importance: 7, rule: 'failure' };
    if (outcome === 'timed_out')
        return { type: 'experience', importance: 6, rule: 'timeout' };
    const result = texts.result ?? '';
    if (DECISION.test(result))
        return { type: 'decision', importance: 8, rule: 'decision' };
    if (filesChanged.length === 0 || KNOWLEDGE.test(texts.title) || KNOWLEDGE.test(result))
        return { type: 'knowledge', importance: 6, rule: 'knowledge' };
    return { type: 'experience', importance: 5, rule: 'work' };
}
/** One line, at most `max` characters (an ellipsis marks a cut). */
export function excerpt(text, max) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
export function runMemoryNote(input) {
    const { task, run, filesChanged } = input;
    const outcome = runOutcome(run.status);
    if (outcome === null)
        return null;
    const result = run.resultText ?? (outcome === 'succeeded' ? null : run.errorMessage);
    const kind = classifyRunMemory(outcome, { title: task.title, result }, filesChanged);
    const asked = task.description.trim() === '' ? excerpt(task.title, TASK_EXCERPT_CHARS) : `${excerpt(task.title, 200)} — ${excerpt(task.description, TASK_EXCERPT_CHARS)}`;
    const lines = [`Task: ${asked}`, `Outcome: ${describeOutcome(outcome, run)}`];
    if (result !== null && result.trim() !== '')
        lines.push(`Result: ${excerpt(result, RESULT_EXCERPT_CHARS)}`);
    if (filesChanged.length > 0) {
        const more = filesChanged.length - FILES_LISTED;
        lines.push(`Files changed: ${filesChanged.slice(0, FILES_LISTED).map((f) => excerpt(f, 200)).join(', ')}${more > 0 ? ` (+${more} more)` : ''}`);
    }
    const durationMs = run.startedAt && run.endedAt ? Date.parse(run.endedAt) - Date.parse(run.startedAt) : null;
    return {
        ...kind,
        content: lines.join('\n'),
        context: {
            taskId: task.id,
            runId: run.id,
            runtime: run.runtime,
            outcome,
            exitCode: run.exitCode,
            exitSignal: run.exitSignal,
            errorCode: run.errorCode,
            filesChanged: filesChanged.slice(0, FILES_IN_CONTEXT),
            durationMs,
            rule: kind.rule,
        },
        tags: runMemoryTags(outcome, task),
    };
}
function describeOutcome(outcome, run) {
    const exit = run.exitSignal !== null ? `signal ${run.exitSignal}` : run.exitCode !== null ? `exit ${run.exitCode}` : 'no exit status';
    if (outcome === 'succeeded')
        return `succeeded (${exit})`;
    const code = run.errorCode ?? (outcome === 'timed_out' ? 'RUN_TIMED_OUT' : 'AGENT_FAILED');
    return `${outcome === 'timed_out' ? 'timed out' : 'failed'} with ${code} (${exit})`;
}
/** `task-run`, the outcome, then the task's labels and required skills (valid tags only). */
export function runMemoryTags(outcome, task) {
    const candidates = ['task-run', outcome === 'timed_out' ? 'timed-out' : outcome, ...task.labels, ...task.requiredSkills];
    const tags = [];
    for (const tag of candidates) {
        if (tags.length >= MEMORY_TAGS_MAX)
            break;
        if (memoryTag.safeParse(tag).success && !tags.includes(tag))
            tags.push(tag);
    }
    return tags;
}
//# sourceMappingURL=run-memory-note.js.map