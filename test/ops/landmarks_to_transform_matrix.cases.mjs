// MediaPipe's Landmarks2TransformMatrix (custom op, float32): hand-computed expectations (LiteRT.js has no
// MediaPipe ops). Output: the row-major 4×4 matrix from output-crop pixels to input coordinates.
const f32 = (shape, data) => ({ dtype: 'float32', shape, data });
const lt = (name, version, customOptions, landmarks, rest) => ({
  name, op: { custom: 'Landmarks2TransformMatrix' }, version, oracle: 'none', customOptions,
  inputs: [landmarks], outputs: [{ dtype: 'float32' }], ...rest,
});
const v2 = (o = {}) => ({ subset_idxs: [0, 1, 2], left_rotation_idx: 0, right_rotation_idx: 1, target_rotation_radians: 0, output_height: 4, output_width: 4, scale_x: 1, scale_y: 1, ...o });
const v1 = (o = {}) => ({ input_hw: [11, 21], output_hw: [3, 3], dimensions: 3, landmarks_range: 10, bbox_size_multiplier: 1, left_rotation_idx: 0, right_rotation_idx: 1, subset: [0, 1, 2], ...o });

export default [
  // Landmarks (0,0), (2,0), (1,1): already level, crop x∈[0,2], y∈[0,1], centre (1, 0.5). Subset [0,1,2]
  // pairs as (0,1), (2,2). Scale (2/4, 1/4); the −2 shift of the 4×4 output cancels the centre.
  lt('v2 level landmarks', 2, v2(), f32([1, 3, 3], [0, 0, 0, 2, 0, 0, 1, 1, 0]),
    { expected: [[0.5, 0, 0, 0, 0, 0.25, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]], expectedShapes: [[1, 4, 4]] }),
  // Right landmark straight below the left one: rotation −90°, so the output x axis runs down the input.
  // Rotated landmarks (y, −x): (0,0), (2,0), (1,1) → same crop; centre rotated back (−0.5, 1).
  lt('v2 rotated 90 degrees', 2, v2(), f32([1, 3, 3], [0, 0, 0, 0, 2, 0, -1, 1, 0]),
    { expected: [[0, -0.25, 0, 0, 0.5, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]], expectedShapes: [[1, 4, 4]] }),
  // scale_x 2, scale_y 4 widen the crop: (2·2/4, 4·1/4); the shift of −2 output pixels now moves by (−2, −2)
  // crop units from the centre (1, 0.5): translation (1 − 2, 0.5 − 2).
  lt('v2 scaled crop', 2, v2({ scale_x: 2, scale_y: 4 }), f32([1, 3, 3], [0, 0, 0, 2, 0, 0, 1, 1, 0]),
    { expected: [[1, 0, 0, -1, 0, 1, 0, -1.5, 0, 0, 1, 0, 0, 0, 0, 1]], expectedShapes: [[1, 4, 4]] }),
  // v1: landmarks (0,0), (10,0), (5,5) in a range of 10; input 21 wide × 11 high, output 3×3.
  // Box 10×5 → scale (1, 0.5); centre (5, 2.5) → relative (0, −0.5); the product is diag(10, 2.5).
  lt('v1 level landmarks', 1, v1(), f32([1, 1, 1, 9], [0, 0, 0, 10, 0, 0, 5, 5, 0]),
    { expected: [[10, 0, 0, 0, 0, 2.5, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]], expectedShapes: [[1, 4, 4]] }),
  lt('error: v2 index out of range', 2, v2({ subset_idxs: [0, 5] }), f32([1, 3, 3], [0, 0, 0, 2, 0, 0, 1, 1, 0]), { error: 'out of range' }),
  lt('error: v2 empty subset', 2, v2({ subset_idxs: [] }), f32([1, 3, 3], [0, 0, 0, 2, 0, 0, 1, 1, 0]), { error: 'empty' }),
  lt('error: v2 scale 0', 2, v2({ scale_x: 0 }), f32([1, 3, 3], [0, 0, 0, 2, 0, 0, 1, 1, 0]), { error: 'scale' }),
  lt('error: v2 landmarks of 2 values', 2, v2(), f32([1, 3, 2], [0, 0, 2, 0, 1, 1]), { error: 'shape' }),
  lt('error: v1 dimensions 2', 1, v1({ dimensions: 2 }), f32([1, 1, 1, 9], [0, 0, 0, 10, 0, 0, 5, 5, 0]), { error: 'dimensions' }),
  lt('error: v1 landmarks_range 0', 1, v1({ landmarks_range: 0 }), f32([1, 1, 1, 9], [0, 0, 0, 10, 0, 0, 5, 5, 0]), { error: 'landmarks_range' }),
];
