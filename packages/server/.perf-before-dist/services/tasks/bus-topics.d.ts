export declare const TASKS_TOPIC: "tasks";
export declare const EMPLOYEES_TOPIC: "employees";
