// FULLY_CONNECTED: float32 (bias optional, activations, batch flattening, keep_num_dims); uint8, int8
// (per-tensor and per-channel weights), 16x8 (int16 activations, int8 weights, int32/int64 bias);
// hybrid (float activations, int8 weights, symmetric or asymmetric input quantization).
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const w = (shape, extra = {}) => f32(shape, { constant: true, ...extra });
const opts = (o = {}) => ({ fusedActivationFunction: 0, weightsFormat: 0, keepNumDims: false, asymmetricQuantizeInputs: false, quantizedBiasType: 0, ...o });
const fc = (name, o, inputs, extra = {}) => ({ name, op: 'FULLY_CONNECTED', version: 1, options: opts(o), inputs, outputs: [{ dtype: 'float32' }], ...extra });

// Quantized tensors: q(dtype, shape, scale, zeroPoint, extra); per-channel weights take scale arrays.
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qo = (dtype, scale, zeroPoint) => ({ dtype, quant: { scale, zeroPoint } });
const qw = (dtype, shape, scale, zeroPoint, extra = {}) => q(dtype, shape, scale, zeroPoint, { constant: true, ...extra });
const pc = (scales) => ({ scale: scales, zeroPoint: scales.map(() => 0), quantizedDimension: 0 });
const qfc = (name, o, inputs, out, extra = {}) => ({ name, op: 'FULLY_CONNECTED', version: 4, options: opts(o), inputs, outputs: [out], ...extra });
const scales = (n, base) => Array.from({ length: n }, (_, i) => base * (0.6 + 0.8 * ((i * 7919) % 13) / 13));
const bias32 = (n, scale, range = [-20000, 20000]) => ({ dtype: 'int32', shape: [n], constant: true, quant: { scale, zeroPoint: 0 }, range });
const bias64 = (n, scale, range = [-20000, 20000]) => ({ dtype: 'int64', shape: [n], constant: true, quant: { scale, zeroPoint: 0 }, range });
const pcBias = (dtype, sIn, ws) => ({ dtype, shape: [ws.length], constant: true, quant: { scale: ws.map((s) => sIn * s), zeroPoint: ws.map(() => 0), quantizedDimension: 0 }, range: [-20000, 20000] });
const ws8 = scales(6, 0.01), ws16 = scales(5, 0.008);

export default [
  fc('2x8 by 4 units bias', {}, [f32([2, 8]), w([4, 8]), w([4])]),
  fc('no bias (2 inputs) relu', { fusedActivationFunction: 1 }, [f32([3, 6]), w([5, 6])]),
  fc('omitted bias (-1) relu6', { fusedActivationFunction: 3 }, [f32([3, 6], { range: [-4, 4] }), w([5, 6]), null]),
  fc('relu_n1_to_1', { fusedActivationFunction: 2 }, [f32([2, 10], { range: [-2, 2] }), w([7, 10]), w([7])]),
  fc('4-D input flattened to rows', {}, [f32([2, 3, 4, 5]), w([6, 5]), w([6])]),
  fc('image flattened to one row', {}, [f32([1, 2, 2, 3]), w([4, 12]), w([4])]),
  fc('1-D input', {}, [f32([8]), w([3, 8]), w([3])]),
  fc('keep_num_dims 3-D', { keepNumDims: true }, [f32([2, 3, 5]), w([6, 5]), w([6])]),
  fc('keep_num_dims 4-D no bias', { keepNumDims: true }, [f32([2, 2, 3, 4]), w([3, 4])]),
  fc('keep_num_dims 2-D', { keepNumDims: true }, [f32([4, 5]), w([2, 5]), w([2])]),
  fc('non-constant weights and bias', {}, [f32([2, 8]), f32([4, 8]), f32([4])]),
  fc('larger 8x256 by 64', {}, [f32([8, 256]), w([64, 256]), w([64])]),
  fc('error: shuffled weights format', { weightsFormat: 1 }, [f32([2, 8]), w([4, 8]), w([4])], { error: 'format' }),
  fc('error: size not a multiple of depth', {}, [f32([3, 5]), w([4, 4]), w([4])], { error: 'rows' }),
  fc('error: keep_num_dims last dim differs', { keepNumDims: true }, [f32([2, 4, 3]), w([4, 6]), w([4])], { error: 'keep_num_dims' }),
  fc('error: weights rank 3', {}, [f32([2, 8]), w([4, 2, 4]), w([4])], { error: 'rank' }),
  fc('error: bias size', {}, [f32([2, 8]), w([4, 8]), w([5])], { error: 'bias' }),
  fc('error: fused tanh', { fusedActivationFunction: 4 }, [f32([2, 4]), w([3, 4]), w([3])], { error: 'activation' }),
  fc('error: fused sign_bit', { fusedActivationFunction: 5 }, [f32([2, 4]), w([3, 4]), w([3])], { error: 'activation' }),

  // uint8 (per-tensor, weights with a zero point).
  qfc('uint8 bias', {}, [q('uint8', [2, 16], 0.02, 128), qw('uint8', [5, 16], 0.01, 120), bias32(5, 0.0002)], qo('uint8', 0.1, 100), { version: 1 }),
  qfc('uint8 no bias relu6', { fusedActivationFunction: 3 }, [q('uint8', [3, 12], 0.03, 100), qw('uint8', [4, 12], 0.02, 131)], qo('uint8', 0.05, 20), { version: 1 }),
  qfc('uint8 4-D input relu', { fusedActivationFunction: 1 }, [q('uint8', [2, 2, 2, 5], 0.02, 128), qw('uint8', [7, 5], 0.015, 128), bias32(7, 0.0003)], qo('uint8', 0.02, 60), { version: 1 }),
  qfc('uint8 keep_num_dims', { keepNumDims: true }, [q('uint8', [2, 3, 8], 0.02, 128), qw('uint8', [3, 8], 0.01, 127), bias32(3, 0.0002)], qo('uint8', 0.04, 128), { version: 1 }),
  qfc('uint8 in int16 out', {}, [q('uint8', [2, 10], 0.02, 128), qw('uint8', [4, 10], 0.01, 128), bias32(4, 0.0002)], qo('int16', 0.0005, 0), { version: 1 }),
  qfc('uint8 larger non-constant weights 64x256 by 128 (rounding)', {}, [q('uint8', [64, 256], 0.02, 128), q('uint8', [128, 256], 0.01, 128), bias32(128, 0.0002)], qo('uint8', 0.2, 3), { version: 1 }),
  // XNNPACK runs uint8 layers with constant weights in LiteRT.js, with its own requantization.
  qfc('uint8 larger constant weights 64x256 by 128', {}, [q('uint8', [64, 256], 0.02, 128), qw('uint8', [128, 256], 0.01, 128), bias32(128, 0.0002)], qo('uint8', 0.2, 3), { version: 1, tolerance: 1 }),
  // int8 per-tensor.
  qfc('int8 per-tensor bias', {}, [q('int8', [2, 16], 0.02, 3), qw('int8', [6, 16], 0.01, 0), bias32(6, 0.0002)], qo('int8', 0.1, -5)),
  qfc('int8 per-tensor weights zero point', {}, [q('int8', [3, 9], 0.02, -10), qw('int8', [4, 9], 0.01, 7), bias32(4, 0.0002)], qo('int8', 0.07, 2)),
  qfc('int8 per-tensor relu_n1_to_1', { fusedActivationFunction: 2 }, [q('int8', [2, 16], 0.02, 0), qw('int8', [5, 16], 0.01, 0), bias32(5, 0.0002)], qo('int8', 0.01, -3)),
  qfc('int8 per-tensor relu no bias', { fusedActivationFunction: 1 }, [q('int8', [4, 7], 0.05, -128), qw('int8', [3, 7], 0.02, 0)], qo('int8', 0.08, -128)),
  qfc('int8 keep_num_dims 4-D', { keepNumDims: true }, [q('int8', [2, 2, 3, 8], 0.02, 1), qw('int8', [5, 8], 0.01, 0), bias32(5, 0.0002)], qo('int8', 0.06, 0)),
  qfc('int8 larger 4x256 by 64', {}, [q('int8', [4, 256], 0.02, -1), qw('int8', [64, 256], 0.005, 0), bias32(64, 0.0001)], qo('int8', 0.15, 4)),
  qfc('int8 larger non-constant weights 64x256 by 128 (rounding)', {}, [q('int8', [64, 256], 0.02, 1), q('int8', [128, 256], 0.01, 0), bias32(128, 0.0002)], qo('int8', 0.2, 3)),
  // int8 per-channel.
  qfc('int8 per-channel bias', {}, [q('int8', [3, 16], 0.02, 3), qw('int8', [6, 16], pc(ws8).scale, pc(ws8).zeroPoint, { quant: pc(ws8) }), pcBias('int32', 0.02, ws8)], qo('int8', 0.1, -5)),
  qfc('int8 per-channel relu6 no bias', { fusedActivationFunction: 3 }, [q('int8', [2, 16], 0.03, -20), qw('int8', [6, 16], 0, 0, { quant: pc(ws8) })], qo('int8', 0.03, -128)),
  qfc('int8 per-channel non-constant input rank 3', {}, [q('int8', [2, 2, 16], 0.02, 0), qw('int8', [6, 16], 0, 0, { quant: pc(ws8) }), pcBias('int32', 0.02, ws8)], qo('int8', 0.1, 10)),
  // 16x8.
  qfc('16x8 per-tensor int32 bias', {}, [q('int16', [2, 16], 0.001, 0, { range: [-3000, 3000] }), qw('int8', [5, 16], 0.01, 0), bias32(5, 0.00001)], qo('int16', 0.0005, 0), { version: 7 }),
  qfc('16x8 per-tensor int64 bias', {}, [q('int16', [2, 16], 0.001, 0, { range: [-3000, 3000] }), qw('int8', [5, 16], 0.01, 0), bias64(5, 0.00001)], qo('int16', 0.0005, 0), { version: 7 }),
  qfc('16x8 per-channel int64 bias relu', { fusedActivationFunction: 1, quantizedBiasType: 4 }, [q('int16', [3, 20], 0.001, 0), qw('int8', [5, 20], 0, 0, { quant: pc(ws16) }), pcBias('int64', 0.001, ws16)], qo('int16', 0.002, 0), { version: 7 }),
  qfc('16x8 per-channel no bias, bias type int64', { quantizedBiasType: 4 }, [q('int16', [1, 64], 0.0005, 0), qw('int8', [5, 64], 0, 0, { quant: pc(ws16) })], qo('int16', 0.0004, 0), { version: 7 }),
  qfc('16x8 per-channel int32 bias', {}, [q('int16', [2, 20], 0.001, 0, { range: [-5000, 5000] }), qw('int8', [5, 20], 0, 0, { quant: pc(ws16) }), pcBias('int32', 0.001, ws16)], qo('int16', 0.001, 0), { version: 7 }),
  qfc('16x8 larger per-channel int32 bias (rounding)', {}, [q('int16', [32, 128], 0.001, 0, { range: [-5000, 5000] }), qw('int8', [64, 128], 0, 0, { quant: pc(scales(64, 0.01)) }), pcBias('int32', 0.001, scales(64, 0.01))], qo('int16', 0.001, 0), { version: 7 }),
  qfc('16x8 larger per-channel int64 bias (rounding)', {}, [q('int16', [32, 128], 0.001, 0, { range: [-5000, 5000] }), qw('int8', [64, 128], 0, 0, { quant: pc(scales(64, 0.01)) }), pcBias('int64', 0.001, scales(64, 0.01))], qo('int16', 0.001, 0), { version: 7 }),
  // Hybrid: float activations, int8 weights. LiteRT.js hands these to XNNPACK, whose dynamic
  // quantization is always asymmetric with its own nudging; tfjs-tflite runs TFLite's own hybrid
  // kernel (bit-exact here) but has no per-channel hybrid, so those two compare with LiteRT.js.
  fc('hybrid per-tensor symmetric', {}, [f32([2, 16]), qw('int8', [5, 16], 0.01, 0), w([5])], { version: 3, oracle: 'tfjs-tflite' }),
  fc('hybrid per-tensor asymmetric relu', { asymmetricQuantizeInputs: true, fusedActivationFunction: 1 }, [f32([3, 16], { range: [-0.5, 2] }), qw('int8', [5, 16], 0.01, 0), w([5])], { version: 9, oracle: 'tfjs-tflite' }),
  fc('hybrid per-channel asymmetric', { asymmetricQuantizeInputs: true }, [f32([2, 16], { range: [0, 3] }), qw('int8', [6, 16], 0, 0, { quant: pc(ws8) }), w([6])], { version: 12 }),
  // XNNPACK quantizes asymmetrically where TFLite's kernel is symmetric: a few quanta of difference.
  fc('hybrid per-channel symmetric no bias', {}, [f32([2, 16]), qw('int8', [6, 16], 0, 0, { quant: pc(ws8) })], { version: 12, tolerance: 0.03 }),
  fc('hybrid tanh', { fusedActivationFunction: 4 }, [f32([2, 8], { range: [-3, 3] }), qw('int8', [4, 8], 0.02, 0), w([4])], { version: 3, oracle: 'tfjs-tflite' }),
  fc('hybrid keep_num_dims rank 3 relu6', { keepNumDims: true, fusedActivationFunction: 3 }, [f32([2, 3, 8], { range: [-4, 4] }), qw('int8', [4, 8], 0.02, 0), w([4])], { version: 9, oracle: 'tfjs-tflite' }),
  fc('hybrid zero input row', { asymmetricQuantizeInputs: true }, [f32([2, 4], { data: [0, 0, 0, 0, 1, -2, 0.5, 3] }), qw('int8', [3, 4], 0.02, 0), w([3])], { version: 9, oracle: 'tfjs-tflite' }),
  fc('hybrid all-zero input', {}, [f32([2, 4], { data: [0, 0, 0, 0, 0, 0, 0, 0] }), qw('int8', [3, 4], 0.02, 0), w([3])], { version: 3, oracle: 'tfjs-tflite' }),
  fc('hybrid larger 4x256 by 64 asymmetric', { asymmetricQuantizeInputs: true }, [f32([4, 256]), qw('int8', [64, 256], 0.004, 0), w([64])], { version: 9, oracle: 'tfjs-tflite' }),
  fc('hybrid larger 4x256 by 64 per-channel asymmetric', { asymmetricQuantizeInputs: true }, [f32([4, 256]), qw('int8', [64, 256], 0, 0, { quant: pc(scales(64, 0.004)) }), w([64])], { version: 12 }),
  qfc('error: int8 input with uint8 output', {}, [q('int8', [2, 8], 0.02, 0), qw('int8', [3, 8], 0.01, 0)], qo('uint8', 0.1, 0), { error: 'types' }),
  qfc('error: int16 input with zero point', {}, [q('int16', [2, 8], 0.02, 3), qw('int8', [3, 8], 0.01, 0)], qo('int16', 0.1, 0), { error: 'zero point' }),
  qfc('error: bias scale mismatch', {}, [q('int8', [2, 8], 0.02, 0), qw('int8', [3, 8], 0.01, 0), bias32(3, 0.01)], qo('int8', 0.1, 0), { error: 'bias scale' }),
  qfc('error: quantized tanh', { fusedActivationFunction: 4 }, [q('int8', [2, 8], 0.02, 0), qw('int8', [3, 8], 0.01, 0)], qo('int8', 0.1, 0), { error: 'activation' }),
  qfc('error: unquantized int8 output', {}, [q('int8', [2, 8], 0.02, 0), qw('int8', [3, 8], 0.01, 0)], { dtype: 'int8' }, { error: 'quantized' }),
];
