// Bundles (scripts/size-report.mjs): esbuild bundles of the whole runtime and of MobileNet-only
// builds (selective registration through tflite-ts/core, tflite-ts/kernels and tflite-ts/simd)
// each run two MobileNets bit-exactly against their goldens, tree-shaking leaves the unused ops
// out, and the threads' shared-memory kernels stay in a lazy chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MODELS_DIR } from './harness/goldens.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test('bundles: MobileNet-only builds run the goldens and are smaller than the whole runtime', { skip: !fs.existsSync(MODELS_DIR) }, () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tflite-size-test-')), 'size.json');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/size-report.mjs'), '--json', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const { rows } = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  const [allSimd, allRef, mobileRef, mobileSimd] = rows;
  for (const row of rows) assert.equal(row.verified.length, 2, `${row.name}: ran both MobileNets`);
  assert.ok(mobileRef.bytes < allRef.bytes / 2, 'MobileNet reference build: unused kernels shaken out');
  // The wasm module holds every SIMD kernel (one module): compare the JavaScript around it.
  const js = (row) => row.bytes - row.wasmBase64Bytes;
  assert.ok(js(mobileSimd) < js(allSimd) / 2, 'MobileNet SIMD build: unused kernels shaken out');
  assert.equal(mobileSimd.wasmBase64Bytes, allSimd.wasmBase64Bytes);
  for (const row of [allSimd, mobileSimd]) {
    assert.ok(row.wasmBase64Bytes > 0 && row.lazyWasmBase64Bytes > 0, `${row.name}: one wasm build up front, the shared one lazy`);
  }
  assert.equal(mobileRef.wasmBase64Bytes, 0, 'no wasm in a reference-tier build');
});
