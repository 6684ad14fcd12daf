import { describe, expect, it } from 'vitest';
import {
  REPORTS_SHOWN,
  branchesHoldingKeyContacts,
  orgChart,
  orgChartFindings,
  orgChartRows,
  successorsInPlace,
  type OrgChartNode,
  type OrgChartPerson,
} from '../../../src/kam/coverage/index.ts';

const person = (id: string, overrides: Partial<OrgChartPerson> = {}): OrgChartPerson => ({
  id,
  reportsTo: null,
  supervisorLeft: false,
  title: null,
  isKey: false,
  heldBy: 1,
  ...overrides,
});

const find = (nodes: readonly OrgChartNode[], id: string): OrgChartNode => {
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = node.children.length > 0 ? findOrNull(node.children, id) : null;
    if (below) return below;
  }
  throw new Error(`${id} is not on the chart`);
};
const findOrNull = (nodes: readonly OrgChartNode[], id: string): OrgChartNode | null => {
  try {
    return find(nodes, id);
  } catch {
    return null;
  }
};
const ids = (nodes: readonly OrgChartNode[]) => nodes.map((n) => n.id);

describe('orgChart: the client organisation from reports-to', () => {
  it('draws each person under their supervisor and counts who is below', () => {
    const chart = orgChart([
      person('ceo', { title: 'Chief Executive' }),
      person('cfo', { reportsTo: 'ceo' }),
      person('coo', { reportsTo: 'ceo' }),
      person('controller', { reportsTo: 'cfo' }),
    ]);
    expect(ids(chart.roots)).toEqual(['ceo']);
    expect(ids(chart.roots[0]!.children).sort()).toEqual(['cfo', 'coo']);
    expect(chart.roots[0]!.below).toBe(3);
    expect(ids(find(chart.roots, 'cfo').children)).toEqual(['controller']);
    expect(chart.people).toBe(4);
  });

  it('makes a root of a contact whose supervisor is not on the company', () => {
    const chart = orgChart([person('a', { reportsTo: 'someone-elsewhere' }), person('b')]);
    expect(ids(chart.roots).sort()).toEqual(['a', 'b']);
  });

  it('cuts a loop of reports-to above its first member instead of losing or repeating people', () => {
    const chart = orgChart([
      person('a', { reportsTo: 'b' }),
      person('b', { reportsTo: 'a' }),
      person('c', { reportsTo: 'c' }),
    ]);
    expect(ids(chart.roots).sort()).toEqual(['a', 'c']);
    expect(ids(find(chart.roots, 'a').children)).toEqual(['b']);
  });

  it('puts key contacts first among the reports, then the branches holding most key contacts', () => {
    const chart = orgChart([
      person('ceo', { title: 'CEO' }),
      person('plain', { reportsTo: 'ceo' }),
      person('manager', { reportsTo: 'ceo' }),
      person('buyer', { reportsTo: 'manager', isKey: true }),
      person('key', { reportsTo: 'ceo', isKey: true }),
    ]);
    expect(ids(chart.roots[0]!.children)).toEqual(['key', 'manager', 'plain']);
  });
});

describe('orgChart: gaps around key contacts', () => {
  it('marks an unknown supervisor below the top, but not for the head of the organisation', () => {
    const chart = orgChart([
      person('ceo', { title: 'Managing Director', isKey: true }),
      person('ops', { reportsTo: 'ceo' }),
      person('loose', { isKey: true }),
    ]);
    expect(find(chart.roots, 'loose').gaps).toContain('supervisor_unknown');
    expect(find(chart.roots, 'ceo').gaps).not.toContain('supervisor_unknown');
  });

  it('marks a key contact whose supervisor left as such, not as unknown, and never takes them for the head', () => {
    // Their supervisor has left, so the map draws them at the top; the one with reports is still not the head.
    const chart = orgChart([
      person('ann', { reportsTo: 'victoria', supervisorLeft: true, isKey: true, heldBy: 2 }),
      person('bob', { reportsTo: 'ann' }),
      person('cy', { reportsTo: 'victoria', supervisorLeft: true }),
    ]);
    expect(ids(chart.roots)).toEqual(['ann', 'cy']);
    expect(find(chart.roots, 'ann').gaps).toEqual(['supervisor_left']);
    expect(orgChartFindings(chart)).toEqual([{ kind: 'supervisor_left', contactIds: ['ann'] }]);
  });

  it('takes the one other root with reports for the head when the rest reported to someone who left', () => {
    const chart = orgChart([
      person('cfo', { isKey: true }),
      person('buyer', { reportsTo: 'cfo' }),
      person('ann', { reportsTo: 'victoria', supervisorLeft: true }),
      person('bob', { reportsTo: 'ann' }),
    ]);
    // The CFO is the one root others report to once Ann, who reports to somebody, is set aside: the head.
    expect(find(chart.roots, 'cfo').gaps).not.toContain('supervisor_unknown');
  });

  it('marks a supervisor, peers and subordinates nobody of ours is in touch with', () => {
    const chart = orgChart([
      person('boss', { title: 'CEO', heldBy: 0 }),
      person('key', { reportsTo: 'boss', isKey: true }),
      person('peer', { reportsTo: 'boss', heldBy: 0 }),
      person('report', { reportsTo: 'key', heldBy: 0 }),
    ]);
    expect(find(chart.roots, 'key').gaps).toEqual([
      'supervisor_out_of_touch',
      'peers_out_of_touch',
      'subordinates_out_of_touch',
    ]);
  });

  it('marks peers and subordinates that are not on record at all', () => {
    const chart = orgChart([person('boss', { title: 'CEO' }), person('key', { reportsTo: 'boss', isKey: true })]);
    expect(find(chart.roots, 'key').gaps).toEqual(['peers_unknown', 'subordinates_unknown']);
  });

  it('leaves a key contact surrounded by people in touch without gaps, and others without gaps at all', () => {
    const chart = orgChart([
      person('boss', { title: 'CEO' }),
      person('key', { reportsTo: 'boss', isKey: true }),
      person('peer', { reportsTo: 'boss' }),
      person('report', { reportsTo: 'key' }),
    ]);
    expect(find(chart.roots, 'key').gaps).toEqual([]);
    expect(find(chart.roots, 'peer').gaps).toEqual([]);
  });

  it('marks people held by exactly one of our people as single-threaded', () => {
    const chart = orgChart([person('one', { heldBy: 1 }), person('two', { heldBy: 2 }), person('none', { heldBy: 0 })]);
    expect(chart.roots.filter((n) => n.singleThreaded).map((n) => n.id)).toEqual(['one']);
  });
});

describe('orgChartRows: readable at a large client', () => {
  const team = (size: number) => [
    person('ceo', { title: 'CEO' }),
    ...Array.from({ length: size }, (_, i) => person(`r${i}`, { reportsTo: 'ceo', isKey: i === size - 1 })),
  ];

  it('shows a closed branch as one row and opens only the branches asked for', () => {
    const chart = orgChart(team(3));
    const none = { expanded: new Set<string>(), showingAll: new Set<string | null>() };
    expect(orgChartRows(chart, none)).toEqual([{ kind: 'person', node: chart.roots[0], depth: 0, expanded: false }]);
    const open = orgChartRows(chart, { ...none, expanded: new Set(['ceo']) });
    expect(open.map((r) => (r.kind === 'person' ? `${r.depth}:${r.node.id}` : 'more'))).toEqual([
      '0:ceo',
      '1:r2',
      '1:r0',
      '1:r1',
    ]);
  });

  it(`folds the reports past the first ${REPORTS_SHOWN} into one row until all are asked for`, () => {
    const chart = orgChart(team(500));
    const expanded = branchesHoldingKeyContacts(chart);
    const rows = orgChartRows(chart, { expanded, showingAll: new Set() });
    expect(rows).toHaveLength(1 + REPORTS_SHOWN + 1);
    expect(rows.at(-1)).toEqual({ kind: 'more', parentId: 'ceo', hidden: 500 - REPORTS_SHOWN, depth: 1 });
    // The key contact comes first, so it is in sight although 500 people report to the same chief executive.
    expect(rows[1]).toMatchObject({ kind: 'person', node: { id: 'r499' } });
    expect(orgChartRows(chart, { expanded, showingAll: new Set(['ceo']) })).toHaveLength(501);
  });

  it('opens at first exactly the branches with a key contact below', () => {
    const chart = orgChart([
      person('ceo', { title: 'CEO' }),
      person('a', { reportsTo: 'ceo' }),
      person('a1', { reportsTo: 'a', isKey: true }),
      person('b', { reportsTo: 'ceo' }),
      person('b1', { reportsTo: 'b' }),
    ]);
    expect([...branchesHoldingKeyContacts(chart)].sort()).toEqual(['a', 'ceo']);
  });
});

describe('orgChartFindings', () => {
  it('groups the gaps and single-threaded key contacts, each naming the people it is about', () => {
    const chart = orgChart([
      person('ceo', { title: 'CEO', heldBy: 2 }),
      person('k1', { reportsTo: 'ceo', isKey: true, heldBy: 1 }),
      person('k2', { reportsTo: 'ceo', isKey: true, heldBy: 2 }),
      person('k3', { isKey: true, heldBy: 1 }),
      person('plain', { reportsTo: 'k2', heldBy: 1 }),
    ]);
    expect(orgChartFindings(chart)).toEqual([
      { kind: 'supervisor_unknown', contactIds: ['k3'] },
      { kind: 'subordinates_unknown', contactIds: ['k1', 'k3'] },
      { kind: 'single_threaded', contactIds: ['k1', 'k3'] },
    ]);
  });
});

describe('successorsInPlace: reporting lines as they stand now', () => {
  const line = (id: string, reportsTo: string | null, departure: { replacedBy: string | null } | null = null) => ({
    id,
    reportsTo,
    leftCompany: departure !== null,
    replacedBy: departure?.replacedBy ?? null,
  });

  it("puts a successor who reported to the person they replaced under that person's own supervisor", () => {
    const [ceo, tom, isaac, ann] = successorsInPlace([
      line('ceo', null),
      line('tom', 'ceo', { replacedBy: 'isaac' }),
      line('isaac', 'tom'),
      line('ann', 'tom'),
    ]);
    expect(isaac!.reportsTo).toBe('ceo');
    // Tom's other reports now report to Isaac, who took his role.
    expect(ann!.reportsTo).toBe('isaac');
    expect([ceo!.reportsTo, tom!.reportsTo]).toEqual([null, 'ceo']);
  });

  it('follows a line of successors, and stops at a loop or the top', () => {
    const lines = successorsInPlace([
      line('jo', null, { replacedBy: 'kim' }),
      line('kim', 'jo', { replacedBy: 'lee' }),
      line('lee', 'kim'),
      line('a', 'b', { replacedBy: 'b' }),
      line('b', 'a', { replacedBy: 'a' }),
    ]);
    // Kim stepped into Jo's place at the top, and Lee into Kim's.
    expect(lines.slice(0, 3).map((l) => l.reportsTo)).toEqual([null, null, null]);
    // Two who each name the other as successor: nobody ends up reporting to themselves.
    expect(lines.slice(3).every((l) => l.reportsTo !== l.id)).toBe(true);
  });

  it('puts those who reported to someone who left under the successor recorded, however far down the line', () => {
    const [, isaac, , , jack] = successorsInPlace([
      line('leo', 'ceo', { replacedBy: 'imogen' }),
      line('isaac', 'leo'),
      line('imogen', 'ceo', { replacedBy: 'zoe' }),
      line('zoe', 'ceo'),
      line('jack', 'imogen'),
    ]);
    expect(isaac!.reportsTo).toBe('zoe');
    expect(jack!.reportsTo).toBe('zoe');
  });

  it('leaves a contact under a supervisor who left with no successor, or one not on record', () => {
    const lines = successorsInPlace([
      line('tom', null, { replacedBy: null }),
      line('isaac', 'tom'),
      line('eve', null, { replacedBy: 'someone-elsewhere' }),
      line('bob', 'eve'),
    ]);
    expect([lines[1]!.reportsTo, lines[3]!.reportsTo]).toEqual(['tom', 'eve']);
  });
});
