import { describe, expect, it } from 'vitest';
import { aliasModuleFor, aliasModuleSource } from '../../../preview/build/extensions-alias.ts';

const input = (overrides: Partial<Parameters<typeof aliasModuleSource>[0]> = {}) => ({
  specifier: '@hubspot/ui-extensions',
  realExports: ['Alert', 'Illustration', 'hubspot', 'useCrmSearch', 'iconNames'],
  constantExports: ['iconNames'],
  previewExports: ['Alert', 'hubspot'],
  previewFile: '/preview/index.ts',
  unknownFile: '/preview/unknown.tsx',
  constantsFile: '/real/constants.js',
  ...overrides,
});

const standIns = (source: string) =>
  [...source.matchAll(/export const (\w+) = (\w+)\(/g)].map((match) => `${match[1]}:${match[2]}`);

describe('the @hubspot/ui-extensions alias', () => {
  it('re-exports what the preview implements and the real constants', () => {
    const source = aliasModuleSource(input());
    expect(source).toContain('export { Alert, hubspot } from "/preview/index.ts";');
    expect(source).toContain('export * from "/real/constants.js";');
  });

  it('stands in for a missing component with an unknown component, and for a missing hook with an error', () => {
    expect(standIns(aliasModuleSource(input()))).toEqual([
      'Illustration:unknownComponent',
      'useCrmSearch:unknownExport',
    ]);
    expect(aliasModuleSource(input({ specifier: '@hubspot/ui-extensions/crm' }))).toContain(
      'export const useCrmSearch = unknownExport("useCrmSearch", "@hubspot/ui-extensions/crm");',
    );
  });

  it('implements every component of @hubspot/ui-extensions 0.17 except Illustration', async () => {
    expect(standIns(await aliasModuleFor('@hubspot/ui-extensions'))).toEqual([
      'Illustration:unknownComponent',
      'formatCrmProperties:unknownExport',
      'useCrmSearch:unknownExport',
    ]);
  });

  it('implements useCrmProperties of @hubspot/ui-extensions/crm and shows its CRM components as unknown', async () => {
    const source = await aliasModuleFor('@hubspot/ui-extensions/crm');
    expect(source).toMatch(/export \{ useCrmProperties \} from/);
    expect(standIns(source)).toContain('CrmPropertyList:unknownComponent');
    expect(standIns(source)).toContain('useAssociations:unknownExport');
  });

  it('implements the page router, links and title of @hubspot/ui-extensions/pages and shows its header and breadcrumbs as unknown', async () => {
    const source = await aliasModuleFor('@hubspot/ui-extensions/pages');
    expect(source).toMatch(/export \{ PageLink, PageRoutes, PageTitle, createPageRouter, usePageRoute \} from/);
    expect(standIns(source)).toEqual(['PageBreadcrumbs:unknownComponent', 'PageHeader:unknownComponent']);
  });
});
