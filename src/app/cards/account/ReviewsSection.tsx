import {
  Button,
  ButtonRow,
  Flex,
  Heading,
  Select,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  TextArea,
  ToggleGroup,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { Review, ReviewTrigger } from '../../../contracts/card-data.ts';
import type { LogReviewParameters } from '../../../contracts/log-review.ts';
import {
  evidenceInWords,
  optionsOf,
  REVIEW_CADENCE_LABELS,
  REVIEW_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_STATUS_LABELS,
} from '../../ui/labels.ts';
import { followTyping } from '../../ui/typing.ts';
import { useActionId } from '../../ui/action-id.ts';
import { ActionFailed, ReadOnlyNotice, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';

const STATUS_VARIANTS = { not_scheduled: 'default', upcoming: 'info', due: 'warning', overdue: 'danger' } as const;

export function ReviewsSection({ account }: { account: AccountView<'reviews'> }) {
  const { reviews, permissions, readAt } = account.data;
  const { format } = account;
  const [logging, setLogging] = useState(false);
  return (
    <Flex direction="column" gap="medium">
      <Flex direction="row" gap="small" align="center">
        <StatusTag variant={STATUS_VARIANTS[reviews.status]}>{REVIEW_STATUS_LABELS[reviews.status]}</StatusTag>
        <Text testId="next-review">
          {!reviews.inReviewCycle
            ? 'Not in the review cycle: only key accounts are reviewed.'
            : reviews.nextDueAt === null
              ? 'No review scheduled: reviews start once the account has a plan.'
              : `Next ${REVIEW_CADENCE_LABELS[reviews.cadence].toLowerCase()} review ${format.date(reviews.nextDueAt)} (${format.daysFrom(reviews.nextDueAt, readAt)})`}
        </Text>
      </Flex>
      <Heading>Changes that call for a review</Heading>
      {reviews.triggered.length === 0 ? (
        <Text>Nothing has changed since the last review.</Text>
      ) : (
        <Triggers triggers={reviews.triggered} account={account} />
      )}
      {permissions.canEdit ? (
        logging ? (
          <LogReviewForm account={account} onClose={() => setLogging(false)} />
        ) : (
          <ButtonRow>
            <Button onClick={() => setLogging(true)}>Log a review…</Button>
          </ButtonRow>
        )
      ) : (
        <ReadOnlyNotice>{permissions.readOnlyReason ?? 'Only key account managers can log reviews.'}</ReadOnlyNotice>
      )}
      <Heading>History</Heading>
      {reviews.history.length === 0 ? (
        <Text>No reviews logged yet.</Text>
      ) : (
        <History history={reviews.history} account={account} />
      )}
    </Flex>
  );
}

function Triggers({ triggers, account }: { triggers: ReviewTrigger[]; account: AccountView<'reviews'> }) {
  const names = {
    owner: (ownerId: string) => account.data.owners.find((o) => o.ownerId === ownerId)?.name ?? null,
    company: (companyId: string) => account.data.reviews.companyNames[companyId] ?? null,
  };
  return (
    <Flex direction="column" gap="extra-small">
      {triggers.map((t) => (
        <Flex key={`${t.kind}-${t.evidence.objectId}-${t.at}`} direction="column">
          <Text format={{ fontWeight: 'demibold' }}>{t.message}</Text>
          <Text variant="microcopy">
            {account.format.date(t.at)} · {evidenceInWords(t.evidence, names)}
          </Text>
        </Flex>
      ))}
    </Flex>
  );
}

function History({ history, account }: { history: Review[]; account: AccountView<'reviews'> }) {
  return (
    <Table bordered={false} density="condensed">
      <TableHead>
        <TableRow>
          <TableHeader>Date</TableHeader>
          <TableHeader>Review</TableHeader>
          <TableHeader>Outcome</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map((r) => (
          <TableRow key={r.reviewId}>
            <TableCell>{account.format.date(r.reviewedAt)}</TableCell>
            <TableCell>
              {REVIEW_KIND_LABELS[r.kind]}
              {r.reviewedBy ? ` by ${r.reviewedBy.name}` : ''}
            </TableCell>
            <TableCell>
              <Text>{r.outcomes.map((o) => REVIEW_OUTCOME_LABELS[o]).join(', ') || 'No outcome recorded'}</Text>
              <Text variant="microcopy">{r.summary}</Text>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

type Kind = LogReviewParameters['kind'];
type Outcome = LogReviewParameters['outcomes'][number];

function LogReviewForm({ account, onClose }: { account: AccountView<'reviews'>; onClose: () => void }) {
  const { triggered } = account.data.reviews;
  // A review while changes are waiting answers them; otherwise it is the calendar review.
  const [kind, setKind] = useState<Kind>(triggered.length > 0 ? 'triggered' : 'calendar');
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [summary, setSummary] = useState('');
  const log = useFunctionAction('log_review');
  const action = useActionId();
  const kinds = optionsOf(REVIEW_KIND_LABELS).filter((k) => k.value === 'calendar' || triggered.length > 0);

  const submit = async () => {
    const review = {
      ...account.caller,
      kind,
      outcomes,
      summary: summary.trim(),
      triggers: kind === 'triggered' ? triggered : [],
    };
    const outcome = await log.run({ ...review, actionId: action.idFor(review) });
    if (outcome.ok) {
      action.saved();
      onClose();
      account.refresh();
      account.reportTasks(outcome.answer.tasks);
    }
  };

  return (
    <Flex direction="column" gap="small">
      <Select label="Kind of review" name="kind" value={kind} options={kinds} onChange={(v) => setKind(v as Kind)} />
      <ToggleGroup
        toggleType="checkboxList"
        name="outcomes"
        label="Outcome"
        options={optionsOf(REVIEW_OUTCOME_LABELS)}
        value={outcomes}
        onChange={(values) => setOutcomes(values as Outcome[])}
      />
      <TextArea label="What was decided" name="summary" value={summary} {...followTyping(setSummary)} required />
      {log.state.status === 'error' && <ActionFailed title="The review was not logged" failure={log.state.failure} />}
      <ButtonRow>
        <Button
          variant="primary"
          onClick={() => void submit()}
          disabled={summary.trim().length < 3 || log.state.status === 'loading'}
        >
          {log.state.status === 'loading' ? 'Saving…' : 'Log the review'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </ButtonRow>
    </Flex>
  );
}
