/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // htmlparser2 and its DOM packages ship ES modules only; Node requires them natively, Jest needs them compiled.
  transformIgnorePatterns: [
    '/node_modules/(?!(htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities)/)',
  ],
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
  // Compiles the app once: compileStrapi() exits the process on a TypeScript error, so it must not run per file.
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  testTimeout: 60_000,
};
