import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The KAM domain is plain functions over plain data: it may import zod and itself, nothing else.
const domainImportRule = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['@hubspot/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
          message: 'The KAM domain must not depend on HubSpot or React.',
        },
        {
          group: [
            'node:*',
            'fs',
            'path',
            'http',
            'https',
            'os',
            'crypto',
            'child_process',
            'url',
            'util',
            'events',
            'stream',
          ],
          message: 'The KAM domain must not depend on Node.',
        },
        {
          group: ['**/app/**', '**/crm/**', '**/sandbox/**', '**/keystone/**', '**/contracts/**', '**/errors/**'],
          message: 'The KAM domain must not import the layers built on it.',
        },
        { regex: '^(?!\\.)(?!zod(?:/|$))', message: 'The KAM domain imports zod and itself, no other package.' },
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
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'Pass `now` in; the domain never reads the clock.',
    },
    { selector: "CallExpression[callee.name='Date']", message: 'Pass `now` in; the domain never reads the clock.' },
  ],
};

// The layers above the domain, lowest first: each imports only the layers below it, never one above.
// errors and contracts are leaves every layer above the domain may use; crm is the one HubSpot adapter;
// keystone holds the services; app/functions the edge HubSpot calls; app/ui and the component folders
// (cards, settings, pages) the screens, which share only app/ui. Each layer names the folders it may
// not climb to and the packages it may import (`typesFrom`: types only; the component folders do not
// install zod, and take @hubspot/ui-extensions from their own folder). test/architecture/layers.test.ts
// checks the same table on the resolved imports, finds no import cycle, and proves this config refuses
// exactly the imports the table forbids.
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const packageName = (name) => `${escape(name)}${name.endsWith(':') ? '' : '(?:/|$)'}`;
const layer = ({ files, notUp, message, packages = [], typesFrom = [] }) => {
  const known = [...packages, ...typesFrom].map(packageName);
  const allowed = `${packages.join(', ') || 'none'}${typesFrom.length > 0 ? `, and types from ${typesFrom.join(', ')}` : ''}`;
  const patterns = [
    { regex: `^(\\.\\./)+(${notUp.join('|')})/`, message },
    {
      regex: known.length > 0 ? `^(?!\\.)(?!(?:${known.join('|')}))` : '^(?!\\.)',
      message: `Packages this layer may import: ${allowed}.`,
    },
  ];
  if (typesFrom.length > 0) {
    patterns.push({
      regex: `^(?:${typesFrom.map(packageName).join('|')})`,
      allowTypeImports: true,
      message: 'Import its types only.',
    });
  }
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
};
const SCREEN = {
  message: 'A screen reaches the backend only through a function call; the component folders share only app/ui.',
  packages: ['react', '@hubspot/ui-extensions'],
  typesFrom: ['zod'],
};

const layerRules = [
  layer({
    files: ['src/errors/**/*.ts'],
    notUp: ['sandbox', 'crm', 'keystone', 'contracts', 'app'],
    message: 'The error catalogue is a leaf: it imports only domain types (every card bundles it).',
  }),
  layer({
    files: ['src/contracts/**/*.ts'],
    notUp: ['sandbox', 'crm', 'keystone', 'app'],
    message: 'Contracts are a leaf: they import only the domain and the errors.',
    packages: ['zod'],
  }),
  layer({
    files: ['src/crm/**/*.ts'],
    notUp: ['sandbox', 'keystone', 'app'],
    message: 'The CRM adapter serves the services: it must not import them or the app.',
    packages: ['@hubspot/api-client', 'zod', 'node:'],
  }),
  layer({
    files: ['src/keystone/**/*.ts'],
    notUp: ['sandbox', 'app'],
    message: 'Services must not know the functions or screens that call them: share types through src/contracts.',
    packages: ['@hubspot/api-client', 'zod', 'node:'],
  }),
  layer({
    files: ['src/app/functions/**/*.ts'],
    notUp: ['sandbox', 'ui', 'cards', 'settings', 'pages'],
    message: 'Functions must not import screen code.',
    packages: ['@hubspot/api-client', 'zod'],
  }),
  layer({
    files: ['src/app/ui/**/*.{ts,tsx}'],
    notUp: ['sandbox', 'crm', 'keystone', 'functions', 'cards', 'settings', 'pages'],
    message: 'Shared screen code must not import the backend or a component folder.',
    packages: ['react'],
    typesFrom: ['@hubspot/ui-extensions', 'zod'],
  }),
  layer({
    files: ['src/app/cards/**/*.{ts,tsx}'],
    notUp: ['sandbox', 'crm', 'keystone', 'functions', 'settings', 'pages'],
    ...SCREEN,
  }),
  layer({
    files: ['src/app/settings/**/*.{ts,tsx}'],
    notUp: ['sandbox', 'crm', 'keystone', 'functions', 'cards', 'pages'],
    ...SCREEN,
  }),
  layer({
    files: ['src/app/pages/**/*.{ts,tsx}'],
    notUp: ['sandbox', 'crm', 'keystone', 'functions', 'cards', 'settings'],
    ...SCREEN,
  }),
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
  // What ships to HubSpot is also checked with the types: promises awaited or voided on purpose,
  // nothing unsafe from \`any\`, no needless assertions. Three parameters at most: more are an object
  // whose names say what each one is.
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({ ...config, files: ['src/**/*.{ts,tsx}'] })),
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { 'max-params': ['error', 3] },
  },
  // The cards, settings page, pages and the preview are React: hooks follow React's rules.
  {
    files: ['src/app/**/*.{ts,tsx}', 'preview/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
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
