import {
  Alert,
  Button,
  ButtonRow,
  DateInput,
  Flex,
  Heading,
  Input,
  Select,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import { planFieldInWords } from '../../../contracts/plan-input.ts';
import { catalogueMetric } from '../../../kam/objectives/catalogue.ts';
import { currencySymbol } from '../../../kam/objectives/units.ts';
import { fromCalendarDate, toCalendarDate } from '../../ui/format.ts';
import {
  KAM_TEAM_ROLE_LABELS,
  METRIC_UNIT_LABELS,
  MONTH_NAMES,
  OBJECTIVE_STATUS_LABELS,
  optionsOf,
} from '../../ui/labels.ts';
import { fieldMarks, standingFailure } from '../../ui/function-call.ts';
import { followTyping } from '../../ui/typing.ts';
import type { HeldField } from '../../ui/typed-text.ts';
import { useActionId } from '../../ui/action-id.ts';
import { ActionFailed, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';
import { DueInThePast, useDueInThePast } from './DueInThePast.tsx';
import { QUARTERS } from './quarterly-grid.ts';
import {
  catalogueChoices,
  draftOf,
  dueDatesSetNow,
  gridHasFigures,
  measuresFor,
  planText,
  readDraft,
  rowFromCatalogue,
  templateRows,
  unchangedSince,
  type Draft,
  type DraftProblems,
  type DraftRow,
} from './plan-draft.ts';

type DraftObjective = Draft['objectives'][number];

const NOBODY = '';
const OWN_METRIC = 'own';
const MEASURE_LABELS: Record<NonNullable<DraftRow['measure']>, string> = {
  level: "At each quarter's end",
  change: 'Change since the year began',
  per_quarter: 'Within each quarter',
  year_to_date: 'Year to date',
};

/** A manager's own metric gets a key from its label: "New services used" → `custom_new_services_used`. */
export function customMetricKey(label: string, taken: readonly string[]): string {
  const base = `custom_${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`.slice(0, 36);
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}

export function PlanEditor({ account, onClose }: { account: AccountView<'plan'>; onClose: () => void }) {
  const { plan, owners, portal } = account.data;
  const currency = portal.currency;
  const [draft, setDraft] = useState(() => draftOf(plan, currency));
  const [newMetric, setNewMetric] = useState('');
  const [newUnit, setNewUnit] = useState<DraftRow['unit']>('count');
  const [picked, setPicked] = useState(OWN_METRIC);
  // The draft as it was at the last press of Save, and what the editor found wrong in it.
  const [refused, setRefused] = useState<{ draft: Draft; typed: DraftProblems } | null>(null);
  const save = useFunctionAction('save_account_plan');
  const action = useActionId();
  const timeZone = account.format.timeZone;
  const dueInThePast = useDueInThePast(dueDatesSetNow(draft, plan), { now: account.data.readAt, timeZone });
  const ownerOptions = owners.map((o) => ({ value: o.ownerId, label: o.name }));
  // A team role may stay empty; an objective always has an owner.
  const teamOptions = [{ value: NOBODY, label: 'Nobody' }, ...ownerOptions];
  const money = currency ? `in ${currency}, e.g. ${currencySymbol(currency)}15k` : 'e.g. 15k';

  const setObjective = (i: number, change: Partial<DraftObjective>) =>
    setDraft((d) => ({ ...d, objectives: d.objectives.map((o, j) => (j === i ? { ...o, ...change } : o)) }));
  const setRow = (i: number, change: Partial<DraftRow>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r, j) => (j === i ? { ...r, ...change } : r)) }));
  const moveRow = (i: number, by: -1 | 1) =>
    setDraft((d) => {
      const rows = [...d.rows];
      const [row] = rows.splice(i, 1);
      rows.splice(i + by, 0, row!);
      return { ...d, rows };
    });

  // What was said of a field stands only while the field holds what it held then: once the user changes it,
  // the next press of Save says whether it is right.
  const unchanged = (path: string) => refused !== null && unchangedSince(refused.draft, draft, path);
  const typedProblems = Object.entries(refused?.typed ?? {}).filter(([path]) => unchanged(path));
  const failure = standingFailure(save.state.status === 'error' ? save.state.failure : null, unchanged);
  // Each problem beside its field: what the editor found in what was typed, else what the function found.
  const marks = fieldMarks({
    issues: [...typedProblems.map(([path, message]) => ({ path, message })), ...(failure?.issues ?? [])],
  });
  const problem = (path: string) => marks.at(`plan.${path}`);
  // Saved meanwhile by someone else: this editor holds the plan as it was, so every save would be refused
  // until the plan is read again; leaving the editor reads it.
  const changedElsewhere = failure?.code === 'KAM.PLAN_CHANGED_ELSEWHERE';
  const close = () => {
    onClose();
    if (changedElsewhere) account.refresh();
  };
  // A text field says its limits, and what breaks them while it is typed; else what was said of it above.
  const typed = (field: HeldField, path: string) => field.props(() => problem(path));
  const newMetricField = planText.metricLabel(newMetric);

  const submit = async (pastConfirmed: boolean) => {
    // A new press of Save: what was said of the last one no longer stands.
    save.reset();
    const read = readDraft(draft, currency);
    setRefused({ draft, typed: read.problems });
    if (Object.keys(read.problems).length > 0) {
      dueInThePast.dismiss();
      return;
    }
    if (!dueInThePast.mayGoOn(pastConfirmed)) return;
    const saving = { ...account.caller, baseRevision: plan.revision, plan: read.plan };
    const outcome = await save.run({ ...saving, actionId: action.idFor(saving) });
    if (outcome.ok) {
      action.saved();
      onClose();
      account.refresh();
      account.reportTasks(outcome.answer.tasks);
    }
  };
  const quarterInputs = (row: DraftRow, i: number, kind: 'targets' | 'actuals') => (
    <Flex direction="row" gap="small">
      {QUARTERS.map((q) => (
        <Input
          key={q}
          label={`${q} ${kind === 'targets' ? 'target' : 'actual'}`}
          name={`${row.metric}-${q}-${kind === 'targets' ? 'target' : 'actual'}`}
          value={row[kind][q]}
          {...followTyping((text) => setRow(i, { [kind]: { ...row[kind], [q]: text } }))}
          {...problem(`quarterlyTargets.rows.${i}.${kind}.${q}`)}
        />
      ))}
    </Flex>
  );

  return (
    <Flex direction="column" gap="medium">
      <TextArea
        label="12-month business objective"
        name="businessObjective"
        value={draft.businessObjective}
        {...followTyping((businessObjective) => setDraft((d) => ({ ...d, businessObjective })))}
        {...typed(planText.businessObjective(draft), 'businessObjective')}
      />
      <Heading>KAM team</Heading>
      {optionsOf(KAM_TEAM_ROLE_LABELS).map(({ value: role, label }) => (
        <Select
          key={role}
          label={label}
          name={role}
          value={draft.team[role] ?? NOBODY}
          options={teamOptions}
          onChange={(v) => setDraft((d) => ({ ...d, team: { ...d.team, [role]: v === NOBODY ? null : String(v) } }))}
          {...problem(`team.${role}`)}
        />
      ))}
      <Heading>SMART objectives</Heading>
      {draft.objectives.map((o, i) => (
        <Flex key={o.objectiveKey ?? `new-${i}`} direction="column" gap="extra-small">
          <Input
            label="Objective"
            name={`objective-${i}-title`}
            value={o.title}
            {...followTyping((title) => setObjective(i, { title }))}
            required
            {...typed(planText.objectiveTitle(o), `objectives.${i}.title`)}
          />
          <Input
            label="How we measure it"
            name={`objective-${i}-measure`}
            value={o.measure ?? ''}
            {...followTyping((measure) => setObjective(i, { measure }))}
            {...typed(planText.objectiveMeasure(o), `objectives.${i}.measure`)}
          />
          <Select
            label="Owner"
            name={`objective-${i}-owner`}
            value={o.ownerId ?? undefined}
            placeholder="Pick who owns it"
            options={ownerOptions}
            onChange={(v) => setObjective(i, { ownerId: String(v) })}
            required
            {...problem(`objectives.${i}.ownerId`)}
          />
          <DateInput
            label="Due"
            name={`objective-${i}-due`}
            value={o.dueAt == null ? undefined : toCalendarDate(o.dueAt, timeZone)}
            onChange={(picked) => setObjective(i, { dueAt: picked ? fromCalendarDate(picked) : null })}
            required
            {...problem(`objectives.${i}.dueAt`)}
          />
          <Select
            label="Status"
            name={`objective-${i}-status`}
            value={o.status ?? 'open'}
            options={optionsOf(OBJECTIVE_STATUS_LABELS)}
            onChange={(v) => setObjective(i, { status: v as DraftObjective['status'] })}
            {...problem(`objectives.${i}.status`)}
          />
          <ButtonRow>
            <Button
              variant="transparent"
              onClick={() => setDraft((d) => ({ ...d, objectives: d.objectives.filter((_, j) => j !== i) }))}
            >
              Remove this objective
            </Button>
          </ButtonRow>
        </Flex>
      ))}
      <ButtonRow>
        <Button
          onClick={() =>
            setDraft((d) => ({
              ...d,
              objectives: [...d.objectives, { title: '', measure: '', ownerId: null, dueAt: null, status: 'open' }],
            }))
          }
        >
          Add an objective
        </Button>
      </ButtonRow>
      <Heading>Quarterly targets</Heading>
      <Select
        label="Fiscal year"
        name="fiscalYear"
        description={`Keystone's settings start the fiscal year in ${MONTH_NAMES[plan.quarterlyTargets.fiscalYearStartMonth - 1] ?? 'January'}`}
        value={draft.fiscalYear}
        options={[-1, 0, 1].map((by) => {
          const year = plan.quarterlyTargets.fiscalYear + by;
          return { value: year, label: `Fiscal year ${year}` };
        })}
        onChange={(v) => setDraft((d) => ({ ...d, fiscalYear: Number(v) }))}
        {...problem('quarterlyTargets.fiscalYear')}
      />
      {/* A plan keeps one year's grid: another year takes these figures with it, which the manager should know. */}
      {draft.fiscalYear !== plan.quarterlyTargets.fiscalYear && gridHasFigures(draft) && (
        <Alert title={`The grid moves to fiscal year ${draft.fiscalYear}`} variant="warning">
          {`A plan keeps one year's targets, actuals and spend: saving moves the figures below from fiscal year ${plan.quarterlyTargets.fiscalYear} to ${draft.fiscalYear}, and ${plan.quarterlyTargets.fiscalYear}'s are not kept. Clear the figures that belong to the old year before saving.`}
        </Alert>
      )}
      {draft.rows.length === 0 && (
        <ButtonRow>
          <Button onClick={() => setDraft((d) => ({ ...d, rows: templateRows(currency) }))}>
            Use the account-plan template
          </Button>
        </ButtonRow>
      )}
      {draft.rows.length > 0 && plan.revision === 0 && (
        <ButtonRow>
          <Button variant="transparent" onClick={() => setDraft((d) => ({ ...d, rows: [] }))}>
            Start with no metrics instead
          </Button>
        </ButtonRow>
      )}
      {draft.rows.map((row, i) => (
        <Flex key={row.metric} direction="column" gap="extra-small">
          <Text format={{ fontWeight: 'demibold' }}>
            {`${row.label || 'New metric'} (${METRIC_UNIT_LABELS[row.unit].toLowerCase()}${row.unit === 'currency' && currency ? `, ${currency}` : ''})${row.derived ? ': actuals come from HubSpot' : ''}`}
          </Text>
          {row.derived && <Text variant="microcopy">{catalogueMetric(row.metric)?.explains ?? ''}</Text>}
          <Flex direction="row" gap="small">
            <Input
              label="Metric name"
              name={`${row.metric}-label`}
              value={row.label}
              {...followTyping((label) => setRow(i, { label }))}
              {...typed(planText.metricLabel(row.label), `quarterlyTargets.rows.${i}.label`)}
            />
            <Select
              label="Unit"
              name={`${row.metric}-unit`}
              value={row.unit}
              readOnly={row.derived}
              options={optionsOf(METRIC_UNIT_LABELS)}
              onChange={(v) => setRow(i, { unit: v as DraftRow['unit'] })}
              {...problem(`quarterlyTargets.rows.${i}.unit`)}
            />
            <Select
              label="Measure"
              name={`${row.metric}-measure`}
              value={row.measure ?? 'level'}
              options={measuresFor(row).map((m) => ({ value: m, label: MEASURE_LABELS[m] }))}
              onChange={(v) => setRow(i, { measure: v as DraftRow['measure'] })}
              {...problem(`quarterlyTargets.rows.${i}.measure`)}
            />
            <Input
              label="Baseline"
              name={`${row.metric}-baseline`}
              description="Where it stood when the plan year began"
              value={row.baseline}
              {...followTyping((baseline) => setRow(i, { baseline }))}
              {...problem(`quarterlyTargets.rows.${i}.baseline`)}
            />
          </Flex>
          {row.unit === 'scale' && (
            <Input
              label="Scale steps, first to best"
              name={`${row.metric}-scale`}
              value={row.scale}
              {...followTyping((scale) => setRow(i, { scale }))}
              {...typed(planText.scale(row), `quarterlyTargets.rows.${i}.scale`)}
            />
          )}
          {row.unit === 'currency' && <Text variant="microcopy">{`Money ${money}, 15,000 or 15000.50`}</Text>}
          {quarterInputs(row, i, 'targets')}
          {!row.derived && quarterInputs(row, i, 'actuals')}
          <ButtonRow>
            <Button variant="transparent" disabled={i === 0} onClick={() => moveRow(i, -1)}>
              Move up
            </Button>
            <Button variant="transparent" disabled={i === draft.rows.length - 1} onClick={() => moveRow(i, 1)}>
              Move down
            </Button>
            <Button
              variant="transparent"
              onClick={() => setDraft((d) => ({ ...d, rows: d.rows.filter((_, j) => j !== i) }))}
            >
              Remove this metric
            </Button>
          </ButtonRow>
        </Flex>
      ))}
      <Flex direction="row" gap="small" align="end">
        <Select
          label="Add a metric"
          name="catalogueMetric"
          value={picked}
          options={[
            ...catalogueChoices(draft.rows).map((entry) => ({ value: entry.metric, label: entry.label })),
            { value: OWN_METRIC, label: 'Your own metric' },
          ]}
          onChange={(v) => setPicked(String(v))}
        />
        {picked === OWN_METRIC && (
          <>
            <Input
              label="Another metric"
              name="newMetric"
              value={newMetric}
              {...followTyping(setNewMetric)}
              placeholder="e.g. Referrals received"
              {...newMetricField.props()}
            />
            <Select
              label="Its unit"
              name="newMetricUnit"
              value={newUnit}
              options={optionsOf(METRIC_UNIT_LABELS)}
              onChange={(v) => setNewUnit(v as DraftRow['unit'])}
            />
          </>
        )}
        <Button
          disabled={picked === OWN_METRIC && (newMetric.trim() === '' || newMetricField.problem !== null)}
          onClick={() => {
            const entry = catalogueMetric(picked);
            setDraft((d) => {
              if (entry) return { ...d, rows: [...d.rows, rowFromCatalogue(entry, currency)] };
              const metric = customMetricKey(
                newMetric,
                d.rows.map((r) => r.metric),
              );
              const own = rowFromCatalogue(
                { metric, label: newMetric.trim(), unit: newUnit, measure: 'level', source: 'typed', explains: '' },
                currency,
              );
              return { ...d, rows: [...d.rows, own] };
            });
            setNewMetric('');
            setPicked(OWN_METRIC);
          }}
        >
          Add metric
        </Button>
      </Flex>
      <Heading>Investment in this account</Heading>
      <Text variant="microcopy">
        What the programme spends on the account each quarter, set against the income gained: our people's hours, and
        money ({currency ?? "the portal's currency"}) on entertainment, travel and research.
      </Text>
      {(['hours', 'money'] as const).map((kind) => (
        <Flex key={kind} direction="row" gap="small">
          {QUARTERS.map((q) => (
            <Input
              key={q}
              label={`${q} ${kind === 'hours' ? 'hours spent' : 'money spent'}`}
              name={`investment-${kind}-${q}`}
              value={draft.investment[kind][q]}
              {...followTyping((text) =>
                setDraft((d) => ({
                  ...d,
                  investment: { ...d.investment, [kind]: { ...d.investment[kind], [q]: text } },
                })),
              )}
              {...problem(`investment.${kind}.${q}`)}
            />
          ))}
        </Flex>
      ))}
      <DueInThePast
        asking={dueInThePast.asking}
        format={account.format}
        verb="Save"
        onConfirm={() => void submit(true)}
        onChange={dueInThePast.dismiss}
      />
      {typedProblems.length > 0 && (
        <Alert title="The plan was not saved" variant="error">
          Fix the highlighted fields and save again.
          {typedProblems.map(([path, message]) => (
            <Text
              key={path}
              variant="microcopy"
            >{`${planFieldInWords(path, readDraft(draft, currency).plan)}: ${message}`}</Text>
          ))}
        </Alert>
      )}
      {failure && <ActionFailed title="The plan was not saved" failure={failure} highlighted={marks.highlighted} />}
      {changedElsewhere && (
        <ButtonRow>
          <Button onClick={close}>Reload the plan</Button>
        </ButtonRow>
      )}
      <ButtonRow>
        <Button variant="primary" onClick={() => void submit(false)} disabled={save.state.status === 'loading'}>
          {save.state.status === 'loading' ? 'Saving…' : 'Save the plan'}
        </Button>
        <Button onClick={close}>Cancel</Button>
      </ButtonRow>
    </Flex>
  );
}
