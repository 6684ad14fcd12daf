import { useExtensionActions, useExtensionContext } from '@hubspot/ui-extensions';
import { useCallback, useRef, useState } from 'react';
import type { CardData } from '../../../contracts/card-data.ts';
import type { CardBase, CardSection } from '../../../contracts/card-section.ts';
import type { CardSectionName, FieldOf, SectionField } from '../../../contracts/card-sections.ts';
import type { TaskSync } from '../../../contracts/shared.ts';
import { createFormatters, portalFormat, type Formatters } from '../../ui/format.ts';

/** Who is calling about which company: sent with every account function (the functions check the user). */
interface Caller {
  userId: number;
  companyId: string;
}

/** What a section of the tab gets: its data, who is looking, how to show numbers, and how to refresh after a change. */
export interface AccountView<Field extends SectionField = SectionField> {
  data: CardBase & Pick<CardData, Field>;
  caller: Caller;
  format: Formatters;
  /** After an action: reloads what the action changed, so the screen shows what HubSpot now holds. */
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
 * Which sections an action taken in a section changes: a status change only the status; a stance or
 * departure the relationships, the plan's stance rows and the review triggers; a plan save the plan and
 * when reviews fall due; a logged review the reviews.
 */
const CHANGED_BY: Record<CardSectionName, readonly CardSectionName[]> = {
  status: ['status'],
  relationships: ['relationships', 'plan', 'reviews'],
  plan: ['plan', 'reviews'],
  reviews: ['reviews'],
};

/** How often each section has been changed by an action since the tab opened: a section reloads when its count moves. */
type Changes = Record<CardSectionName, number>;
const NO_CHANGES: Changes = { status: 0, relationships: 0, plan: 0, reviews: 0 };

/**
 * The Key account tab's state: the section on screen, the sections opened so far (each loads when first
 * opened, and stays loaded), and what actions changed. After each action the card tells HubSpot the
 * record changed, so the sidebar's CRM properties read again.
 */
export function useAccountTab() {
  const context = useExtensionContext<'crm.record.tab'>();
  const { addAlert, refreshObjectProperties } = useExtensionActions<'crm.record.tab'>();
  const caller: Caller = { userId: context.user.id, companyId: String(context.crm.objectId) };
  const [selected, setSelected] = useState<CardSectionName>('status');
  const [opened, setOpened] = useState<readonly CardSectionName[]>(['status']);
  const [changes, setChanges] = useState<Changes>(NO_CHANGES);
  // What the latest section answered with for the next ones to send back (the people and settings it read):
  // held aside, because a new one must not make the sections on screen load again.
  const session = useRef<string | null>(null);
  const open = useCallback((section: CardSectionName) => {
    setSelected(section);
    setOpened((sections) => (sections.includes(section) ? sections : [...sections, section]));
  }, []);
  const changed = (section: CardSectionName) => {
    setChanges((counts) => {
      const next = { ...counts };
      for (const s of CHANGED_BY[section]) next[s] += 1;
      return next;
    });
    refreshObjectProperties();
  };
  const reportTasks = (tasks: TaskSync) => {
    const alert = tasksNotSyncedAlert(tasks);
    if (alert) addAlert(alert);
  };
  /** The view a loaded section's screen gets. */
  const view = <Name extends CardSectionName>(
    section: Name,
    data: CardBase & Pick<CardData, FieldOf<Name>>,
  ): AccountView<FieldOf<Name>> => ({
    data,
    caller,
    format: createFormatters(portalFormat(context, data.portal)),
    refresh: () => changed(section),
    reportTasks,
  });
  return {
    caller,
    /** The session the tab holds, for the next section to send (none until a section answered). */
    session: useCallback((): { session?: string } => (session.current ? { session: session.current } : {}), []),
    /** Keeps the session a section answered with. */
    keepSession: useCallback((token: string) => {
      session.current = token;
    }, []),
    /** The card's `context.portal.id` lets card_section address Keystone's objects by name and skip reading the schemas. */
    portalId: context.portal.id,
    selected,
    open,
    opened,
    changes,
    view,
  };
}
export type AccountTab = ReturnType<typeof useAccountTab>;

/** The section's answer, narrowed to the section asked for. */
export const answerOf = <Name extends CardSectionName>(answer: CardSection, section: Name) =>
  answer.section === section ? (answer as Extract<CardSection, { section: Name }>) : null;
