export declare const WORKFLOWS_TOPIC: "workflows";
/** Tasks the engine creates carry this label, so it ignores the `tasks` messages of other tasks cheaply. */
export declare const WORKFLOW_TASK_LABEL = "workflow";
/** The actor the engine's own task actions are recorded under. */
export declare const WORKFLOW_ACTOR = "workflow";
