// SLICE: begin/size int32 and int64, size -1, ranks 1..5, computed begin/size, dtypes, errors.
import { f, out, QU, QS, QH, qt, qo } from './_shared/movement.mjs';
const v = (data, dtype = 'int32', extra = {}) => ({ dtype, shape: [data.length], constant: true, data, ...extra });
export default [
  { name: 'rank 1', op: 'SLICE', inputs: [f([6]), v([1]), v([3])], outputs: out() },
  { name: 'rank 2', op: 'SLICE', inputs: [f([3, 4]), v([1, 1]), v([2, 2])], outputs: out() },
  { name: 'rank 3 size -1', op: 'SLICE', inputs: [f([3, 4, 5]), v([1, 0, 2]), v([-1, 2, -1])], outputs: out() },
  { name: 'rank 4', op: 'SLICE', inputs: [f([2, 3, 4, 5]), v([1, 1, 0, 2]), v([1, 2, 4, 3])], outputs: out() },
  { name: 'rank 5', op: 'SLICE', inputs: [f([2, 3, 2, 4, 3]), v([0, 1, 1, 1, 0]), v([2, 2, 1, -1, 2])], outputs: out() },
  { name: 'full tensor', op: 'SLICE', inputs: [f([2, 3]), v([0, 0]), v([-1, -1])], outputs: out() },
  // LiteRT.js cannot return empty outputs.
  { name: 'zero-size slice', op: 'SLICE', oracle: 'none', inputs: [f([2, 3]), v([1, 3]), v([1, 0])], outputs: out(), expected: [[]], expectedShapes: [[1, 0]] },
  { name: 'int64 begin and size', op: 'SLICE', inputs: [f([3, 4]), v([0, 1], 'int64'), v([2, -1], 'int64')], outputs: out() },
  { name: 'computed begin (dynamic output)', oracle: 'tfjs-tflite', op: 'SLICE', inputs: [f([3, 4]), { dtype: 'int32', shape: [2], data: [1, 2] }, v([2, 2])], outputs: out() },
  { name: 'computed size (dynamic output)', oracle: 'tfjs-tflite', op: 'SLICE', inputs: [f([3, 4]), v([0, 1]), { dtype: 'int32', shape: [2], data: [-1, 2] }], outputs: out() },
  { name: 'int32', op: 'SLICE', inputs: [{ dtype: 'int32', shape: [4, 4], range: [-50, 50] }, v([1, 1]), v([2, 3])], outputs: out('int32') },
  { name: 'int64', op: 'SLICE', inputs: [{ dtype: 'int64', shape: [4, 4] }, v([2, 0]), v([2, 3])], outputs: out('int64') },
  { name: 'uint8', op: 'SLICE', inputs: [{ dtype: 'uint8', shape: [4, 4] }, v([0, 2]), v([3, 2])], outputs: out('uint8') },
  { name: 'int8', op: 'SLICE', inputs: [{ dtype: 'int8', shape: [4, 4] }, v([1, 0]), v([-1, 1])], outputs: out('int8') },
  { name: 'int16', op: 'SLICE', inputs: [{ dtype: 'int16', shape: [4, 4] }, v([1, 1]), v([1, 1])], outputs: out('int16') },
  { name: 'bool', op: 'SLICE', inputs: [{ dtype: 'bool', shape: [4, 4] }, v([0, 1]), v([4, 2])], outputs: out('bool') },
  { name: 'error: begin + size beyond the dim', op: 'SLICE', inputs: [f([3, 4]), v([2, 0]), v([2, 4])], outputs: out(), error: 'exceeds' },
  { name: 'error: negative begin', op: 'SLICE', inputs: [f([3, 4]), v([-1, 0]), v([1, 4])], outputs: out(), error: 'out of range' },
  { name: 'error: size below -1', op: 'SLICE', inputs: [f([3, 4]), v([0, 0]), v([-2, 4])], outputs: out(), error: 'invalid size' },
  { name: 'error: begin length differs from rank', op: 'SLICE', inputs: [f([3, 4]), v([0]), v([1])], outputs: out(), error: 'shape [2]' },
  { name: 'error: computed begin out of range', op: 'SLICE', inputs: [f([3, 4]), { dtype: 'int32', shape: [2], data: [3, 3] }, v([1, 1])], outputs: out(), error: 'exceeds' },
  { name: 'uint8 quantized', op: 'SLICE', inputs: [qt('uint8', [4, 5], QU), v([1, 2]), v([2, -1])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'SLICE', inputs: [qt('int8', [3, 4, 2], QS), v([0, 1, 1]), v([3, 2, 1])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'SLICE', inputs: [qt('int16', [5], QH), v([2]), v([3])], outputs: qo('int16', QH) },
];
