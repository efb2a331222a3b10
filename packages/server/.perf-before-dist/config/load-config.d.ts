import type { Config } from './config.js';
/** Exit status for bad configuration (sysexits.h EX_CONFIG). */
export declare const EXIT_CONFIG = 78;
export interface ConfigIssue {
    variable: string;
    /** The raw value, or undefined when the variable was unset (its default was at fault). */
    value: string | undefined;
    expected: string;
}
export type LoadConfigResult = {
    ok: true;
    config: Config;
} | {
    ok: false;
    issues: ConfigIssue[];
};
/** What the defaults depend on; injectable so tests do not depend on the machine. */
export interface ConfigContext {
    cwd: string;
    hostname: string;
    pid: number;
    /** Where the SPA build lands when WEB_DIST_DIR is unset. */
    defaultWebDistDir: string;
    /** The employee registry shipped with the server, used when EMPLOYEE_REGISTRY_DIR is unset. */
    defaultRegistryDir: string;
}
export declare function loadConfig(env: Readonly<Record<string, string | undefined>>, context?: Partial<ConfigContext>): LoadConfigResult;
/** One line per issue: the variable, its (masked) value, and what was expected. */
export declare function formatConfigIssues(issues: readonly ConfigIssue[]): string;
