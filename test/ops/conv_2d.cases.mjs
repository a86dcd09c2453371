// CONV_2D (float32, and quantized/hybrid below): padding, strides, dilations, fused activations, optional bias, batch, groups.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const w = (shape, extra = {}) => f32(shape, { constant: true, ...extra });
const opts = (o = {}) => ({ padding: 1, strideW: 1, strideH: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1, ...o });

// LiteRT.js reads garbage for a missing float bias and older TFLite rejects it, so the no-bias cases
// compare against this plain gather loop (TFLite's reference Conv with bias 0).
const values = (n, seed) => Array.from({ length: n }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 0.9);
function naiveConv([n, h, wd, c], x, [oc, kh, kw, fc], f, { padding, strideH, strideW, dilationHFactor: dh, dilationWFactor: dw }) {
  const out = (size, k, s, d) => (padding === 0 ? Math.ceil(size / s) : Math.ceil((size - (k - 1) * d) / s));
  const oh = out(h, kh, strideH, dh), ow = out(wd, kw, strideW, dw);
  const pad = (o, s, k, d, size) => Math.max(0, Math.floor(((o - 1) * s + (k - 1) * d + 1 - size) / 2));
  const ph = pad(oh, strideH, kh, dh, h), pw = pad(ow, strideW, kw, dw, wd);
  const perGroup = oc / (c / fc);
  const y = [];
  for (let b = 0; b < n; b++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) for (let o = 0; o < oc; o++) {
    let acc = 0;
    for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) for (let q = 0; q < fc; q++) {
      const yi = i * strideH - ph + u * dh, xj = j * strideW - pw + v * dw;
      if (yi < 0 || yi >= h || xj < 0 || xj >= wd) continue;
      acc += x[((b * h + yi) * wd + xj) * c + Math.floor(o / perGroup) * fc + q] * f[((o * kh + u) * kw + v) * fc + q];
    }
    y.push(acc);
  }
  return { expected: [y], expectedShapes: [[n, oh, ow, oc]] };
}
const noBias = (name, o, inShape, fShape, biasInput) => {
  const x = values(inShape.reduce((a, b) => a * b), 1), f = values(fShape.reduce((a, b) => a * b), 2);
  return conv(name, o, [f32(inShape, { data: x }), w(fShape, { data: f }), ...biasInput], { oracle: 'none', ...naiveConv(inShape, x, fShape, f, opts(o)) });
};
const conv = (name, o, inputs, extra = {}) => ({ name, op: 'CONV_2D', version: 1, options: opts(o), inputs, outputs: [{ dtype: 'float32' }], ...extra });

const floatCases = [
  conv('valid 3x3 stride 1 bias', {}, [f32([1, 5, 5, 3]), w([4, 3, 3, 3]), w([4])]),
  conv('same 3x3 stride 2 relu6', { padding: 0, strideW: 2, strideH: 2, fusedActivationFunction: 3 },
    [f32([1, 7, 7, 3], { range: [-4, 4] }), w([4, 3, 3, 3]), w([4])]),
  conv('same stride 2 even input', { padding: 0, strideW: 2, strideH: 2 }, [f32([1, 8, 6, 2]), w([3, 3, 3, 2]), w([3])]),
  conv('same dilation 2 relu', { padding: 0, dilationWFactor: 2, dilationHFactor: 2, fusedActivationFunction: 1 },
    [f32([1, 7, 7, 2]), w([3, 3, 3, 2]), w([3])]),
  conv('valid stride 2x1 dilation 2x1 relu_n1_to_1', { strideH: 2, dilationHFactor: 2, fusedActivationFunction: 2 },
    [f32([1, 9, 6, 3], { range: [-2, 2] }), w([5, 3, 2, 3]), w([5])]),
  conv('same dilation 3 stride 2', { padding: 0, strideW: 2, strideH: 2, dilationWFactor: 3, dilationHFactor: 3 },
    [f32([1, 10, 11, 2]), w([2, 3, 3, 2]), w([2])]),
  conv('same even 2x2 filter (padding after)', { padding: 0 }, [f32([1, 6, 6, 3]), w([2, 2, 2, 3]), w([2])]),
  conv('same even 4x4 filter stride 3', { padding: 0, strideW: 3, strideH: 3 }, [f32([1, 7, 8, 2]), w([3, 4, 4, 2]), w([3])]),
  conv('same 5x5 filter larger than input', { padding: 0 }, [f32([1, 3, 3, 2]), w([2, 5, 5, 2]), w([2])]),
  conv('valid 1x1 batch 2', {}, [f32([2, 4, 4, 5]), w([6, 1, 1, 5]), w([6])]),
  conv('batch 3 same stride 2 relu', { padding: 0, strideW: 2, strideH: 2, fusedActivationFunction: 1 },
    [f32([3, 5, 5, 4]), w([4, 3, 3, 4]), w([4])]),
  noBias('no bias (2 inputs)', {}, [1, 5, 5, 3], [4, 3, 3, 3], []),
  noBias('omitted bias (-1) same stride 2', { padding: 0, strideW: 2, strideH: 2 }, [2, 6, 5, 3], [4, 3, 3, 3], [null]),
  noBias('no bias dilation 2', { padding: 0, dilationHFactor: 2, dilationWFactor: 2 }, [1, 6, 6, 2], [3, 3, 3, 2], []),
  conv('non-constant filter and bias', { padding: 0 }, [f32([1, 5, 5, 3]), f32([4, 3, 3, 3]), f32([4])]),
  conv('groups 2', { padding: 0 }, [f32([1, 6, 6, 4]), w([6, 3, 3, 2]), w([6])]),
  conv('groups 4 stride 2 relu6', { padding: 0, strideW: 2, strideH: 2, fusedActivationFunction: 3 },
    [f32([2, 6, 6, 8], { range: [-3, 3] }), w([8, 3, 3, 2]), w([8])]),
  noBias('groups 3 valid no bias', {}, [1, 5, 5, 6], [6, 2, 2, 2], []),
  conv('fused tanh is ignored by float conv', { fusedActivationFunction: 4 }, [f32([1, 4, 4, 2], { range: [-3, 3] }), w([2, 3, 3, 2]), w([2])]),
  conv('larger 16x16x8 -> 16 same stride 2', { padding: 0, strideW: 2, strideH: 2 }, [f32([1, 16, 16, 8]), w([16, 3, 3, 8]), w([16])]),
  conv('1x7 filter valid', {}, [f32([1, 3, 9, 2]), w([2, 1, 7, 2]), w([2])]),
  conv('error: channels not a multiple', {}, [f32([1, 5, 5, 5]), w([4, 3, 3, 2]), w([4])], { error: 'not a multiple' }),
  conv('error: output channels not divisible by groups', {}, [f32([1, 5, 5, 4]), w([3, 3, 3, 2]), w([3])], { error: 'groups' }),
  conv('error: stride 0', { strideW: 0 }, [f32([1, 5, 5, 3]), w([4, 3, 3, 3]), w([4])], { error: 'stride' }),
  conv('error: dilation -1', { dilationHFactor: -1 }, [f32([1, 5, 5, 3]), w([4, 3, 3, 3]), w([4])], { error: 'dilation' }),
  conv('error: bad padding', { padding: 7 }, [f32([1, 5, 5, 3]), w([4, 3, 3, 3]), w([4])], { error: 'padding' }),
  conv('error: filter rank 3', {}, [f32([1, 5, 5, 3]), w([4, 3, 3]), w([4])], { error: 'rank' }),
  conv('error: bias size', {}, [f32([1, 5, 5, 3]), w([4, 3, 3, 3]), w([3])], { error: 'bias' }),
  conv('error: int32 input', {}, [{ dtype: 'int32', shape: [1, 5, 5, 3] }, w([4, 3, 3, 3]), w([4])], { error: 'type' }),
];

// ---------------------------------------------------------------------------------------------
// Quantized and hybrid CONV_2D (also imported by the depthwise and transpose tables).
// ---------------------------------------------------------------------------------------------

/** Deterministic pseudo-random numbers in [0, 1) from a string seed (mulberry32 of an FNV hash). */
export function seeded(seedText) {
  let a = 2166136261;
  for (let i = 0; i < seedText.length; i++) a = Math.imul(a ^ seedText.charCodeAt(i), 16777619);
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Float32-representable value (quantization scales are float32 in the model). */
const f32v = (x) => Math.fround(x);

/**
 * Inputs and output of a quantized convolution-like op: `kind` 'uint8' | 'int8' | 'int16' | 'hybrid';
 * `channels` output channels, `qdim` the filter's quantized dimension, `taps` the accumulation depth
 * (sets the output scale so outputs spread over the range), `perChannel` per-channel filter scales.
 * Returns { input, filter, bias, output } specs (bias null with noBias).
 */
export function quantSpecs(name, { kind, inShape, fShape, channels, qdim, taps, perChannel = kind !== 'uint8', equalScales = false,
  bias64 = kind === 'int16', noBias = false, inScale, outSpread = 1 }) {
  const r = seeded(name);
  const between = (lo, hi) => lo + (hi - lo) * r();
  const is = f32v(inScale ?? between(0.01, 0.05));
  const izp = kind === 'uint8' ? Math.floor(between(100, 160)) : kind === 'int8' ? Math.floor(between(-20, 20)) : 0;
  const base = between(0.002, 0.01);
  const fscales = perChannel
    ? Array.from({ length: channels }, () => f32v(equalScales ? base : base * between(0.5, 2)))
    : [f32v(base)];
  const fzp = kind === 'uint8' ? Math.floor(between(110, 150)) : 0;
  const nz = fscales.length;
  const filter = {
    dtype: kind === 'uint8' ? 'uint8' : 'int8', shape: fShape, constant: true,
    // A per-tensor scale is declared on dimension 0, as converters write it (LiteRT.js's XNNPACK
    // delegate declines a per-tensor uint8 filter quantized along another dimension).
    quant: { scale: fscales, zeroPoint: new Array(nz).fill(fzp), quantizedDimension: nz > 1 ? qdim : 0 },
    ...(kind === 'uint8' ? {} : { range: [-127, 128] }),
  };
  if (kind === 'hybrid') {
    const input = { dtype: 'float32', shape: inShape, range: [-2, 3] };
    const bias = noBias ? null : { dtype: 'float32', shape: [channels], constant: true, range: [-0.5, 0.5] };
    return { input, filter, bias, output: { dtype: 'float32' } };
  }
  // Accumulator spread: ~74 per 8-bit factor (uniform over 256 levels), ~18900 for int16.
  const xStd = kind === 'int16' ? 18900 : 74;
  const accStd = Math.sqrt(taps) * xStd * 74;
  const meanScale = fscales.reduce((a, b) => a + b, 0) / fscales.length;
  const outLevels = kind === 'int16' ? 8000 : 45;
  const os = f32v((is * meanScale * accStd) / outLevels / outSpread);
  const ozp = kind === 'uint8' ? Math.floor(between(100, 150)) : kind === 'int8' ? Math.floor(between(-20, 20)) : 0;
  const input = { dtype: kind, shape: inShape, quant: { scale: is, zeroPoint: izp } };
  const biasRange = Math.round(accStd / 3);
  const bias = noBias ? null : {
    dtype: bias64 ? 'int64' : 'int32', shape: [channels], constant: true, range: [-biasRange, biasRange],
    quant: { scale: fscales.map((s) => is * s), zeroPoint: new Array(nz).fill(0), quantizedDimension: 0 },
  };
  return { input, filter, bias, output: { dtype: kind, quant: { scale: os, zeroPoint: ozp } } };
}

const VERSION = { uint8: 1, int8: 3, int16: 4, hybrid: 5 };
/** A quantized CONV_2D case; `o` options, `q` extra quantSpecs settings. */
const qconv = (name, kind, o, inShape, fShape, q = {}, extra = {}) => {
  const s = quantSpecs(name, { kind, inShape, fShape, channels: fShape[0], qdim: 0, taps: fShape[1] * fShape[2] * fShape[3], ...q });
  return {
    name: `${kind} ${name}`, op: 'CONV_2D', version: VERSION[kind], options: opts(o),
    inputs: s.bias === null ? [s.input, s.filter] : [s.input, s.filter, s.bias], outputs: [s.output], ...extra,
  };
};
const INT64_BIAS = { quantizedBiasType: 4 }, INT32_BIAS = { quantizedBiasType: 2 };

export const quantConvCases = [
  // int8: per-channel filter scales (reference_integer_ops::ConvPerChannel).
  qconv('valid 3x3 bias', 'int8', {}, [1, 5, 5, 3], [4, 3, 3, 3]),
  qconv('same 3x3 stride 2 relu6', 'int8', { padding: 0, strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [1, 7, 7, 3], [4, 3, 3, 3], { inScale: 0.05, outSpread: 0.2 }),
  qconv('same dilation 2 relu', 'int8', { padding: 0, dilationWFactor: 2, dilationHFactor: 2, fusedActivationFunction: 1 }, [1, 7, 7, 2], [3, 3, 3, 2]),
  qconv('valid stride 2x1 dilation 2x1 relu_n1_to_1', 'int8', { strideH: 2, dilationHFactor: 2, fusedActivationFunction: 2 }, [1, 9, 6, 3], [5, 3, 2, 3], { outSpread: 20 }),
  qconv('same even 4x4 filter stride 3', 'int8', { padding: 0, strideW: 3, strideH: 3 }, [1, 7, 8, 2], [3, 4, 4, 2]),
  qconv('1x1 batch 2', 'int8', {}, [2, 4, 4, 5], [6, 1, 1, 5]),
  qconv('per-tensor filter scale', 'int8', { padding: 0 }, [1, 5, 5, 3], [4, 3, 3, 3], { perChannel: false }),
  qconv('groups 2', 'int8', { padding: 0 }, [1, 6, 6, 4], [6, 3, 3, 2]),
  qconv('fused tanh clamps to the type range', 'int8', { fusedActivationFunction: 4 }, [1, 4, 4, 2], [2, 3, 3, 2], { outSpread: 3 }),
  qconv('saturating output', 'int8', { padding: 0 }, [1, 5, 5, 3], [4, 3, 3, 3], { outSpread: 8 }),
  qconv('larger 16x16x8 -> 16 same stride 2', 'int8', { padding: 0, strideW: 2, strideH: 2 }, [1, 16, 16, 8], [16, 3, 3, 8]),
  // uint8: per-tensor scales with filter zero point (reference_ops::Conv).
  qconv('valid 3x3 bias', 'uint8', {}, [1, 5, 5, 3], [4, 3, 3, 3]),
  qconv('same 3x3 stride 2 relu6', 'uint8', { padding: 0, strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [1, 7, 7, 3], [4, 3, 3, 3], { inScale: 0.05, outSpread: 0.2 }),
  qconv('same dilation 3 stride 2 relu', 'uint8', { padding: 0, strideW: 2, strideH: 2, dilationWFactor: 3, dilationHFactor: 3, fusedActivationFunction: 1 }, [1, 10, 11, 2], [2, 3, 3, 2]),
  qconv('1x1 batch 3', 'uint8', {}, [3, 4, 4, 5], [6, 1, 1, 5]),
  qconv('5x5 filter larger than input', 'uint8', { padding: 0 }, [1, 3, 3, 2], [2, 5, 5, 2]),
  qconv('relu_n1_to_1', 'uint8', { fusedActivationFunction: 2 }, [1, 5, 5, 3], [4, 3, 3, 3], { outSpread: 20 }),
  qconv('larger 16x16x8 -> 16 same stride 2', 'uint8', { padding: 0, strideW: 2, strideH: 2 }, [1, 16, 16, 8], [16, 3, 3, 8]),
  // 16x8: int16 activations, int8 per-channel filter, int64 (or int32 with quantized_bias_type) bias.
  qconv('same 3x3 int64 bias', 'int16', { padding: 0, ...INT64_BIAS }, [1, 5, 5, 3], [4, 3, 3, 3]),
  qconv('stride 2 relu6 int64 bias (bias type unset)', 'int16', { padding: 0, strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [1, 7, 7, 3], [4, 3, 3, 3], { inScale: 0.0004, outSpread: 0.3 }),
  qconv('dilation 2 batch 2 relu', 'int16', { padding: 0, dilationWFactor: 2, dilationHFactor: 2, fusedActivationFunction: 1, ...INT64_BIAS }, [2, 7, 7, 2], [3, 3, 3, 2]),
  qconv('int32 bias', 'int16', { ...INT32_BIAS }, [1, 5, 5, 3], [4, 3, 3, 3], { bias64: false }),
  qconv('groups 2', 'int16', { padding: 0, ...INT64_BIAS }, [1, 6, 6, 4], [6, 3, 3, 2]),
  qconv('larger 12x12x16 -> 8', 'int16', { padding: 0, ...INT64_BIAS }, [1, 12, 12, 16], [8, 3, 3, 16]),
  // Hybrid: float32 input/output, int8 filter (dynamic-range quantization).
  qconv('per-channel same 3x3 relu6', 'hybrid', { padding: 0, fusedActivationFunction: 3 }, [1, 6, 6, 3], [4, 3, 3, 3]),
  qconv('per-channel 1x1', 'hybrid', {}, [1, 5, 5, 16], [8, 1, 1, 16]),
  qconv('per-channel batch 2 stride 2', 'hybrid', { padding: 0, strideW: 2, strideH: 2 }, [2, 7, 7, 3], [4, 3, 3, 3]),
  qconv('per-channel dilation 2', 'hybrid', { padding: 0, dilationWFactor: 2, dilationHFactor: 2 }, [1, 7, 7, 2], [3, 3, 3, 2]),
  qconv('per-tensor scale (symmetric input)', 'hybrid', { padding: 0 }, [1, 6, 6, 3], [4, 3, 3, 3], { perChannel: false }),
  qconv('equal per-channel scales (symmetric input) batch 2', 'hybrid', {}, [2, 5, 5, 3], [4, 3, 3, 3], { equalScales: true }),
  qconv('groups 2', 'hybrid', { padding: 0 }, [1, 6, 6, 4], [6, 3, 3, 2]),
  qconv('per-channel 1x1 stride 2', 'hybrid', { strideW: 2, strideH: 2 }, [1, 7, 7, 8], [8, 1, 1, 8]),
  qconv('per-channel 1x1 stride 2x1 same', 'hybrid', { padding: 0, strideH: 2 }, [1, 7, 7, 8], [8, 1, 1, 8]),
  qconv('per-tensor 1x1', 'hybrid', {}, [1, 5, 5, 16], [8, 1, 1, 16], { perChannel: false }),
  qconv('per-channel 1x1 batch 2 relu', 'hybrid', { fusedActivationFunction: 1 }, [2, 4, 4, 16], [8, 1, 1, 16]),
  qconv('per-channel 1x1 groups 2', 'hybrid', {}, [1, 5, 5, 8], [6, 1, 1, 4]),
  qconv('per-tensor 3x3 batch 2 dilation 2', 'hybrid', { padding: 0, dilationWFactor: 2, dilationHFactor: 2 }, [2, 7, 7, 2], [3, 3, 3, 2], { perChannel: false }),
  qconv('per-channel 1x1 dilation 2', 'hybrid', { dilationWFactor: 2, dilationHFactor: 2 }, [1, 5, 5, 8], [8, 1, 1, 8]),
  qconv('per-channel 1x3', 'hybrid', { padding: 0 }, [1, 5, 5, 4], [4, 1, 3, 4]),
  // Failures.
  qconv('error: per-channel scales', 'uint8', {}, [1, 5, 5, 3], [4, 3, 3, 3], { perChannel: true }, { error: 'per-channel' }),
  (() => {
    const c = qconv('error: bias scale', 'uint8', {}, [1, 5, 5, 3], [4, 3, 3, 3]);
    c.inputs[2] = { ...c.inputs[2], quant: { scale: 1, zeroPoint: 0 } };
    return { ...c, error: 'bias scale' };
  })(),
  qconv('error: int32 bias without quantized_bias_type', 'int16', {}, [1, 5, 5, 3], [4, 3, 3, 3], { bias64: false }, { error: 'quantized_bias_type' }),
  (() => {
    const c = qconv('error: nonzero input zero point', 'int16', INT64_BIAS, [1, 5, 5, 3], [4, 3, 3, 3]);
    c.inputs[0] = { ...c.inputs[0], quant: { scale: 0.001, zeroPoint: 3 } };
    return { ...c, error: 'zero point' };
  })(),
  (() => {
    const c = qconv('error: float bias', 'int8', {}, [1, 5, 5, 3], [4, 3, 3, 3]);
    c.inputs[2] = { dtype: 'float32', shape: [4], constant: true };
    return { ...c, error: 'bias' };
  })(),
  (() => {
    const c = qconv('error: uint8 filter', 'int8', {}, [1, 5, 5, 3], [4, 3, 3, 3]);
    c.inputs[1] = { ...c.inputs[1], dtype: 'uint8', range: [0, 256] };
    return { ...c, error: 'type' };
  })(),
];

export default [...floatCases, ...quantConvCases];
