/** Which notifications were sent (the store), so each is sent once across replicas. */
export interface NotificationLog {
    /** Records the key; true when this call recorded it first (then the caller sends it). */
    claim(key: string, atIso: string): Promise<boolean>;
    /** Forgets keys recorded before `beforeIso` (bounded growth). */
    prune(beforeIso: string): Promise<number>;
}
