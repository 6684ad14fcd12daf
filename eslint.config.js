import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The KAM domain is plain functions over plain data: it may import zod and itself, nothing else.
const domainImportRule = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['@hubspot/*', 'react', 'react/*', 'react-dom', 'react-dom/*'], message: 'The KAM domain must not depend on HubSpot or React.' },
        { group: ['node:*', 'fs', 'path', 'http', 'https', 'os', 'crypto', 'child_process', 'url', 'util', 'events', 'stream'], message: 'The KAM domain must not depend on Node.' },
        {
          group: ['**/app/**', '**/crm/**', '**/sandbox/**', '**/keystone/**', '**/contracts/**', '**/errors/**'],
          message: 'The KAM domain must not import the layers built on it.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'Pass configuration in; the domain never reads process.env.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Pass `now` in; the domain never reads the clock.' },
    { object: 'performance', property: 'now', message: 'Pass `now` in; the domain never reads the clock.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in; the domain never reads the clock.' },
    { selector: "CallExpression[callee.name='Date']", message: 'Pass `now` in; the domain never reads the clock.' },
  ],
};

// The layers above the domain, lowest first: each imports only the layers below it, never one above.
// errors and contracts are leaves every layer above the domain may use; crm is the one HubSpot adapter;
// keystone holds the services; app/functions the edge HubSpot calls; app/ui and the component folders
// (cards, settings, pages) the screens, which share only app/ui. test/architecture/layers.test.ts checks
// the same table on the resolved imports, finds no import cycle between folders, and proves this config
// refuses each import the table forbids.
const climbsTo = (folders) => `^(\\.\\./)+(${folders.join('|')})/`;
const NODE = ['node:*', 'fs', 'path', 'http', 'https', 'os', 'crypto', 'child_process', 'url', 'util', 'events', 'stream'];
const SCREEN_PACKAGES = [
  { group: ['@hubspot/api-client', '@hubspot/api-client/*', ...NODE], message: "Screens run in HubSpot's browser sandbox: no API client, no Node." },
  { group: ['zod'], allowTypeImports: true, message: 'The component folders do not install zod: import its types only.' },
];
const layer = (files, folders, message, packages = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: climbsTo(folders), message }, ...packages] }] },
});
const screenLayer = (folder, others) =>
  layer([`src/app/${folder}/**/*.{ts,tsx}`], ['sandbox', 'crm', 'keystone', 'functions', ...others],
    `A screen reaches the backend only through a function call; the component folders share only app/ui.`, SCREEN_PACKAGES);

const layerRules = [
  layer(['src/errors/**/*.ts'], ['sandbox', 'crm', 'keystone', 'contracts', 'app'],
    'The error catalogue is a leaf: it imports only domain types.',
    [{ regex: '^[^.]', message: 'The error catalogue imports no package: every card bundles it.' }]),
  layer(['src/contracts/**/*.ts'], ['sandbox', 'crm', 'keystone', 'app'],
    'Contracts are a leaf: they import only the domain, the errors and zod.',
    [{ group: ['@hubspot/*', 'react', 'react/*', ...NODE], message: 'Contracts import zod only.' }]),
  layer(['src/crm/**/*.ts'], ['sandbox', 'keystone', 'app'], 'The CRM adapter serves the services: it must not import them or the app.'),
  layer(['src/keystone/**/*.ts'], ['sandbox', 'app'],
    'Services must not know the functions or screens that call them: share types through src/contracts.'),
  layer(['src/app/functions/**/*.ts'], ['sandbox', 'ui', 'cards', 'settings', 'pages'], 'Functions must not import screen code.'),
  layer(['src/app/ui/**/*.{ts,tsx}'], ['sandbox', 'crm', 'keystone', 'functions', 'cards', 'settings', 'pages'],
    'Shared screen code must not import the backend or a component folder.',
    [...SCREEN_PACKAGES, {
      group: ['@hubspot/ui-extensions', '@hubspot/ui-extensions/*'],
      allowTypeImports: true,
      message: 'Each component folder installs @hubspot/ui-extensions and hands it to createKeystoneUi: import its types only.',
    }]),
  screenLayer('cards', ['settings', 'pages']),
  screenLayer('settings', ['cards', 'pages']),
  screenLayer('pages', ['cards', 'settings']),
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/app/functions/dist/**', 'dist/**', '.sandbox/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/kam/**/*.ts'],
    rules: domainImportRule,
  },
  ...layerRules,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
