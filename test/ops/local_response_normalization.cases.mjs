// LOCAL_RESPONSE_NORMALIZATION (float32): radius, bias, alpha, beta over the channels of a 4-D input.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const lrn = (name, o, input, extra = {}) => ({ name, op: 'LOCAL_RESPONSE_NORMALIZATION', version: 1, options: o, inputs: [input], outputs: [{ dtype: 'float32' }], ...extra });

export default [
  lrn('radius 2 bias 1 alpha 0.5 beta 0.75', { radius: 2, bias: 1, alpha: 0.5, beta: 0.75 }, f32([1, 2, 2, 8])),
  lrn('radius 0', { radius: 0, bias: 1, alpha: 1, beta: 0.5 }, f32([1, 3, 3, 4])),
  lrn('radius larger than depth', { radius: 10, bias: 2, alpha: 0.25, beta: 1 }, f32([2, 2, 2, 5])),
  lrn('AlexNet-like', { radius: 5, bias: 1, alpha: 1e-4, beta: 0.75 }, f32([1, 4, 4, 16], { range: [-50, 50] })),
  lrn('beta 0.5 bias 0.5', { radius: 1, bias: 0.5, alpha: 2, beta: 0.5 }, f32([1, 1, 3, 6], { range: [-2, 2] })),
  lrn('beta 1', { radius: 3, bias: 1, alpha: 0.1, beta: 1 }, f32([1, 2, 3, 7], { range: [-3, 3] })),
  lrn('one channel', { radius: 2, bias: 1, alpha: 1, beta: 0.75 }, f32([1, 3, 3, 1])),
  lrn('error: rank 3', { radius: 2, bias: 1, alpha: 1, beta: 0.75 }, f32([2, 2, 8]), { error: 'rank' }),
  lrn('error: negative radius', { radius: -1, bias: 1, alpha: 1, beta: 0.75 }, f32([1, 2, 2, 8]), { error: 'radius' }),
  lrn('error: int32 input', { radius: 2, bias: 1, alpha: 1, beta: 0.75 }, { dtype: 'int32', shape: [1, 2, 2, 8] }, { error: 'type' }),
];
