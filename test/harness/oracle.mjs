// Batch access to the official runtimes: one child process runs every job.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'oracle_child.mjs');

/** jobs: [{runtime, bytes: Uint8Array, inputs: [{dtype, shape, values}]}] → [{ok, outputs|error}] */
export function runOracle(jobs) {
  if (jobs.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tflite-oracle-'));
  try {
    const list = jobs.map((j, i) => {
      const model = path.join(dir, `m${i}.tflite`);
      fs.writeFileSync(model, j.bytes);
      const inputs = j.inputs.map((x) => ({ dtype: x.dtype, shape: x.shape, values: Array.from(x.values, (v) => (typeof v === 'bigint' ? Number(v) : Number.isFinite(v) ? v : String(v))) }));
      return { runtime: j.runtime ?? 'litert', model, inputs };
    });
    const jobsPath = path.join(dir, 'jobs.json');
    const outPath = path.join(dir, 'results.json');
    fs.writeFileSync(jobsPath, JSON.stringify(list));
    const r = spawnSync(process.execPath, [CHILD, jobsPath, outPath], { encoding: 'utf8', timeout: 600_000 });
    if (!fs.existsSync(outPath)) throw new Error(`oracle failed (exit ${r.status}): ${(r.stderr || '').slice(-2000)}`);
    return JSON.parse(fs.readFileSync(outPath, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
