/**
 * Employee memory: what an AI employee remembers between tasks, and the REST shapes of the memory
 * API (`/api/memory/*`). The API keeps the shape of the original Memory API (experience,
 * knowledge, decision and interaction writes; search; context for a task; expertise; stats;
 * cleanup, archive and restore; lifecycle and storage views) with its defects fixed:
 * - content is really stored (encrypted at rest), so search, context and expertise return it;
 * - `interaction` is a type of its own (the original stored it as knowledge);
 * - the context endpoint takes `taskDescription` (the original's validator demanded `query`);
 * - sharing follows the permission model, and it is enforced (see `memoryScope`);
 * - results never carry raw embeddings.
 *
 * Sizes: content over MEMORY_CONTENT_MAX_CHARS answers 413 PAYLOAD_TOO_LARGE (not 400), so the
 * schemas below leave that limit to the server; every other bad field answers 400 with its path.
 */
import { z } from 'zod';

export const MEMORY_CONTENT_MAX_CHARS = 10_000;
/** JSON text of `context`, after serialization; over it → 413 like content. */
export const MEMORY_CONTEXT_MAX_CHARS = 20_000;
export const MEMORY_TAGS_MAX = 20;
export const MEMORY_TAG_MAX_CHARS = 50;
export const MEMORY_QUERY_MAX_CHARS = 1_000;
export const MEMORY_TASK_MAX_CHARS = 4_000;

export const memoryTypes = ['experience', 'knowledge', 'decision', 'interaction'] as const;
export const memoryType = z.enum(memoryTypes);
export type MemoryType = z.infer<typeof memoryType>;

/**
 * Who may read a memory besides its owner (the owner always reads and writes their own):
 * - `private`: nobody else;
 * - `department`: members of the owner's department, plus the leadership roles (project manager,
 *   technical lead, QA director), who read across departments;
 * - `company`: every employee.
 * Writing a `department` or `company` memory (and editing one) is reserved to department heads
 * and the leadership roles; everyone else only reads them.
 */
export const memoryScopes = ['private', 'department', 'company'] as const;
export const memoryScope = z.enum(memoryScopes);
export type MemoryScope = z.infer<typeof memoryScope>;

/** Default importance per type (origin values; interaction had 4 as a knowledge memory). */
export const memoryTypeDefaults: Readonly<Record<MemoryType, { importance: number; tags: readonly string[] }>> = {
  experience: { importance: 7, tags: [] },
  knowledge: { importance: 6, tags: [] },
  decision: { importance: 8, tags: [] },
  interaction: { importance: 4, tags: ['interaction', 'learning'] },
};

/** Any string: an unknown employee answers 404 NOT_FOUND, not 400. */
export const memoryEmployeeId = z.string().trim().min(1).max(100);
export const memoryId = z.string().regex(/^mem_[0-9a-f-]{36}$/, 'Memory ids look like mem_<uuid>');
export const memoryImportance = z.number().min(0).max(10);
export const memoryTag = z
  .string()
  .trim()
  .min(1)
  .max(MEMORY_TAG_MAX_CHARS)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.:/+#-]*$/u, 'Tags are words: letters, digits, space and _ . : / + # -');
export const memoryTags = z.array(memoryTag).max(MEMORY_TAGS_MAX);
/** Free-form structured context (project, technologies, outcome, alternatives, …); encrypted at rest. */
export const memoryContext = z.record(z.string().max(100), z.unknown());
export type MemoryContext = z.infer<typeof memoryContext>;
/** Content is checked against MEMORY_CONTENT_MAX_CHARS by the server (413), not here (400). */
const memoryContent = z.string().trim().min(1);

/** The run and task a memory was written from (null when written through the API). */
export const memorySource = z
  .object({
    runId: z.string().min(1).max(200).nullable().default(null),
    taskId: z.string().min(1).max(200).nullable().default(null),
  })
  .strict();
export type MemorySource = z.infer<typeof memorySource>;

export const memoryWriteMetadata = z
  .object({
    /** 0–10; 1–3 minor, 4–6 useful, 7–8 important, 9–10 critical. @default the type's default */
    importance: memoryImportance.optional(),
    tags: memoryTags.optional(),
    /** @default 'private' */
    scope: memoryScope.optional(),
    source: memorySource.optional(),
  })
  .strict();
export type MemoryWriteMetadata = z.infer<typeof memoryWriteMetadata>;

/** POST /api/memory/{experience,knowledge,decision}. */
export const createMemoryBody = z
  .object({
    employeeId: memoryEmployeeId,
    content: memoryContent,
    context: memoryContext.optional(),
    metadata: memoryWriteMetadata.optional(),
  })
  .strict();
export type CreateMemoryBody = z.infer<typeof createMemoryBody>;

/** The types a caller writes directly (interactions have their own body, below). */
export const storedMemoryTypes = ['experience', 'knowledge', 'decision'] as const;
export type StoredMemoryType = (typeof storedMemoryTypes)[number];

/** POST /api/memory/store: the origin's generic write, `{type, employeeId, content, …}`. */
export const storeMemoryBody = createMemoryBody.extend({ type: z.enum(storedMemoryTypes) }).strict();
export type StoreMemoryBody = z.infer<typeof storeMemoryBody>;

/** POST /api/memory/interaction: stored as content "Query: …\nResponse: …". */
export const createInteractionBody = z
  .object({
    employeeId: memoryEmployeeId,
    query: memoryContent,
    response: memoryContent,
    context: memoryContext.optional(),
    metadata: memoryWriteMetadata.optional(),
  })
  .strict();
export type CreateInteractionBody = z.infer<typeof createInteractionBody>;

/** A memory as the API returns it. Raw embeddings are never included. */
export const memoryView = z.object({
  id: z.string(),
  employeeId: z.string(),
  type: memoryType,
  scope: memoryScope,
  /** The owner's department when the memory was written (the department it is shared with). */
  department: z.string(),
  content: z.string(),
  context: memoryContext,
  tags: z.array(z.string()),
  importance: z.number(),
  source: memorySource,
  createdAt: z.string(),
  updatedAt: z.string(),
  lastAccessedAt: z.string().nullable(),
  accessCount: z.number().int().nonnegative(),
  archivedAt: z.string().nullable(),
  /** The provider and dimension of the stored vector; null while the memory waits to be embedded. */
  embedding: z.object({ provider: z.string(), dim: z.number().int().positive() }).nullable(),
});
export type MemoryView = z.infer<typeof memoryView>;

export const createMemoryResult = z.object({
  success: z.literal(true),
  memoryId: z.string(),
  employeeId: z.string(),
  type: memoryType,
  memory: memoryView,
});
export type CreateMemoryResult = z.infer<typeof createMemoryResult>;

/** Who asks: every by-id route acts as this employee, and the permission model applies. */
export const memoryActorQuery = z.object({ employeeId: memoryEmployeeId }).strict();
export const memoryIdParams = z.object({ id: memoryId }).strict();

/** PATCH /api/memory/:id?employeeId=…: the fields to change (at least one). */
export const updateMemoryBody = z
  .object({
    content: memoryContent.optional(),
    context: memoryContext.optional(),
    tags: memoryTags.optional(),
    importance: memoryImportance.optional(),
    scope: memoryScope.optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field must be given');
export type UpdateMemoryBody = z.infer<typeof updateMemoryBody>;

/** GET /api/memory?employeeId=…: the employee's own memories, newest first, keyset pages. */
export const listMemoriesQuery = z
  .object({
    employeeId: memoryEmployeeId,
    type: memoryType.optional(),
    includeArchived: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** `createdAt|id` of the last item of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ListMemoriesQuery = z.infer<typeof listMemoriesQuery>;
export const memoryList = z.object({ items: z.array(memoryView), nextCursor: z.string().nullable() });
export type MemoryList = z.infer<typeof memoryList>;

const isoDateTime = z.iso.datetime({ offset: true });

export const memorySearchModes = ['hybrid', 'lexical', 'vector'] as const;
export const memorySearchMode = z.enum(memorySearchModes);
export type MemorySearchMode = z.infer<typeof memorySearchMode>;

export const memorySearchOptions = z
  .object({
    /** @default 5 */
    topK: z.number().int().min(1).max(100).default(5),
    memoryTypes: z.array(memoryType).min(1).max(memoryTypes.length).optional(),
    timeRange: z
      .object({ start: isoDateTime.optional(), end: isoDateTime.optional() })
      .strict()
      .superRefine((range, ctx) => {
        if (range.start !== undefined && range.end !== undefined && Date.parse(range.start) > Date.parse(range.end)) {
          ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must not be before start' });
        }
      })
      .optional(),
    minImportance: memoryImportance.optional(),
    /** Memories carrying at least one of these tags. */
    tags: memoryTags.min(1).optional(),
    /** Which shares to search. @default all the asker may read */
    scopes: z.array(memoryScope).min(1).max(memoryScopes.length).optional(),
    /** Favour recent memories (exponential decay, see docs/memory.md). @default true */
    boostRecent: z.boolean().default(true),
    includeArchived: z.boolean().default(false),
    /** `lexical` and `vector` rank by one signal only (evaluation, debugging). @default 'hybrid' */
    mode: memorySearchMode.default('hybrid'),
  })
  .strict();
export type MemorySearchOptions = z.infer<typeof memorySearchOptions>;
export type MemorySearchOptionsInput = z.input<typeof memorySearchOptions>;

/** POST /api/memory/search. */
export const searchMemoryBody = z
  .object({
    employeeId: memoryEmployeeId,
    query: z.string().trim().min(1).max(MEMORY_QUERY_MAX_CHARS),
    options: memorySearchOptions.prefault({}),
  })
  .strict();
export type SearchMemoryBody = z.infer<typeof searchMemoryBody>;
export type SearchMemoryBodyInput = z.input<typeof searchMemoryBody>;

/** Each part of the hybrid score, before weighting (see docs/memory.md for the weights). */
export const memoryScoreParts = z.object({
  lexical: z.number(),
  vector: z.number(),
  importance: z.number(),
  recency: z.number(),
  /** 1 when the memory is the searching employee's own, else 0. */
  affinity: z.number(),
});
export type MemoryScoreParts = z.infer<typeof memoryScoreParts>;

export const memorySearchHit = z.object({
  id: z.string(),
  score: z.number(),
  scores: memoryScoreParts,
  memory: memoryView,
});
export type MemorySearchHit = z.infer<typeof memorySearchHit>;

export const memorySearchResult = z.object({
  success: z.literal(true),
  employeeId: z.string(),
  query: z.string(),
  results: z.array(memorySearchHit),
  total: z.number().int().nonnegative(),
});
export type MemorySearchResult = z.infer<typeof memorySearchResult>;

/** POST /api/memory/context: the most relevant memories for a task, within a token budget. */
export const memoryContextBody = z
  .object({
    employeeId: memoryEmployeeId,
    taskDescription: z.string().trim().min(1).max(MEMORY_TASK_MAX_CHARS),
    /** Approximate tokens (4 characters each) the memories may take in the prompt. @default 1500 */
    tokenBudget: z.number().int().min(50).max(32_000).default(1500),
    options: z
      .object({
        /** Candidates considered before the budget cut. @default 10 */
        topK: z.number().int().min(1).max(50).default(10),
        memoryTypes: z.array(memoryType).min(1).max(memoryTypes.length).optional(),
        minImportance: memoryImportance.optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type MemoryContextBody = z.infer<typeof memoryContextBody>;
export type MemoryContextBodyInput = z.input<typeof memoryContextBody>;

export const contextMemory = z.object({
  id: z.string(),
  type: memoryType,
  scope: memoryScope,
  employeeId: z.string(),
  content: z.string(),
  /** True when the content was shortened to fit the budget. */
  truncated: z.boolean(),
  tags: z.array(z.string()),
  importance: z.number(),
  createdAt: z.string(),
  relevance: z.number(),
  tokens: z.number().int().nonnegative(),
});
export type ContextMemory = z.infer<typeof contextMemory>;

export const memoryContextSummary = z.object({
  task: z.string(),
  totalMemories: z.number().int().nonnegative(),
  experienceCount: z.number().int().nonnegative(),
  knowledgeCount: z.number().int().nonnegative(),
  decisionCount: z.number().int().nonnegative(),
  interactionCount: z.number().int().nonnegative(),
  avgRelevance: z.number(),
  keyExperiences: z.array(z.string()),
  keyKnowledge: z.array(z.string()),
  keyDecisions: z.array(z.string()),
});

export const memoryContextResult = z.object({
  success: z.literal(true),
  employeeId: z.string(),
  taskDescription: z.string(),
  context: z.object({
    memories: z.array(contextMemory),
    /** Ready to put in a prompt: one block per memory, each cited as `[mem_…]`. Empty when none. */
    prompt: z.string(),
    tokenBudget: z.number().int(),
    tokensUsed: z.number().int().nonnegative(),
    summary: memoryContextSummary,
    totalResults: z.number().int().nonnegative(),
    relevanceScores: z.array(z.number()),
  }),
});
export type MemoryContextResult = z.infer<typeof memoryContextResult>;

export const memoryExpertiseParams = z
  .object({ employeeId: memoryEmployeeId, domain: z.string().trim().min(1).max(200) })
  .strict();
export const memoryExpertiseResult = z.object({
  success: z.literal(true),
  expertise: z.object({
    employeeId: z.string(),
    domain: z.string(),
    /** 0–10: Σ importance / 10 over the domain's experience and knowledge memories (capped). */
    expertiseScore: z.number(),
    experienceCount: z.number().int().nonnegative(),
    knowledgeCount: z.number().int().nonnegative(),
    /** Domain memories written in the last 30 days. */
    recentActivity: z.number().int().nonnegative(),
    keySkills: z.array(z.object({ skill: z.string(), count: z.number().int().positive() })),
    /** 0–10: average importance × n / 5 (capped). */
    confidenceLevel: z.number(),
  }),
});
export type MemoryExpertiseResult = z.infer<typeof memoryExpertiseResult>;

export const memoryEmployeeParams = z.object({ employeeId: memoryEmployeeId }).strict();

const countsByType = z.object({
  experience: z.number().int().nonnegative(),
  knowledge: z.number().int().nonnegative(),
  decision: z.number().int().nonnegative(),
  interaction: z.number().int().nonnegative(),
});
export type MemoryCountsByType = z.infer<typeof countsByType>;

export const memoryEmployeeStats = z.object({
  employeeId: z.string(),
  role: z.string(),
  department: z.string(),
  /** Memories the employee owns that are not archived. */
  totalMemories: z.number().int().nonnegative(),
  archivedMemories: z.number().int().nonnegative(),
  byType: countsByType,
  byScope: z.object({
    private: z.number().int().nonnegative(),
    department: z.number().int().nonnegative(),
    company: z.number().int().nonnegative(),
  }),
  /** Oldest memory's creation time, or null. */
  firstCreatedAt: z.string().nullable(),
  lastCreatedAt: z.string().nullable(),
  lastAccessedAt: z.string().nullable(),
  /** Memories still waiting for a vector from the configured embedding provider. */
  pendingEmbeddings: z.number().int().nonnegative(),
});
export type MemoryEmployeeStats = z.infer<typeof memoryEmployeeStats>;

export const memoryStatsResult = z.object({ success: z.literal(true), statistics: memoryEmployeeStats });
export const memoryAllStatsResult = z.object({
  success: z.literal(true),
  statistics: z.array(memoryEmployeeStats),
  totals: z.object({
    totalMemories: z.number().int().nonnegative(),
    archivedMemories: z.number().int().nonnegative(),
    pendingEmbeddings: z.number().int().nonnegative(),
    embeddingProvider: z.string(),
    embeddingDim: z.number().int().positive(),
    vectorIndex: z.string(),
  }),
});

/** POST /api/memory/cleanup[/:employeeId]: archive old, unused, unimportant memories. */
export const memoryCleanupBody = z
  .object({
    /** Only memories older than this are candidates. @default 180 */
    ageThresholdDays: z.number().int().min(1).max(36_500).default(180),
    /** Candidates score below this on the 0–1 retention score (see docs/memory.md). @default 0.3 */
    importanceThreshold: z.number().min(0).max(1).default(0.3),
    /** @default 100 */
    maxMemoriesToArchive: z.number().int().min(0).max(10_000).default(100),
    /** Report the candidates without archiving them. @default false */
    dryRun: z.boolean().default(false),
  })
  .strict();
export type MemoryCleanupBody = z.infer<typeof memoryCleanupBody>;
export type MemoryCleanupInput = z.input<typeof memoryCleanupBody>;

export const memoryCleanupReport = z.object({
  employeeId: z.string(),
  executionTimeMs: z.number().nonnegative(),
  config: memoryCleanupBody,
  analysis: z.object({
    totalMemories: z.number().int().nonnegative(),
    candidatesForArchival: z.number().int().nonnegative(),
    memoriesToArchive: z.number().int().nonnegative(),
  }),
  archival: z.object({ archivedCount: z.number().int().nonnegative(), archivedMemories: z.array(z.string()) }),
});
export type MemoryCleanupReport = z.infer<typeof memoryCleanupReport>;
export const memoryCleanupResult = z.object({ success: z.literal(true), cleanup: memoryCleanupReport });
export const memoryCompanyCleanupResult = z.object({
  success: z.literal(true),
  companyWideCleanup: z.object({
    totalEmployees: z.number().int().nonnegative(),
    successfulCleanups: z.number().int().nonnegative(),
    failedCleanups: z.number().int().nonnegative(),
    aggregate: z.object({
      totalMemories: z.number().int().nonnegative(),
      candidatesForArchival: z.number().int().nonnegative(),
      archivedCount: z.number().int().nonnegative(),
    }),
    employeeResults: z.array(memoryCleanupReport),
    errors: z.array(z.object({ employeeId: z.string(), code: z.string(), message: z.string() })),
  }),
});

/** POST /api/memory/archive and /restore. */
export const memoryBatchBody = z
  .object({ employeeId: memoryEmployeeId, memoryIds: z.array(memoryId).min(1).max(1000) })
  .strict();
export type MemoryBatchBody = z.infer<typeof memoryBatchBody>;
const batchError = z.object({ memoryId: z.string(), code: z.string(), message: z.string() });
export const memoryArchiveResult = z.object({
  success: z.literal(true),
  archive: z.object({ archivedCount: z.number().int().nonnegative(), archivedMemories: z.array(z.string()), errors: z.array(batchError) }),
});
export const memoryRestoreResult = z.object({
  success: z.literal(true),
  restore: z.object({ restoredCount: z.number().int().nonnegative(), restoredMemories: z.array(z.string()), errors: z.array(batchError) }),
});

export const memoryLifecycleResult = z.object({
  success: z.literal(true),
  lifecycle: z.object({
    employeeId: z.string(),
    totalMemories: z.number().int().nonnegative(),
    archivedMemories: z.number().int().nonnegative(),
    byType: countsByType,
    /** Age of the active memories: ≤ 30 days, 30–90, > 90. */
    byAge: z.object({ recent: z.number().int(), medium: z.number().int(), old: z.number().int() }),
    /** Importance of the active memories: 0–3, 4–6, 7–8, 9–10. */
    byImportance: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int(), critical: z.number().int() }),
    /** Candidates under the default cleanup settings. */
    cleanupCandidates: z.number().int().nonnegative(),
    recommendations: z.array(z.string()),
  }),
});
export type MemoryLifecycle = z.infer<typeof memoryLifecycleResult>['lifecycle'];

export const memoryStorageResult = z.object({
  success: z.literal(true),
  storage: z.object({
    employeeId: z.string(),
    department: z.string(),
    role: z.string(),
    memoryCount: z.number().int().nonnegative(),
    archivedCount: z.number().int().nonnegative(),
    vectorCount: z.number().int().nonnegative(),
    /** Ciphertext bytes of content and context. */
    contentBytes: z.number().int().nonnegative(),
    vectorBytes: z.number().int().nonnegative(),
    totalBytes: z.number().int().nonnegative(),
    targetBytes: z.number().int().positive(),
    utilizationPercent: z.number().nonnegative(),
    storageStatus: z.enum(['ok', 'warning', 'over_target']),
  }),
});
export type MemoryStorage = z.infer<typeof memoryStorageResult>['storage'];

/** POST /api/memory/reembed: one pass of the re-embedding job (also runs in the background). */
export const memoryReembedBody = z
  .object({ maxMemories: z.number().int().min(1).max(100_000).default(1000) })
  .strict();
export const memoryReembedResult = z.object({
  success: z.literal(true),
  reembed: z.object({
    provider: z.string(),
    embedded: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    remaining: z.number().int().nonnegative(),
  }),
});
export type MemoryReembedReport = z.infer<typeof memoryReembedResult>['reembed'];

export const memoryDeleteResult = z.object({ success: z.literal(true), deleted: z.string() });
