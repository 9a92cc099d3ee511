import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  // The standalone build copies package.json into .next and confuses the module map.
  modulePathIgnorePatterns: ['<rootDir>/.next/'],
  moduleNameMapper: {
    // SWC does not rewrite the strings inside jest.mock(), so '@/' needs mapping here too.
    '^@/(.*)$': '<rootDir>/$1',
    // 'server-only' throws outside a react-server bundle; tests run the server modules directly.
    '^server-only$': '<rootDir>/test/support/empty-module.ts',
  },
};

export default createJestConfig(config);
