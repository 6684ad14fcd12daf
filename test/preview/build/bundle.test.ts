import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePreview, extensionsModuleSource } from '../../../preview/build/bundle.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/project');

describe('the preview bundle', () => {
  it('imports every card module in order and pairs each with the hubspot.extend call it makes', () => {
    const source = extensionsModuleSource(
      [
        { uid: 'tab', kind: 'card', location: 'crm.record.tab', title: 'Tab', file: '/p/Tab.tsx' },
        { uid: 'side', kind: 'card', location: 'crm.record.sidebar', title: 'Side', file: '/p/Side.tsx' },
      ],
      '/preview/host.tsx',
    );
    expect(source.indexOf('import "/p/Tab.tsx";')).toBeLessThan(source.indexOf('import "/p/Side.tsx";'));
    expect(source).toContain('const renders = takeRegisteredExtensions();');
    expect(source).toContain('Expected ${meta.length} calls of hubspot.extend');
  });

  it("bundles a project's real card against the preview components, with an unknown component standing in for a missing one", async () => {
    const bundle = await bundlePreview(FIXTURE);
    expect(bundle.extensions).toEqual([
      { uid: 'fixture_greeting', kind: 'card', location: 'crm.record.tab', title: 'Greeting' },
    ]);
    expect(bundle.script).toContain('unknownComponent("Illustration")');
    expect(bundle.script).toContain('Company ');
    expect(bundle.stylesheet).toContain('.hs-button');
    expect(bundle.stylesheet).toContain('.preview-record');
  });

  it('names the card whose entry module is missing', async () => {
    await expect(bundlePreview(path.resolve(import.meta.dirname, '../fixtures/missing-card'))).rejects.toThrow(
      'src/app/cards/Missing.tsx (the entrypoint of fixture_missing) does not exist',
    );
  });
});
