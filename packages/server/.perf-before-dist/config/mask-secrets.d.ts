export declare const isSecretName: (name: string) => boolean;
/** Masks credentials wherever they appear inside free text (URLs, driver error messages). */
export declare function maskCredentials(text: string): string;
/** The printable form of an environment variable's value. */
export declare function printableValue(name: string, value: string): string;
