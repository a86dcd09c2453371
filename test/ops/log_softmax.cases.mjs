// LOG_SOFTMAX (float32): any rank, last axis.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const ls = (name, input, extra = {}) => ({ name, op: 'LOG_SOFTMAX', version: 1, options: {}, inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  ls('rank 2', f32([2, 5])),
  ls('rank 1', f32([7], { range: [-5, 5] })),
  ls('rank 3 wide range', f32([2, 3, 6], { range: [-20, 20] })),
  ls('rank 4', f32([1, 2, 3, 4], { range: [-4, 4] })),
  ls('rank 5', f32([2, 1, 2, 2, 3])),
  ls('large logits (stability)', f32([2, 4], { range: [500, 600] })),
  ls('last axis of 1', f32([3, 1])),
  ls('long rows 3x500', f32([3, 500], { range: [-8, 8] })),
  ls('error: rank 0', f32([]), { error: 'rank' }),
  ls('error: uint8 input', { dtype: 'uint8', shape: [2, 3] }, { error: 'type' }),
];
