// MediaPipe's TransformLandmarks (custom op, float32): hand-computed expectations (LiteRT.js has no
// MediaPipe ops). x' = m00·x + m01·y + m03·scale, y' = m10·x + m11·y + m13·scale, z copied.
const f32 = (shape, data, extra = {}) => ({ dtype: 'float32', shape, data, ...extra });
// Scale x by 2 and y by 3, then translate by (10, 20).
const affine = [2, 0, 0, 10, 0, 3, 0, 20, 0, 0, 1, 0, 0, 0, 0, 1];
// Rotate 90°: (x, y) → (1 − y, x).
const rot = [0, -1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const tl = (name, version, customOptions, landmarks, matrix, rest) => ({
  name, op: { custom: 'TransformLandmarks' }, version, oracle: 'none', customOptions,
  inputs: [landmarks, f32([1, 4, 4], matrix)], outputs: [{ dtype: 'float32' }], ...rest,
});

export default [
  tl('v2 three dimensions', 2, undefined, f32([1, 2, 3], [1, 2, 5, 3, 4, 6]), affine,
    { expected: [[12, 26, 5, 16, 32, 6]], expectedShapes: [[1, 2, 3]] }),
  tl('v2 two dimensions rotation', 2, undefined, f32([1, 2, 2], [1, 2, 3, 4]), rot,
    { expected: [[-1, 1, -3, 3]], expectedShapes: [[1, 2, 2]] }),
  tl('v2 constant matrix', 2, undefined, f32([1, 1, 3], [0.5, -0.5, 9]), affine,
    { expected: [[11, 18.5, 9]], expectedShapes: [[1, 1, 3]] }),
  // v1: the translation column is scaled by `scale` = 2.
  tl('v1 three dimensions scale 2', 1, { dimensions: 3, scale: 2 }, f32([1, 1, 2, 3], [1, 2, 5, 3, 4, 6]), affine,
    { expected: [[22, 46, 5, 26, 52, 6]], expectedShapes: [[1, 1, 2, 3]] }),
  // v1 with two 2-D landmarks per position.
  tl('v1 two dimensions', 1, { dimensions: 2, scale: 1 }, f32([1, 2, 1, 4], [1, 2, 3, 4, 0, 0, -1, 1]), rot,
    { expected: [[-1, 1, -3, 3, 1, 0, 0, -1]], expectedShapes: [[1, 2, 1, 4]] }),
  tl('error: v2 four values per landmark', 2, undefined, f32([1, 2, 4], [1, 2, 3, 4, 5, 6, 7, 8]), affine, { error: 'dimensions' }),
  tl('error: v1 scale 0', 1, { dimensions: 3, scale: 0 }, f32([1, 1, 1, 3], [1, 2, 3]), affine, { error: 'scale' }),
  tl('error: v1 channels not a multiple', 1, { dimensions: 3, scale: 1 }, f32([1, 1, 1, 4], [1, 2, 3, 4]), affine, { error: 'multiple' }),
  tl('error: matrix too small', 2, undefined, f32([1, 1, 3], [1, 2, 3]), affine, { inputs: [f32([1, 1, 3], [1, 2, 3]), f32([8], [1, 0, 0, 0, 0, 1, 0, 0])], error: 'matrix' }),
  tl('error: version 3', 3, undefined, f32([1, 1, 3], [1, 2, 3]), affine, { error: 'version' }),
];
