// Prints the closing line CI reads ("tests: N passed, N failed, N skipped") and every skip with its reason.
//   node scripts/test-summary.mjs REPORT.json           one vitest JSON report (npm test)
//   node scripts/test-summary.mjs --combine LOG…        the closing lines of several `npm test` logs, added up
//                                                       (.ci/run: one log per Node version)
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The skipped count is missing from the line test.sh prints when the type check fails.
const CLOSING = /^tests: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/;

function summarizeReport(file) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.log('tests: 0 passed, 1 failed (no test report was written)');
    return 1;
  }
  const skipped = [];
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') skipped.push(`${suite.name}: ${t.fullName}`);
    }
  }
  for (const s of skipped) console.log(`skipped: ${s}`);
  const passed = report.numPassedTests ?? 0;
  // A test file that fails to load (failed, with no test results) counts as a failure too; a file whose tests
  // failed is already counted by its tests.
  const unloaded = (report.testResults ?? []).filter((s) => s.status === 'failed' && !(s.assertionResults ?? []).length).length;
  const failed = (report.numFailedTests ?? 0) + unloaded;
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  if (report.numTotalTests === 0) {
    console.log('tests: no test ran');
    return 1;
  }
  return failed > 0 || report.success === false ? 1 : 0;
}

/** Adds up the last closing line of each log; a log without one (a run that crashed) counts as one failure. */
function combineLogs(files) {
  const total = [0, 0, 0];
  const runs = [];
  for (const file of files) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Counted below as a run without a closing line.
    }
    const line = text.split('\n').map((l) => CLOSING.exec(l)).filter(Boolean).at(-1);
    const counts = line ? line.slice(1, 4).map((n) => Number(n ?? 0)) : [0, 1, 0];
    counts.forEach((n, i) => (total[i] += n));
    runs.push(`${path.basename(file, '.log')}: ${counts[0]} passed, ${counts[1]} failed${line ? '' : ' (no closing line)'}`);
  }
  console.log(`tests: ${total[0]} passed, ${total[1]} failed, ${total[2]} skipped (${runs.join('; ')})`);
  return files.length === 0 || total[1] > 0 ? 1 : 0;
}

const args = process.argv.slice(2);
process.exit(args[0] === '--combine' ? combineLogs(args.slice(1)) : summarizeReport(args[0]));
