// L2_NORMALIZATION (float32): last axis, rank 1–4, norm clamped to 1e-6 (zero rows stay zero).
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const l2 = (name, input, act = 0, extra = {}) => ({ name, op: 'L2_NORMALIZATION', version: 1, options: { fusedActivationFunction: act }, inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  l2('rank 2', f32([2, 5])),
  l2('rank 1', f32([6], { range: [-3, 3] })),
  l2('rank 4', f32([1, 2, 3, 4])),
  l2('rank 3 large values', f32([2, 2, 8], { range: [-1000, 1000] })),
  l2('zero row and tiny row', f32([3, 3], { data: [0, 0, 0, 1e-8, -1e-8, 2e-8, 3, 4, 0] })),
  l2('last axis of 1', f32([4, 1])),
  l2('long rows', f32([2, 512])),
  l2('error: rank 5', f32([1, 1, 2, 2, 3]), 0, { error: 'rank' }),
  l2('error: fused relu', f32([2, 3]), 1, { error: 'activation' }),
  l2('error: int32 input', { dtype: 'int32', shape: [2, 3] }, 0, { error: 'type' }),
];
