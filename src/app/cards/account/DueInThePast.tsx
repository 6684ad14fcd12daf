import { Alert, Button, ButtonRow } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { toCalendarDate, type Formatters } from '../../ui/format.ts';

// A date picked for work still to be done (an objective, a review's outcome) that is already gone is more
// often a slip of the picker than a plan: every form that takes one asks before saving it.

/** A due date the form is about to save, named as the form names its item ("Objective 1", "Outcome 2"). */
export interface PickedDue {
  name: string;
  dueAt: number;
}

/** Whether the day a date picker shows for `dueAt` is before today, both in the portal's time zone. */
export function isBeforeToday(dueAt: number, { now, timeZone }: { now: number; timeZone: string }): boolean {
  const day = ({ year, month, date }: ReturnType<typeof toCalendarDate>) => Date.UTC(year, month, date);
  return day(toCalendarDate(dueAt, timeZone)) < day(toCalendarDate(now, timeZone));
}

/**
 * The question "Due in the past?" for the dates a form is about to save. `mayGoOn` says whether saving may
 * go on: yes when no date is gone or the user confirmed them; otherwise the question is asked. It is asked
 * only of dates still picked as they were: one changed since is no longer in question.
 */
export function useDueInThePast(picked: readonly PickedDue[], today: { now: number; timeZone: string }) {
  const [asked, setAsked] = useState<readonly PickedDue[]>([]);
  const gone = picked.filter((p) => isBeforeToday(p.dueAt, today));
  const asking = asked.filter((a) => gone.some((g) => g.name === a.name && g.dueAt === a.dueAt));
  return {
    asking,
    mayGoOn(confirmed: boolean): boolean {
      setAsked(confirmed ? [] : gone);
      return confirmed || gone.length === 0;
    },
    dismiss: () => setAsked([]),
  };
}

/** Asks whether the dates already gone are meant, with the way on (`verb` with them) and the way back. */
export function DueInThePast({
  asking,
  format,
  verb,
  onConfirm,
  onChange,
}: {
  asking: readonly PickedDue[];
  format: Formatters;
  verb: string;
  onConfirm: () => void;
  onChange: () => void;
}) {
  if (asking.length === 0) return null;
  return (
    <Alert title="Due in the past?" variant="warning">
      {asking.map((a) => `${a.name} is due on ${format.date(a.dueAt)}, which has passed.`).join(' ')}
      <ButtonRow>
        <Button onClick={onConfirm}>{`${verb} with ${asking.length === 1 ? 'this date' : 'these dates'}`}</Button>
        <Button variant="transparent" onClick={onChange}>
          {asking.length === 1 ? 'Change the date' : 'Change the dates'}
        </Button>
      </ButtonRow>
    </Alert>
  );
}
