import { Box, Button, Flex, Tag, Text, Tile } from '@hubspot/ui-extensions';
import { useMemo, useState, type ReactNode } from 'react';
import type { KeyContact } from '../../../contracts/card-data.ts';
import {
  branchesHoldingKeyContacts,
  orgChart,
  orgChartRows,
  type OrgChart,
  type OrgChartNode,
  type OrgGap,
} from '../../../kam/coverage/org-chart.ts';
import type { Stance } from '../../../kam/shared/index.ts';
import { BUYING_ROLE_LABELS, DECISION_POWER_LABELS, DEPARTURE_REASON_LABELS, STANCE_LABELS } from '../../ui/labels.ts';
import type { AccountView } from './account.ts';
import { StanceTimeline, WatchedBecause } from './ContactChanges.tsx';

/** The client's current contacts as an org chart: departed ones are listed under it (DepartedTile). */
export function useOrgChart(contacts: readonly KeyContact[]): OrgChart {
  return useMemo(
    () =>
      orgChart(
        contacts
          .filter((c) => !c.departure)
          .map((c) => ({
            id: c.contactId,
            reportsTo: c.reportsTo?.contactId ?? null,
            supervisorLeft: c.reportsTo?.left ?? false,
            title: c.jobTitle,
            isKey: c.watched,
            heldBy: c.heldBy.length,
          })),
      ),
    [contacts],
  );
}

/** Whom the contact reports to, as the map and the table both word it: a supervisor who left is said to have left. */
export function reportsToWords({ reportsTo }: KeyContact): string {
  if (reportsTo === null) return 'supervisor unknown';
  const name = reportsTo.name ?? 'an unknown contact';
  return reportsTo.left ? `reported to ${name}, who has left` : `reports to ${name}`;
}

/** Why, when and for whom a contact left, as the map and the table both word it: "Retired on 20 Nov 2026, replaced by Ann Lee". */
export function departureWords({ departure }: KeyContact, account: AccountView<'relationships'>): string {
  if (!departure) return '';
  const why = departure.reason === null ? 'Has left' : DEPARTURE_REASON_LABELS[departure.reason];
  const when = departure.leftAt === null ? why : `${why} on ${account.format.date(departure.leftAt)}`;
  return departure.replacedBy ? `${when}, replaced by ${departure.replacedBy.name ?? 'another contact'}` : when;
}

const GAP_LABELS: Record<OrgGap, string> = {
  supervisor_unknown: 'Supervisor unknown',
  supervisor_left: 'Supervisor has left',
  supervisor_out_of_touch: 'Supervisor out of touch',
  subordinates_unknown: 'No reports known',
  subordinates_out_of_touch: 'Reports out of touch',
  peers_unknown: 'No peers known',
  peers_out_of_touch: 'Peers out of touch',
};

const STANCE_TAGS: Record<Stance, 'success' | 'default' | 'warning' | 'error'> = {
  ally: 'success',
  supporter: 'success',
  neutral: 'default',
  protester: 'warning',
  enemy: 'error',
};

// Indentation drawn with text: HubSpot's components take no widths or margins.
const INDENT = '\u00a0\u00a0\u00a0\u00a0';
const indentOf = (depth: number) => (depth === 0 ? '' : `${INDENT.repeat(depth - 1)}└\u00a0`);

/**
 * The relationship map: the client's organisation from reports-to, each person with stance, decision
 * power and topics, who of ours holds them and how recently, and the gaps around key contacts. Branches
 * without a key contact start closed; those who have left follow the chart, where a manager can undo a
 * departure recorded by mistake. `editor` renders the edit form of the person being edited, right under them.
 */
export function RelationshipMap({
  account,
  chart,
  editor,
}: {
  account: AccountView<'relationships'>;
  chart: OrgChart;
  editor: { editingId: string | null; onEdit: ((contactId: string) => void) | null; form: ReactNode };
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => branchesHoldingKeyContacts(chart));
  const [showingAll, setShowingAll] = useState<ReadonlySet<string | null>>(new Set());
  const contacts = useMemo(
    () => new Map(account.data.relationships.contacts.map((c) => [c.contactId, c])),
    [account.data.relationships.contacts],
  );
  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const rows = orgChartRows(chart, { expanded, showingAll });
  const departed = account.data.relationships.contacts.filter((c) => c.departure);

  return (
    <Flex direction="column" gap="extra-small" testId="relationship-map">
      {rows.map((row) => {
        if (row.kind === 'more') {
          const parent = row.parentId === null ? null : contacts.get(row.parentId);
          return (
            <Flex key={`more-${row.parentId ?? 'top'}`} direction="row" gap="extra-small" align="center">
              <Text inline>{indentOf(row.depth)}</Text>
              <Button
                size="xs"
                variant="transparent"
                onClick={() => setShowingAll((all) => new Set([...all, row.parentId]))}
              >
                {parent
                  ? `Show ${account.format.whole(row.hidden)} more reporting to ${parent.name}`
                  : `Show ${account.format.whole(row.hidden)} more people at the top`}
              </Button>
            </Flex>
          );
        }
        const contact = contacts.get(row.node.id)!;
        return (
          <Flex key={row.node.id} direction="column" gap="extra-small">
            <Flex direction="row" gap="extra-small" align="start">
              <Text inline>{indentOf(row.depth)}</Text>
              <Box flex={1}>
                <PersonTile
                  account={account}
                  contact={contact}
                  node={row.node}
                  expanded={row.expanded}
                  onToggle={() => toggle(row.node.id)}
                  onEdit={editor.onEdit}
                />
              </Box>
            </Flex>
            {editor.editingId === row.node.id && editor.form}
          </Flex>
        );
      })}
      {departed.length > 0 && (
        <Flex direction="column" gap="extra-small" testId="map-departed">
          <Text format={{ fontWeight: 'demibold' }}>Have left</Text>
          {departed.map((contact) => (
            <Flex key={contact.contactId} direction="column" gap="extra-small">
              <DepartedTile account={account} contact={contact} onEdit={editor.onEdit} />
              {editor.editingId === contact.contactId && editor.form}
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** Who a tile is about, as both kinds of tile head it. */
function NameAndTitle({ contact }: { contact: KeyContact }) {
  return (
    <>
      <Text inline format={{ fontWeight: 'demibold' }}>
        {contact.name}
      </Text>
      {contact.jobTitle && (
        <Text inline variant="microcopy">
          {contact.jobTitle}
        </Text>
      )}
    </>
  );
}

/** Someone who has left the client: off the chart, but in sight, with why, when and who took over. */
function DepartedTile({
  account,
  contact,
  onEdit,
}: {
  account: AccountView<'relationships'>;
  contact: KeyContact;
  onEdit: ((contactId: string) => void) | null;
}) {
  return (
    <Tile compact testId={`map-person-${contact.contactId}`}>
      <Flex direction="column" gap="extra-small">
        <Flex direction="row" gap="small" align="center" wrap>
          <NameAndTitle contact={contact} />
          <Tag inline variant="warning">
            Has left
          </Tag>
          {onEdit && (
            <Button size="xs" onClick={() => onEdit(contact.contactId)}>
              Edit
            </Button>
          )}
        </Flex>
        <Text variant="microcopy" testId={`map-departure-${contact.contactId}`}>
          {departureWords(contact, account)}
        </Text>
      </Flex>
    </Tile>
  );
}

function PersonTile({
  account,
  contact,
  node,
  expanded,
  onToggle,
  onEdit,
}: {
  account: AccountView<'relationships'>;
  contact: KeyContact;
  node: OrgChartNode;
  expanded: boolean;
  onToggle: () => void;
  onEdit: ((contactId: string) => void) | null;
}) {
  const { format, data } = account;
  const held =
    contact.heldBy.length === 0
      ? 'Nobody of ours holds them'
      : `Held by ${contact.heldBy.map((h) => h.person.name).join(', ')}`;
  const touched =
    contact.lastTouchAt === null ? 'never touched' : `last touch ${format.daysFrom(contact.lastTouchAt, data.readAt)}`;
  // Where a person sits shows whom they report to; one whose supervisor left sits at the top, so it says whom.
  const around = [held, touched, ...(contact.reportsTo?.left ? [reportsToWords(contact)] : [])].join('; ');
  return (
    <Tile compact testId={`map-person-${contact.contactId}`}>
      <Flex direction="column" gap="extra-small">
        <Flex direction="row" gap="small" align="center" wrap>
          {node.children.length > 0 && (
            <Button size="xs" variant="transparent" onClick={onToggle}>
              {expanded ? `▾ ${format.whole(node.below)} below` : `▸ ${format.whole(node.below)} below`}
            </Button>
          )}
          <NameAndTitle contact={contact} />
          <Tag inline variant={contact.stance ? STANCE_TAGS[contact.stance] : 'default'}>
            {contact.stance ? STANCE_LABELS[contact.stance] : 'Stance unknown'}
          </Tag>
          {contact.decisionPower && (
            <Tag inline variant="info">
              {DECISION_POWER_LABELS[contact.decisionPower]}
              {contact.decisionTopics.length > 0 ? ` on ${contact.decisionTopics.join(', ')}` : ''}
            </Tag>
          )}
          {contact.keyContactLabel && <Tag inline>Key contact</Tag>}
          {contact.buyingRoles.map((role) => (
            <Tag key={role} inline>
              {BUYING_ROLE_LABELS[role]}
            </Tag>
          ))}
          {onEdit && (
            <Button size="xs" onClick={() => onEdit(contact.contactId)}>
              Edit
            </Button>
          )}
        </Flex>
        <Flex direction="row" gap="small" align="center" wrap>
          <Text inline variant="microcopy">
            {around}
          </Text>
          {node.singleThreaded && (
            <Tag inline variant="warning">
              Only one of ours
            </Tag>
          )}
          {node.gaps.map((gap) => (
            <Tag key={gap} inline variant="error" testId={`gap-${gap}-${contact.contactId}`}>
              {GAP_LABELS[gap]}
            </Tag>
          ))}
        </Flex>
        <StanceTimeline contact={contact} account={account} />
        <WatchedBecause contact={contact} canEdit={account.data.permissions.canEdit} />
      </Flex>
    </Tile>
  );
}
