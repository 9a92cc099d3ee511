// ESLint (flat config) for the CMS: `npx eslint .` here, or `npm test -- lint` from the root.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output, Strapi's caches and its generated typings (types/generated is written by Strapi, never by hand).
  globalIgnores([
    'node_modules/',
    'dist/',
    'build/',
    '.cache/',
    '.tmp/',
    '.strapi/',
    'public/',
    'coverage/',
    'types/generated/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
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
    // The admin panel's customisations (React 18, bundled by Strapi for the browser).
    files: ['src/admin/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  // Last: turns off the rules that are about layout, which Prettier owns (npm run format; checked by npm run lint).
  prettier,
);
