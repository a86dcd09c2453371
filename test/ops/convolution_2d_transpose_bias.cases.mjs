// MediaPipe's Convolution2DTransposeBias (custom op, float32). LiteRT.js has no MediaPipe ops, so every
// case carries `expected`: hand-computed for the small ones, else from the gather loop below (an output
// pixel sums input pixels iy with iy·stride − pad + ky = oy), written apart from the kernel's scatter loop.
// custom_options: int32 padding (TfLitePadding: 1 SAME, 2 VALID), int32 stride_w, int32 stride_h.
const opts = (padding, strideW, strideH) => new Uint8Array(new Int32Array([padding, strideW, strideH]).buffer);
const f32 = (shape, data, extra = {}) => ({ dtype: 'float32', shape, data, ...extra });
const values = (n, seed) => Array.from({ length: n }, (_, i) => Math.cos(seed * 7.31 + i * 1.618) * 0.8);
const SAME = 1, VALID = 2;

function gather([n, h, wd, c], x, [oc, kh, kw], f, bias, padding, sw, sh) {
  const padTotal = (k, size, s) => (padding === SAME ? Math.max(0, k - ((size - 1) % s) - 1) : 0);
  const pth = padTotal(kh, h, sh), ptw = padTotal(kw, wd, sw);
  const oh = sh * (h - 1) + kh - pth, ow = sw * (wd - 1) + kw - ptw;
  const ph = Math.floor(pth / 2), pw = Math.floor(ptw / 2);
  const y = [];
  for (let b = 0; b < n; b++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) for (let o = 0; o < oc; o++) {
    let acc = bias[o];
    for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) {
      const yi = (i + ph - u) / sh, xj = (j + pw - v) / sw;
      if (!Number.isInteger(yi) || !Number.isInteger(xj) || yi < 0 || yi >= h || xj < 0 || xj >= wd) continue;
      for (let q = 0; q < c; q++) acc += x[((b * h + yi) * wd + xj) * c + q] * f[((o * kh + u) * kw + v) * c + q];
    }
    y.push(acc);
  }
  return { expected: [y], expectedShapes: [[n, oh, ow, oc]] };
}

function generated(name, inShape, wShape, padding, sw, sh) {
  const size = (s) => s.reduce((a, b) => a * b, 1);
  const x = values(size(inShape), 1), f = values(size(wShape), 2), bias = values(wShape[0], 3);
  return {
    name, op: { custom: 'Convolution2DTransposeBias' }, customOptions: opts(padding, sw, sh), oracle: 'none',
    inputs: [f32(inShape, x), f32(wShape, f, { constant: true }), f32([wShape[0]], bias, { constant: true })],
    outputs: [{ dtype: 'float32' }],
    ...gather(inShape, x, wShape, f, bias, padding, sw, sh),
  };
}

const custom = { op: { custom: 'Convolution2DTransposeBias' }, oracle: 'none', outputs: [{ dtype: 'float32' }] };

export default [
  // 1×2×2×1 input, 2×2 kernel, stride 2: each input pixel stamps x·kernel + bias into its own 2×2 block.
  {
    ...custom, name: 'hand: 2x2 stride 2 same (no crop)', customOptions: opts(SAME, 2, 2),
    inputs: [f32([1, 2, 2, 1], [1, 2, 3, 4]), f32([1, 2, 2, 1], [1, 10, 100, 1000], { constant: true }), f32([1], [0.5], { constant: true })],
    expected: [[
      1.5, 10.5, 2.5, 20.5,
      100.5, 1000.5, 200.5, 2000.5,
      3.5, 30.5, 4.5, 40.5,
      300.5, 3000.5, 400.5, 4000.5,
    ]],
    expectedShapes: [[1, 4, 4, 1]],
  },
  // 1×2×1×1 input [1, 2], 3×1 kernel [1, 2, 3], stride 1 VALID: output rows 1, 2+2, 3+4, 6 (+bias 1).
  {
    ...custom, name: 'hand: 3x1 stride 1 valid (overlap adds)', customOptions: opts(VALID, 1, 1),
    inputs: [f32([1, 2, 1, 1], [1, 2]), f32([1, 3, 1, 1], [1, 2, 3], { constant: true }), f32([1], [1], { constant: true })],
    expected: [[2, 5, 8, 7]],
    expectedShapes: [[1, 4, 1, 1]],
  },
  // Same, SAME padding: total crop 3 − 0 − 1 = 2, one row off each end: [2+2, 3+4] + 1.
  {
    ...custom, name: 'hand: 3x1 stride 1 same (crop one each side)', customOptions: opts(SAME, 1, 1),
    inputs: [f32([1, 2, 1, 1], [1, 2]), f32([1, 3, 1, 1], [1, 2, 3], { constant: true }), f32([1], [1], { constant: true })],
    expected: [[5, 8]],
    expectedShapes: [[1, 2, 1, 1]],
  },
  // Two output channels, two input channels: out[c] = Σq x[q]·w[c, q] + b[c] for a 1×1 kernel.
  {
    ...custom, name: 'hand: 1x1 kernel channel mix', customOptions: opts(VALID, 1, 1),
    inputs: [f32([1, 1, 1, 2], [2, 3]), f32([2, 1, 1, 2], [1, 1, 10, -1], { constant: true }), f32([2], [0, 100], { constant: true })],
    expected: [[5, 117]],
    expectedShapes: [[1, 1, 1, 2]],
  },
  generated('selfie-like 2x2 stride 2 same', [1, 8, 8, 16], [1, 2, 2, 16], SAME, 2, 2),
  generated('3x3 stride 2 same (crop 2)', [1, 4, 5, 3], [2, 3, 3, 3], SAME, 2, 2),
  generated('4x4 stride 2 same (crop 2)', [1, 4, 4, 2], [3, 4, 4, 2], SAME, 2, 2),
  generated('3x3 stride 2 valid', [2, 3, 4, 2], [2, 3, 3, 2], VALID, 2, 2),
  generated('3x3 strides 1x3 same', [1, 5, 3, 2], [2, 3, 3, 2], SAME, 3, 1),
  generated('3x3 stride 1 same', [1, 5, 5, 3], [4, 3, 3, 3], SAME, 1, 1),
  {
    ...custom, name: 'error: short custom options', customOptions: new Uint8Array(new Int32Array([1, 2]).buffer),
    inputs: [f32([1, 2, 2, 1], [1, 2, 3, 4]), f32([1, 2, 2, 1], [1, 1, 1, 1], { constant: true }), f32([1], [0], { constant: true })],
    error: 'custom options',
  },
  {
    ...custom, name: 'error: stride 0', customOptions: opts(SAME, 0, 2),
    inputs: [f32([1, 2, 2, 1], [1, 2, 3, 4]), f32([1, 2, 2, 1], [1, 1, 1, 1], { constant: true }), f32([1], [0], { constant: true })],
    error: 'stride',
  },
  {
    ...custom, name: 'error: bias size', customOptions: opts(SAME, 2, 2),
    inputs: [f32([1, 2, 2, 1], [1, 2, 3, 4]), f32([1, 2, 2, 1], [1, 1, 1, 1], { constant: true }), f32([2], [0, 0], { constant: true })],
    error: 'bias',
  },
  {
    ...custom, name: 'error: channel mismatch', customOptions: opts(SAME, 2, 2),
    inputs: [f32([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), f32([1, 2, 2, 1], [1, 1, 1, 1], { constant: true }), f32([1], [0], { constant: true })],
    error: 'channels',
  },
];
