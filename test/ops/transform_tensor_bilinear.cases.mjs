// MediaPipe's TransformTensorBilinear (custom op, float32): hand-computed expectations (LiteRT.js has no
// MediaPipe ops). Output pixel (x, y) samples the input bilinearly at M·(x, y, 0, 1); v2 first shifts by
// half a pixel (align corners); samples outside [0, W−1]×[0, H−1] give 0.
const f32 = (shape, data) => ({ dtype: 'float32', shape, data });
const mat = (a, b, c, d, e, f) => [a, b, 0, c, d, e, 0, f, 0, 0, 1, 0, 0, 0, 0, 1];
const grid3 = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const grid4 = Array.from({ length: 16 }, (_, i) => i);
const tt = (name, version, customOptions, image, matrix, rest) => ({
  name, op: { custom: 'TransformTensorBilinear' }, version, oracle: 'none', customOptions,
  inputs: [image, f32([1, 4, 4], matrix)], outputs: [{ dtype: 'float32' }], ...rest,
});

export default [
  tt('v2 identity', 2, { output_height: 3, output_width: 3 }, f32([1, 3, 3, 1], grid3), mat(1, 0, 0, 0, 1, 0),
    { expected: [grid3], expectedShapes: [[1, 3, 3, 1]] }),
  tt('v1 identity', 1, { output_size: [3, 3], mode: 'bilinear' }, f32([1, 3, 3, 1], grid3), mat(1, 0, 0, 0, 1, 0),
    { expected: [grid3], expectedShapes: [[1, 3, 3, 1]] }),
  // Half-pixel shift in x: columns average pairwise; the last column falls outside (x = 2.5 > 2).
  tt('v1 half-pixel shift, out of bounds is 0', 1, { output_size: [3, 3] }, f32([1, 3, 3, 1], grid3), mat(1, 0, 0.5, 0, 1, 0),
    { expected: [[0.5, 1.5, 0, 3.5, 4.5, 0, 6.5, 7.5, 0]], expectedShapes: [[1, 3, 3, 1]] }),
  // Scale 2 with v2's centre correction samples (2x + 0.5, 2y + 0.5): each 2×2 block's mean.
  tt('v2 downscale by 2 averages blocks', 2, { output_height: 2, output_width: 2 }, f32([1, 4, 4, 1], grid4), mat(2, 0, 0, 0, 2, 0),
    { expected: [[2.5, 4.5, 10.5, 12.5]], expectedShapes: [[1, 2, 2, 1]] }),
  // Two channels (the second ×10) and a quarter-pixel offset in y: rows mix 3:1.
  tt('v1 two channels quarter-pixel y', 1, { output_size: [2, 2] }, f32([1, 2, 2, 2], [0, 0, 1, 10, 2, 20, 3, 30]), mat(1, 0, 0, 0, 1, 0.25),
    { expected: [[0.5, 5, 1.5, 15, 0, 0, 0, 0]], expectedShapes: [[1, 2, 2, 2]] }),
  // Transpose (swap x and y).
  tt('v1 transpose', 1, { output_size: [3, 3] }, f32([1, 3, 3, 1], grid3), mat(0, 1, 0, 1, 0, 0),
    { expected: [[0, 3, 6, 1, 4, 7, 2, 5, 8]], expectedShapes: [[1, 3, 3, 1]] }),
  tt('error: v1 nearest mode', 1, { output_size: [3, 3], mode: 'nearest' }, f32([1, 3, 3, 1], grid3), mat(1, 0, 0, 0, 1, 0), { error: 'mode' }),
  tt('error: v2 missing size', 2, { output_height: 3 }, f32([1, 3, 3, 1], grid3), mat(1, 0, 0, 0, 1, 0), { error: 'output size' }),
  tt('error: batch 2', 2, { output_height: 3, output_width: 3 }, f32([2, 3, 3, 1], [...grid3, ...grid3]), mat(1, 0, 0, 0, 1, 0), { error: 'batch' }),
  tt('error: no options', 2, undefined, f32([1, 3, 3, 1], grid3), mat(1, 0, 0, 0, 1, 0), { error: 'custom options' }),
];
