/**
 * The query normalisation over the whole public test set, as a table: for each
 * reader's query, the words Pagefind is asked for (stop words out) and the
 * concepts the search page expands. A change to the stop words, the tokeniser
 * or the equivalences shows here as a changed row; update the table
 * (query-normalisation.table.json) on purpose, after reading the diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchableQuery } from '../../../src/lib/search/query';
import { expandQuery } from '../../../src/lib/search/equivalences';
import { HAS_SHARED, NEEDS_SHARED, NO_SHARED_REASON, SHARED_DIR } from '../../support/shared';
import { readSearchTestSet } from '../../../bench/lib/search-test-set.mjs';

interface Row {
  searchable: string;
  concepts: string[][];
}

const TABLE = JSON.parse(readFileSync(join(import.meta.dirname, 'query-normalisation.table.json'), 'utf8')) as Record<
  string,
  Row
>;

/** What the search page derives from one query. */
function normalisationRow(query: string): Row {
  return { searchable: searchableQuery(query), concepts: expandQuery(query).map((concept) => concept.alternatives) };
}

describe('query normalisation of the public test set', () => {
  it(`gives every query of user-queries.json and user-queries-new.json its recorded row ${NEEDS_SHARED}`, (context) => {
    if (!HAS_SHARED) context.skip(NO_SHARED_REASON);
    const queries = (readSearchTestSet(SHARED_DIR) as { q: string }[]).map((query) => query.q);
    expect(Object.keys(TABLE).sort(), 'the table lists exactly the public queries').toEqual(
      [...new Set(queries)].sort(),
    );
    for (const query of queries) expect(normalisationRow(query), query).toEqual(TABLE[query]);
  });

  it('never asks Pagefind for nothing when the reader typed something', () => {
    for (const [query, row] of Object.entries(TABLE)) {
      expect(row.searchable.length, query).toBeGreaterThan(0);
      expect(row.concepts.length, query).toBeGreaterThan(0);
    }
  });
});
