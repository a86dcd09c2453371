// IF, WHILE, CALL_ONCE and resource variables on multi-subgraph models built with ModelBuilder,
// compared with the official runtime (tfjs-tflite where LiteRT.js refuses resources).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Interpreter, ModelBuilder, BUILTIN_OPTIONS_BY_NAME, ModelError } from '../dist/index.js';
import { runOracle } from './harness/oracle.mjs';

const f32 = (shape, name) => ({ dtype: 'float32', shape, name });

/** if (c) x*y else x+y, with a then-branch of one op and an else-branch with none for the constant-output case. */
function ifModel() {
  const b = new ModelBuilder();
  const main = b.subgraph('main');
  const then = b.subgraph('then');
  const els = b.subgraph('else');
  const c = main.input({ dtype: 'bool', shape: [1], name: 'cond' });
  const x = main.input(f32([2, 2], 'x'));
  const y = main.input(f32([2, 2], 'y'));
  const out = main.tensor(f32([2, 2], 'out'));
  main.op('IF', [c, x, y], [out], { thenSubgraphIndex: 1, elseSubgraphIndex: 2 }).output(out);
  for (const [g, op] of [[then, 'MUL'], [els, 'ADD']]) {
    const a = g.input(f32([2, 2])), bb = g.input(f32([2, 2])), o = g.tensor(f32([2, 2]));
    g.op(op, [a, bb], [o], { fusedActivationFunction: 0 }).output(o);
  }
  return b.toBytes();
}

/** while (i < n) { i += 1; acc = acc * 2 + 1 } — loop-carried int32 counter and float vector. */
function whileModel() {
  const b = new ModelBuilder();
  const main = b.subgraph('main'), cond = b.subgraph('cond'), body = b.subgraph('body');
  const i0 = main.input({ dtype: 'int32', shape: [1], name: 'i' });
  const acc0 = main.input(f32([3], 'acc'));
  const i1 = main.tensor({ dtype: 'int32', shape: [1] }), acc1 = main.tensor(f32([3]));
  main.op('WHILE', [i0, acc0], [i1, acc1], { condSubgraphIndex: 1, bodySubgraphIndex: 2 }).output(i1).output(acc1);
  {
    const i = cond.input({ dtype: 'int32', shape: [1] }); cond.input(f32([3]));
    const n = cond.tensor({ dtype: 'int32', shape: [1], data: new Int32Array([5]) });
    const lt = cond.tensor({ dtype: 'bool', shape: [1] });
    cond.op('LESS', [i, n], [lt]).output(lt);
  }
  {
    const i = body.input({ dtype: 'int32', shape: [1] }), acc = body.input(f32([3]));
    const one = body.tensor({ dtype: 'int32', shape: [1], data: new Int32Array([1]) });
    const two = body.tensor({ dtype: 'float32', shape: [1], data: new Float32Array([2]) });
    const onef = body.tensor({ dtype: 'float32', shape: [1], data: new Float32Array([1]) });
    const i2 = body.tensor({ dtype: 'int32', shape: [1] }), t = body.tensor(f32([3])), acc2 = body.tensor(f32([3]));
    body.op('ADD', [i, one], [i2], { fusedActivationFunction: 0 });
    body.op('MUL', [acc, two], [t], { fusedActivationFunction: 0 });
    body.op('ADD', [t, onef], [acc2], { fusedActivationFunction: 0 });
    body.output(i2).output(acc2);
  }
  return b.toBytes();
}

/** CALL_ONCE initializes a resource variable to x0; each invoke adds the input to it and returns it. */
function variableModel() {
  const b = new ModelBuilder();
  const main = b.subgraph('main'), init = b.subgraph('init');
  const x = main.input(f32([2], 'x'));
  const h = main.tensor({ dtype: 'resource', shape: [], name: 'h' });
  const v = main.tensor(f32([2], 'v')), s = main.tensor(f32([2], 's')), out = main.tensor(f32([2], 'out'));
  main.op('CALL_ONCE', [], [], { initSubgraphIndex: 1 });
  main.op('VAR_HANDLE', [], [h], { container: '', sharedName: 'acc' });
  main.op('READ_VARIABLE', [h], [v]);
  main.op('ADD', [v, x], [s], { fusedActivationFunction: 0 });
  main.op('ASSIGN_VARIABLE', [h, s], []);
  main.op('READ_VARIABLE', [h], [out]);
  main.output(out);
  const ih = init.tensor({ dtype: 'resource', shape: [], name: 'h' });
  const x0 = init.tensor({ dtype: 'float32', shape: [2], data: new Float32Array([10, 20]) });
  init.op('VAR_HANDLE', [], [ih], { container: '', sharedName: 'acc' });
  init.op('ASSIGN_VARIABLE', [ih, x0], []);
  return b.toBytes();
}

function ours(bytes, inputs, times = 1) {
  const it = new Interpreter(bytes);
  it.allocateTensors();
  let out;
  for (let k = 0; k < times; k++) out = it.run(inputs);
  return { it, out: out.map((o) => Array.from(o, Number)) };
}

test('IF picks the branch and matches tfjs-tflite (LiteRT.js has no bool inputs)', () => {
  const bytes = ifModel();
  const x = [1, 2, 3, 4], y = [5, 6, 7, 8];
  const cases = [[1], [0]];
  const refs = runOracle(cases.map((c) => ({ runtime: 'tfjs-tflite', bytes, inputs: [{ dtype: 'bool', shape: [1], values: c }, { dtype: 'float32', shape: [2, 2], values: x }, { dtype: 'float32', shape: [2, 2], values: y }] })));
  cases.forEach((c, k) => {
    const got = ours(bytes, [new Uint8Array(c), new Float32Array(x), new Float32Array(y)]).out[0];
    assert.deepEqual(got, c[0] ? [5, 12, 21, 32] : [6, 8, 10, 12]);
    assert.ok(refs[k].ok, refs[k].error);
    assert.deepEqual(got, refs[k].outputs[0].values, 'matches tfjs-tflite');
  });
});

test('WHILE runs to completion and matches LiteRT.js', () => {
  const bytes = whileModel();
  const [ref] = runOracle([{ runtime: 'litert', bytes, inputs: [{ dtype: 'int32', shape: [1], values: [1] }, { dtype: 'float32', shape: [3], values: [0, 1, -1] }] }]);
  const { out } = ours(bytes, [new Int32Array([1]), new Float32Array([0, 1, -1])]);
  assert.deepEqual(out, [[5], [15, 31, -1]]);
  assert.ok(ref.ok, ref.error);
  assert.deepEqual(out, ref.outputs.map((o) => o.values));
});

test('WHILE with an always-true condition stops at maxLoopIterations with a typed error', () => {
  const b = new ModelBuilder();
  const main = b.subgraph('main'), cond = b.subgraph('cond'), body = b.subgraph('body');
  const i0 = main.input({ dtype: 'int32', shape: [1] }), i1 = main.tensor({ dtype: 'int32', shape: [1] });
  main.op('WHILE', [i0], [i1], { condSubgraphIndex: 1, bodySubgraphIndex: 2 }).output(i1);
  const ci = cond.input({ dtype: 'int32', shape: [1] }), z = cond.tensor({ dtype: 'int32', shape: [1], data: new Int32Array([-1]) }), t = cond.tensor({ dtype: 'bool', shape: [1] });
  cond.op('GREATER', [ci, z], [t]).output(t);
  const bi = body.input({ dtype: 'int32', shape: [1] });
  body.output(bi);
  const it = new Interpreter(b.toBytes(), { maxLoopIterations: 1000 });
  it.allocateTensors();
  assert.throws(() => it.run([new Int32Array([0])]), /maxLoopIterations/);
});

test('CALL_ONCE initializes a resource variable once; ASSIGN/READ_VARIABLE keep state across invokes', () => {
  const bytes = variableModel();
  const x = new Float32Array([1, 2]);
  const it = new Interpreter(bytes);
  it.allocateTensors();
  assert.deepEqual(Array.from(it.run([x])[0]), [11, 22]);
  assert.deepEqual(Array.from(it.run([x])[0]), [12, 24]);
  it.resetAllVariables();
  assert.throws(() => it.run([x]), /read before it was assigned/);
  const [ref] = runOracle([{ runtime: 'tfjs-tflite', bytes, inputs: [{ dtype: 'float32', shape: [2], values: [1, 2] }] }]);
  assert.ok(ref.ok, ref.error);
  assert.deepEqual(ref.outputs[0].values, [11, 22], 'matches tfjs-tflite');
});

test('control-flow subgraph indices are verified', () => {
  const b = new ModelBuilder();
  const main = b.subgraph('main');
  const c = main.input({ dtype: 'bool', shape: [1] }), o = main.tensor(f32([1]));
  main.op('IF', [c], [o], { thenSubgraphIndex: 5, elseSubgraphIndex: 0 }).output(o);
  assert.throws(() => new Interpreter(b.toBytes()), (e) => e instanceof ModelError && /thenSubgraphIndex: subgraph 5 out of range/.test(e.message));
  assert.ok(BUILTIN_OPTIONS_BY_NAME.IfOptions > 0);
});

/**
 * while (i < n) { (i, a, b) = (i + 1, b, a + b) } — the body passes its input b through as output
 * a (a loop value that is another position's body input), and cond reads only i.
 */
function fibonacciModel(n) {
  const b = new ModelBuilder();
  const main = b.subgraph('main'), cond = b.subgraph('cond'), body = b.subgraph('body');
  const ins = [main.input({ dtype: 'int32', shape: [1] }), main.input(f32([1])), main.input(f32([1]))];
  const outs = [main.tensor({ dtype: 'int32', shape: [1] }), main.tensor(f32([1])), main.tensor(f32([1]))];
  main.op('WHILE', ins, outs, { condSubgraphIndex: 1, bodySubgraphIndex: 2 });
  outs.forEach((o) => main.output(o));
  {
    const i = cond.input({ dtype: 'int32', shape: [1] }); cond.input(f32([1])); cond.input(f32([1]));
    const lim = cond.tensor({ dtype: 'int32', shape: [1], data: new Int32Array([n]) });
    const lt = cond.tensor({ dtype: 'bool', shape: [1] });
    cond.op('LESS', [i, lim], [lt]).output(lt);
  }
  {
    const i = body.input({ dtype: 'int32', shape: [1] }), a = body.input(f32([1])), bb = body.input(f32([1]));
    const one = body.tensor({ dtype: 'int32', shape: [1], data: new Int32Array([1]) });
    const i2 = body.tensor({ dtype: 'int32', shape: [1] }), s = body.tensor(f32([1]));
    body.op('ADD', [i, one], [i2], { fusedActivationFunction: 0 }).op('ADD', [a, bb], [s], { fusedActivationFunction: 0 });
    body.output(i2).output(bb).output(s);
  }
  return b.toBytes();
}

/** while (i < 3) { i += 1; x = concat(x, [7]) } — a loop value that grows (dynamic shapes). */
function growingModel() {
  const b = new ModelBuilder();
  const main = b.subgraph('main'), cond = b.subgraph('cond'), body = b.subgraph('body');
  const ins = [main.input({ dtype: 'int32', shape: [1] }), main.input(f32([2]))];
  const outs = [main.tensor({ dtype: 'int32', shape: [1] }), main.tensor(f32([2]))];
  main.op('WHILE', ins, outs, { condSubgraphIndex: 1, bodySubgraphIndex: 2 });
  outs.forEach((o) => main.output(o));
  {
    const i = cond.input({ dtype: 'int32', shape: [1] }); cond.input(f32([2]));
    const lim = cond.tensor({ dtype: 'int32', shape: [1], data: new Int32Array([3]) });
    const lt = cond.tensor({ dtype: 'bool', shape: [1] });
    cond.op('LESS', [i, lim], [lt]).output(lt);
  }
  {
    const i = body.input({ dtype: 'int32', shape: [1] }), x = body.input(f32([2]));
    const one = body.tensor({ dtype: 'int32', shape: [1], data: new Int32Array([1]) });
    const seven = body.tensor({ dtype: 'float32', shape: [1], data: new Float32Array([7]) });
    const i2 = body.tensor({ dtype: 'int32', shape: [1] }), x2 = body.tensor(f32([3]));
    body.op('ADD', [i, one], [i2], { fusedActivationFunction: 0 }).op('CONCATENATION', [x, seven], [x2], { axis: 0, fusedActivationFunction: 0 });
    body.output(i2).output(x2);
  }
  return b.toBytes();
}

test('WHILE: loop values passed between positions, growing values, loops that never run, repeated invokes', () => {
  const fib = fibonacciModel(6);
  const { out } = ours(fib, [new Int32Array([0]), new Float32Array([0]), new Float32Array([1])], 3);
  assert.deepEqual(out, [[6], [8], [13]]);
  assert.deepEqual(ours(fib, [new Int32Array([9]), new Float32Array([2]), new Float32Array([3])]).out, [[9], [2], [3]], 'no iteration');
  const grow = growingModel();
  assert.deepEqual(ours(grow, [new Int32Array([0]), new Float32Array([1, 2])], 2).out, [[3], [1, 2, 7, 7, 7]]);
  assert.deepEqual(ours(grow, [new Int32Array([2]), new Float32Array([1, 2])]).out, [[3], [1, 2, 7]]);
});
