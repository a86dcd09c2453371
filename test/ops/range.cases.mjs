// RANGE: int32/int64/float32, positive and negative deltas, uneven steps, computed inputs, errors.
const k = (dtype, v) => ({ dtype, shape: [], constant: true, data: [v] });
const x = (dtype, v) => ({ dtype, shape: [], data: [v] });
// LiteRT.js returns stale data for outputs TFLite computes in prepare or eval-sizes; tfjs-tflite reads them correctly.
const r = (name, dtype, s, l, d, extra = {}) => ({ name, oracle: 'tfjs-tflite', op: 'RANGE', inputs: [k(dtype, s), k(dtype, l), k(dtype, d)], outputs: [{ dtype }], ...extra });
export default [
  r('int32 0..10 step 3', 'int32', 0, 10, 3),
  r('int32 10..0 step -2', 'int32', 10, 0, -2),
  r('int32 -5..5 step 1', 'int32', -5, 5, 1),
  r('int32 single element', 'int32', 4, 5, 7),
  r('float32 0.5..3.2 step 0.7', 'float32', 0.5, 3.2, 0.7),
  r('float32 1..-1 step -0.25', 'float32', 1, -1, -0.25),
  r('float32 accumulates 0.1 steps', 'float32', 0, 3, 0.1),
  // int64: LiteRT.js (tfjs-tflite predates int64 RANGE), through the CAST adapter.
  r('int64 3..20 step 4', 'int64', 3, 20, 4, { oracle: 'litert' }),
  r('int64 negative step', 'int64', 5, -6, -3, { oracle: 'litert' }),
  { name: 'computed int64 inputs (dynamic output)', op: 'RANGE', inputs: [x('int64', -3), x('int64', 8), x('int64', 5)], outputs: [{ dtype: 'int64' }] },
  { name: 'computed int32 inputs (dynamic output)', oracle: 'tfjs-tflite', op: 'RANGE', inputs: [x('int32', 2), x('int32', 9), x('int32', 2)], outputs: [{ dtype: 'int32' }] },
  { name: 'computed float32 inputs (dynamic output)', oracle: 'tfjs-tflite', op: 'RANGE', inputs: [x('float32', -1), x('float32', 1.5), k('float32', 0.5)], outputs: [{ dtype: 'float32' }] },
  r('error: zero delta', 'int32', 0, 10, 0, { error: 'non-zero' }),
  r('error: delta away from limit', 'int32', 0, 10, -1, { error: 'away from limit' }),
  r('error: float delta away from limit', 'float32', 5, 1, 0.5, { error: 'away from limit' }),
  { name: 'error: mixed types', op: 'RANGE', inputs: [k('int32', 0), k('float32', 5), k('int32', 1)], outputs: [{ dtype: 'int32' }], error: 'share a type' },
  { name: 'error: non-scalar start', op: 'RANGE', inputs: [{ dtype: 'int32', shape: [1], constant: true, data: [0] }, k('int32', 5), k('int32', 1)], outputs: [{ dtype: 'int32' }], error: 'scalar' },
];
