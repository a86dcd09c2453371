// MAX_POOL_2D (float32): padding, strides, filter sizes, activation.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const opts = (o) => ({ padding: 1, strideW: 1, strideH: 1, filterWidth: 2, filterHeight: 2, fusedActivationFunction: 0, ...o });
const pool = (name, o, input, extra = {}) => ({ name, op: 'MAX_POOL_2D', version: 1, options: opts(o), inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  pool('valid 2x2 stride 2', { strideW: 2, strideH: 2 }, f32([1, 4, 4, 3])),
  pool('valid 2x2 stride 2 odd input', { strideW: 2, strideH: 2 }, f32([1, 5, 5, 2])),
  pool('same 3x3 stride 1 (edges see fewer)', { padding: 0, filterWidth: 3, filterHeight: 3 }, f32([1, 5, 5, 2])),
  pool('same 3x3 stride 2 relu6', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2, fusedActivationFunction: 3 },
    f32([1, 7, 7, 3], { range: [-10, 10] })),
  pool('filter 2x3 stride 1x2 batch 2', { filterHeight: 2, filterWidth: 3, strideW: 2 }, f32([2, 5, 7, 3])),
  pool('global pool', { filterWidth: 6, filterHeight: 5 }, f32([2, 5, 6, 4])),
  pool('same 4x4 stride 3 asymmetric', { padding: 0, filterWidth: 4, filterHeight: 4, strideW: 3, strideH: 3 }, f32([1, 7, 8, 2])),
  pool('same 2x2 stride 2 relu', { padding: 0, strideW: 2, strideH: 2, fusedActivationFunction: 1 }, f32([1, 5, 5, 3])),
  pool('same filter larger than input relu_n1_to_1', { padding: 0, filterWidth: 5, filterHeight: 5, fusedActivationFunction: 2 },
    f32([1, 3, 3, 2], { range: [-3, 3] })),
  pool('larger 32x32x16 same 3x3 stride 2', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2 }, f32([1, 32, 32, 16])),
  pool('same padding never wins over negative values', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2 }, f32([1, 6, 6, 2], { range: [-5, -1] })),
  pool('fused tanh', { fusedActivationFunction: 4 }, f32([1, 4, 4, 2], { range: [-3, 3] })),
  pool('error: filter 0', { filterWidth: 0 }, f32([1, 4, 4, 3]), { error: 'filter' }),
  pool('error: stride 0', { strideH: 0 }, f32([1, 4, 4, 3]), { error: 'stride' }),
  pool('error: rank 3 input', {}, f32([4, 4, 3]), { error: 'rank' }),
  pool('error: int8 input', {}, { dtype: 'int8', shape: [1, 4, 4, 3] }, { error: 'type' }),
];
