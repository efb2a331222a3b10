/**
 * The partition a memory's vector and lexical terms are filed under: its visibility partition, or
 * `archived:<partition>` once archived, so archived memories stay searchable on request
 * (`includeArchived`) without ever showing up in a normal search.
 */
export const ARCHIVED_PREFIX = 'archived:';
export const indexPartition = (partition, archived) => (archived ? `${ARCHIVED_PREFIX}${partition}` : partition);
export const searchPartitions = (partitions, includeArchived) => includeArchived ? [...partitions, ...partitions.map((p) => `${ARCHIVED_PREFIX}${p}`)] : [...partitions];
//# sourceMappingURL=index-partitions.js.map