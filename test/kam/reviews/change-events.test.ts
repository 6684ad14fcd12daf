import { describe, expect, it } from 'vitest';
import { changeEventsFromHistory, type PropertyHistory } from '../../../src/kam/reviews/index.ts';

const t = (iso: string) => Date.parse(iso);

function eventsOf(histories: PropertyHistory[]) {
  const result = changeEventsFromHistory(histories);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe('changeEventsFromHistory', () => {
  it("turns HubSpot's newest-first history into changes from each value to the next", () => {
    const history: PropertyHistory = {
      kind: 'contact',
      recordId: 'dan',
      property: 'stance',
      history: [
        { value: 'supporter', timestamp: '2026-05-01T09:00:00.000Z' },
        { value: 'protester', timestamp: '2026-02-01T09:00:00.000Z' },
      ],
    };
    expect(eventsOf([history])).toEqual([
      {
        kind: 'contact',
        recordId: 'dan',
        property: 'stance',
        from: null,
        to: 'protester',
        at: t('2026-02-01T09:00:00.000Z'),
      },
      {
        kind: 'contact',
        recordId: 'dan',
        property: 'stance',
        from: 'protester',
        to: 'supporter',
        at: t('2026-05-01T09:00:00.000Z'),
      },
    ]);
  });

  it('reads a cleared value as null and skips a value set again unchanged', () => {
    const events = eventsOf([
      {
        kind: 'contact',
        recordId: 'tom',
        property: 'title',
        history: [
          { value: '', timestamp: 3000 },
          { value: 'CFO', timestamp: 2000 },
          { value: 'CFO', timestamp: 1000 },
        ],
      },
    ]);
    expect(events.map((e) => [e.from, e.to, e.at])).toEqual([
      [null, 'CFO', 1000],
      ['CFO', null, 3000],
    ]);
  });

  it('orders changes of several records by time, whatever order the history came in', () => {
    const events = eventsOf([
      { kind: 'company', recordId: 'acme', property: 'owner', history: [{ value: '11', timestamp: 5000 }] },
      {
        kind: 'contact',
        recordId: 'jan',
        property: 'leftCompany',
        history: [
          { value: 'false', timestamp: 1000 },
          { value: 'true', timestamp: 4000 },
        ],
      },
    ]);
    expect(events.map((e) => `${e.recordId}.${e.property}=${e.to}@${e.at}`)).toEqual([
      'jan.leftCompany=false@1000',
      'jan.leftCompany=true@4000',
      'acme.owner=11@5000',
    ]);
  });

  it("takes the entries of HubSpot's client as they come: Dates, and extra fields it ignores", () => {
    const events = eventsOf([
      {
        kind: 'contact',
        recordId: 'jan',
        property: 'leftCompany',
        history: [{ value: 'true', timestamp: new Date('2026-03-02T10:00:00Z'), sourceType: 'CRM_UI' } as never],
      },
    ]);
    expect(events).toEqual([
      {
        kind: 'contact',
        recordId: 'jan',
        property: 'leftCompany',
        from: null,
        to: 'true',
        at: t('2026-03-02T10:00:00Z'),
      },
    ]);
  });

  it('names the entry of a timestamp that is neither epoch milliseconds nor an ISO date', () => {
    const result = changeEventsFromHistory([
      { kind: 'contact', recordId: 'tom', property: 'title', history: [{ value: 'CFO', timestamp: 'yesterday' }] },
    ]);
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['0.history.0.timestamp']);
  });

  it('names the entry of a value the property cannot take', () => {
    const result = changeEventsFromHistory([
      { kind: 'objective', recordId: 'o1', property: 'status', history: [{ value: 'done', timestamp: 1 }] },
    ]);
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['0.history.0.value']);
  });
});
