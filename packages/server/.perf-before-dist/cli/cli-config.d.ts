export interface CliConfig {
    url: string;
    token: string;
}
export declare const configPath: (env: NodeJS.ProcessEnv) => string;
/** A base URL without trailing slashes; http(s) only. */
export declare function normalizeUrl(raw: string): string;
export declare function saveConfig(env: NodeJS.ProcessEnv, config: CliConfig): Promise<string>;
export declare function loadConfig(env: NodeJS.ProcessEnv): Promise<CliConfig>;
