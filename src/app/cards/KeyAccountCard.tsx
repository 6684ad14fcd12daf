import { hubspot, Tab, Tabs } from '@hubspot/ui-extensions';
import { CARD_SECTIONS, type CardSectionName } from '../../contracts/card-sections.ts';
import { useAccountTab } from './account/account.ts';
import { PlanSection } from './account/PlanSection.tsx';
import { RelationshipsSection } from './account/RelationshipsSection.tsx';
import { ReviewsSection } from './account/ReviewsSection.tsx';
import { SectionLoader } from './account/SectionLoader.tsx';
import { StatusSection } from './account/StatusSection.tsx';

// The company record tab: status, relationships, plan and reviews of one account. Status loads with
// the tab; each other section loads when it is first opened, reading only what it shows (card_section).
export function KeyAccountCard() {
  const tab = useAccountTab();
  const onSelectedChange = (id: string | number) => {
    const section = CARD_SECTIONS.find((s) => s === id);
    if (section) tab.open(section);
  };
  const opened = (section: CardSectionName) => tab.opened.includes(section);
  return (
    <Tabs selected={tab.selected} onSelectedChange={onSelectedChange}>
      <Tab tabId="status" title="Status">
        <SectionLoader tab={tab} section="status">
          {(answer) => <StatusSection account={tab.view('status', answer)} />}
        </SectionLoader>
      </Tab>
      <Tab tabId="relationships" title="Relationships">
        {opened('relationships') && (
          <SectionLoader tab={tab} section="relationships">
            {(answer) => <RelationshipsSection account={tab.view('relationships', answer)} />}
          </SectionLoader>
        )}
      </Tab>
      <Tab tabId="plan" title="Plan">
        {opened('plan') && (
          <SectionLoader tab={tab} section="plan">
            {(answer) => <PlanSection account={tab.view('plan', answer)} />}
          </SectionLoader>
        )}
      </Tab>
      <Tab tabId="reviews" title="Reviews">
        {opened('reviews') && (
          <SectionLoader tab={tab} section="reviews">
            {(answer) => <ReviewsSection account={tab.view('reviews', answer)} />}
          </SectionLoader>
        )}
      </Tab>
    </Tabs>
  );
}

hubspot.extend<'crm.record.tab'>(() => <KeyAccountCard />);
