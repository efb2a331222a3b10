export declare function leaderLockKey(name: string): string;
