// Memory: the greedy planner never overlaps live buffers and beats no sharing; the heap reuses and
// coalesces free blocks, and tensors survive its growth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { GreedyPlanner, LinearPlanner } from '../dist/memory/planner.js';
import { Heap, ArrayBufferBacking, WasmMemoryBacking } from '../dist/memory/heap.js';
import { Interpreter } from '../dist/index.js';
import { mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR } from './harness/goldens.mjs';

test('greedy planner: no overlap of live buffers on random lifetimes, never larger than linear', () => {
  const next = mulberry32(3);
  for (let k = 0; k < 50; k++) {
    const g = new GreedyPlanner(64), l = new LinearPlanner(64);
    for (let i = 0; i < 40; i++) {
      const first = next() % 30, size = 1 + (next() % 5000);
      const last = first + (next() % 8);
      g.addBuffer(size, first, last);
      l.addBuffer(size, first, last);
    }
    g.plan(); l.plan();
    assert.equal(g.anyOverlap(), false);
    assert.ok(g.arenaSize <= l.arenaSize);
  }
});

test('heap: first fit, coalescing, alignment, growth bumps the generation', () => {
  const heap = new Heap(new ArrayBufferBacking(256));
  const a = heap.alloc(100, 64), b = heap.alloc(100, 64), c = heap.alloc(100, 64);
  assert.deepEqual([a % 64, b % 64, c % 64], [0, 0, 0]);
  const gen = heap.generation;
  heap.freeBlock(a); heap.freeBlock(b);
  assert.equal(heap.alloc(250, 64), a, 'the two freed neighbours merged and are reused');
  heap.alloc(10_000, 64);
  assert.ok(heap.generation > gen, 'grew');
  const wasm = new Heap(new WasmMemoryBacking(new WebAssembly.Memory({ initial: 1 })), 1024);
  const off = wasm.alloc(200_000);
  assert.ok(off >= 1024);
  assert.ok(wasm.buffer.byteLength >= off + 200_000);
  assert.throws(() => heap.alloc(2 ** 32), /memory limit/);
});

test('an interpreter on a WebAssembly.Memory heap computes the same outputs', { skip: !fs.existsSync(MODELS_DIR) }, () => {
  const bytes = fs.readFileSync(path.join(MODELS_DIR, 'mtcnn/rnet.tflite'));
  const run = (options) => {
    const it = new Interpreter(bytes, options);
    it.allocateTensors();
    const d = it.getInputDetails()[0];
    const next = mulberry32(9);
    it.setTensor(d.index, Float32Array.from({ length: 24 * 24 * 3 }, () => next() / 2 ** 32));
    it.invoke();
    return it.getOutputDetails().map((o) => it.getTensor(o.index));
  };
  const memory = new WebAssembly.Memory({ initial: 1 });
  const heap = new Heap(new WasmMemoryBacking(memory));
  assert.deepEqual(run({ heap }), run({}));
  assert.ok(memory.buffer.byteLength > 65536, 'tensors were placed in the wasm memory');
});
