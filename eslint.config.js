import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import restrictions that encode ARCHITECTURE.md's "who may import whom" table. */
const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

const htmlSinks = [
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML sinks: render attacker-controlled data as text.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML sinks: render attacker-controlled data as text.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: render data as text.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'bench-data/**', 'sample-data/**', 'coverage/**', '**/*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...htmlSinks],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Patterns match relative specifiers too ('../core/backend' matches '**/core/**').
  layer(['shared/**'], ['**/electron/**', '**/renderer/**', 'node:*', 'electron', 'react', 'react-dom'], 'shared/ is pure: no Node, no DOM, no app layers.'),
  layer(['electron/core/**'], ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/server/**', '**/cli/**', '**/renderer/**'], 'electron/core is the backend: it imports only shared/ and itself, never electron.'),
  layer(['electron/server/**', 'electron/cli/**'], ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**'], 'The HTTP host and CLI run in plain Node: shared/ and core only.'),
  layer(['electron/main/**'], ['**/core/**', '**/server/**', '**/cli/**', '**/renderer/**'], 'Electron main spawns the backend; it never imports it.'),
  layer(['electron/preload/**'], ['**/core/**', '**/main/**', '**/server/**', '**/cli/**', '**/renderer/**', 'node:*'], 'The preload only bridges invoke/onEvent.'),
  layer(['renderer/**'], ['**/electron/**', 'node:*', 'electron', '@duckdb/*'], 'The renderer never touches Node or the backend: go through renderer/src/api.'),
  layer(['renderer/src/components/**'], ['**/api', '**/api/**', '**/features/**', 'zustand', 'zustand/*'], 'components/ are presentational: no api, no stores, no features.'),
);
