import { describe, expect, it } from 'vitest';
import { evidenceInWords } from '../../../src/app/ui/labels.ts';

const names = { owner: () => null, company: () => null };

describe("a review trigger's evidence in words", () => {
  it("leaves a recorded event's note to the trigger's sentence, which already holds it; one stored without who recorded it reads as a manager's", () => {
    const evidence = {
      objectType: 'companies',
      objectId: '42',
      property: 'recordedEvent',
      from: null,
      to: 'Rival firm Brackley & Co cut fees 20%.',
    } as const;
    expect(evidenceInWords(evidence, names)).toBe('Recorded by a manager');
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
    expect(evidenceInWords(evidence, names)).toBe('Recorded by Margaret Hartwell');
  });

  it('says what a watched property changed from and to', () => {
    const evidence = { objectType: 'contacts', objectId: '7', property: 'jobtitle', from: 'CFO', to: 'CEO' } as const;
    expect(evidenceInWords(evidence, names)).toMatch(/CFO → CEO$/);
  });

  it('says a departure, or its undoing, in a sentence rather than as a value changed', () => {
    const left = { objectType: 'contacts', objectId: '7', property: 'leftCompany', from: null, to: 'true' } as const;
    expect(evidenceInWords(left, names)).toBe('Recorded as having left the client');
    expect(evidenceInWords({ ...left, from: 'true', to: 'false' }, names)).toBe('Recorded as back at the client');
  });
});
