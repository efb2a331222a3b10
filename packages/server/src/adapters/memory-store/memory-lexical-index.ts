/**
 * The blind lexical index and its BM25 ranking, one implementation for SQLite and PostgreSQL.
 *
 * Content is encrypted at rest, so the database cannot tokenize it (no FTS5 over plaintext, no
 * tsvector of the words). Instead the server tokenizes (domain/memory/text-tokens.ts) and stores a
 * keyed hash of each distinct token per memory, with its frequency (memory_terms). A query is
 * tokenized and hashed the same way; documents are ranked by Okapi BM25 computed in SQL from the
 * postings, with collection statistics (documents, total tokens) kept in memory_counters and
 * document frequencies counted from the postings at query time. The same SQL on both dialects
 * gives the same ranking on both. See docs/memory.md for what the blind index does and does not hide.
 */
import { sql, type Kysely } from 'kysely';
import { contentTokens } from '../../domain/memory/text-tokens.js';
import type { LexicalHit } from '../../ports/memory-repository.js';
import type { MemoryCipher } from '../memory-crypto/memory-cipher.js';
import type { StoreDatabase } from '../store/schema.js';

const K1 = 1.2;
const B = 0.75;
/** Query tokens beyond this are ignored (a query is at most 1,000 characters anyway). */
const MAX_QUERY_TERMS = 64;
const INSERT_CHUNK = 400;

export interface TermRow {
  term: string;
  partition: string;
  seq: number;
  tf: number;
}

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

export async function insertTerms(db: Kysely<StoreDatabase>, seq: number, partition: string, terms: Map<string, number>): Promise<void> {
  const rows: TermRow[] = [...terms].map(([term, tf]) => ({ term, partition, seq, tf }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db.insertInto('memory_terms').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
}

export async function deleteTerms(db: Kysely<StoreDatabase>, seq: number): Promise<void> {
  await db.deleteFrom('memory_terms').where('seq', '=', seq).execute();
}

export async function moveTerms(db: Kysely<StoreDatabase>, seq: number, partition: string): Promise<void> {
  await db.updateTable('memory_terms').set({ partition }).where('seq', '=', seq).execute();
}

/** Keeps the BM25 collection statistics in step with the postings. */
export async function adjustCollection(db: Kysely<StoreDatabase>, docs: number, tokens: number): Promise<void> {
  if (docs !== 0) await db.updateTable('memory_counters').set((eb) => ({ value: eb('value', '+', docs) })).where('name', '=', 'docs').execute();
  if (tokens !== 0) {
    await db.updateTable('memory_counters').set((eb) => ({ value: eb('value', '+', tokens) })).where('name', '=', 'terms_total').execute();
  }
}

export async function bm25Search(
  db: Kysely<StoreDatabase>,
  cipher: MemoryCipher,
  query: string,
  partitions: readonly string[],
  limit: number,
): Promise<LexicalHit[]> {
  const terms = [...new Set(contentTokens(query))].slice(0, MAX_QUERY_TERMS).map((t) => cipher.blindToken(t));
  if (terms.length === 0 || partitions.length === 0) return [];

  const [counters, dfRows] = await Promise.all([
    db.selectFrom('memory_counters').select(['name', 'value']).where('name', 'in', ['docs', 'terms_total']).execute(),
    db
      .selectFrom('memory_terms')
      .select(['term', (eb) => eb.fn.countAll<number | string>().as('df')])
      .where('term', 'in', terms)
      .groupBy('term')
      .execute(),
  ]);
  const docs = Math.max(1, Number(counters.find((c) => c.name === 'docs')?.value ?? 0));
  const avgLength = Math.max(1, Number(counters.find((c) => c.name === 'terms_total')?.value ?? 0) / docs);
  const weighted = dfRows.map((r) => {
    const df = Number(r.df);
    return { term: r.term, idf: Math.log(1 + (docs - df + 0.5) / (df + 0.5)) };
  });
  if (weighted.length === 0) return [];

  const values = sql.join(weighted.map((w) => sql`(cast(${w.term} as text), cast(${w.idf} as double precision))`));
  const rows = await sql<{ id: string; score: number | string }>`
    with q(term, idf) as (values ${values})
    select m.id as id,
           sum(q.idf * (t.tf * ${sql.lit(K1 + 1)}) / (t.tf + ${sql.lit(K1)} * (${sql.lit(1 - B)} + ${sql.lit(B)} * m.terms_count / cast(${avgLength} as double precision)))) as score
    from memory_terms t
    join q on q.term = t.term
    join memories m on m.seq = t.seq
    where t.partition in (${sql.join([...partitions])})
    group by m.id
    order by score desc, m.id
    limit ${limit}
  `.execute(db);
  return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}
