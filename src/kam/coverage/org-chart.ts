import { isHeadOfOrganisationTitle } from './roles.ts';

/** A current client contact as the relationship map draws them. */
export interface OrgChartPerson {
  id: string;
  /** Whom they report to, as recorded; a contact not on the chart counts as unknown. */
  reportsTo: string | null;
  /** Whom they reported to has left the client: drawn at the top, that as their gap, not an unknown supervisor. */
  supervisorLeft: boolean;
  title: string | null;
  isKey: boolean;
  /** How many of our people touched them within the staleness window. */
  heldBy: number;
}

/**
 * Where the map shows a hole around a key contact: the depth and breadth every key contact needs is a
 * known supervisor, subordinates and peers, each in touch with one of our people.
 */
export const ORG_GAPS = [
  'supervisor_unknown',
  'supervisor_left',
  'supervisor_out_of_touch',
  'subordinates_unknown',
  'subordinates_out_of_touch',
  'peers_unknown',
  'peers_out_of_touch',
] as const;
export type OrgGap = (typeof ORG_GAPS)[number];

export interface OrgChartNode {
  id: string;
  isKey: boolean;
  /** Direct reports: key contacts first, then the branches holding most key contacts, then as given. */
  children: OrgChartNode[];
  /** People anywhere below. */
  below: number;
  /** Key contacts anywhere below. */
  keyBelow: number;
  /** Only key contacts have gaps. */
  gaps: OrgGap[];
  /** Exactly one of our people holds them: lost if that person leaves. */
  singleThreaded: boolean;
}

export interface OrgChart {
  roots: OrgChartNode[];
  /** People drawn. */
  people: number;
}

/**
 * The client's organisation drawn from reports-to. Contacts whose supervisor is not on the chart are
 * roots; a loop of reports-to (A reports to B, B to A) is cut above its first member as given.
 */
export function orgChart(people: readonly OrgChartPerson[]): OrgChart {
  const byId = new Map(people.map((p) => [p.id, p]));
  const supervisorOf = supervisors(people, byId);
  const reports = new Map<string, OrgChartPerson[]>();
  for (const person of people) {
    const supervisor = supervisorOf.get(person.id);
    if (supervisor !== undefined) reports.set(supervisor, [...(reports.get(supervisor) ?? []), person]);
  }
  const unsupervised = people.filter((p) => !supervisorOf.has(p.id));
  // Someone whose supervisor left reports to somebody, so they are not the head of the organisation.
  const heads = headsOfOrganisation(
    unsupervised.filter((p) => !p.supervisorLeft),
    (id) => reports.has(id),
  );
  const inTouch = (p: OrgChartPerson | undefined) => p !== undefined && p.heldBy > 0;

  const build = (person: OrgChartPerson): OrgChartNode => {
    const children = (reports.get(person.id) ?? []).map(build);
    children.sort((a, b) => Number(b.isKey) - Number(a.isKey) || b.keyBelow - a.keyBelow);
    const supervisor = supervisorOf.get(person.id);
    const peers = supervisor === undefined ? [] : (reports.get(supervisor) ?? []).filter((p) => p.id !== person.id);
    const subordinates = reports.get(person.id) ?? [];
    const gaps: OrgGap[] = [];
    if (person.isKey) {
      if (supervisor === undefined) {
        // Nobody is above the head of the organisation, and their peers are unknown only through the missing supervisor.
        if (person.supervisorLeft) gaps.push('supervisor_left');
        else if (!heads.has(person.id)) gaps.push('supervisor_unknown');
      } else {
        if (!inTouch(byId.get(supervisor))) gaps.push('supervisor_out_of_touch');
        if (peers.length === 0) gaps.push('peers_unknown');
        else if (!peers.some(inTouch)) gaps.push('peers_out_of_touch');
      }
      if (subordinates.length === 0) gaps.push('subordinates_unknown');
      else if (!subordinates.some(inTouch)) gaps.push('subordinates_out_of_touch');
    }
    return {
      id: person.id,
      isKey: person.isKey,
      children,
      below: children.reduce((sum, c) => sum + 1 + c.below, 0),
      keyBelow: children.reduce((sum, c) => sum + Number(c.isKey) + c.keyBelow, 0),
      gaps,
      singleThreaded: person.heldBy === 1,
    };
  };
  const roots = unsupervised.map(build);
  roots.sort((a, b) => b.below - a.below);
  return { roots, people: people.length };
}

/** Each person's supervisor on the chart, with loops cut so that every chain ends at a root. */
function supervisors(people: readonly OrgChartPerson[], byId: Map<string, OrgChartPerson>): Map<string, string> {
  const supervisorOf = new Map<string, string>();
  for (const p of people)
    if (p.reportsTo !== null && p.reportsTo !== p.id && byId.has(p.reportsTo)) supervisorOf.set(p.id, p.reportsTo);
  const settled = new Set<string>();
  for (const person of people) {
    const chain: string[] = [];
    let at: string | undefined = person.id;
    while (at !== undefined && !settled.has(at) && !chain.includes(at)) {
      chain.push(at);
      at = supervisorOf.get(at);
    }
    if (at !== undefined && chain.includes(at)) {
      const loop = chain.slice(chain.indexOf(at));
      const first = people.find((p) => loop.includes(p.id))!;
      supervisorOf.delete(first.id);
    }
    for (const id of chain) settled.add(id);
  }
  return supervisorOf;
}

/**
 * The contacts at the top of the client's organisation, among those who report to nobody: their title
 * names the head (isHeadOfOrganisationTitle), or they are the one root others report to. Two such roots
 * mean the chart is split and one of them must report to someone, so neither counts.
 */
export function headsOfOrganisation(
  unsupervised: ReadonlyArray<{ id: string; title: string | null }>,
  hasReports: (id: string) => boolean,
): Set<string> {
  const roots = unsupervised.filter((c) => hasReports(c.id));
  const heads = unsupervised.filter((c) => isHeadOfOrganisationTitle(c.title));
  return new Set([...heads, ...(roots.length === 1 ? roots : [])].map((c) => c.id));
}

/** One line of the map as drawn: a person at a depth, or the rest of a long list of reports folded away. */
export type OrgChartRow =
  | { kind: 'person'; node: OrgChartNode; depth: number; expanded: boolean }
  | { kind: 'more'; parentId: string | null; hidden: number; depth: number };

/** Reports shown under an open branch before the rest fold into "N more", so a large client stays readable. */
export const REPORTS_SHOWN = 6;

/**
 * The rows of the map with only the `expanded` branches open. Under each open branch (and at the top)
 * the first REPORTS_SHOWN people show, unless the branch is in `showingAll`; the rest are one "more" row.
 */
export function orgChartRows(
  chart: OrgChart,
  open: { expanded: ReadonlySet<string>; showingAll: ReadonlySet<string | null> },
): OrgChartRow[] {
  const rows: OrgChartRow[] = [];
  const visit = (nodes: readonly OrgChartNode[], parentId: string | null, depth: number) => {
    const shown = open.showingAll.has(parentId) ? nodes : nodes.slice(0, REPORTS_SHOWN);
    for (const node of shown) {
      const expanded = node.children.length > 0 && open.expanded.has(node.id);
      rows.push({ kind: 'person', node, depth, expanded });
      if (expanded) visit(node.children, node.id, depth + 1);
    }
    if (shown.length < nodes.length) rows.push({ kind: 'more', parentId, hidden: nodes.length - shown.length, depth });
  };
  visit(chart.roots, null, 0);
  return rows;
}

/** The branches open when the map first shows: those with a key contact below, so every key contact is in sight. */
export function branchesHoldingKeyContacts(chart: OrgChart): Set<string> {
  const open = new Set<string>();
  const visit = (node: OrgChartNode) => {
    if (node.keyBelow > 0) open.add(node.id);
    node.children.forEach(visit);
  };
  chart.roots.forEach(visit);
  return open;
}

/** The map's gaps and single-threaded key contacts grouped, each group naming the people it is about, in chart order. */
export function orgChartFindings(chart: OrgChart): Array<{ kind: OrgGap | 'single_threaded'; contactIds: string[] }> {
  const found = new Map<OrgGap | 'single_threaded', string[]>();
  const visit = (node: OrgChartNode) => {
    for (const gap of node.gaps) found.set(gap, [...(found.get(gap) ?? []), node.id]);
    if (node.singleThreaded && node.isKey)
      found.set('single_threaded', [...(found.get('single_threaded') ?? []), node.id]);
    node.children.forEach(visit);
  };
  chart.roots.forEach(visit);
  return [...ORG_GAPS, 'single_threaded' as const]
    .filter((kind) => found.has(kind))
    .map((kind) => ({ kind, contactIds: found.get(kind)! }));
}

type ReportingLine = { id: string; reportsTo: string | null; leftCompany: boolean; replacedBy: string | null };

/**
 * The client's reporting lines as they stand now. A successor recorded for someone who left has stepped
 * into that person's role: those who reported to the departed person now report to the successor (or to
 * their successor's successor, where that one left too), so the map draws them there and nobody asks
 * whom they report to now. A successor who reported to the person they replaced reports to whom their
 * predecessor reported (as that predecessor's own line stands). Only those whose departed supervisor
 * named no successor still report to someone who left.
 */
export function successorsInPlace<C extends ReportingLine>(contacts: readonly C[]): C[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const settled = new Map<string, string | null>();
  // Who took over from the departed person, and who from them if they left too: each a contact on record.
  const successionOf = (departed: ReportingLine): string[] => {
    const chain: string[] = [];
    let at: ReportingLine | undefined = departed;
    while (
      at?.leftCompany &&
      at.replacedBy !== null &&
      at.replacedBy !== departed.id &&
      !chain.includes(at.replacedBy)
    ) {
      at = byId.get(at.replacedBy);
      if (at) chain.push(at.id);
    }
    return chain;
  };
  const reportsToNow = (contact: ReportingLine, passed: ReadonlySet<string>): string | null => {
    const known = settled.get(contact.id);
    if (known !== undefined) return known;
    const predecessor = contact.reportsTo === null ? undefined : byId.get(contact.reportsTo);
    let line = contact.reportsTo;
    if (predecessor?.leftCompany === true && !passed.has(predecessor.id)) {
      const successors = successionOf(predecessor);
      line = successors.includes(contact.id)
        ? reportsToNow(predecessor, new Set([...passed, contact.id]))
        : (successors.at(-1) ?? line);
    }
    // A line that comes back to the contact (a loop of successors) leaves them at the top.
    const now = line === contact.id ? null : line;
    settled.set(contact.id, now);
    return now;
  };
  return contacts.map((contact) => {
    const reportsTo = reportsToNow(contact, new Set());
    return reportsTo === contact.reportsTo ? contact : { ...contact, reportsTo };
  });
}
