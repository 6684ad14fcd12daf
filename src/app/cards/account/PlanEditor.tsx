import {
  Button,
  ButtonRow,
  DateInput,
  Flex,
  Heading,
  Input,
  NumberInput,
  Select,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { KamTeam, PlanSection } from '../../../contracts/card-data.ts';
import type { PlanInput } from '../../../contracts/save-account-plan.ts';
import { fromCalendarDate, toCalendarDate } from '../../ui/format.ts';
import { KAM_TEAM_ROLE_LABELS, METRIC_UNIT_LABELS, OBJECTIVE_STATUS_LABELS, optionsOf } from '../../ui/labels.ts';
import { issueAt } from '../../ui/function-call.ts';
import { followTyping } from '../../ui/typing.ts';
import { useActionId } from '../../ui/action-id.ts';
import { ActionFailed, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';
import { QUARTERS } from './quarterly-grid.ts';

type Draft = Required<Pick<PlanInput, 'businessObjective' | 'objectives'>> & {
  team: Record<keyof KamTeam, string | null>;
  rows: Array<PlanInput['quarterlyTargets']['rows'][number] & { derived: boolean }>;
};
type DraftObjective = Draft['objectives'][number];
type DraftRow = Draft['rows'][number];

const NOBODY = '';

/** The plan as the editor starts it: what card_data shows, in the shape save_account_plan takes. */
function draftOf(plan: PlanSection): Draft {
  return {
    businessObjective: plan.businessObjective,
    team: {
      relationshipPartner: plan.team.relationshipPartner?.ownerId ?? null,
      accountManager: plan.team.accountManager?.ownerId ?? null,
      researcher: plan.team.researcher?.ownerId ?? null,
    },
    objectives: plan.objectives.map((o) => ({
      objectiveKey: o.objectiveKey,
      title: o.title,
      measure: o.measure,
      ownerId: o.owner?.ownerId ?? null,
      dueAt: o.dueAt,
      status: o.status,
    })),
    rows: plan.quarterlyTargets.rows.map((r) => ({
      metric: r.metric,
      label: r.label,
      unit: r.unit,
      targets: r.targets,
      actuals: r.actuals,
      measure: r.measure,
      baseline: r.baseline,
      derived: r.derived,
    })),
  };
}

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
  const { plan, owners } = account.data;
  const [draft, setDraft] = useState(() => draftOf(plan));
  const [newMetric, setNewMetric] = useState('');
  const save = useFunctionAction('save_account_plan');
  const action = useActionId();
  const timeZone = account.format.timeZone;
  const ownerOptions = [
    { value: NOBODY, label: 'Nobody' },
    ...owners.map((o) => ({ value: o.ownerId, label: o.name })),
  ];

  const setObjective = (i: number, change: Partial<DraftObjective>) =>
    setDraft((d) => ({ ...d, objectives: d.objectives.map((o, j) => (j === i ? { ...o, ...change } : o)) }));
  const setRow = (i: number, change: Partial<DraftRow>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r, j) => (j === i ? { ...r, ...change } : r)) }));

  const failure = save.state.status === 'error' ? save.state.failure : null;
  // Each problem the function found, beside its field.
  const problem = (path: string) => {
    const message = issueAt(failure, `plan.${path}`);
    return message ? { error: true, validationMessage: message } : {};
  };

  const submit = async () => {
    const saving = {
      ...account.caller,
      baseRevision: plan.revision,
      plan: {
        businessObjective: draft.businessObjective,
        team: draft.team,
        objectives: draft.objectives,
        quarterlyTargets: {
          fiscalYear: plan.quarterlyTargets.fiscalYear,
          rows: draft.rows.map(({ derived: _shownOnly, ...row }) => row),
        },
      },
    };
    const outcome = await save.run({ ...saving, actionId: action.idFor(saving) });
    if (outcome.ok) {
      action.saved();
      onClose();
      account.refresh();
      account.reportTasks(outcome.answer.tasks);
    }
  };

  return (
    <Flex direction="column" gap="medium">
      <TextArea
        label="12-month business objective"
        name="businessObjective"
        value={draft.businessObjective}
        {...followTyping((businessObjective) => setDraft((d) => ({ ...d, businessObjective })))}
      />
      <Heading>KAM team</Heading>
      {optionsOf(KAM_TEAM_ROLE_LABELS).map(({ value: role, label }) => (
        <Select
          key={role}
          label={label}
          name={role}
          value={draft.team[role] ?? NOBODY}
          options={ownerOptions}
          onChange={(v) => setDraft((d) => ({ ...d, team: { ...d.team, [role]: v === NOBODY ? null : String(v) } }))}
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
            {...problem(`objectives.${i}.title`)}
          />
          <Input
            label="How we measure it"
            name={`objective-${i}-measure`}
            value={o.measure ?? ''}
            {...followTyping((measure) => setObjective(i, { measure }))}
          />
          <Select
            label="Owner"
            name={`objective-${i}-owner`}
            value={o.ownerId ?? NOBODY}
            options={ownerOptions}
            onChange={(v) => setObjective(i, { ownerId: v === NOBODY ? null : String(v) })}
            {...problem(`objectives.${i}.ownerId`)}
          />
          <DateInput
            label="Due"
            name={`objective-${i}-due`}
            value={o.dueAt == null ? undefined : toCalendarDate(o.dueAt, timeZone)}
            onChange={(picked) => setObjective(i, { dueAt: picked ? fromCalendarDate(picked) : null })}
            {...problem(`objectives.${i}.dueAt`)}
          />
          <Select
            label="Status"
            name={`objective-${i}-status`}
            value={o.status ?? 'open'}
            options={optionsOf(OBJECTIVE_STATUS_LABELS)}
            onChange={(v) => setObjective(i, { status: v as DraftObjective['status'] })}
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
      <Heading>Quarterly targets, fiscal year {plan.quarterlyTargets.fiscalYear}</Heading>
      {draft.rows.map((row, i) => (
        <Flex key={row.metric} direction="column" gap="extra-small">
          <Text format={{ fontWeight: 'demibold' }}>
            {row.label} ({METRIC_UNIT_LABELS[row.unit].toLowerCase()}){row.derived ? ': actuals come from HubSpot' : ''}
          </Text>
          <Flex direction="row" gap="small">
            {QUARTERS.map((q) => (
              <NumberInput
                key={q}
                label={`${q} target`}
                name={`${row.metric}-${q}-target`}
                value={row.targets?.[q] ?? undefined}
                onChange={(value) =>
                  setRow(i, { targets: { ...row.targets, [q]: Number.isFinite(value) ? value : null } })
                }
              />
            ))}
          </Flex>
          {!row.derived && (
            <Flex direction="row" gap="small">
              {QUARTERS.map((q) => (
                <NumberInput
                  key={q}
                  label={`${q} actual`}
                  name={`${row.metric}-${q}-actual`}
                  value={row.actuals?.[q] ?? undefined}
                  onChange={(value) =>
                    setRow(i, { actuals: { ...row.actuals, [q]: Number.isFinite(value) ? value : null } })
                  }
                />
              ))}
            </Flex>
          )}
        </Flex>
      ))}
      <Flex direction="row" gap="small" align="end">
        <Input
          label="Another metric"
          name="newMetric"
          value={newMetric}
          {...followTyping(setNewMetric)}
          placeholder="e.g. New services used"
        />
        <Button
          disabled={newMetric.trim() === ''}
          onClick={() => {
            setDraft((d) => ({
              ...d,
              rows: [
                ...d.rows,
                {
                  metric: customMetricKey(
                    newMetric,
                    d.rows.map((r) => r.metric),
                  ),
                  label: newMetric.trim(),
                  unit: 'count',
                  targets: {},
                  actuals: {},
                  derived: false,
                },
              ],
            }));
            setNewMetric('');
          }}
        >
          Add metric
        </Button>
      </Flex>
      {save.state.status === 'error' && <ActionFailed title="The plan was not saved" failure={save.state.failure} />}
      <ButtonRow>
        <Button variant="primary" onClick={() => void submit()} disabled={save.state.status === 'loading'}>
          {save.state.status === 'loading' ? 'Saving…' : 'Save the plan'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </ButtonRow>
    </Flex>
  );
}
