// ESLint (flat config) for the web: `npx eslint .` here, or `npm test -- lint` from the root.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'node_modules/',
    '.next/',
    'out/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    'next-env.d.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  nextPlugin.configs['core-web-vitals'],
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Next loads the cache handlers by path, outside its bundles, as plain CommonJS (see redis-client.js).
    files: ['cache-handlers/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // jest.isolateModules loads a fresh copy of the handlers only through a synchronous require().
    files: ['test/cache-handlers/wiring.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['components/**/*.client.tsx', 'test/components/**', 'test/setup.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Last: turns off the rules that are about layout, which Prettier owns (npm run format; checked by npm run lint).
  prettier,
);
