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
        { group: ['**/app/**', '**/crm/**', '**/sandbox/**'], message: 'The KAM domain must not import its adapters.' },
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
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
