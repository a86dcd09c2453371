// MIRROR_PAD: REFLECT and SYMMETRIC, ranks 1-5, maximal paddings, int64 paddings, dtypes, dynamic paddings, errors.
import { out, QU, QS, QS2, QH, qt, qo } from './_shared/movement.mjs';
const P = (data, dtype = 'int32') => ({ dtype, shape: [data.length / 2, 2], constant: true, data });
const x = (dtype, shape) => ({ dtype, shape });
const REFLECT = { mode: 0 };
const SYMMETRIC = { mode: 1 };
export default [
  { name: 'reflect 1-D', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('float32', [5]), P([2, 3])], outputs: out() },
  { name: 'symmetric 1-D', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('float32', [5]), P([3, 2])], outputs: out() },
  { name: 'reflect 2-D', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('float32', [3, 4]), P([1, 2, 3, 1])], outputs: out() },
  { name: 'symmetric 2-D maximal', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('float32', [3, 4]), P([3, 3, 4, 4])], outputs: out() },
  { name: 'reflect 2-D maximal', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('float32', [3, 4]), P([2, 2, 3, 3])], outputs: out() },
  { name: 'reflect 3-D', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('float32', [2, 3, 4]), P([1, 0, 0, 2, 1, 1])], outputs: out() },
  { name: 'symmetric 4-D image', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('float32', [1, 4, 4, 3]), P([0, 0, 2, 2, 1, 2, 0, 0])], outputs: out() },
  { name: 'reflect 4-D batch 2', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('float32', [2, 3, 3, 2]), P([1, 1, 1, 1, 2, 0, 0, 1])], outputs: out() },
  { name: 'symmetric 5-D', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('float32', [2, 2, 1, 3, 2]), P([1, 0, 0, 2, 1, 1, 2, 0, 0, 1])], outputs: out() },
  { name: 'zero paddings', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('float32', [2, 3]), P([0, 0, 0, 0])], outputs: out() },
  { name: 'int64 paddings', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('float32', [3, 3]), P([1, 2, 2, 1], 'int64')], outputs: out() },
  { name: 'int32 data', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('int32', [3, 3]), P([1, 1, 2, 2])], outputs: out('int32') },
  { name: 'int64 data', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('int64', [4]), P([2, 1])], outputs: out('int64') },
  { name: 'uint8 data', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('uint8', [2, 4]), P([1, 1, 2, 1])], outputs: out('uint8') },
  { name: 'int8 data', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('int8', [3, 2]), P([2, 0, 1, 2])], outputs: out('int8') },
  { name: 'computed paddings (dynamic output)', oracle: 'tfjs-tflite', op: 'MIRROR_PAD', options: REFLECT,
    inputs: [x('float32', [3, 4]), { dtype: 'int32', shape: [2, 2], data: [1, 2, 2, 0] }], outputs: out() },
  { name: 'error: reflect padding = size', op: 'MIRROR_PAD', options: REFLECT, inputs: [x('float32', [3]), P([3, 0])], outputs: out(), error: 'must be in [0, 2]' },
  { name: 'error: symmetric padding > size', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('float32', [3]), P([0, 4])], outputs: out(), error: 'must be in [0, 3]' },
  { name: 'error: negative padding', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('float32', [3]), P([-1, 0])], outputs: out(), error: 'must be in' },
  { name: 'error: bool data', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('bool', [3]), P([1, 0])], outputs: out('bool'), error: 'has type bool' },
  { name: 'error: unknown mode', op: 'MIRROR_PAD', options: { mode: 2 }, inputs: [x('float32', [3]), P([1, 0])], outputs: out(), error: 'mode' },
  { name: 'uint8 quantized', op: 'MIRROR_PAD', options: REFLECT, inputs: [qt('uint8', [3, 4], QU), P([1, 2, 2, 0])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [qt('int8', [2, 3], QS), P([2, 1, 0, 3])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'MIRROR_PAD', options: REFLECT, inputs: [qt('int16', [4], QH), P([2, 3])], outputs: qo('int16', QH) },
  { name: 'int16 unquantized', op: 'MIRROR_PAD', options: SYMMETRIC, inputs: [x('int16', [2, 2]), P([1, 1, 2, 0])], outputs: out('int16') },
  { name: 'error: quantization differs', op: 'MIRROR_PAD', options: REFLECT, inputs: [qt('int8', [3], QS), P([1, 1])], outputs: qo('int8', QS2), error: 'must be quantized as' },
];
