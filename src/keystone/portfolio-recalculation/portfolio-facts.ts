import type { Client } from '@hubspot/api-client';
import type { PortfolioFacts } from '../../contracts/portfolio-facts.ts';
import type { CompanyFacts } from '../../kam/selection/index.ts';
import { pages } from '../../crm/paging.ts';
import { factsOf, listCompanies } from './company-pages.ts';

// The portfolio's selection facts for the settings page's live preview: the page rescores them as the
// admin moves a weight, so it shows what a recalculation would do before anything is saved. A portal
// too large to read within one invocation answers the companies read so far, marked incomplete.

interface PortfolioFactsRequest {
  budgetMs: number;
  now: number;
  elapsed: () => number;
}

export async function readPortfolioFacts(client: Client, request: PortfolioFactsRequest): Promise<PortfolioFacts> {
  const started = request.elapsed();
  const companies: CompanyFacts[] = [];
  let slowestPageMs = 0;
  for await (const page of pages((after) => listCompanies(client, after))) {
    const pageStarted = request.elapsed();
    companies.push(...(await factsOf(client, page.results, request.now)));
    if (!page.nextAfter) return { companies, complete: true };
    slowestPageMs = Math.max(slowestPageMs, request.elapsed() - pageStarted);
    if (request.elapsed() - started + slowestPageMs > request.budgetMs) break;
  }
  return { companies, complete: false };
}
