import { type Terminal } from './output.js';
export interface CliContext {
    env: NodeJS.ProcessEnv;
    term: Terminal;
    /** --json: machine-readable output. */
    json: boolean;
}
export declare function login(ctx: CliContext, url: string | undefined, token: string | undefined): Promise<number>;
export declare function tasksList(ctx: CliContext, opts: {
    status?: string;
    limit?: string;
}): Promise<number>;
export declare function tasksShow(ctx: CliContext, id: string | undefined): Promise<number>;
export declare function tasksCreate(ctx: CliContext, opts: {
    title?: string;
    description?: string;
    priority?: string;
    assignee?: string;
    label?: string[];
    maxRetries?: string;
    watch?: boolean;
}): Promise<number>;
export declare function tasksWatch(ctx: CliContext, id: string | undefined): Promise<number>;
export declare function runsTail(ctx: CliContext, id: string | undefined): Promise<number>;
export declare function workflowsStart(ctx: CliContext, opts: {
    template?: string;
    title?: string;
    request?: string;
    priority?: string;
}): Promise<number>;
