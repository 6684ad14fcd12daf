import { describe, expect, it } from 'vitest';
import { evidenceInWords } from '../../../src/app/ui/labels.ts';

// Days as ISO dates in UTC: the words around them are under test, not the portal's format.
const names = { owner: () => null, company: () => null, date: (at: number) => new Date(at).toISOString().slice(0, 10) };
const LEFT_ON = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;

describe("a review trigger's evidence in words", () => {
  it("leaves a recorded event's note to the trigger's sentence, which already holds it; one stored without who recorded it reads as a manager's", () => {
    const evidence = {
      objectType: 'companies',
      objectId: '42',
      property: 'recordedEvent',
      from: null,
      to: 'Rival firm Brackley & Co cut fees 20%.',
    } as const;
    expect(evidenceInWords({ evidence, at: LEFT_ON }, names)).toBe('Recorded by a manager');
  });

  it('names the manager who recorded an event', () => {
    const evidence = {
      objectType: 'companies',
      objectId: '42',
      property: 'recordedEvent',
      from: null,
      to: 'Rival firm Brackley & Co cut fees 20%.',
      recordedBy: { userId: 9001, ownerId: '501', name: 'Margaret Hartwell' },
    } as const;
    expect(evidenceInWords({ evidence, at: LEFT_ON }, names)).toBe('Recorded by Margaret Hartwell');
  });

  it('says what a watched property changed from and to', () => {
    const evidence = { objectType: 'contacts', objectId: '7', property: 'jobtitle', from: 'CFO', to: 'CEO' } as const;
    expect(evidenceInWords({ evidence, at: LEFT_ON }, names)).toMatch(/CFO → CEO$/);
  });

  it('says a departure, or its undoing, in a sentence rather than as a value changed, whatever the reason the contact left', () => {
    const left = { objectType: 'contacts', objectId: '7', property: 'leftCompany', from: null, to: 'true' } as const;
    expect(evidenceInWords({ evidence: left, at: LEFT_ON }, names)).toBe('Departure recorded');
    expect(evidenceInWords({ evidence: { ...left, from: 'true', to: 'false' }, at: LEFT_ON }, names)).toBe(
      'Recorded as back at the client',
    );
  });

  it('says when a departure was recorded when that was another day than the contact left', () => {
    const left = { objectType: 'contacts', objectId: '7', property: 'leftCompany', from: null, to: 'true' } as const;
    const later = { evidence: { ...left, recordedAt: LEFT_ON + 17 * DAY }, at: LEFT_ON };
    expect(evidenceInWords(later, names)).toBe('Departure recorded 2026-12-07');
    const sameDay = { evidence: { ...left, recordedAt: LEFT_ON + DAY / 4 }, at: LEFT_ON };
    expect(evidenceInWords(sameDay, names)).toBe('Departure recorded');
  });
});
