import { Children, isValidElement, useId, useState, type ReactElement } from 'react';
import type { TabProps, TabsProps } from '@hubspot/ui-extensions';
import { classes, testIdAttribute } from './shared.ts';

// A Tab is only a container: Tabs reads its props to draw the tab list and shows the selected one's children.
export function Tab({ children }: TabProps) {
  return <>{children}</>;
}

export function Tabs({
  children,
  onSelectedChange,
  defaultSelected,
  selected,
  variant = 'default',
  fill = false,
  testId,
}: TabsProps) {
  const tabs = Children.toArray(children).filter((child): child is ReactElement<TabProps> => isValidElement(child));
  const idOf = (tab: ReactElement<TabProps>, index: number) => tab.props.tabId ?? index;
  const [ownSelected, setOwnSelected] = useState(defaultSelected ?? (tabs[0] ? idOf(tabs[0], 0) : undefined));
  const current = selected ?? ownSelected;
  const baseId = useId();
  const choose = (id: string | number) => {
    setOwnSelected(id);
    (onSelectedChange as ((id: string | number) => void) | undefined)?.(id);
  };
  return (
    <div className={classes('hs-tabs', `hs-tabs--${variant}`, fill && 'hs-tabs--fill')} {...testIdAttribute(testId)}>
      <div role="tablist" className="hs-tabs__list">
        {tabs.map((tab, index) => {
          const id = idOf(tab, index);
          return (
            <button
              key={String(id)}
              type="button"
              role="tab"
              id={`${baseId}-tab-${index}`}
              aria-selected={id === current}
              aria-controls={`${baseId}-panel-${index}`}
              disabled={tab.props.disabled}
              title={tab.props.tooltip}
              className={classes('hs-tabs__tab', id === current && 'hs-tabs__tab--selected')}
              onClick={() => choose(id)}
            >
              {tab.props.title}
            </button>
          );
        })}
      </div>
      {tabs.map((tab, index) =>
        idOf(tab, index) === current ? (
          <div
            key={String(idOf(tab, index))}
            role="tabpanel"
            id={`${baseId}-panel-${index}`}
            aria-labelledby={`${baseId}-tab-${index}`}
            className="hs-tabs__panel"
            {...testIdAttribute(tab.props.testId)}
          >
            {tab}
          </div>
        ) : null,
      )}
    </div>
  );
}
