import { Alert, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { fieldInWords } from '../../ui/field-words.ts';
import { fieldMarks, sameAt, type FieldIssue } from '../../ui/function-call.ts';
import type { HeldField } from '../../ui/typed-text.ts';

// The card's forms keep their send buttons pressable: a press that finds a field missing says which, beside
// each field and in one alert, and sends nothing.

/**
 * What the last press found a form lacks (a field left empty, text too long), by the path its function names
 * the field by, said beside each field until the field changes: a greyed-out button would not say what is
 * missing. `mark` puts that beside a field, else what the function said of it (`standing`).
 */
export function useUnsent(current: object, standing: ReturnType<typeof fieldMarks>) {
  const [checked, setChecked] = useState<{ current: object; issues: FieldIssue[] } | null>(null);
  const unsent = (checked?.issues ?? []).filter((issue) => sameAt(issue.path, checked!.current, current));
  const unsentMarks = fieldMarks({ issues: unsent });
  return {
    unsent,
    mark: (path: string) => {
      const missing = unsentMarks.at(path);
      return missing.error ? missing : standing.at(path);
    },
    /** Records what this press found; true when nothing stops it. */
    check: (issues: FieldIssue[]): boolean => {
      setChecked({ current, issues });
      return issues.length === 0;
    },
  };
}

/** What the press found, each field named as the form labels it. */
export function Unsent({
  title,
  uid,
  unsent,
  sent,
}: {
  title: string;
  uid: string;
  unsent: FieldIssue[];
  sent: object;
}) {
  if (unsent.length === 0) return null;
  return (
    <Alert title={title} variant="error">
      Fix the highlighted fields and try again.
      {unsent.map((issue) => (
        <Text key={issue.path} variant="microcopy">
          {`${fieldInWords(uid, issue.path, sent)}: ${issue.message}`}
        </Text>
      ))}
    </Alert>
  );
}

/** What stops required text being sent: nothing written, else what breaks its rule as typed; null when fine. */
export function writtenProblem(typed: { text: string; field: HeldField }): string | null {
  return typed.text.trim() === '' ? 'cannot be empty' : typed.field.problem;
}
