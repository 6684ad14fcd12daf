import { useExtensionActions, useExtensionContext } from '@hubspot/ui-extensions';
import { useEffect } from 'react';
import type { CardData } from '../../../contracts/card-data.ts';
import type { TaskSync } from '../../../contracts/shared.ts';
import { createFormatters, portalFormat, type Formatters } from '../../ui/format.ts';
import { useFunctionQuery } from './keystone-ui.ts';

/** Who is calling about which company: sent with every account function (the functions check the user). */
interface Caller {
  userId: number;
  companyId: string;
}

/** What every section of a card gets: the data, who is looking, how to show numbers, and how to refresh after a change. */
export interface AccountView {
  data: CardData;
  caller: Caller;
  format: Formatters;
  /** Reloads card_data after an action, so the screen shows what HubSpot now holds. */
  refresh: () => void;
  /** After a save that stood but whose HubSpot tasks could not be brought in line: tells the user, who can save again to repair them. */
  reportTasks: (tasks: TaskSync) => void;
}

/** The warning for a save whose HubSpot tasks were not updated; null when they were. */
function tasksNotSyncedAlert(tasks: TaskSync): { type: 'warning'; title: string; message: string } | null {
  if (tasks.synced) return null;
  return {
    type: 'warning',
    title: 'Saved, but the HubSpot tasks were not updated',
    message: `${tasks.message ?? 'HubSpot did not accept the task changes.'} Save again to bring the tasks in line.`,
  };
}

/**
 * card_data for the company on screen. After each action the card tells HubSpot the record changed; a
 * card that `followsChanges` reloads when HubSpot says so, so the sidebar follows the tab without a
 * reload of the page.
 */
export function useAccount({ followsChanges = false }: { followsChanges?: boolean } = {}) {
  const context = useExtensionContext<'crm.record.tab'>();
  const { addAlert, refreshObjectProperties, onCrmPropertiesUpdate } = useExtensionActions<'crm.record.tab'>();
  const caller: Caller = { userId: context.user.id, companyId: String(context.crm.objectId) };
  // The portal id lets card_data address Keystone's objects by name and skip reading the schemas.
  const { state, reload } = useFunctionQuery('card_data', { ...caller, portalId: context.portal.id });
  const reportTasks = (tasks: TaskSync) => {
    const alert = tasksNotSyncedAlert(tasks);
    if (alert) addAlert(alert);
  };
  useEffect(() => {
    if (followsChanges) onCrmPropertiesUpdate('*', () => reload());
    // Subscribed once: HubSpot offers no way to unsubscribe, and `reload` always reloads this card.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const refresh = () => {
    reload();
    refreshObjectProperties();
  };
  const view = (data: CardData): AccountView => ({
    data,
    caller,
    format: createFormatters(portalFormat(context, data.portal)),
    refresh,
    reportTasks,
  });
  return { state, reload, view };
}
