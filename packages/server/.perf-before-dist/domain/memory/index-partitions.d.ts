/**
 * The partition a memory's vector and lexical terms are filed under: its visibility partition, or
 * `archived:<partition>` once archived, so archived memories stay searchable on request
 * (`includeArchived`) without ever showing up in a normal search.
 */
export declare const ARCHIVED_PREFIX = "archived:";
export declare const indexPartition: (partition: string, archived: boolean) => string;
export declare const searchPartitions: (partitions: readonly string[], includeArchived: boolean) => string[];
