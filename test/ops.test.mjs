// Every op case table (test/ops/*.cases.mjs) against the official runtime (LiteRT.js), in one batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadCaseFiles, runCases } from './harness/cases.mjs';

const dir = path.join(import.meta.dirname, 'ops');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cases.mjs')).sort().map((f) => path.join(dir, f));
const cases = await loadCaseFiles(files);
const results = runCases(cases);
const byOp = new Map();
results.forEach((r) => byOp.set(r.op, [...(byOp.get(r.op) ?? []), r]));

for (const [op, rs] of byOp) {
  test(`${op}: ${rs.length} cases`, () => {
    const failed = rs.filter((r) => !r.ok);
    assert.equal(failed.length, 0, failed.map((r) => `${r.name}: ${r.message}`).join('\n'));
  });
}
