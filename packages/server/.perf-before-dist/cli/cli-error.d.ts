/** The CLI's exit codes (docs/cli.md) and the error that carries one. */
export declare const EXIT: {
    readonly ok: 0;
    /** The watched task or run ended without success (failed, cancelled, blocked, lost…). */
    readonly unsuccessful: 1;
    /** Bad command line or configuration. */
    readonly usage: 2;
    /** The server refused the request (its error code is printed). */
    readonly api: 3;
    /** Not logged in, or the token was refused (401/403). */
    readonly auth: 4;
    /** The server cannot be reached. */
    readonly unreachable: 5;
};
export declare class CliError extends Error {
    readonly exitCode: number;
    constructor(exitCode: number, message: string);
}
