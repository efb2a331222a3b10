/** The slice of a pino-style logger the store uses; the default drops everything. */
export interface StoreLogger {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
}
export declare const silentStoreLogger: StoreLogger;
