// BATCH_MATMUL: float32 (adj_x, adj_y, batch broadcasting up to rank 5); int8 (→ int8, → raw int32),
// int16 × int16 and int16 × int8; hybrid float × int8 (per-tensor / per-channel rhs, (a)symmetric).
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qo = (dtype, scale, zeroPoint) => ({ dtype, quant: { scale, zeroPoint } });
const pc = (scales, quantizedDimension) => ({ scale: scales, zeroPoint: scales.map(() => 0), quantizedDimension });
const scales = (n, base) => Array.from({ length: n }, (_, i) => base * (0.6 + 0.8 * ((i * 7919) % 13) / 13));
const bmm = (name, o, inputs, extra = {}) => ({
  name, op: 'BATCH_MATMUL', version: 1, options: { adjX: false, adjY: false, asymmetricQuantizeInputs: false, ...o },
  inputs, outputs: [{ dtype: 'float32' }], ...extra,
});

export default [
  bmm('rank 2', {}, [f32([3, 4]), f32([4, 5])]),
  bmm('rank 3', {}, [f32([2, 3, 4]), f32([2, 4, 5])]),
  bmm('adj_x', { adjX: true }, [f32([2, 4, 3]), f32([2, 4, 5])]),
  bmm('adj_y', { adjY: true }, [f32([2, 3, 4]), f32([2, 5, 4])]),
  bmm('adj_x and adj_y', { adjX: true, adjY: true }, [f32([2, 4, 3]), f32([2, 5, 4])]),
  bmm('broadcast lhs batch 1', {}, [f32([1, 3, 4]), f32([3, 4, 2])]),
  bmm('broadcast rhs batch 1 adj_y', { adjY: true }, [f32([3, 2, 4]), f32([1, 5, 4])]),
  bmm('rank 2 by rank 4', {}, [f32([3, 4]), f32([2, 3, 4, 5])]),
  bmm('rank 4 by rank 3 broadcast', {}, [f32([2, 1, 3, 4]), f32([3, 4, 2])]),
  bmm('rank 5 both broadcast', {}, [f32([2, 1, 3, 2, 4]), f32([1, 2, 1, 4, 3])]),
  bmm('rank 5 adj_x adj_y', { adjX: true, adjY: true }, [f32([1, 2, 2, 4, 3]), f32([2, 1, 2, 5, 4])]),
  bmm('constant rhs', {}, [f32([2, 3, 4]), f32([4, 6], { constant: true })]),
  bmm('constant rhs adj_y', { adjY: true }, [f32([4, 8]), f32([6, 8], { constant: true })]),
  bmm('inner dimension 1', {}, [f32([2, 3, 1]), f32([2, 1, 4])]),
  bmm('larger 4x32x64 by 64x48', {}, [f32([4, 32, 64]), f32([64, 48])]),
  bmm('error: inner dimensions differ', {}, [f32([2, 3, 4]), f32([2, 5, 5])], { error: 'inner' }),
  bmm('error: batch does not broadcast', {}, [f32([2, 3, 4]), f32([3, 4, 5])], { error: 'broadcast' }),
  bmm('error: rank 1', {}, [f32([4]), f32([4, 5])], { error: 'rank' }),
  bmm('error: rank 6', {}, [f32([1, 1, 1, 1, 3, 4]), f32([4, 5])], { error: 'rank' }),
  // int8.
  bmm('int8 rank 2', {}, [q('int8', [3, 16], 0.02, 3), q('int8', [16, 5], 0.01, -2)], { outputs: [qo('int8', 0.1, -5)] }),
  bmm('int8 rank 3 adj_x adj_y', { adjX: true, adjY: true }, [q('int8', [2, 16, 3], 0.02, 0), q('int8', [2, 4, 16], 0.015, 1)], { outputs: [qo('int8', 0.08, 2)] }),
  bmm('int8 broadcast constant rhs', {}, [q('int8', [2, 2, 3, 8], 0.03, -7), q('int8', [8, 4], 0.02, 0, { constant: true })], { outputs: [qo('int8', 0.1, 0)] }),
  bmm('int8 adj_y rank 4 broadcast both', { adjY: true }, [q('int8', [2, 1, 3, 12], 0.02, 5), q('int8', [1, 3, 4, 12], 0.02, -3)], { outputs: [qo('int8', 0.12, -10)] }),
  bmm('int8 larger 2x32x64 by 64x48', {}, [q('int8', [2, 32, 64], 0.02, 1), q('int8', [64, 48], 0.01, 0, { constant: true })], { outputs: [qo('int8', 0.2, 3)] }),
  bmm('int8 to int32', {}, [q('int8', [2, 3, 8], 0.02, 3), q('int8', [2, 8, 4], 0.01, -2)], { outputs: [qo('int32', 0.0002, 0)] }),
  // int16.
  bmm('int16 rank 3', {}, [q('int16', [2, 3, 16], 0.001, 0, { range: [-3000, 3000] }), q('int16', [2, 16, 4], 0.0005, 0, { range: [-3000, 3000] })], { outputs: [qo('int16', 0.0004, 0)] }),
  bmm('int16 adj_x full range', { adjX: true }, [q('int16', [16, 3], 0.001, 0), q('int16', [16, 5], 0.001, 0)], { outputs: [qo('int16', 0.05, 0)] }),
  bmm('int16 by int8', {}, [q('int16', [3, 16], 0.001, 0), q('int8', [16, 4], 0.01, 0, { constant: true })], { outputs: [qo('int16', 0.01, 0)] }),
  bmm('int8 larger non-constant 2x32x64 by 64x48 (rounding)', {}, [q('int8', [2, 32, 64], 0.02, 1), q('int8', [64, 48], 0.01, 0)], { outputs: [qo('int8', 0.2, 3)] }),
  // Hybrid. LiteRT.js hands these to XNNPACK, whose dynamic quantization is always asymmetric;
  // tfjs-tflite runs TFLite's own kernel (bit-exact here) but has no per-channel hybrid.
  bmm('hybrid per-tensor symmetric', {}, [f32([2, 3, 16]), q('int8', [16, 5], 0.01, 0, { constant: true })], { oracle: 'tfjs-tflite' }),
  bmm('hybrid per-tensor asymmetric adj_x', { adjX: true, asymmetricQuantizeInputs: true }, [f32([2, 16, 3], { range: [-0.5, 2] }), q('int8', [16, 5], 0.01, 0, { constant: true })], { oracle: 'tfjs-tflite' }),
  bmm('hybrid batched rhs broadcast lhs', {}, [f32([1, 3, 8]), q('int8', [2, 8, 4], 0.02, 0, { constant: true })], { oracle: 'tfjs-tflite' }),
  bmm('hybrid per-tensor asymmetric non-constant rhs', { asymmetricQuantizeInputs: true }, [f32([2, 3, 16]), q('int8', [2, 16, 5], 0.01, 0)], { oracle: 'tfjs-tflite' }),
  bmm('hybrid per-channel asymmetric', { asymmetricQuantizeInputs: true }, [f32([2, 3, 16], { range: [0, 3] }), q('int8', [16, 6], 0, 0, { constant: true, quant: pc(scales(6, 0.01), 1) })]),
  // XNNPACK quantizes asymmetrically where TFLite's kernel is symmetric: a few quanta of difference.
  bmm('hybrid per-channel adj_y', { adjY: true }, [f32([3, 16]), q('int8', [6, 16], 0, 0, { constant: true, quant: pc(scales(6, 0.01), 0) })], { tolerance: 0.03 }),
  bmm('error: int8 with uint8', {}, [q('int8', [3, 4], 0.02, 0), q('uint8', [4, 5], 0.01, 0)], { outputs: [qo('int8', 0.1, 0)], error: 'type' }),
  bmm('error: int16 zero point', {}, [q('int16', [3, 4], 0.02, 1), q('int16', [4, 5], 0.01, 0)], { outputs: [qo('int16', 0.1, 0)], error: 'zero point' }),
  bmm('error: int32 inputs', {}, [{ dtype: 'int32', shape: [3, 4] }, { dtype: 'int32', shape: [4, 5] }], { error: 'type' }),
];
