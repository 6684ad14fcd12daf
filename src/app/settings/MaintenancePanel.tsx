import { Button, ButtonRow, Flex, Heading, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import type { PortalSettings } from '../../contracts/get-settings.ts';
import type { RecalculationProgress } from '../../contracts/recalculate-portfolio.ts';
import type { Formatters } from '../ui/format.ts';
import { ActionFailed, ReadOnlyNotice, useFunctionAction } from './keystone-ui.ts';
import { useRecalculation } from './use-recalculation.ts';

/** Setup status with a button to run it, and portfolio recalculation with its progress. */
export function MaintenancePanel({
  portal,
  userId,
  format,
  unsavedChanges,
  onChanged,
}: {
  portal: PortalSettings;
  userId: number;
  format: Formatters;
  /** The settings form below holds edits a recalculation would use, were they saved. */
  unsavedChanges: boolean;
  /** Reads the settings again: setup and a finished run change what the page shows of them and the admin actions. */
  onChanged: () => void;
}) {
  const setup = useFunctionAction('run_setup');
  const recalculation = useRecalculation(userId);
  const { appliedVersion, currentVersion, upToDate } = portal.setup;
  const runSetup = async () => {
    if ((await setup.run({ userId })).ok) onChanged();
  };
  const rs = recalculation.state;

  return (
    <Flex direction="column" gap="small">
      <Heading>Setup</Heading>
      <Flex direction="row" gap="small" align="center">
        <StatusTag variant={upToDate ? 'success' : 'warning'}>
          {upToDate ? 'Up to date' : appliedVersion === 0 ? 'Not set up' : 'Out of date'}
        </StatusTag>
        <Text testId="setup-status">
          {appliedVersion === 0
            ? `Keystone's properties and objects are not in this portal yet (setup version ${currentVersion} is ready).`
            : `Setup version ${appliedVersion} of ${currentVersion} is applied.`}
        </Text>
      </Flex>
      {setup.state.status === 'success' && (
        <Text testId="setup-result">
          {setup.state.answer.changed === 0
            ? 'Everything was already in place.'
            : `Setup created or updated ${setup.state.answer.changed} properties, objects and labels.`}
        </Text>
      )}
      {setup.state.status === 'error' && <ActionFailed title="Setup did not finish" failure={setup.state.failure} />}

      <Heading>Portfolio recalculation</Heading>
      <Text variant="microcopy">
        Scores every company with the saved settings, writes the score, suggested status and tier back to HubSpot and
        stores the revenue picture the portfolio pages show; then weighs the relationship coverage of key accounts and
        candidates, which takes most of the run.
      </Text>
      {rs.status !== 'done' && <Text testId="last-recalculation">{lastRun(portal.lastRecalculation, format)}</Text>}
      {rs.status !== 'done' && portal.lastRecalculation?.settingsChangedAt != null && (
        <Text testId="recalculation-outdated" format={{ fontWeight: 'demibold' }}>
          {`The settings were changed since, on ${format.dateTime(portal.lastRecalculation.settingsChangedAt)}: the scores, suggested statuses and tiers stored on companies, and the portfolio pages, follow the earlier settings until you recalculate.`}
        </Text>
      )}
      {rs.status === 'running' && (
        <ProgressBar
          title={progressTitle(rs)}
          value={rs.processed}
          maxValue={rs.total ?? Math.max(rs.processed, 1)}
          valueDescription={STAGE_PROGRESS[rs.stage](
            rs.total === null
              ? format.whole(rs.processed)
              : `${format.whole(rs.processed)} of ${format.whole(rs.total)}`,
          )}
          showPercentage={rs.total !== null}
        />
      )}
      {rs.status === 'done' && (
        <Text testId="recalculation-done">
          {`Recalculated ${format.whole(rs.processed)} companies, finished ${format.dateTime(rs.finishedAt)}.`}
        </Text>
      )}
      {rs.status === 'done' && rs.coverageNotRead.length > 0 && (
        <Text testId="coverage-not-read">
          {`${format.whole(rs.coverageNotRead.length)} ${rs.coverageNotRead.length === 1 ? 'key account or candidate has' : 'key accounts or candidates have'} too many contacts and activities to weigh their relationship coverage here (${rs.coverageNotRead.join(', ')}); their cards still show it.`}
        </Text>
      )}
      {rs.status === 'error' && (
        <ActionFailed
          title={
            rs.stage === 'scores'
              ? `Recalculation stopped after scoring ${format.whole(rs.processed)} companies`
              : `Recalculation stopped after weighing the relationships of ${format.whole(rs.processed)} companies; every company was scored`
          }
          failure={rs.failure}
        />
      )}

      {/* Setup makes Keystone's properties and objects whatever the settings say: only the recalculation waits. */}
      {unsavedChanges && rs.status !== 'running' && (
        <Text testId="recalculation-waits-for-save">
          Save or discard your changes to the settings below first: recalculation uses the saved settings.
        </Text>
      )}
      {portal.canEdit ? (
        <ButtonRow>
          <Button onClick={() => void runSetup()} disabled={setup.state.status === 'loading'}>
            {setup.state.status === 'loading' ? 'Running setup…' : 'Run setup'}
          </Button>
          <Button
            onClick={() => void recalculation.start().then(onChanged)}
            disabled={rs.status === 'running' || !upToDate || unsavedChanges}
          >
            Recalculate all companies
          </Button>
        </ButtonRow>
      ) : (
        <ReadOnlyNotice>Only Keystone admins can run setup and recalculation.</ReadOnlyNotice>
      )}
    </Flex>
  );
}

/** How far each stage of a run has come, from its count of companies ("100 of 250"). */
const STAGE_PROGRESS: Readonly<Record<RecalculationProgress['stage'], (companies: string) => string>> = {
  scores: (companies) => `${companies} companies scored`,
  relationships: (companies) => `relationships: ${companies} companies`,
};

/** What the run is doing, and why it waits when it does: people come first in HubSpot's shared rate limit. */
function progressTitle({
  stage,
  waitingMs,
  pausedFor,
}: {
  stage: RecalculationProgress['stage'];
  waitingMs: number | null;
  pausedFor: RecalculationProgress['pausedFor'];
}) {
  const people =
    pausedFor?.reason === 'people'
      ? `giving way to people using Keystone (their cards sent ${pausedFor.othersInWindow} of HubSpot's requests in the last 10 s)`
      : null;
  const doing =
    stage === 'scores' ? 'Scoring companies' : "Scores done; weighing key accounts' and candidates' relationships";
  if (waitingMs === null) return people ? `${doing}, ${people}…` : `${doing}…`;
  const when = `continuing in ${Math.ceil(waitingMs / 1000)} s`;
  if (people) return `${doing}: paused, ${people}; ${when}`;
  if (pausedFor?.reason === 'window')
    return `${doing}: paused, this run used its share of HubSpot's rate limit; ${when}`;
  return `${doing}: HubSpot asked us to slow down; ${when}`;
}

function lastRun(last: PortalSettings['lastRecalculation'], format: Formatters): string {
  return last
    ? `Every company last scored: ${format.dateTime(last.completedAt)}, ${format.whole(last.companiesScored)} companies.`
    : 'Not scored every company yet: the portfolio pages show their revenue figures once a run has.';
}
