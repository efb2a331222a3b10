/** The CLI's exit codes (docs/cli.md) and the error that carries one. */
export const EXIT = {
    ok: 0,
    /** The watched task or run ended without success (failed, cancelled, blocked, lost…). */
    unsuccessful: 1,
    /** Bad command line or configuration. */
    usage: 2,
    /** The server refused the request (its error code is printed). */
    api: 3,
    /** Not logged in, or the token was refused (401/403). */
    auth: 4,
    /** The server cannot be reached. */
    unreachable: 5,
};
export class CliError extends Error {
    exitCode;
    constructor(exitCode, message) {
        super(message);
        this.exitCode = exitCode;
    }
}
//# sourceMappingURL=cli-error.js.map