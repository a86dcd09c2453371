// DEPTHWISE_CONV_2D (float32, and quantized/hybrid below): multiplier, padding, strides, dilations, activation, optional bias, batch.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const w = (shape, extra = {}) => f32(shape, { constant: true, ...extra });
const opts = (o = {}) => ({ padding: 0, strideW: 1, strideH: 1, depthMultiplier: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1, ...o });

// LiteRT.js reads garbage for an omitted (-1) bias, so that case compares against this plain gather
// loop (TFLite's reference DepthwiseConv with bias 0; output channel c·m + k reads input channel c).
const values = (n, seed) => Array.from({ length: n }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 0.9);
function naiveDepthwise([n, h, wd, c], x, [, kh, kw, oc], f, { padding, strideH, strideW, dilationHFactor: dh, dilationWFactor: dw }) {
  const out = (size, k, s, d) => (padding === 0 ? Math.ceil(size / s) : Math.ceil((size - (k - 1) * d) / s));
  const oh = out(h, kh, strideH, dh), ow = out(wd, kw, strideW, dw);
  const pad = (o, s, k, d, size) => Math.max(0, Math.floor(((o - 1) * s + (k - 1) * d + 1 - size) / 2));
  const ph = pad(oh, strideH, kh, dh, h), pw = pad(ow, strideW, kw, dw, wd);
  const m = oc / c;
  const y = [];
  for (let b = 0; b < n; b++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) for (let o = 0; o < oc; o++) {
    let acc = 0;
    for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) {
      const yi = i * strideH - ph + u * dh, xj = j * strideW - pw + v * dw;
      if (yi >= 0 && yi < h && xj >= 0 && xj < wd) acc += x[((b * h + yi) * wd + xj) * c + Math.floor(o / m)] * f[(u * kw + v) * oc + o];
    }
    y.push(acc);
  }
  return { expected: [y], expectedShapes: [[n, oh, ow, oc]] };
}
const noBias = (name, o, inShape, fShape) => {
  const x = values(inShape.reduce((a, b) => a * b), 3), f = values(fShape.reduce((a, b) => a * b), 4);
  return dw(name, o, [f32(inShape, { data: x }), w(fShape, { data: f }), null], { oracle: 'none', ...naiveDepthwise(inShape, x, fShape, f, opts(o)) });
};
import { quantSpecs } from './conv_2d.cases.mjs';

const dw = (name, o, inputs, extra = {}) => ({ name, op: 'DEPTHWISE_CONV_2D', version: 1, options: opts(o), inputs, outputs: [{ dtype: 'float32' }], ...extra });

const floatCases = [
  dw('same 3x3 multiplier 1 bias', {}, [f32([1, 5, 5, 4]), w([1, 3, 3, 4]), w([4])]),
  dw('valid stride 2 multiplier 2 relu6', { padding: 1, strideW: 2, strideH: 2, depthMultiplier: 2, fusedActivationFunction: 3 },
    [f32([1, 7, 7, 3], { range: [-4, 4] }), w([1, 3, 3, 6]), w([6])]),
  dw('same stride 2 even input relu', { strideW: 2, strideH: 2, fusedActivationFunction: 1 }, [f32([1, 8, 8, 8]), w([1, 3, 3, 8]), w([8])]),
  dw('same dilation 2', { dilationWFactor: 2, dilationHFactor: 2 }, [f32([1, 7, 7, 2]), w([1, 3, 3, 2]), w([2])]),
  dw('valid dilation 2x3 relu_n1_to_1', { padding: 1, dilationHFactor: 2, dilationWFactor: 3, fusedActivationFunction: 2 },
    [f32([1, 8, 9, 3], { range: [-2, 2] }), w([1, 3, 3, 3]), w([3])]),
  dw('multiplier 3 from one channel', { depthMultiplier: 3 }, [f32([1, 6, 6, 1]), w([1, 3, 3, 3]), w([3])]),
  dw('multiplier 4 stride 2x1', { depthMultiplier: 4, strideH: 2 }, [f32([1, 6, 5, 2]), w([1, 2, 3, 8]), w([8])]),
  dw('batch 2 no bias', {}, [f32([2, 5, 5, 3]), w([1, 3, 3, 3])]),
  noBias('omitted bias (-1) multiplier 2', { depthMultiplier: 2 }, [1, 4, 4, 2], [1, 3, 3, 4]),
  noBias('omitted bias (-1) valid stride 2 dilation 2', { padding: 1, strideW: 2, strideH: 2, dilationHFactor: 2, dilationWFactor: 2 }, [2, 9, 8, 3], [1, 3, 3, 3]),
  dw('5x5 same stride 2 batch 3', { strideW: 2, strideH: 2 }, [f32([3, 9, 9, 4]), w([1, 5, 5, 4]), w([4])]),
  dw('non-constant filter', {}, [f32([1, 5, 5, 4]), f32([1, 3, 3, 4]), f32([4])]),
  dw('larger 24x24x16 stride 2', { strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [f32([1, 24, 24, 16], { range: [-5, 5] }), w([1, 3, 3, 16]), w([16])]),
  dw('multiplier option 0: derived from shapes', { depthMultiplier: 0 }, [f32([1, 4, 4, 2]), w([1, 3, 3, 4]), w([4])]),
  dw('multiplier option inconsistent: derived from shapes', { depthMultiplier: 3 }, [f32([1, 4, 4, 2]), w([1, 3, 3, 4]), w([4])]),
  dw('fused tanh', { fusedActivationFunction: 4 }, [f32([1, 4, 4, 2], { range: [-3, 3] }), w([1, 3, 3, 2]), w([2])]),
  dw('error: filter dim 0 not 1', {}, [f32([1, 5, 5, 4]), w([2, 3, 3, 4]), w([4])], { error: 'filter' }),
  dw('error: channels not a multiple', {}, [f32([1, 5, 5, 4]), w([1, 3, 3, 6]), w([6])], { error: 'multiple' }),
  dw('error: stride 0', { strideH: 0 }, [f32([1, 5, 5, 4]), w([1, 3, 3, 4]), w([4])], { error: 'stride' }),
  dw('error: int32 input', {}, [{ dtype: 'int32', shape: [1, 5, 5, 4] }, w([1, 3, 3, 4]), w([4])], { error: 'type' }),
];

// Quantized (uint8 per-tensor, int8 per-channel along dimension 3, 16x8 with int64 bias) and hybrid
// (float32 input, int8 per-channel filter) cases; quantSpecs picks seeded scales and zero points.
const VERSION = { uint8: 1, int8: 3, int16: 5, hybrid: 6 };
const qdw = (name, kind, o, inShape, fShape, q = {}, extra = {}) => {
  const s = quantSpecs(name, { kind, inShape, fShape, channels: fShape[3], qdim: 3, taps: fShape[1] * fShape[2], ...q });
  return {
    name: `${kind} ${name}`, op: 'DEPTHWISE_CONV_2D', version: VERSION[kind], options: opts({ depthMultiplier: fShape[3] / inShape[3], ...o }),
    inputs: s.bias === null ? [s.input, s.filter] : [s.input, s.filter, s.bias], outputs: [s.output], ...extra,
  };
};

const quantCases = [
  qdw('same 3x3 bias', 'int8', {}, [1, 5, 5, 4], [1, 3, 3, 4]),
  qdw('valid stride 2 multiplier 2 relu6', 'int8', { padding: 1, strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [1, 7, 7, 3], [1, 3, 3, 6], { inScale: 0.05, outSpread: 0.2 }),
  qdw('same dilation 2x3 relu', 'int8', { dilationHFactor: 2, dilationWFactor: 3, fusedActivationFunction: 1 }, [1, 8, 9, 3], [1, 3, 3, 3]),
  qdw('multiplier 3 from one channel relu_n1_to_1', 'int8', { fusedActivationFunction: 2 }, [1, 6, 6, 1], [1, 3, 3, 3], { outSpread: 20 }),
  qdw('5x5 same stride 2 batch 3', 'int8', { strideW: 2, strideH: 2 }, [3, 9, 9, 4], [1, 5, 5, 4]),
  qdw('per-tensor filter scale', 'int8', {}, [1, 5, 5, 4], [1, 3, 3, 4], { perChannel: false }),
  qdw('larger 24x24x16 stride 2 relu6', 'int8', { strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [1, 24, 24, 16], [1, 3, 3, 16], { outSpread: 0.3 }),
  qdw('same 3x3 bias', 'uint8', {}, [1, 5, 5, 4], [1, 3, 3, 4]),
  qdw('valid stride 2 multiplier 2 relu6', 'uint8', { padding: 1, strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [1, 7, 7, 3], [1, 3, 3, 6], { inScale: 0.05, outSpread: 0.2 }),
  qdw('same dilation 2 batch 2', 'uint8', { dilationHFactor: 2, dilationWFactor: 2 }, [2, 7, 7, 2], [1, 3, 3, 2]),
  qdw('multiplier 4 stride 2x1 relu', 'uint8', { strideH: 2, fusedActivationFunction: 1 }, [1, 6, 5, 2], [1, 2, 3, 8]),
  qdw('larger 24x24x16 stride 2', 'uint8', { strideW: 2, strideH: 2 }, [1, 24, 24, 16], [1, 3, 3, 16]),
  qdw('same 3x3 int64 bias', 'int16', {}, [1, 5, 5, 4], [1, 3, 3, 4]),
  qdw('valid stride 2 multiplier 2 relu6', 'int16', { padding: 1, strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [1, 7, 7, 3], [1, 3, 3, 6], { inScale: 0.0004, outSpread: 0.3 }),
  qdw('dilation 2 batch 2 relu', 'int16', { dilationHFactor: 2, dilationWFactor: 2, fusedActivationFunction: 1 }, [2, 7, 7, 2], [1, 3, 3, 2]),
  qdw('larger 16x16x8', 'int16', {}, [1, 16, 16, 8], [1, 3, 3, 8]),
  qdw('same 3x3 relu6', 'hybrid', { fusedActivationFunction: 3 }, [1, 6, 6, 4], [1, 3, 3, 4]),
  qdw('stride 2 multiplier 2 batch 2', 'hybrid', { strideW: 2, strideH: 2 }, [2, 7, 7, 3], [1, 3, 3, 6]),
  qdw('valid dilation 2', 'hybrid', { padding: 1, dilationHFactor: 2, dilationWFactor: 2 }, [1, 8, 8, 4], [1, 3, 3, 4]),
  qdw('multiplier 3 from one channel dilation 2', 'hybrid', { dilationHFactor: 2, dilationWFactor: 2 }, [1, 7, 7, 1], [1, 3, 3, 3]),
  qdw('larger 24x24x16 stride 2', 'hybrid', { strideW: 2, strideH: 2 }, [1, 24, 24, 16], [1, 3, 3, 16]),
  qdw('error: per-tensor scale', 'hybrid', {}, [1, 5, 5, 4], [1, 3, 3, 4], { perChannel: false }, { error: 'per-channel scales' }),
  qdw('error: per-channel scales', 'uint8', {}, [1, 5, 5, 4], [1, 3, 3, 4], { perChannel: true }, { error: 'per-channel' }),
  qdw('error: int32 bias', 'int16', {}, [1, 5, 5, 4], [1, 3, 3, 4], { bias64: false }, { error: 'int64' }),
  (() => {
    const c = qdw('error: bias zero point', 'int8', {}, [1, 5, 5, 4], [1, 3, 3, 4]);
    c.inputs[2] = { ...c.inputs[2], quant: { scale: 0.0001, zeroPoint: 3 } };
    return { ...c, error: 'zero point' };
  })(),
];

export default [...floatCases, ...quantCases];
