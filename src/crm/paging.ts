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
