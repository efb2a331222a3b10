/**
 * The blind lexical index and its BM25 ranking, one implementation for SQLite and PostgreSQL.
 *
 * Content is encrypted at rest, so the database cannot tokenize it (no FTS5 over plaintext, no
 * tsvector of the words). Instead the server tokenizes (domain/memory/text-tokens.ts) and stores a
 * keyed hash of each distinct token per memory, with its frequency (memory_terms). A query is
 * tokenized (and expanded, domain/memory/query-expansion.ts) and hashed the same way; documents are
 * ranked by Okapi BM25 (k1 = 1.2, b = 0.75; other values did no better on the labelled set) computed in SQL from the
 * postings, with collection statistics (documents, total tokens) kept in memory_counters and
 * document frequencies in memory_term_df (both updated by the writing transaction). The same SQL on both dialects
 * gives the same ranking on both. See docs/memory.md for what the blind index does and does not hide.
 */
import { sql, type Kysely } from 'kysely';
import { chooseScoredTerms, rareTermIdf } from '../../domain/memory/bm25-terms.js';
import type { QueryTerm } from '../../domain/memory/query-expansion.js';
import { contentTokens } from '../../domain/memory/text-tokens.js';
import type { LexicalHit } from '../../ports/memory-repository.js';
import type { StoreDialect } from '../../ports/store.js';
import type { MemoryCipher } from '../memory-crypto/memory-cipher.js';
import type { StoreDatabase } from '../store/schema.js';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
const K1 = BM25_K1;
const B = BM25_B;
/** Query tokens beyond this are not even looked up (a query is at most 1,000 characters anyway). */
export const MAX_QUERY_TERMS = 64;
export const MAX_EXPANSION_TERMS = 128;
const INSERT_CHUNK = 400;

export interface TermRow {
  term: string;
  partition: string;
  seq: number;
  tf: number;
  dl: number;
}

/** A constant as a double: a bare `2.2` is `numeric` on PostgreSQL, and numeric arithmetic halves the query's speed. */
const float = (value: number) => sql`cast(${sql.lit(value)} as double precision)`;

/** Hashed term frequencies of a text, and its length in tokens. */
export function termFrequencies(cipher: MemoryCipher, text: string): { terms: Map<string, number>; length: number } {
  const tokens = contentTokens(text);
  const terms = new Map<string, number>();
  for (const token of tokens) {
    const term = cipher.blindToken(token);
    terms.set(term, (terms.get(term) ?? 0) + 1);
  }
  return { terms, length: tokens.length };
}

export async function insertTerms(
  db: Kysely<StoreDatabase>,
  seq: number,
  partition: string,
  terms: Map<string, number>,
  length: number,
): Promise<void> {
  // Sorted, so concurrent writers update df rows in one order (they are serialized anyway, see lockWriters).
  const rows: TermRow[] = [...terms].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([term, tf]) => ({ term, partition, seq, tf, dl: length }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await db.insertInto('memory_terms').values(chunk).execute();
    await db
      .insertInto('memory_term_df')
      .values(chunk.map((r) => ({ term: r.term, df: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql<number>`memory_term_df.df + 1` }))
      .execute();
  }
}

export async function deleteTerms(db: Kysely<StoreDatabase>, seq: number): Promise<void> {
  const terms = (await db.selectFrom('memory_terms').select('term').where('seq', '=', seq).orderBy('term').execute()).map((r) => r.term);
  for (let i = 0; i < terms.length; i += INSERT_CHUNK) {
    await db
      .updateTable('memory_term_df')
      .set({ df: sql<number>`df - 1` })
      .where('term', 'in', terms.slice(i, i + INSERT_CHUNK))
      .execute();
  }
  await db.deleteFrom('memory_terms').where('seq', '=', seq).execute();
}

export async function moveTerms(db: Kysely<StoreDatabase>, seq: number, partition: string): Promise<void> {
  await db.updateTable('memory_terms').set({ partition }).where('seq', '=', seq).execute();
}

/**
 * Serializes memory writers on PostgreSQL (a row lock on a counter, held to commit), so writers
 * never deadlock on the df rows they share; a no-op cost on SQLite, where writes are serial anyway.
 */
export async function lockWriters(db: Kysely<StoreDatabase>): Promise<void> {
  await db.updateTable('memory_counters').set({ value: sql<number>`value` }).where('name', '=', 'docs').execute();
}

/** Keeps the BM25 collection statistics in step with the postings. */
export async function adjustCollection(db: Kysely<StoreDatabase>, docs: number, tokens: number): Promise<void> {
  if (docs !== 0) await db.updateTable('memory_counters').set((eb) => ({ value: eb('value', '+', docs) })).where('name', '=', 'docs').execute();
  if (tokens !== 0) {
    await db.updateTable('memory_counters').set((eb) => ({ value: eb('value', '+', tokens) })).where('name', '=', 'terms_total').execute();
  }
}

/**
 * BM25 over the query's terms, each weighing weight × idf; which terms are scored is decided by
 * domain/memory/bm25-terms.ts (the rarest of the query's own and of the expansion's, no very
 * common term), which bounds the postings read per query. The vector side of hybrid ranking
 * carries the rest of the meaning.
 */
export async function bm25Search(
  db: Kysely<StoreDatabase>,
  dialect: StoreDialect,
  cipher: MemoryCipher,
  queryTerms: readonly QueryTerm[],
  partitions: readonly string[],
  limit: number,
): Promise<LexicalHit[]> {
  const own = queryTerms.filter((t) => !t.expansion).slice(0, MAX_QUERY_TERMS);
  const added = queryTerms.filter((t) => t.expansion).slice(0, MAX_EXPANSION_TERMS);
  const byHash = new Map<string, { weight: number; expansion: boolean }>();
  for (const t of [...own, ...added]) {
    const hash = cipher.blindToken(t.token);
    if (!byHash.has(hash)) byHash.set(hash, { weight: t.weight, expansion: t.expansion });
  }
  if (byHash.size === 0 || partitions.length === 0) return [];

  const [counters, dfRows] = await Promise.all([
    db.selectFrom('memory_counters').select(['name', 'value']).where('name', 'in', ['docs', 'terms_total']).execute(),
    db.selectFrom('memory_term_df').select(['term', 'df']).where('term', 'in', [...byHash.keys()]).where('df', '>', 0).execute(),
  ]);
  const docs = Math.max(1, Number(counters.find((c) => c.name === 'docs')?.value ?? 0));
  const avgLength = Math.max(1, Number(counters.find((c) => c.name === 'terms_total')?.value ?? 0) / docs);
  const weighted = chooseScoredTerms(
    dfRows.map((r) => ({ key: r.term, df: Number(r.df), ...(byHash.get(r.term) ?? { weight: 1, expansion: false }) })),
    docs,
  );
  if (weighted.length === 0) return [];

  const values = sql.join(weighted.map((w) => sql`(cast(${w.key} as text), cast(${w.idf} as double precision))`));
  // SQLite: CROSS JOIN pins the join order (the few query terms drive the postings lookups).
  const from = dialect === 'sqlite' ? sql`q cross join memory_terms t` : sql`q join memory_terms t on true`;
  const rows = await sql<{ id: string; score: number | string }>`
    with q(term, idf) as (values ${values})
    select m.id as id, s.score as score
    from (
      select t.seq as seq,
             sum(q.idf * (t.tf * ${float(K1 + 1)}) / (t.tf + ${float(K1)} * (${float(1 - B)} + ${float(B)} * t.dl / cast(${avgLength} as double precision)))) as score
      from ${from}
      where t.term = q.term and t.partition in (${sql.join([...partitions])})
      group by t.seq
      order by score desc
      limit ${limit}
    ) s
    join memories m on m.seq = s.seq
    order by s.score desc, m.id
  `.execute(db);
  const unit = rareTermIdf(docs);
  return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) / unit }));
}
