import pg from 'pg';
export interface PostgresConnectionOptions {
    url: string;
    applicationName?: string;
}
/** The user named in the URL (authority or `?user=`), or null. */
export declare function userFromPostgresUrl(url: string): string | null;
/** The URL with `?user=` added when it names no user (a URL's own settings override pg config). */
export declare function withExplicitUser(url: string, fallbackUser?: string): string;
export declare function postgresClientConfig(options: PostgresConnectionOptions): pg.ClientConfig;
