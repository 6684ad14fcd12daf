import {
  Button,
  ButtonRow,
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CriterionScore, KeyAccountSection } from '../../../contracts/card-data.ts';
import type { TagKeyAccountParameters } from '../../../contracts/tag-key-account.ts';
import { STATUS_CHANGE_TEXT } from '../../../contracts/typed-text-rules.ts';
import type { KeyAccountStatus } from '../../../kam/shared/key-account-status.ts';
import { STATUS_CHANGES } from '../../../kam/shared/status-changes.ts';
import { wholePointsAddingUp } from '../../../kam/selection/earned-points.ts';
import type { Formatters } from '../../ui/format.ts';
import { STATUS_LABELS, TIER_LABELS } from '../../ui/labels.ts';
import { followTyping } from '../../ui/typing.ts';
import { typedField } from '../../ui/typed-text.ts';
import { useStandingRefusal } from '../../ui/use-function.ts';
import { ActionFailed, ReadOnlyNotice, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';
import { QualifyHint, StatusBadge } from './summary.tsx';

export function StatusSection({ account }: { account: AccountView<'keyAccount'> }) {
  const { keyAccount, permissions } = account.data;
  const { format } = account;
  return (
    <Flex direction="column" gap="medium">
      <Flex direction="row" gap="small" align="center">
        <StatusBadge status={keyAccount.status} />
        <Text format={{ fontWeight: 'bold' }}>Score {format.score(keyAccount.score.total)} of 100</Text>
        {/* A score on too little data suggests nothing, as the sidebar says: not "Not a key account". */}
        <Text variant="microcopy">
          Based on {format.share(keyAccount.score.completeness)} of the criteria's weight ·{' '}
          {keyAccount.score.enoughData
            ? `suggested: ${STATUS_LABELS[keyAccount.score.suggestedStatus]}`
            : 'too little known to suggest a status'}
        </Text>
      </Flex>
      {keyAccount.changedAt !== null && (
        <Text testId="status-change">
          {STATUS_LABELS[keyAccount.status]} since {format.date(keyAccount.changedAt)}
          {keyAccount.changedBy ? `, set by ${keyAccount.changedBy.name}` : ''}
          {keyAccount.reason ? `: “${keyAccount.reason}”` : ''}
        </Text>
      )}
      <HubSpotFields account={account} />
      <QualifyHint keyAccount={keyAccount} format={format} />
      <Heading>How the score is made</Heading>
      <CriteriaTable score={keyAccount.score} format={format} />
      {permissions.canEdit ? (
        <StatusChange account={account} />
      ) : (
        <ReadOnlyNotice>
          {permissions.readOnlyReason ?? 'Only key account managers can change the status.'}
        </ReadOnlyNotice>
      )}
      <Heading>Status history</Heading>
      <StatusHistory account={account} />
    </Flex>
  );
}

function CriteriaTable({ score, format }: { score: KeyAccountSection['score']; format: Formatters }) {
  const { criteria, total } = score;
  // Whole points that add up to the score above: each criterion's cut down, the rest to the largest parts.
  const points = wholePointsAddingUp(
    criteria.map((c) => c.contribution),
    total,
  );
  return (
    <Table bordered={false} density="condensed">
      <TableHead>
        <TableRow>
          <TableHeader>Criterion</TableHeader>
          <TableHeader>Value</TableHeader>
          <TableHeader>Weight</TableHeader>
          <TableHeader>Points</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {criteria.map((c, i) => (
          <TableRow key={c.criterion}>
            <TableCell>{c.label}</TableCell>
            <TableCell>
              {c.value === null ? `Missing: ${c.missing ?? 'no data'}` : criterionValue(c, c.value, format)}
            </TableCell>
            <TableCell>{format.share(c.weight)}</TableCell>
            <TableCell>{format.whole(points[i]!)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function criterionValue(c: CriterionScore, value: number, format: Formatters): string {
  switch (c.unit) {
    case 'currency':
      return format.money(value);
    case 'percent':
      return format.share(value / 100);
    case 'rating':
      return `${format.whole(value)} of 10`;
    // Advocacy is the one criterion counted: the referrals the client has made.
    case 'count':
      return `${format.whole(value)} referral${value === 1 ? '' : 's'}`;
  }
}

/**
 * Every change the programme allows from the status on screen, always with a reason: the reason goes on the
 * company timeline. The status shown travels with the change, so a change made meanwhile elsewhere (another
 * tab, another manager) is refused with who made it and when, instead of being silently overwritten.
 */
function StatusChange({ account }: { account: AccountView<'keyAccount'> }) {
  const { status, score } = account.data.keyAccount;
  const choices = choicesFrom(status, score.suggestedStatus);
  const [picked, setPicked] = useState(choices[0]!.value);
  // A reload keeps the last answer on screen until the new one comes: a form opened on the old status gets
  // the new status's choices, and whatever it held that is no longer offered gives way to the first that is,
  // so the select and the button name the same change.
  const target = choices.some((c) => c.value === picked) ? picked : choices[0]!.value;
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const tag = useFunctionAction('tag_key_account');
  const untag = useFunctionAction('untag_key_account');
  const action = isTagStatus(target) ? tag : untag;
  const context = useExtensionContext<'crm.record.tab'>();

  const change = { ...account.caller, expectedStatus: status, reason: reason.trim(), portalId: context.portal.id };
  // What the function said of the reason stands while the reason is what was sent.
  const { failure, marks, sending } = useStandingRefusal(action.state, change);
  const reasonField = typedField(
    STATUS_CHANGE_TEXT.reason,
    reason,
    (limits) => `Goes on the company timeline with your name: ${limits}.`,
  );

  const submit = async () => {
    sending(change);
    const outcome = isTagStatus(target)
      ? await tag.run({ ...change, status: target })
      : await untag.run({ ...change, status: target });
    if (outcome.ok) {
      setOpen(false);
      account.refresh();
      account.reportTasks(outcome.answer.tasks);
    }
  };

  // The choices depend on the current status, which a save changes: start each form afresh.
  const openForm = () => {
    setPicked(choices[0]!.value);
    setReason('');
    tag.reset();
    untag.reset();
    setOpen(true);
  };

  if (!open) {
    return (
      <ButtonRow>
        <Button onClick={openForm}>{OPEN_FORM_LABELS[status]}</Button>
      </ButtonRow>
    );
  }
  return (
    <Flex direction="column" gap="small">
      <Select
        label="New status"
        name="status"
        value={target}
        options={choices}
        onChange={(value) => setPicked(value as KeyAccountStatus)}
      />
      {/* One line, as the reason reads in the timeline note and the history: a box that took line breaks
          would invite a layout the note does not keep. */}
      <Input
        label="Why?"
        name="reason"
        value={reason}
        {...followTyping(setReason)}
        required
        {...reasonField.props(() => marks.at('reason'))}
      />
      {failure && <ActionFailed title="The status was not changed" failure={failure} highlighted={marks.highlighted} />}
      <ButtonRow>
        <Button
          variant="primary"
          onClick={() => void submit()}
          disabled={reason === '' || reasonField.problem !== null || action.state.status === 'loading'}
        >
          {action.state.status === 'loading' ? 'Saving…' : `Set to ${STATUS_LABELS[target].toLowerCase()}`}
        </Button>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </ButtonRow>
    </Flex>
  );
}

type TagStatus = NonNullable<TagKeyAccountParameters['status']>;
const isTagStatus = (status: KeyAccountStatus): status is TagStatus => status === 'key' || status === 'candidate';

const OPEN_FORM_LABELS: Record<KeyAccountStatus, string> = {
  none: 'Tag as key account…',
  candidate: 'Change status…',
  key: 'End key account status…',
  former: 'Tag as key account again…',
};

/** The allowed changes, the one the score suggests first (a candidate that qualifies is offered "Key account"). */
function choicesFrom(status: KeyAccountStatus, suggested: KeyAccountStatus) {
  const allowed = [...STATUS_CHANGES[status]].sort((a, b) => Number(b === suggested) - Number(a === suggested));
  return allowed.map((value) => ({ value, label: STATUS_LABELS[value] }));
}

/** Every status the account has had, with who changed it, when and why: the audit trail the timeline notes point to. */
function StatusHistory({ account }: { account: AccountView<'keyAccount'> }) {
  const { history } = account.data.keyAccount;
  const { format } = account;
  if (history.length === 0) return <Text>No status recorded yet: the company has never been tagged.</Text>;
  return (
    <Table bordered={false} density="condensed" testId="status-history">
      <TableHead>
        <TableRow>
          <TableHeader>When</TableHeader>
          <TableHeader>Change</TableHeader>
          <TableHeader>By</TableHeader>
          <TableHeader>Why</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map((change) => (
          <TableRow key={`${change.at}-${change.status}`}>
            <TableCell>{format.date(change.at)}</TableCell>
            <TableCell>
              {change.previousStatus === null
                ? STATUS_LABELS[change.status]
                : `${STATUS_LABELS[change.previousStatus]} → ${STATUS_LABELS[change.status]}`}
            </TableCell>
            <TableCell>{change.changedBy?.name ?? 'Outside Keystone'}</TableCell>
            <TableCell>{change.reason ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function HubSpotFields({ account }: { account: AccountView<'keyAccount'> }) {
  const { keyAccount } = account.data;
  return (
    <DescriptionList direction="row">
      <DescriptionListItem label="Target account in HubSpot">
        <Text>{keyAccount.isTargetAccount ? 'Yes' : 'No'}</Text>
      </DescriptionListItem>
      <DescriptionListItem label="Tier">
        <Text>{keyAccount.tier ? TIER_LABELS[keyAccount.tier] : 'None'}</Text>
      </DescriptionListItem>
      <DescriptionListItem label="Client strategy">
        <Text testId="client-strategy">
          {keyAccount.clientStrategy ??
            'Not recorded: write how the client sees itself in the company\'s "Client strategy" field, and Keystone will ask for a review when it changes.'}
        </Text>
      </DescriptionListItem>
    </DescriptionList>
  );
}
