export const TASKS_TOPIC = 'tasks';
export const EMPLOYEES_TOPIC = 'employees';
//# sourceMappingURL=bus-topics.js.map