#!/usr/bin/env node
// Prints, for every golden model, per-output max diff, tolerance, bit-exact share and arena bytes.
import { listGoldens, checkGolden } from '../test/harness/goldens.mjs';

for (const entry of listGoldens()) {
  try {
    const { stats, ms, arenaBytes } = checkGolden(entry);
    const ok = stats.every((s) => s.ok);
    console.log(`${ok ? 'PASS' : 'FAIL'} ${entry.name} (${ms.toFixed(0)} ms, arena ${arenaBytes} B)`);
    for (const s of stats) console.log(`     ${s.name} ${s.dtype}: max diff ${s.maxDiff.toExponential(2)} (tol ${s.tol.toExponential(2)}), ${(s.exact * 100).toFixed(2)}% exact`);
  } catch (e) {
    console.log(`FAIL ${entry.name}: ${e.message.split('\n')[0]}`);
  }
}
