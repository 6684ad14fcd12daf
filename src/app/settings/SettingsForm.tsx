import {
  Alert,
  Button,
  ButtonRow,
  Flex,
  Heading,
  MultiSelect,
  NumberInput,
  Select,
  Text,
  Toggle,
  useExtensionActions,
} from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import { SELECTION_CRITERIA, SELECTION_CRITERION_LABELS } from '../../kam/shared/selection-criteria.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { numberProblem, SETTINGS_NUMBER_RULES, type NumberRule } from '../../kam/settings/number-rules.ts';
import { differForRecalculation } from '../../kam/settings/recalculation-inputs.ts';
import type { PortalSettings } from '../../contracts/get-settings.ts';
import type { Formatters } from '../ui/format.ts';
import { MONTH_NAMES, optionsOf, REVIEW_CADENCE_LABELS, TIER_LABELS } from '../ui/labels.ts';
import { fieldInWords } from '../ui/field-words.ts';
import { issueAt, valueAt } from '../ui/function-call.ts';
import { useStandingRefusal } from '../ui/use-function.ts';
import { useActionId } from '../ui/action-id.ts';
import { ActionFailed, ReadOnlyNotice, useFunctionAction } from './keystone-ui.ts';
import { SelectionPreviewPanel } from './SelectionPreviewPanel.tsx';
import { andList } from '../../kam/shared/and-list.ts';
import { userName } from './directory-names.ts';

type Access = Settings['access'];
type Section = 'selection' | 'reviews' | 'coverage' | 'access' | 'hubspotSync';

// Month names in English, like the rest of the page's words; the quarterly grid counts quarters from this month.
const MONTHS = MONTH_NAMES.map((label, i) => ({
  value: i + 1,
  label,
}));

type Directory = PortalSettings['directory'];

/**
 * Choices for a "who" list: the portal's users or teams by name, plus any id the settings still name
 * that HubSpot no longer knows (a user who left), so an admin can see and remove it.
 */
function choices(
  known: ReadonlyArray<{ id: string; label: string }>,
  chosen: readonly string[],
  gone: (id: string) => string,
): Array<{ value: string; label: string }> {
  const ids = new Set(known.map((k) => k.id));
  return [
    ...known.map((k) => ({ value: k.id, label: k.label })),
    ...chosen.filter((id) => !ids.has(id)).map((id) => ({ value: id, label: gone(id) })),
  ];
}
const userChoices = (directory: Directory, chosen: readonly string[]) =>
  choices(
    directory.users.map((u) => ({ id: u.userId, label: u.email ? `${u.name} (${u.email})` : u.name })),
    chosen,
    (id) => `User ${id} (no longer in HubSpot)`,
  );
const teamChoices = (directory: Directory, chosen: readonly string[]) =>
  choices(
    directory.teams.map((t) => ({
      id: t.teamId,
      label: `${t.name} (${t.members} ${t.members === 1 ? 'user' : 'users'})`,
    })),
    chosen,
    (id) => `Team ${id} (no longer in HubSpot)`,
  );

export function SettingsForm({
  portal,
  userId,
  format,
  onSaved,
  onUnsavedChanges,
}: {
  portal: PortalSettings;
  format: Formatters;
  userId: number;
  onSaved: () => void;
  /**
   * Told whether the form holds edits a recalculation would use once saved: the recalculation above reads
   * the saved settings, and who may do what does not change what it writes.
   */
  onUnsavedChanges: (unsaved: boolean) => void;
}) {
  const [draft, setDraft] = useState<Settings>(portal.settings);
  const unsaved = differForRecalculation(draft, portal.settings);
  useEffect(() => onUnsavedChanges(unsaved), [unsaved, onUnsavedChanges]);
  const { addAlert } = useExtensionActions<'settings'>();
  const save = useFunctionAction('save_settings');
  const action = useActionId();
  const readOnly = !portal.canEdit;
  const edit = <K extends Section>(key: K, change: Partial<Settings[K]>) =>
    setDraft((d) => ({ ...d, [key]: { ...d[key], ...change } }));
  // Functional updates throughout: two quick edits must not overwrite each other.
  const editSelection = <K extends 'weights' | 'thresholds' | 'icpTierCutoffs'>(
    key: K,
    change: Partial<Settings['selection'][K]>,
  ) => setDraft((d) => ({ ...d, selection: { ...d.selection, [key]: { ...d.selection[key], ...change } } }));
  const editAccess = (key: keyof Access) => (values: ReadonlyArray<string | number | boolean>) =>
    edit('access', { [key]: values.map(String) });

  // What the function said of a field stands while the field holds what was sent.
  const { failure, marks, sending } = useStandingRefusal(save.state, { settings: draft });
  const typed = numberProblems(draft);
  // Each problem beside its field (`error` and `validationMessage` props): a number blank or out of its
  // bounds, all of them at once, else what the function said of the field.
  const problem = (path: string) => {
    const message = typed.get(path);
    return message ? { error: true, validationMessage: message } : marks.at(`settings.${path}`);
  };
  // Said of the weights together (none above 0): shown once, under them, and each weight marked.
  const weightsProblem = failure?.issues?.some((issue) => issue.path === 'settings.selection.weights')
    ? marks.at('settings.selection.weights').validationMessage
    : undefined;

  // Saving would remove every other admin: the function refuses until the admin confirms it here.
  const asksToConfirm = issueAt(failure, 'confirmRemovingLastOtherAdmin') !== undefined;
  const adminsRemoved = portal.settings.access.adminUserIds.filter(
    (id) => id !== String(userId) && !draft.access.adminUserIds.includes(id),
  );
  // Save is pressed at the foot of a long page: while marked numbers keep it from sending, it says so there.
  const [pressedWithProblems, setPressedWithProblems] = useState(false);
  const submit = async (confirmRemovingLastOtherAdmin = false) => {
    // A blank number would be saved as its default without a word: its field, like any number out of
    // bounds, says so instead, and nothing is sent.
    setPressedWithProblems(typed.size > 0);
    if (typed.size > 0) return;
    const saving = { userId, settings: draft, expectedRevision: portal.revision };
    const confirmed = confirmRemovingLastOtherAdmin ? { confirmRemovingLastOtherAdmin } : {};
    sending({ settings: draft });
    if (!(await save.run({ ...saving, actionId: action.idFor(saving), ...confirmed })).ok) return;
    action.saved();
    addAlert(savedAlert(differForRecalculation(draft, portal.settings)));
    onSaved();
  };

  return (
    <Flex direction="column" gap="medium">
      <Heading>Selection criteria</Heading>
      <Text variant="microcopy">Weights are relative: only their proportions matter.</Text>
      <Flex direction="row" gap="small" wrap>
        {SELECTION_CRITERIA.map((criterion) => (
          <NumberInput
            key={criterion}
            label={SELECTION_CRITERION_LABELS[criterion]}
            name={`weight-${criterion}`}
            value={draft.selection.weights[criterion]}
            readOnly={readOnly}
            {...problem(`selection.weights.${criterion}`)}
            {...(weightsProblem ? { error: true } : {})}
            onChange={(value) => editSelection('weights', { [criterion]: value })}
          />
        ))}
      </Flex>
      {weightsProblem && <Text format={{ fontWeight: 'demibold' }}>{weightsProblem}</Text>}
      <Flex direction="row" gap="small">
        <NumberInput
          label="Candidate from score"
          name="threshold-candidate"
          value={draft.selection.thresholds.candidate}
          readOnly={readOnly}
          {...problem('selection.thresholds.candidate')}
          onChange={(candidate) => editSelection('thresholds', { candidate })}
        />
        <NumberInput
          label="Key account from score"
          name="threshold-key"
          value={draft.selection.thresholds.key}
          readOnly={readOnly}
          {...problem('selection.thresholds.key')}
          onChange={(key) => editSelection('thresholds', { key })}
        />
      </Flex>
      <Flex direction="row" gap="small">
        {optionsOf(TIER_LABELS).map(({ value: tier, label }) => (
          <NumberInput
            key={tier}
            label={`${label} from score`}
            name={`tier-${tier}`}
            value={draft.selection.icpTierCutoffs[tier]}
            readOnly={readOnly}
            {...problem(`selection.icpTierCutoffs.${tier}`)}
            onChange={(score) => editSelection('icpTierCutoffs', { [tier]: score })}
          />
        ))}
      </Flex>
      {!readOnly && <SelectionPreviewPanel userId={userId} selection={draft.selection} format={format} />}

      <Heading>Reviews and relationships</Heading>
      <Flex direction="row" gap="small">
        <Select
          label="Default review cadence"
          description={
            'For key accounts without a cadence of their own: a company\'s "Account review cadence" property, where set, comes first.'
          }
          name="cadence"
          value={draft.reviews.defaultCadence}
          options={optionsOf(REVIEW_CADENCE_LABELS)}
          readOnly={readOnly}
          onChange={(v) => edit('reviews', { defaultCadence: v as Settings['reviews']['defaultCadence'] })}
        />
        <NumberInput
          label="Overdue after (days)"
          description="Days of grace once a review falls due."
          name="overdue-after"
          value={draft.reviews.overdueAfterDays}
          readOnly={readOnly}
          {...problem('reviews.overdueAfterDays')}
          onChange={(overdueAfterDays) => edit('reviews', { overdueAfterDays })}
        />
        <NumberInput
          label="Contacts go stale after (days)"
          description="Days with none of our people in touch."
          name="stale-after"
          value={draft.coverage.staleAfterDays}
          readOnly={readOnly}
          {...problem('coverage.staleAfterDays')}
          onChange={(staleAfterDays) => edit('coverage', { staleAfterDays })}
        />
        <Select
          label="Fiscal year starts in"
          name="fiscal-year-start"
          value={draft.fiscalYearStartMonth}
          options={MONTHS}
          readOnly={readOnly}
          onChange={(month) => setDraft((d) => ({ ...d, fiscalYearStartMonth: Number(month) }))}
        />
      </Flex>

      <Heading>Who may do what</Heading>
      {portal.accessShown ? (
        <>
          <MultiSelect
            label="Manager teams"
            name="manager-teams"
            value={draft.access.managerTeamIds}
            options={teamChoices(portal.directory, draft.access.managerTeamIds)}
            readOnly={readOnly}
            onChange={editAccess('managerTeamIds')}
            {...problem('access.managerTeamIds')}
            description="Members of these teams tag key accounts and edit plans."
          />
          <MultiSelect
            label="Managers"
            name="manager-users"
            value={draft.access.managerUserIds}
            options={userChoices(portal.directory, draft.access.managerUserIds)}
            readOnly={readOnly}
            onChange={editAccess('managerUserIds')}
            {...problem('access.managerUserIds')}
            description="Managers outside those teams."
          />
          <MultiSelect
            label="Admins"
            name="admin-users"
            value={draft.access.adminUserIds}
            options={userChoices(portal.directory, draft.access.adminUserIds)}
            readOnly={readOnly}
            onChange={editAccess('adminUserIds')}
            {...problem('access.adminUserIds')}
            description="Admins change these settings, run setup and recalculate the portfolio. They count as managers too."
          />
        </>
      ) : (
        <Text>Keystone's admins and managers are shown to its admins only.</Text>
      )}

      <Heading>HubSpot fields</Heading>
      <Toggle
        label="Keep HubSpot's Target account flag equal to key account status"
        name="sync-target"
        checked={draft.hubspotSync.syncTargetAccountFlag}
        readOnly={readOnly}
        onChange={(syncTargetAccountFlag) => edit('hubspotSync', { syncTargetAccountFlag })}
        labelDisplay="inline"
      />
      <Toggle
        label="Write the ICP tier to HubSpot's Ideal customer profile field"
        name="write-tier"
        checked={draft.hubspotSync.writeIcpTier}
        readOnly={readOnly}
        onChange={(writeIcpTier) => edit('hubspotSync', { writeIcpTier })}
        labelDisplay="inline"
      />

      {pressedWithProblems && typed.size > 0 && (
        <Alert title="The settings were not saved" variant="error">
          {`Fix the ${typed.size === 1 ? 'field' : `${typed.size} fields`} marked above: ${andList(
            [...typed.keys()].map((path) => fieldInWords('save_settings', `settings.${path}`, {}) ?? path),
          )}.`}
        </Alert>
      )}
      {failure && !asksToConfirm && (
        <ActionFailed title="The settings were not saved" failure={failure} highlighted={marks.highlighted} />
      )}
      {/* Not a mistake to fix but a choice to confirm: who would lose admin, and what only admins may do. */}
      {asksToConfirm && (
        <>
          <Alert title="You would be Keystone's only admin" variant="warning">
            {`Saving removes ${andList(adminsRemoved.map((id) => userName(portal.directory, id)))} as ${
              adminsRemoved.length === 1 ? 'admin' : 'admins'
            }: nobody else could change these settings, run setup or recalculate the portfolio. Nothing was saved yet.`}
          </Alert>
          <Button variant="destructive" onClick={() => void submit(true)}>
            Remove the other admins and save
          </Button>
        </>
      )}
      {readOnly ? (
        <ReadOnlyNotice>Only Keystone admins can change these settings.</ReadOnlyNotice>
      ) : (
        <ButtonRow>
          <Button variant="primary" onClick={() => void submit()} disabled={save.state.status === 'loading'}>
            {save.state.status === 'loading' ? 'Saving…' : 'Save settings'}
          </Button>
          <Button onClick={() => setDraft(portal.settings)}>Discard changes</Button>
        </ButtonRow>
      )}
    </Flex>
  );
}

/** The numbers the form edits, by path, with the rule saving applies to each. */
const NUMBER_RULES: ReadonlyArray<[string, NumberRule]> = [
  ...SELECTION_CRITERIA.map((criterion): [string, NumberRule] => [
    `selection.weights.${criterion}`,
    SETTINGS_NUMBER_RULES.weight,
  ]),
  ['selection.thresholds.candidate', SETTINGS_NUMBER_RULES.score],
  ['selection.thresholds.key', SETTINGS_NUMBER_RULES.score],
  ...optionsOf(TIER_LABELS).map(({ value: tier }): [string, NumberRule] => [
    `selection.icpTierCutoffs.${tier}`,
    SETTINGS_NUMBER_RULES.score,
  ]),
  ['reviews.overdueAfterDays', SETTINGS_NUMBER_RULES.overdueAfterDays],
  ['coverage.staleAfterDays', SETTINGS_NUMBER_RULES.staleAfterDays],
];

/** What is wrong with each number the admin typed (left blank, or out of its bounds), by path. */
const numberProblems = (draft: Settings): Map<string, string> =>
  new Map(
    NUMBER_RULES.flatMap(([path, rule]) => {
      const problem = numberProblem(rule, valueAt(draft, path));
      return problem === null ? [] : [[path, problem] as const];
    }),
  );

/**
 * The confirmation of a save. The cards read the saved settings at once, but what recalculation stores on
 * companies (scores, suggested statuses, tiers, coverage) and the portfolio pages read changes only when the
 * portfolio is recalculated, which an admin runs above: a change other than who may do what says so.
 */
function savedAlert(needsRecalculation: boolean) {
  return {
    type: 'success' as const,
    title: 'Settings saved',
    message: needsRecalculation
      ? 'Company cards use them now. The scores, suggested statuses and tiers stored on companies, and the portfolio pages, change at the next portfolio recalculation: press "Recalculate all companies" above to apply them now.'
      : 'Who may do what changes from now on.',
  };
}
