// `npm run mutation`: Stryker over the lawfulness-critical core (issue 18, docs/testing.md). Each test
// file runs as its own `node --test` process (the TAP runner), with the Node of node_modules/.bin that
// npm puts first on PATH, so the .ts files run as they do in `npm test`. One mutant at a time: the
// machine is shared. Not part of `npm test`.
// One module: `npm run mutation -- --mutate src/accounts/policy.ts`.

/** The core whose tests must notice any change (issue 18). */
const CORE = [
  'src/domain/**/*.ts',
  'src/accounts/**/*.ts',
  // The minimisation gate, and the purpose check every crawl passes first.
  'src/crawl/keep-or-delete.ts',
  'src/crawl/plan-crawl.ts',
  'src/evidence/verify*.ts',
  'src/evidence/custody-index.ts',
  'src/retention/*.ts',
  // The rule engine: what makes an ad reach the threshold.
  'src/analyse/assess.ts',
  'src/analyse/compile-profile.ts',
  'src/analyse/text-rules.ts',
  'src/analyse/field-rules.ts',
  'src/analyse/cross-ad.ts',
  'src/analyse/staging.ts',
  'src/analyse/analyse-batch.ts',
  // The theme checks of the application layer.
  'src/services/context.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [...CORE, '!**/*.test.ts', '!**/*.fixtures.ts', '!**/*.contract.ts'],
  testRunner: 'tap',
  tap: {
    testFiles: [
      'src/domain/**/*.test.ts', 'src/accounts/**/*.test.ts', 'src/crawl/**/*.test.ts', 'src/evidence/**/*.test.ts',
      'src/retention/**/*.test.ts', 'src/analyse/**/*.test.ts', 'src/services/**/*.test.ts', 'src/cli/purge.test.ts',
    ],
    nodeArgs: ['--test-reporter=tap'],
  },
  plugins: ['@stryker-mutator/tap-runner', '@stryker-mutator/typescript-checker'],
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // A test file runs only for the mutants its run reached.
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 30_000,
  // Only the mutants whose code or tests changed since the last run are run again.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // In place, not in a sandbox copy: Stryker cannot copy config/evaluation, a link to a directory that
  // the configuration tests read. Stryker restores the sources when it ends (or on its next start);
  // commit nothing while it runs (every source file carries its `// @ts-nocheck` meanwhile).
  inPlace: true,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
