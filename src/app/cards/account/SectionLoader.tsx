import { useEffect, useRef, type ReactNode } from 'react';
import type { CardSection } from '../../../contracts/card-section.ts';
import type { CardSectionName } from '../../../contracts/card-sections.ts';
import { answerOf, type AccountTab } from './account.ts';
import { Loading, LoadFailed, useFunctionQuery } from './keystone-ui.ts';

const WHAT: Record<CardSectionName, string> = {
  status: 'the key account',
  relationships: 'the relationships',
  plan: 'the account plan',
  reviews: 'the reviews',
};

/**
 * One section of the Key account tab, read with card_section when it is first opened, and again when an
 * action changed what it shows.
 */
export function SectionLoader<Name extends CardSectionName>({
  tab,
  section,
  children,
}: {
  tab: AccountTab;
  section: Name;
  children: (answer: Extract<CardSection, { section: Name }>) => ReactNode;
}) {
  const { state, reload } = useFunctionQuery(
    'card_section',
    { ...tab.caller, portalId: tab.portalId, section },
    tab.session,
  );
  const { keepSession } = tab;
  useEffect(() => {
    if (state.status === 'success') keepSession(state.answer.session);
  }, [state, keepSession]);
  const changes = tab.changes[section];
  const seen = useRef(changes);
  useEffect(() => {
    if (seen.current === changes) return;
    seen.current = changes;
    reload();
  }, [changes, reload]);
  if (state.status === 'error')
    return <LoadFailed title="Keystone could not load this account" failure={state.failure} onRetry={reload} />;
  const answer = state.status === 'success' ? answerOf(state.answer, section) : null;
  if (!answer) return <Loading what={WHAT[section]} />;
  return <>{children(answer)}</>;
}
