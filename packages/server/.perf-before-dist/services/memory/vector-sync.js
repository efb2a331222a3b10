import { isAppError } from '../../domain/app-error.js';
import { searchableText } from '../../domain/memory/searchable-text.js';
const CHANGES_PAGE = 1_000;
export const REEMBED_BATCH = 32;
export class VectorSync {
    deps;
    #syncing = null;
    #again = false;
    #reembedding = null;
    #stopped = false;
    constructor(deps) {
        this.deps = deps;
    }
    /** Applies every store change up to now; concurrent calls share one pass (plus one more if needed). */
    sync() {
        if (this.#syncing) {
            this.#again = true;
            return this.#syncing;
        }
        this.#syncing = (async () => {
            try {
                do {
                    this.#again = false;
                    await this.#pass();
                } while (this.#again);
            }
            finally {
                this.#syncing = null;
            }
        })();
        return this.#syncing;
    }
    async #pass() {
        const { index, repository, embeddings } = this.deps;
        let checkpoint = await index.checkpoint();
        if (checkpoint === null || checkpoint.provider !== embeddings.id) {
            if (checkpoint !== null)
                this.deps.logger.info({ from: checkpoint.provider, to: embeddings.id }, 'embedding provider changed; rebuilding the vector index');
            await index.clear();
            checkpoint = { provider: embeddings.id, rev: 0 };
        }
        for (;;) {
            const changes = await repository.vectorChanges(checkpoint.rev, CHANGES_PAGE, embeddings.id);
            if (changes.length === 0)
                break;
            const drops = changes.filter((c) => c.vector === null).map((c) => c.id);
            const puts = changes.flatMap((c) => (c.vector === null ? [] : [{ id: c.id, partition: c.partition, vector: c.vector }]));
            if (drops.length > 0)
                await index.remove(drops);
            if (puts.length > 0)
                await index.upsert(puts);
            checkpoint = { provider: embeddings.id, rev: changes[changes.length - 1].rev };
            await index.setCheckpoint(checkpoint);
            if (changes.length < CHANGES_PAGE)
                break;
        }
    }
    /** One re-embedding run of at most `maxMemories`; concurrent calls share the running one. */
    reembed(maxMemories) {
        this.#reembedding ??= this.#reembed(maxMemories).finally(() => {
            this.#reembedding = null;
        });
        return this.#reembedding;
    }
    /** Stops a running re-embedding after its current batch. */
    async stop() {
        this.#stopped = true;
        await this.#reembedding?.catch(() => undefined);
        await this.#syncing?.catch(() => undefined);
    }
    async #reembed(maxMemories) {
        const { repository, embeddings, logger } = this.deps;
        let embedded = 0;
        let failed = 0;
        let afterId;
        while (!this.#stopped && embedded + failed < maxMemories) {
            const batch = await repository.needingEmbedding(embeddings.id, Math.min(REEMBED_BATCH, maxMemories - embedded - failed), afterId);
            if (batch.length === 0)
                break;
            afterId = batch[batch.length - 1]?.id;
            try {
                const vectors = await embeddings.embed(batch.map((m) => searchableText(m)));
                await repository.putVectors(batch.map((m, i) => ({ id: m.id, provider: embeddings.id, vector: vectors[i] })));
                embedded += batch.length;
            }
            catch (err) {
                if (!isAppError(err) || err.code !== 'MEMORY_EMBEDDING_FAILED')
                    throw err;
                failed += batch.length;
                logger.warn({ err, provider: embeddings.id, batch: batch.length }, 'memory re-embedding failed; the batch stays pending');
                break;
            }
        }
        if (embedded > 0)
            await this.sync();
        const remaining = await repository.countNeedingEmbedding(embeddings.id);
        if (embedded > 0 || failed > 0)
            logger.info({ provider: embeddings.id, embedded, failed, remaining }, 'memory re-embedding pass done');
        return { provider: embeddings.id, embedded, failed, remaining };
    }
}
//# sourceMappingURL=vector-sync.js.map