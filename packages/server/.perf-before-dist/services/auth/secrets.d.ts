export declare const API_TOKEN_PREFIX = "dat_";
export declare const newSecret: (prefix?: string) => string;
export declare const hashSecret: (secret: string) => string;
export declare const csrfTokenFor: (sessionToken: string) => string;
