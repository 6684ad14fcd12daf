import type {
  FilterGroup,
  FilterOperatorEnum,
  PublicObjectSearchRequest,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';

// HubSpot pages lists with an opaque `after` token. These helpers follow it so callers never do.
interface Page<T> {
  results: T[];
  paging?: { next?: { after?: string } };
}

/** Yields each page's results with the token of the page after it (undefined on the last page). */
export async function* pages<T>(
  fetchPage: (after: string | undefined) => Promise<Page<T>>,
  startAfter?: string,
): AsyncGenerator<{ results: T[]; nextAfter: string | undefined }> {
  let after = startAfter;
  do {
    const page = await fetchPage(after);
    after = page.paging?.next?.after || undefined;
    yield { results: page.results, nextAfter: after };
  } while (after);
}

/** Every result of every page. For lists known to be small (owners, schemas, properties). */
export async function collectAll<T>(fetchPage: (after: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages(fetchPage)) all.push(...page.results);
  return all;
}

/** HubSpot's search answers at most this many results to one query: asking for a page beyond is refused. */
export const SEARCH_RESULT_LIMIT = 10_000;

/**
 * Every match of a search, however many there are. HubSpot answers at most 10,000 results to one query, so
 * the query is sorted by record id, and once it has answered its 10,000 it is asked again for the records
 * after the last id it gave, until a query ends short of the limit. `search` sends one page of a query as
 * given: the caller's filter groups, each narrowed to the ids after the last one answered, the sort by id,
 * and that query's paging token.
 */
export async function searchAll<T extends { id: string }>(
  filterGroups: readonly FilterGroup[],
  search: (query: Pick<PublicObjectSearchRequest, 'filterGroups' | 'sorts' | 'after'>) => Promise<Page<T>>,
): Promise<T[]> {
  // HubSpot's documented sort object; the client types a sort as a plain string.
  const sorts = [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] as unknown as string[];
  const all: T[] = [];
  let idAfter: string | null = null;
  for (;;) {
    const narrowed = idAfter === null ? [...filterGroups] : filterGroups.map((group) => idsAfter(group, idAfter!));
    let answered = 0;
    let after: string | undefined = '0';
    while (after !== undefined && answered < SEARCH_RESULT_LIMIT) {
      const page = await search({ filterGroups: narrowed, sorts, after });
      all.push(...page.results);
      answered += page.results.length;
      after = page.paging?.next?.after || undefined;
    }
    // Whether HubSpot's page at the limit carries a token or not, the records past it need a new query.
    if (answered < SEARCH_RESULT_LIMIT) return all;
    idAfter = all.at(-1)!.id;
  }
}

const idsAfter = (group: FilterGroup, id: string): FilterGroup => ({
  filters: [...group.filters, { propertyName: 'hs_object_id', operator: 'GT' as FilterOperatorEnum, value: id }],
});
