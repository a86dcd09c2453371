// QUANTIZE: float32 → uint8/int8/int16 per tensor (random and hand-picked scales and zero points,
// ties, saturation) and per channel (int8/uint8/int16 along several axes), and requantization
// uint8/int8 → uint8/int8, int16 → int8/int16/int32, int32 → int8/int16 (smaller and larger
// scales, the int8↔uint8 shift by 128), plus the cases that must fail. Integer outputs compare exactly.
import { mulberry32 } from '../harness/model_builder.mjs';

const OP = 'QUANTIZE';
const q = (scale, zeroPoint, quantizedDimension = 0) => ({ scale, zeroPoint, quantizedDimension });
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const cs = (name, input, output, extra = {}) => ({ name, op: OP, options: {}, inputs: [input], outputs: [output], tolerance: 0, ...extra });

// Seeded random quantization parameters; scales are float32 values as the model stores them.
const next = mulberry32(0x5eed);
const u = () => next() / 4294967296;
const randScale = (lo, hi) => Math.fround(lo * (hi / lo) ** u());
const randInt = (lo, hi) => lo + Math.floor(u() * (hi - lo + 1));
const RANGE = { uint8: [0, 255], int8: [-128, 127], int16: [-32768, 32767] };

const cases = [];

// float32 → quantized, per tensor: random parameters covering the output range and beyond.
for (const dtype of ['uint8', 'int8', 'int16']) {
  const [lo, hi] = RANGE[dtype];
  for (let k = 0; k < 4; k++) {
    const zp = dtype === 'int16' ? (k === 0 ? 0 : randInt(-100, 100)) : randInt(lo, hi);
    const scale = dtype === 'int16' ? randScale(1e-5, 1e-3) : randScale(0.002, 0.05);
    const span = (hi - lo) * scale;
    cases.push(cs(`float32 to ${dtype} random ${k} (scale ${scale}, zero point ${zp})`,
      f32([2, 3, 5], { range: [-0.7 * span, 0.7 * span] }), { dtype, quant: q(scale, zp) }));
  }
}
// Exact ties (x / scale = n + 0.5) round away from zero; values beyond the range clamp; huge values
// saturate the int32 conversion, and adding the zero point then wraps (int16: TFLite's kernel runs).
const TIES = [0.25, -0.25, 0.75, -0.75, 1.25, -1.25, 0, -0, 3.5, -3.5, 63.75, -64.25, 1e6, -1e6, 3e38, -3e38, 2.5e-8, 0.2499];
// LiteRT.js hands float32 → int8/uint8 to XNNPack, which rounds ties to even and clamps before
// converting: these carry TFLite's values (kernels/internal/optimized AffineQuantize), by hand.
const TIES8 = [0.25, -0.25, 0.75, -0.75, 1.25, -1.25, 0, -0, 3.5, -3.5, 63.75, -64.25, 1e6, -1e6, 2.5e-8, 0.2499];
const byHand = (name, dtype, quant, expected) =>
  cs(name, f32([TIES8.length], { data: TIES8 }), { dtype, quant }, { oracle: 'none', expected: [expected] });
cases.push(
  byHand('float32 to int8 ties round away from zero', 'int8', q(0.5, 0), [1, -1, 2, -2, 3, -3, 0, 0, 7, -7, 127, -128, 127, -128, 0, 0]),
  byHand('float32 to int8 ties, zero point -3', 'int8', q(0.5, -3), [-2, -4, -1, -5, 0, -6, -3, -3, 4, -10, 125, -128, 127, -128, -3, -3]),
  byHand('float32 to uint8 ties, zero point 128', 'uint8', q(0.5, 128), [129, 127, 130, 126, 131, 125, 128, 128, 135, 121, 255, 0, 255, 0, 128, 128]),
  byHand('float32 to uint8 ties, zero point 0', 'uint8', q(0.5, 0), [1, 0, 2, 0, 3, 0, 0, 0, 7, 0, 128, 0, 255, 0, 0, 0]),
  cs('float32 to int16 ties and saturation', f32([TIES.length], { data: TIES }), { dtype: 'int16', quant: q(0.5, 0) }),
  cs('float32 to int16 ties with a zero point, saturation wraps', f32([TIES.length], { data: TIES.map((v) => v * 100) }), { dtype: 'int16', quant: q(0.5, 17) }),
  cs('float32 to int16 ties, negative zero point', f32([TIES.length], { data: TIES }), { dtype: 'int16', quant: q(0.25, -1000) }),
  cs('float32 to int8 scale 1/255', f32([4, 4], { range: [-0.6, 0.6] }), { dtype: 'int8', quant: q(Math.fround(1 / 255), -1) }),
  cs('float32 to uint8 scale 1/256 zero point 128', f32([4, 4], { range: [-0.6, 0.6] }), { dtype: 'uint8', quant: q(0.00390625, 128) }),
  cs('float32 to int16 scale 2^-15', f32([3, 5]), { dtype: 'int16', quant: q(2 ** -15, 0) }),
  cs('scalar', f32([]), { dtype: 'int8', quant: q(0.01, 2) }),
  cs('rank 6', f32([1, 2, 1, 3, 2, 2]), { dtype: 'uint8', quant: q(0.01, 127) }),
  cs('empty tensor', f32([2, 0, 3]), { dtype: 'int8', quant: q(0.01, 0) }, { oracle: 'none', expected: [[]] }), // LiteRT.js rejects empty buffers
);

// float32 → quantized, per channel (reference_ops::PerChannelQuantize: float32 division).
const perChannel = (name, dtype, shape, axis, extra = {}) => {
  const n = shape[axis];
  const [lo, hi] = RANGE[dtype];
  const scales = Array.from({ length: n }, () => (dtype === 'int16' ? randScale(1e-5, 1e-3) : randScale(0.003, 0.03)));
  const zps = Array.from({ length: n }, () => (dtype === 'int16' ? 0 : randInt(lo + 20, hi - 20)));
  return cs(name, f32(shape, { range: [-2, 2] }), { dtype, shape, quant: q(scales, zps, axis) }, extra);
};
cases.push(
  perChannel('per-channel int8 axis 0', 'int8', [4, 3, 2], 0),
  perChannel('per-channel int8 axis 1', 'int8', [2, 5, 3], 1),
  perChannel('per-channel int8 axis 3', 'int8', [1, 2, 2, 6], 3),
  perChannel('per-channel uint8 axis 0', 'uint8', [3, 7], 0),
  perChannel('per-channel int16 axis 1', 'int16', [3, 4], 1),
  cs('per-channel ties, clamping, saturation', f32([2, 9], { data: TIES }), { dtype: 'int8', shape: [2, 9], quant: q([0.5, 0.25], [0, -1], 0) }),
  cs('per-channel uint8 ties along the last axis', f32([9, 2], { data: TIES }), { dtype: 'uint8', shape: [9, 2], quant: q([0.5, 0.25], [128, 3], 1) }),
  // 0.25 / 0.1f is 2.4999999627 in double but 2.5 in float32: per channel rounds it to 3.
  cs('per-channel divides in float32', f32([2, 7], { data: [0.25, -0.25, 0.75, 0.35, 0.45, -0.45, 1.05, 0.25, -0.25, 0.75, 0.35, 0.45, -0.45, 1.05] }),
    { dtype: 'int8', shape: [2, 7], quant: q([0.1, 0.1], [0, 5], 0) }),
  // ... and per tensor (int16: TFLite's kernel runs) it rounds the double quotient to 2.
  cs('per-tensor divides in double', f32([7], { data: [0.25, -0.25, 0.75, 0.35, 0.45, -0.45, 1.05] }), { dtype: 'int16', quant: q(0.1, 0) }),
  cs('per-channel int16 ties', f32([3, 6], { data: TIES }), { dtype: 'int16', shape: [3, 6], quant: q([0.5, 0.25, 0.001], [0, 0, 0], 0) }),
);

// Requantization. LiteRT.js hands uint8 → uint8 and int8 → int8 with a scale ratio in [2^-8, 2^7] to
// XNNPack, whose single float rounding is off by one from TFLite's double-rounding fixed point on
// some values: those random cases allow 1; the exact checks are the mixed-type, int16/int32 cases
// and the whole-domain same-type cases with ratios outside that window (TFLite's kernel runs).
const requant = (name, from, to, inQ, outQ, shape = [3, 11], extra = {}) =>
  cs(name, { dtype: from, shape, quant: inQ, ...(extra.input ?? {}) }, { dtype: to, quant: outQ }, extra.case ?? {});
const ALL8 = Array.from({ length: 256 }, (_, i) => i - 128);
for (const [from, to] of [['uint8', 'uint8'], ['uint8', 'int8'], ['int8', 'int8'], ['int8', 'uint8']]) {
  const [flo, fhi] = RANGE[from];
  const [tlo, thi] = RANGE[to];
  for (let k = 0; k < 3; k++) {
    const inScale = randScale(0.005, 0.05);
    const outScale = k === 0 ? Math.fround(inScale * 2.5) : k === 1 ? Math.fround(inScale / 3.1) : randScale(0.005, 0.05);
    cases.push(requant(`${from} to ${to} random ${k}`, from, to, q(inScale, randInt(flo, fhi)), q(outScale, randInt(tlo, thi)), [3, 11],
      { case: from === to ? { tolerance: 1 } : {} }));
  }
}
// Every input value, scales whose multiplier rounds twice (double vs single rounding differ on 55 of 256).
const all = (from) => ({ input: { shape: [256], data: ALL8.map((v) => (from === 'uint8' ? v + 128 : from === 'int16' ? v * 37 : v)) } });
cases.push(
  requant('int8 to uint8 every value, double rounding', 'int8', 'uint8', q(0.0123, -28), q(0.0371, 3), [256], all('int8')),
  requant('uint8 to int8 every value, double rounding', 'uint8', 'int8', q(0.0123, 100), q(0.0371, 3), [256], all('uint8')),
  requant('int16 to int8 double rounding', 'int16', 'int8', q(0.0123, 0), q(Math.fround(0.0371 * 37), 3), [256], all('int16')),
  requant('int16 to int16 double rounding', 'int16', 'int16', q(0.0123, 0), q(0.0371, 0), [256], all('int16')),
  requant('int8 to int8 every value, ratio 0.003', 'int8', 'int8', q(0.003, 5), q(1, -1), [256], all('int8')),
  requant('int8 to int8 every value, ratio 0.0033', 'int8', 'int8', q(0.0123, -28), q(3.71, 1), [256], all('int8')),
  requant('uint8 to uint8 every value, ratio 131', 'uint8', 'uint8', q(0.131, 128), q(0.001, 120), [256], all('uint8')),
  requant('uint8 to uint8 every value, ratio 0.002', 'uint8', 'uint8', q(0.0002, 3), q(0.1, 250), [256], all('uint8')),
);
cases.push(
  requant('int8 to uint8 same scale (shift by 128)', 'int8', 'uint8', q(0.05, -3), q(0.05, 125)),
  requant('uint8 to int8 same scale (shift by 128)', 'uint8', 'int8', q(0.05, 130), q(0.05, 2)),
  requant('int8 to int8 identity', 'int8', 'int8', q(0.02, 7), q(0.02, 7)),
  requant('uint8 to uint8 scale x 200', 'uint8', 'uint8', q(0.5, 100), q(0.0025, 128)),
  requant('int8 to int8 tiny ratio', 'int8', 'int8', q(1e-6, 0), q(1, 5)),
  requant('int16 to int16', 'int16', 'int16', q(0.001, 0), q(0.0007, 0)),
  requant('int16 to int16 larger scale', 'int16', 'int16', q(Math.fround(1 / 32768), 0), q(Math.fround(3 / 32768), 0)),
  requant('int16 to int8', 'int16', 'int8', q(0.0001, 0), q(0.01, 3)),
  requant('int16 to int8 nonzero input zero point', 'int16', 'int8', q(0.0001, 12), q(0.02, -7)),
  requant('int16 to int32', 'int16', 'int32', q(0.001, 0), q(0.0001, 0)),
  requant('int32 to int8', 'int32', 'int8', q(0.0002, 0), q(0.03, -1), [3, 11], { input: { range: [-20000, 20000] } }),
  requant('int32 to int16', 'int32', 'int16', q(0.002, 5), q(0.0003, 0), [3, 11], { input: { range: [-10000, 10000] } }),
  requant('int8 to int8 scalar', 'int8', 'int8', q(0.1, 1), q(0.3, -2), []),
);

// Failures.
cases.push(
  cs('error: float32 output', f32([3]), { dtype: 'float32' }, { error: 'float32' }),
  cs('error: unquantized output', f32([3]), { dtype: 'int8' }, { error: 'quantized' }),
  cs('error: zero scale', f32([3]), { dtype: 'int8', quant: q(0, 0) }, { error: 'scale' }),
  cs('error: float32 to int32', f32([3]), { dtype: 'int32', quant: q(0.1, 0) }, { error: 'int32' }),
  requant('error: int8 to int16', 'int8', 'int16', q(0.1, 0), q(0.1, 0), [3], { case: { error: 'int16' } }),
  requant('error: uint8 to int32', 'uint8', 'int32', q(0.1, 0), q(0.1, 0), [3], { case: { error: 'int32' } }),
  requant('error: int16 to int16 with a zero point', 'int16', 'int16', q(0.1, 3), q(0.1, 0), [3], { case: { error: 'zero point' } }),
  requant('error: unquantized input', 'int8', 'int8', undefined, q(0.1, 0), [3], { case: { error: 'quantized' } }),
  requant('error: per-channel requantization', 'int8', 'int8', q([0.1, 0.2, 0.3], [0, 0, 0], 0), q(0.1, 0), [3], { case: { error: 'per-tensor' } }),
  cs('error: per-channel scale count', f32([2, 3]), { dtype: 'int8', shape: [2, 3], quant: q([0.1, 0.2], [0, 0], 1) }, { error: 'scales' }),
  cs('error: per-channel axis out of range', f32([2, 3]), { dtype: 'int8', shape: [2, 3], quant: q([0.1, 0.2], [0, 0], 2) }, { error: 'out of range' }),
  cs('error: zero point count', f32([2, 3]), { dtype: 'int8', shape: [2, 3], quant: q([0.1, 0.2], [0, 0, 0], 0) }, { error: 'zero points' }),
  cs('error: one zero point for two scales', f32([2, 3]), { dtype: 'int8', shape: [2, 3], quant: q([0.1, 0.2], [0], 0) }, { error: 'zero points' }),
  cs('error: per-channel output shape differs from the input', f32([3, 3]), { dtype: 'int8', shape: [2, 3], quant: q([0.1, 0.2], [0, 0], 0) }, { error: 'channels' }),
  cs('error: negative scale', f32([3]), { dtype: 'int8', quant: q(-0.5, 0) }, { error: 'scale' }),
);

export default cases;
