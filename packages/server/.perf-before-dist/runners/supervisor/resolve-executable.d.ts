export type ExecutableProblem = 'not_found' | 'not_executable';
export type Resolution = {
    path: string;
} | {
    problem: ExecutableProblem;
    path: string | null;
};
export declare function resolveExecutable(nameOrPath: string, searchPath: string | undefined): Resolution;
