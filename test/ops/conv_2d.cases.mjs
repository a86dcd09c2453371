// CONV_2D (float32): padding, strides, dilations, fused activations, optional bias, batch, groups.
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

export default [
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
