/**
 * An in-process copy of the blind lexical index (memory_terms: keyed token hashes, never words),
 * so BM25 runs as a loop over typed arrays instead of a SQL aggregate over tens of thousands of
 * postings. The store stays the truth: the mirror is filled from it at open and follows the
 * store's revision feed (memory_vectors.rev: every change to a memory's terms or partition takes
 * a revision, see kysely-memory-repository.ts), replaying the changes before each search, so a
 * write on another replica is seen by the next search here. Scores equal the SQL ones (same
 * formula, same collection statistics: documents, total length, document frequencies).
 *
 * Memory: about 6 bytes per posting plus the term and id strings; 100,000 memories of 15–40
 * words (~2.5 million postings) take about 50 MB.
 */
import { sql, type Kysely } from 'kysely';
import { chooseScoredTerms, rareTermIdf } from '../../domain/memory/bm25-terms.js';
import type { QueryTerm } from '../../domain/memory/query-expansion.js';
import type { LexicalHit } from '../../ports/memory-repository.js';
import type { MemoryCipher } from '../memory-crypto/memory-cipher.js';
import { TopK } from '../memory-vector/top-k.js';
import type { StoreDatabase } from '../store/schema.js';
import { BM25_B, BM25_K1, MAX_EXPANSION_TERMS, MAX_QUERY_TERMS } from './memory-lexical-index.js';

const CHANGES_PAGE = 5_000;
const LOAD_PAGE = 5_000;
const POSTINGS_PAGE = 50_000;
const ID_CHUNK = 500;

/** Postings of one term: document slots and term frequencies, growable. */
class PostingList {
  slots = new Int32Array(4);
  tfs = new Uint16Array(4);
  size = 0;

  add(slot: number, tf: number): void {
    if (this.size === this.slots.length) {
      const slots = new Int32Array(this.size * 2);
      slots.set(this.slots);
      this.slots = slots;
      const tfs = new Uint16Array(this.size * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.slots[this.size] = slot;
    this.tfs[this.size] = Math.min(tf, 65_535);
    this.size += 1;
  }

  remove(slot: number): void {
    for (let i = 0; i < this.size; i++) {
      if (this.slots[i] !== slot) continue;
      const last = this.size - 1;
      this.slots[i] = this.slots[last] as number;
      this.tfs[i] = this.tfs[last] as number;
      this.size = last;
      return;
    }
  }
}

interface MirrorDocument {
  id: string;
  length: number;
  partition: string;
  terms: { term: string; tf: number }[];
}

export class LexicalMirror {
  readonly #termIds = new Map<string, number>();
  readonly #lists: PostingList[] = [];
  readonly #partitionIds = new Map<string, number>();
  readonly #slotOf = new Map<string, number>();
  readonly #free: number[] = [];
  #ids: (string | null)[] = [];
  #lengths = new Float64Array(1024);
  #partitions = new Int32Array(1024);
  #docTerms: (Int32Array | null)[] = [];
  #scores = new Float64Array(1024);
  #docs = 0;
  #totalLength = 0;
  #rev = 0;
  #catchingUp: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly cipher: MemoryCipher,
  ) {}

  get documentCount(): number {
    return this.#docs;
  }

  /**
   * Fills the mirror from the store: the revision first (changes made meanwhile are replayed by
   * catchUp), then the memories, then the postings in primary-key order (term by term, the cheap
   * order to read on both databases and the natural one to build posting lists in).
   */
  async load(): Promise<void> {
    await this.#catchingUp;
    this.#clear();
    this.#rev = await this.#maxRev();
    const slotOfSeq = new Map<number, number>();
    const terms: number[][] = [];
    for (let after = -1; ; ) {
      const memories = await this.db.selectFrom('memories').select(['seq', 'id', 'terms_count']).where('seq', '>', after).orderBy('seq').limit(LOAD_PAGE).execute();
      if (memories.length === 0) break;
      for (const m of memories) {
        const slot = this.#newDocument(m.id, Number(m.terms_count), '');
        slotOfSeq.set(Number(m.seq), slot);
        terms[slot] = [];
      }
      after = Number((memories[memories.length - 1] as { seq: number | string }).seq);
    }
    for (let cursor: { term: string; partition: string; seq: number } | null = null; ; ) {
      const where = cursor ? sql`where (term, partition, seq) > (${cursor.term}, ${cursor.partition}, ${cursor.seq})` : sql``;
      const { rows } = await sql<{ term: string; partition: string; seq: number | string; tf: number | string }>`
        select term, partition, seq, tf from memory_terms ${where} order by term, partition, seq limit ${POSTINGS_PAGE}
      `.execute(this.db);
      if (rows.length === 0) break;
      for (const row of rows) {
        const slot = slotOfSeq.get(Number(row.seq));
        if (slot === undefined) continue;
        const termId = this.#termId(row.term);
        (this.#lists[termId] as PostingList).add(slot, Number(row.tf));
        this.#partitions[slot] = this.#partitionId(row.partition);
        terms[slot]?.push(termId);
      }
      const last = rows[rows.length - 1] as { term: string; partition: string; seq: number | string };
      cursor = { term: last.term, partition: last.partition, seq: Number(last.seq) };
    }
    terms.forEach((list, slot) => {
      this.#docTerms[slot] = Int32Array.from(list);
    });
    await this.catchUp();
  }

  /** Replays the store's changes since the last one applied; concurrent calls share one pass. */
  catchUp(): Promise<void> {
    this.#catchingUp ??= this.#replay().finally(() => {
      this.#catchingUp = null;
    });
    return this.#catchingUp;
  }

  async search(queryTerms: readonly QueryTerm[], partitions: readonly string[], limit: number): Promise<LexicalHit[]> {
    await this.catchUp();
    const own = queryTerms.filter((t) => !t.expansion).slice(0, MAX_QUERY_TERMS);
    const added = queryTerms.filter((t) => t.expansion).slice(0, MAX_EXPANSION_TERMS);
    const stats = new Map<string, { key: string; df: number; weight: number; expansion: boolean }>();
    for (const t of [...own, ...added]) {
      const key = this.cipher.blindToken(t.token);
      if (!stats.has(key)) stats.set(key, { key, df: this.#list(key)?.size ?? 0, weight: t.weight, expansion: t.expansion });
    }
    const allowed = new Uint8Array(this.#partitionIds.size + 1);
    for (const p of partitions) {
      const pid = this.#partitionIds.get(p);
      if (pid !== undefined) allowed[pid] = 1;
    }
    if (this.#docs === 0 || limit <= 0) return [];
    const docs = this.#docs;
    const avgLength = Math.max(1, this.#totalLength / docs);
    const chosen = chooseScoredTerms([...stats.values()], docs);

    const scores = this.#scores;
    const touched: number[] = [];
    const lengths = this.#lengths;
    const partitionOf = this.#partitions;
    for (const { key, idf } of chosen) {
      const list = this.#list(key);
      if (!list) continue;
      const { slots, tfs, size } = list;
      for (let i = 0; i < size; i++) {
        const slot = slots[i] as number;
        if (allowed[partitionOf[slot] as number] !== 1) continue;
        const tf = tfs[i] as number;
        const add = (idf * (tf * (BM25_K1 + 1))) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * (lengths[slot] as number)) / avgLength));
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] as number) + add;
      }
    }
    // A bounded heap, not a sort: a query touches thousands of memories and wants the best `limit`.
    const top = new TopK(limit);
    for (const slot of touched) {
      const score = scores[slot] as number;
      if (score > top.threshold) top.offer(this.#ids[slot] as string, score);
      scores[slot] = 0;
    }
    const unit = rareTermIdf(docs);
    return top.sorted().map((hit) => ({ id: hit.id, score: hit.similarity / unit }));
  }

  async #replay(): Promise<void> {
    for (;;) {
      const changes = await this.db
        .selectFrom('memory_vectors')
        .select(['memory_id', 'rev'])
        .where('rev', '>', this.#rev)
        .orderBy('rev')
        .limit(CHANGES_PAGE)
        .execute();
      if (changes.length === 0) return;
      const ids = [...new Set(changes.map((c) => c.memory_id))];
      for (let i = 0; i < ids.length; i += ID_CHUNK) await this.#reload(ids.slice(i, i + ID_CHUNK));
      this.#rev = Number((changes[changes.length - 1] as { rev: number | string }).rev);
      if (changes.length < CHANGES_PAGE) return;
    }
  }

  /** Re-reads these memories' postings from the store (absent ones are removed). */
  async #reload(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.#remove(id);
    const memories = await this.db.selectFrom('memories').select(['seq', 'id', 'terms_count']).where('id', 'in', [...ids]).execute();
    if (memories.length === 0) return;
    const postings = await this.db
      .selectFrom('memory_terms')
      .select(['seq', 'term', 'tf', 'partition'])
      .where('seq', 'in', memories.map((m) => m.seq))
      .execute();
    this.#applyDocuments(
      memories.map((m) => ({ seq: Number(m.seq), id: m.id, length: Number(m.terms_count) })),
      postings.map((p) => ({ seq: Number(p.seq), term: p.term, tf: Number(p.tf), partition: p.partition })),
    );
  }

  #applyDocuments(
    memories: readonly { seq: number; id: string; length: number }[],
    postings: readonly { seq: number; term: string; tf: number; partition: string }[],
  ): void {
    const bySeq = new Map<number, MirrorDocument>(memories.map((m) => [m.seq, { id: m.id, length: m.length, partition: '', terms: [] }]));
    for (const p of postings) {
      const doc = bySeq.get(p.seq);
      if (!doc) continue;
      doc.partition = p.partition;
      doc.terms.push({ term: p.term, tf: p.tf });
    }
    for (const doc of bySeq.values()) this.#add(doc);
  }

  #add(doc: MirrorDocument): void {
    this.#remove(doc.id);
    const slot = this.#newDocument(doc.id, doc.length, doc.partition);
    const termIds = new Int32Array(doc.terms.length);
    doc.terms.forEach(({ term, tf }, i) => {
      const termId = this.#termId(term);
      (this.#lists[termId] as PostingList).add(slot, tf);
      termIds[i] = termId;
    });
    this.#docTerms[slot] = termIds;
  }

  #newDocument(id: string, length: number, partition: string): number {
    const slot = this.#free.pop() ?? this.#grow();
    this.#slotOf.set(id, slot);
    this.#ids[slot] = id;
    this.#lengths[slot] = length;
    this.#partitions[slot] = this.#partitionId(partition);
    this.#docTerms[slot] = null;
    this.#docs += 1;
    this.#totalLength += length;
    return slot;
  }

  #remove(id: string): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    for (const termId of this.#docTerms[slot] ?? []) this.#lists[termId]?.remove(slot);
    this.#docs -= 1;
    this.#totalLength -= this.#lengths[slot] as number;
    this.#slotOf.delete(id);
    this.#ids[slot] = null;
    this.#docTerms[slot] = null;
    this.#free.push(slot);
  }

  /** Empty, as before the first load (a second load starts over rather than adding twice). */
  #clear(): void {
    this.#termIds.clear();
    this.#lists.length = 0;
    this.#partitionIds.clear();
    this.#slotOf.clear();
    this.#free.length = 0;
    this.#ids = [];
    this.#docTerms = [];
    this.#docs = 0;
    this.#totalLength = 0;
    this.#rev = 0;
  }

  #list(term: string): PostingList | undefined {
    const termId = this.#termIds.get(term);
    return termId === undefined ? undefined : this.#lists[termId];
  }

  #termId(term: string): number {
    let termId = this.#termIds.get(term);
    if (termId === undefined) {
      termId = this.#lists.length;
      this.#termIds.set(term, termId);
      this.#lists.push(new PostingList());
    }
    return termId;
  }

  #grow(): number {
    const slot = this.#ids.length;
    this.#ids.push(null);
    this.#docTerms.push(null);
    if (slot >= this.#lengths.length) {
      const size = this.#lengths.length * 2;
      const lengths = new Float64Array(size);
      lengths.set(this.#lengths);
      this.#lengths = lengths;
      const partitions = new Int32Array(size);
      partitions.set(this.#partitions);
      this.#partitions = partitions;
      this.#scores = new Float64Array(size);
    }
    return slot;
  }

  #partitionId(partition: string): number {
    let id = this.#partitionIds.get(partition);
    if (id === undefined) {
      id = this.#partitionIds.size;
      this.#partitionIds.set(partition, id);
    }
    return id;
  }

  async #maxRev(): Promise<number> {
    const row = await this.db
      .selectFrom('memory_vectors')
      .select((eb) => eb.fn.max<number | string | null>('rev').as('rev'))
      .executeTakeFirst();
    return Number(row?.rev ?? 0);
  }
}
