import { describe, expect, it } from 'vitest';
import { auditNoteBody } from '../../../src/keystone/account/audit-note.ts';

const caller = {
  userId: '51001',
  ownerId: '1001',
  name: 'Max <Manager>',
  teamIds: [],
  isAdmin: false,
  isManager: true,
};

describe('the audit note on the company timeline', () => {
  it('says what happened, why and who did it, one paragraph each', () => {
    const body = auditNoteBody({
      caller: { ...caller, name: 'Max Manager' },
      headline: 'Key account status: Candidate → Key account',
      details: [['Reason', 'Biggest client']],
    });
    expect(body).toBe(
      '<p><strong>Keystone: Key account status: Candidate → Key account</strong></p><p>Reason: Biggest client</p><p>By Max Manager (HubSpot user 51001)</p>',
    );
  });

  it('escapes whatever people typed, so a reason cannot add markup or scripts to the timeline', () => {
    const body = auditNoteBody({
      caller,
      headline: 'Review',
      details: [['Summary', '<img src=x onerror="alert(1)"> & \'more\'\nnext line']],
    });
    expect(body).not.toMatch(/<img|<Manager>/);
    expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;more&#39;<br>next line');
    expect(body).toContain('By Max &lt;Manager&gt;');
  });

  it('stays below the 65,536 characters HubSpot keeps in a note, saying where a long text was cut', () => {
    const body = auditNoteBody({
      caller,
      headline: 'Review',
      details: [
        ['Summary', '"'.repeat(100_000)],
        ['Reason', 'Short'],
      ],
    });
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('&quot;&quot; … (cut here: the full text is longer than a HubSpot note holds)</p>');
    expect(body).toContain('<p>Reason: Short</p>');
    expect(body).toContain('By Max &lt;Manager&gt;');
  });
});
