/** The logging surface services use (pino satisfies it). Never log memory content or secrets. */
export interface Logger {
    debug(obj: object, msg?: string): void;
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
    error(obj: object, msg?: string): void;
}
export declare const silentLogger: Logger;
