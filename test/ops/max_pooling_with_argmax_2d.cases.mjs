// MediaPipe's MaxPoolingWithArgmax2D (custom op, float32): hand-computed expectations (LiteRT.js has no
// MediaPipe ops). custom_options: int32 padding (1 SAME, 2 VALID), stride_w, stride_h, filter_w,
// filter_h, activation. Outputs: the maxima, and for each its window index ky·filter_w + kx + 0.1.
const opts = (...v) => new Uint8Array(new Int32Array(v).buffer);
const f32 = (shape, data) => ({ dtype: 'float32', shape, data });
const SAME = 1, VALID = 2;
const idx = (a) => a.map((v) => Math.fround(v + Math.fround(0.1)));
const base = { op: { custom: 'MaxPoolingWithArgmax2D' }, oracle: 'none', outputs: [{ dtype: 'float32' }, { dtype: 'float32' }] };

// 4×4 single channel; 2×2 windows stride 2:
//  1  2 | 5  0        max 6 at (1,1)=3, max 5 at (0,0)=0
//  3  6 | 4  1
// ------+-----
//  9  8 | 0 -1        max 9 at (0,0)=0, max 7 at (1,1)=3
//  0  2 |-2  7
const grid = [1, 2, 5, 0, 3, 6, 4, 1, 9, 8, 0, -1, 0, 2, -2, 7];

export default [
  { ...base, name: 'valid 2x2 stride 2', customOptions: opts(VALID, 2, 2, 2, 2, 0),
    inputs: [f32([1, 4, 4, 1], grid)], expected: [[6, 5, 9, 7], idx([3, 0, 0, 3])], expectedShapes: [[1, 2, 2, 1], [1, 2, 2, 1]] },
  // Two channels: channel 1 is the negated grid, so its maxima sit elsewhere.
  { ...base, name: 'valid 2x2 stride 2 two channels', customOptions: opts(VALID, 2, 2, 2, 2, 0),
    inputs: [f32([1, 4, 4, 2], grid.flatMap((v) => [v, -v]))],
    // channel 1 windows: [-1 -2 -3 -6] max -1 at 0; [-5 0 -4 -1] max 0 at 1; [-9 -8 0 -2] max 0 at 2; [0 1 2 -7] max 2 at 2
    expected: [[6, -1, 5, 0, 9, 0, 7, 2], idx([3, 0, 0, 1, 0, 2, 3, 2])], expectedShapes: [[1, 2, 2, 2], [1, 2, 2, 2]] },
  // SAME 3×3 stride 2 on 4×4: out 2×2, total pad (1·2 + 3 − 4) = 1 → 0 before, 1 after.
  // Window (0,0) covers rows/cols 0–2 → max 9 at ky=2,kx=0 → 6; (0,1) starts at col 2, rows 0–2: 5,0,4,1,0,-1 → 5 at (0,0) → 0;
  // (1,0) rows 2–3 cols 0–2: 9,8,0,0,2,-2 → 9 at (0,0) → 0; (1,1) rows 2–3 cols 2–3: 0,-1,-2,7 → 7 at (1,1) → 4.
  { ...base, name: 'same 3x3 stride 2 (padding after)', customOptions: opts(SAME, 2, 2, 3, 3, 0),
    inputs: [f32([1, 4, 4, 1], grid)], expected: [[9, 5, 9, 7], idx([6, 0, 0, 4])], expectedShapes: [[1, 2, 2, 1], [1, 2, 2, 1]] },
  // RELU6 clamps the maxima, not the indices; the first maximum wins ties (row-major):
  // window [7 7; 7 1] → 7 at 0, clamped to 6; window [-1 -3; -2 -1] → -1 at 0, clamped to 0.
  { ...base, name: 'relu6 and ties', customOptions: opts(VALID, 2, 2, 2, 2, 3),
    inputs: [f32([1, 2, 4, 1], [7, 7, -1, -3, 7, 1, -2, -1])], expected: [[6, 0], idx([0, 0])], expectedShapes: [[1, 1, 2, 1], [1, 1, 2, 1]] },
  // 1×3 windows stride 1 along a row, batch 2.
  { ...base, name: 'valid 3x1 window stride 1 batch 2', customOptions: opts(VALID, 1, 1, 3, 1, 0),
    inputs: [f32([2, 1, 4, 1], [1, 3, 2, 0, -1, -2, -3, -4])], expected: [[3, 3, -1, -2], idx([1, 0, 0, 0])], expectedShapes: [[2, 1, 2, 1], [2, 1, 2, 1]] },
  { ...base, name: 'error: short custom options', customOptions: opts(VALID, 2, 2, 2), inputs: [f32([1, 4, 4, 1], grid)], error: 'custom options' },
  { ...base, name: 'error: unknown padding', customOptions: opts(0, 2, 2, 2, 2, 0), inputs: [f32([1, 4, 4, 1], grid)], error: 'padding' },
  { ...base, name: 'error: filter 0', customOptions: opts(VALID, 2, 2, 0, 2, 0), inputs: [f32([1, 4, 4, 1], grid)], error: 'filter' },
];
