// DEQUANTIZE: float16 -> float32 (constant fp16 weights, as MediaPipe models store them, and computed),
// uint8/int8/int16 per-tensor (q - zeroPoint) * scale, int8/uint8 per-channel along quantizedDimension, errors.
const c = (name, input, extra = {}) => ({ name, op: 'DEQUANTIZE', inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });
const q = (scale, zeroPoint, quantizedDimension = 0) => ({ scale, zeroPoint, quantizedDimension });
// A constant input makes the output persistent, which neither oracle runtime returns as a graph
// output: constant cases carry expected values, and a computed twin of each is checked against LiteRT.
const half = (h) => {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  return e === 0 ? s * m * 2 ** -24 : e === 31 ? (m ? NaN : s * Infinity) : s * (1 + m / 1024) * 2 ** (e - 15);
};
const affine = (values, scales, zps, channels = 1, inner = 1) => [values.map((v, i) => {
  const ch = Math.floor(i / inner) % channels;
  return Math.fround(Math.fround(scales[ch]) * (v - zps[ch]));
})];
const cst = (name, dtype, shape, data, quant, expected) => c(name, { dtype, shape, constant: true, data, quant }, { oracle: 'none', expected });
const I8 = [-128, -3, 0, 1, 5, 77, 127, -50, 12, 13, 14, -15, 100, 101, -102, 3];
// Half bits: 1, -2, 0.5, 65504 (max), 2^-24 (smallest subnormal), -0, 0.0999755859375, 3.140625.
const HALF = [0x3c00, 0xc000, 0x3800, 0x7bff, 0x0001, 0x8000, 0x2e66, 0x4248];
export default [
  cst('float16 constant weights', 'float16', [2, 4], HALF, undefined, [HALF.map(half)]),
  c('float16 computed input', { dtype: 'float16', shape: [4, 6], range: [-100, 100] }),
  c('float16 computed special values', { dtype: 'float16', shape: [8], data: HALF }),
  c('uint8', { dtype: 'uint8', shape: [3, 7], quant: q(0.5, 128) }),
  cst('uint8 constant', 'uint8', [2, 8], I8.map((v) => v + 128), q(0.0039215686, 0), affine(I8.map((v) => v + 128), [0.0039215686], [0])),
  c('int8', { dtype: 'int8', shape: [4, 5], quant: q(0.1, -3) }),
  cst('int8 constant', 'int8', [16], I8, q(0.023529412, 5), affine(I8, [0.023529412], [5])),
  c('int16', { dtype: 'int16', shape: [3, 4], quant: q(0.001, 0) }),
  c('int8 per-channel axis 0', { dtype: 'int8', shape: [3, 2, 2], quant: q([0.1, 0.02, 1.5], [0, 0, 0], 0) }),
  c('int8 per-channel axis 3 (depthwise weights)', { dtype: 'int8', shape: [1, 2, 2, 4], quant: q([0.1, 0.2, 0.3, 0.4], [0, 1, -2, 3], 3) }),
  c('int8 per-channel axis 1', { dtype: 'int8', shape: [2, 3, 2], quant: q([0.5, 0.25, 0.125], [0, 0, 0], 1) }),
  c('uint8 per-channel', { dtype: 'uint8', shape: [4, 3], quant: q([0.5, 0.25, 0.125, 1], [128, 127, 0, 10], 0) }),
  cst('int8 per-channel constant axis 0', 'int8', [4, 4], I8, q([0.1, 0.02, 1.5, 0.007], [0, 0, 0, 0], 0), affine(I8, [0.1, 0.02, 1.5, 0.007], [0, 0, 0, 0], 4, 4)),
  cst('int8 per-channel constant axis 3', 'int8', [1, 2, 2, 4], I8, q([0.1, 0.2, 0.3, 0.4], [0, 1, -2, 3], 3), affine(I8, [0.1, 0.2, 0.3, 0.4], [0, 1, -2, 3], 4, 1)),
  c('scalar', { dtype: 'int8', shape: [], quant: q(0.5, 1) }),
  c('rank 5', { dtype: 'int8', shape: [2, 1, 2, 3, 2], quant: q(0.05, 2) }),
  c('error: float32 input', { dtype: 'float32', shape: [3] }, { error: 'float32' }),
  c('error: int16 per-channel', { dtype: 'int16', shape: [2, 3], constant: true, quant: q([0.5, 0.25], [0, 0], 0) }, { error: 'per-channel' }),
  c('error: scale count mismatch', { dtype: 'int8', shape: [2, 3], constant: true, quant: q([0.5, 0.25], [0, 0], 1) }, { error: 'scales' }),
  c('error: quantized dimension out of range', { dtype: 'int8', shape: [2, 3], constant: true, quant: q([0.5, 0.25], [0, 0], 2) }, { error: 'out of range' }),
  c('error: int32 output', { dtype: 'int8', shape: [3], quant: q(0.5, 0) }, { outputs: [{ dtype: 'int32' }], error: 'int32' }),
];
