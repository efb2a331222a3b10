/** What the task services report to metrics; implemented by observability (Prometheus). */
/** How a task attempt ended: done, given up, stopped by a person, or queued again for a retry. */
export type TaskOutcome = 'completed' | 'failed' | 'cancelled' | 'retried';
export interface TaskMetrics {
    /** `employee` is the employee id (bounded by the registry) or `none`. */
    taskOutcome(outcome: TaskOutcome, employee: string): void;
    /** From the task becoming queued to its run starting. */
    queueWait(seconds: number): void;
    /** From its run starting to the run ending. */
    runDuration(seconds: number): void;
}
export declare const noopTaskMetrics: TaskMetrics;
