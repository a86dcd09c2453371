// MediaPipe's MaxUnpooling2D (custom op, float32): hand-computed expectations (LiteRT.js has no MediaPipe
// ops). custom_options: the raw pool params of MaxPoolingWithArgmax2D (padding, stride_w, stride_h,
// filter_w, filter_h, activation); output = input × filter size, zeros except where the indices point.
const opts = (...v) => new Uint8Array(new Int32Array(v).buffer);
const f32 = (shape, data, extra = {}) => ({ dtype: 'float32', shape, data, ...extra });
const SAME = 1, VALID = 2;
const base = { op: { custom: 'MaxUnpooling2D' }, oracle: 'none', outputs: [{ dtype: 'float32' }] };

export default [
  // Inverse of the argmax case: values 6,5,9,7 at window indices 3,0,0,3 of 2×2 windows.
  { ...base, name: '2x2 stride 2 round trip', customOptions: opts(SAME, 2, 2, 2, 2, 0),
    inputs: [f32([1, 2, 2, 1], [6, 5, 9, 7]), f32([1, 2, 2, 1], [3.1, 0.1, 0.1, 3.1])],
    expected: [[0, 0, 5, 0, 0, 6, 0, 0, 9, 0, 0, 0, 0, 0, 0, 7]], expectedShapes: [[1, 4, 4, 1]] },
  // Two channels unpool independently: channel 0 to window place 1 = (0,1), channel 1 to place 2 = (1,0).
  { ...base, name: 'two channels', customOptions: opts(SAME, 2, 2, 2, 2, 0),
    inputs: [f32([1, 1, 1, 2], [1, 2]), f32([1, 1, 1, 2], [1.1, 2.1])],
    expected: [[0, 0, 1, 0, 0, 2, 0, 0]], expectedShapes: [[1, 2, 2, 2]] },
  // Indices that decode outside the output (rows 4 and 2 of a 2-row output) are skipped, as MediaPipe's bounds check.
  { ...base, name: 'out-of-range indices skipped', customOptions: opts(SAME, 2, 2, 2, 2, 1),
    inputs: [f32([1, 1, 2, 1], [-4, -5]), f32([1, 1, 2, 1], [9.1, 4.1])],
    expected: [[0, 0, 0, 0, 0, 0, 0, 0]], expectedShapes: [[1, 2, 4, 1]] },
  // 3×3 windows, stride 3: window index 4 is the centre of each 3×3 block.
  { ...base, name: '3x3 stride 3 centre', customOptions: opts(VALID, 3, 3, 3, 3, 0),
    inputs: [f32([1, 1, 2, 1], [1.5, -2.5]), f32([1, 1, 2, 1], [4.1, 8.1])],
    expected: [[0, 0, 0, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, -2.5]], expectedShapes: [[1, 3, 6, 1]] },
  // The activation in the options is not applied (MediaPipe computes it but never uses it).
  { ...base, name: 'activation ignored', customOptions: opts(SAME, 2, 2, 2, 2, 1),
    inputs: [f32([1, 1, 1, 1], [-3]), f32([1, 1, 1, 1], [3.1])],
    expected: [[0, 0, 0, -3]], expectedShapes: [[1, 2, 2, 1]] },
  { ...base, name: 'error: indices shape differs', customOptions: opts(SAME, 2, 2, 2, 2, 0),
    inputs: [f32([1, 2, 2, 1], [6, 5, 9, 7]), f32([1, 1, 2, 1], [0.1, 0.1])], error: 'indices' },
  { ...base, name: 'error: stride 0', customOptions: opts(SAME, 0, 2, 2, 2, 0),
    inputs: [f32([1, 2, 2, 1], [6, 5, 9, 7]), f32([1, 2, 2, 1], [0.1, 0.1, 0.1, 0.1])], error: 'stride' },
];
