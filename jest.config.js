/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // nock keeps its interceptor on a global that outlives each test file; Jest's cleanup would only warn about it.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  // Type errors are caught once by `npm run typecheck`; ts-jest only transpiles here.
  clearMocks: true,
  testTimeout: 20000,
};
