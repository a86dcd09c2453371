#!/usr/bin/env node
// node test/harness/run_cases.mjs test/ops/add.cases.mjs [...]: runs case tables, prints PASS/FAIL per case.
import { loadCaseFiles, runCases } from './cases.mjs';

const files = process.argv.slice(2);
if (files.length === 0) { console.error('usage: run_cases.mjs CASES.mjs...'); process.exit(2); }
const cases = await loadCaseFiles(files);
const results = runCases(cases);
let pass = 0;
for (const r of results) {
  if (r.ok) pass++;
  console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.op} ${r.name}${r.ok ? ` (max diff ${r.maxDiff})` : `: ${r.message}`}`);
}
console.log(`${pass}/${results.length} cases pass`);
process.exit(pass === results.length ? 0 : 1);
