// Prints the closing line CI reads ("tests: N passed, N failed, N skipped") and every skip with its reason.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log('tests: 0 passed, 1 failed (no test report was written)');
  process.exit(1);
}
const skipped = [];
for (const suite of report.testResults ?? []) {
  for (const t of suite.assertionResults ?? []) {
    if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') skipped.push(`${suite.name}: ${t.fullName}`);
  }
}
for (const s of skipped) console.log(`skipped: ${s}`);
const passed = report.numPassedTests ?? 0;
// A test file that fails to load counts as a failure too.
const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped.length} skipped`);
if (report.numTotalTests === 0) {
  console.log('tests: no test ran');
  process.exit(1);
}
process.exit(failed > 0 || report.success === false ? 1 : 0);
