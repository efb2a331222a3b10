export declare class WorkdirPolicy {
    private readonly roots;
    private realRoots;
    constructor(roots: readonly string[]);
    /** The first root, where default per-run directories are created. */
    get primaryRoot(): string;
    /**
     * Resolves a requested directory (absolute, or relative to the primary root) to its real path,
     * or creates `<primary root>/runs/<runId>` when none is given.
     */
    resolve(requested: string | undefined, runId: string): Promise<string>;
    private rootsReal;
}
