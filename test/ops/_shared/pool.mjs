// Case generators shared by AVERAGE_POOL_2D and MAX_POOL_2D (float32; uint8, int8, int16 on raw values with the
// quantized activation clamp): padding, strides, filter sizes, activation, errors.
export const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const opts = (o) => ({ padding: 1, strideW: 1, strideH: 1, filterWidth: 2, filterHeight: 2, fusedActivationFunction: 0, ...o });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qo = (dtype, scale, zeroPoint) => ({ dtype, quant: { scale, zeroPoint } });

/**
 * The table of pooling `op`. `edgesName`: the name of the case of a SAME 3x3 window at stride 1 (what the edges do);
 * `floatExtra(pool)`: the op's own float cases, after the shared ones; `pool(name, options, input, extra)` is
 * the op's case builder.
 */
export function poolCases(op, { edgesName, floatExtra = () => [] }) {
  const pool = (name, o, input, extra = {}) => ({ name, op, version: 1, options: opts(o), inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });
  return [
    pool('valid 2x2 stride 2', { strideW: 2, strideH: 2 }, f32([1, 4, 4, 3])),
    pool('valid 2x2 stride 2 odd input', { strideW: 2, strideH: 2 }, f32([1, 5, 5, 2])),
    pool(edgesName, { padding: 0, filterWidth: 3, filterHeight: 3 }, f32([1, 5, 5, 2])),
    pool('same 3x3 stride 2 relu6', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2, fusedActivationFunction: 3 },
      f32([1, 7, 7, 3], { range: [-10, 10] })),
    pool('filter 2x3 stride 1x2 batch 2', { filterHeight: 2, filterWidth: 3, strideW: 2 }, f32([2, 5, 7, 3])),
    pool('global pool', { filterWidth: 6, filterHeight: 5 }, f32([2, 5, 6, 4])),
    pool('same 4x4 stride 3 asymmetric', { padding: 0, filterWidth: 4, filterHeight: 4, strideW: 3, strideH: 3 }, f32([1, 7, 8, 2])),
    pool('same 2x2 stride 2 relu', { padding: 0, strideW: 2, strideH: 2, fusedActivationFunction: 1 }, f32([1, 5, 5, 3])),
    pool('same filter larger than input relu_n1_to_1', { padding: 0, filterWidth: 5, filterHeight: 5, fusedActivationFunction: 2 },
      f32([1, 3, 3, 2], { range: [-3, 3] })),
    pool('larger 32x32x16 same 3x3 stride 2', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2 }, f32([1, 32, 32, 16])),
    ...floatExtra(pool),
    pool('fused tanh', { fusedActivationFunction: 4 }, f32([1, 4, 4, 2], { range: [-3, 3] })),
    pool('error: filter 0', { filterWidth: 0 }, f32([1, 4, 4, 3]), { error: 'filter' }),
    pool('error: stride 0', { strideH: 0 }, f32([1, 4, 4, 3]), { error: 'stride' }),
    pool('error: rank 3 input', {}, f32([4, 4, 3]), { error: 'rank' }),
    pool('uint8 valid 2x2 stride 2', { strideW: 2, strideH: 2 }, q('uint8', [1, 4, 4, 3], 0.05, 128), { outputs: [qo('uint8', 0.05, 128)] }),
    pool('uint8 same 3x3 stride 1 relu6', { padding: 0, filterWidth: 3, filterHeight: 3, fusedActivationFunction: 3 }, q('uint8', [1, 5, 5, 4], 0.05, 100), { outputs: [qo('uint8', 0.05, 100)] }),
    pool('uint8 global 4x4 (mobilenet head)', { filterWidth: 4, filterHeight: 4, strideW: 2, strideH: 2 }, q('uint8', [1, 4, 4, 16], 0.0235, 0), { outputs: [qo('uint8', 0.0235, 0)] }),
    pool('uint8 global 7x7 batch 2', { filterWidth: 7, filterHeight: 7 }, q('uint8', [2, 7, 7, 8], 0.02, 0), { outputs: [qo('uint8', 0.02, 0)] }),
    pool('int8 same 3x3 stride 2', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2 }, q('int8', [1, 7, 7, 3], 0.05, -3), { outputs: [qo('int8', 0.05, -3)] }),
    pool('int8 valid 2x3 relu', { filterHeight: 2, filterWidth: 3, strideW: 2, fusedActivationFunction: 1 }, q('int8', [2, 5, 7, 3], 0.1, 10), { outputs: [qo('int8', 0.1, 10)] }),
    pool('int8 same 4x4 stride 3 relu_n1_to_1', { padding: 0, filterWidth: 4, filterHeight: 4, strideW: 3, strideH: 3, fusedActivationFunction: 2 }, q('int8', [1, 7, 8, 2], 0.02, 0), { outputs: [qo('int8', 0.02, 0)] }),
    pool('int8 larger 32x32x16 same 3x3 stride 2', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2 }, q('int8', [1, 32, 32, 16], 0.05, -128), { outputs: [qo('int8', 0.05, -128)] }),
    pool('int16 same 3x3 stride 2', { padding: 0, filterWidth: 3, filterHeight: 3, strideW: 2, strideH: 2 }, q('int16', [1, 7, 7, 3], 0.001, 0), { outputs: [qo('int16', 0.001, 0)] }),
    pool('int16 valid 2x2 relu6', { fusedActivationFunction: 3 }, q('int16', [1, 4, 5, 2], 0.001, 0), { outputs: [qo('int16', 0.001, 0)] }),
    pool('error: uint8 in, int8 out', {}, q('uint8', [1, 4, 4, 3], 0.05, 128), { outputs: [qo('int8', 0.05, 0)], error: 'type' }),
    pool('error: int32 input', {}, { dtype: 'int32', shape: [1, 4, 4, 3] }, { error: 'type' }),
  ];
}
