// SOFTMAX (float32): beta, any rank, last axis.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const sm = (name, beta, input, extra = {}) => ({ name, op: 'SOFTMAX', version: 1, options: { beta }, inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  sm('rank 2 beta 1', 1, f32([2, 5])),
  sm('rank 1', 1, f32([7], { range: [-5, 5] })),
  sm('rank 3 wide range', 1, f32([2, 3, 6], { range: [-20, 20] })),
  sm('rank 4 beta 0.5', 0.5, f32([1, 2, 3, 4], { range: [-4, 4] })),
  sm('rank 5 beta 2', 2, f32([1, 2, 2, 2, 3], { range: [-3, 3] })),
  sm('rank 6', 1, f32([1, 2, 1, 2, 1, 5])),
  sm('large logits (stability)', 1, f32([2, 4], { range: [500, 600] })),
  sm('last axis of 1', 1, f32([3, 1])),
  sm('long rows 2x1001', 1, f32([2, 1001], { range: [-8, 8] })),
  sm('constant rows', 1, f32([2, 3], { data: [1, 1, 1, -3, -3, -3] })),
  sm('error: rank 0', 1, f32([]), { error: 'rank' }),
  sm('error: int32 input', 1, { dtype: 'int32', shape: [2, 3] }, { error: 'type' }),
];
