// FULLY_CONNECTED (float32): bias optional, activations, batch flattening, keep_num_dims.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const w = (shape, extra = {}) => f32(shape, { constant: true, ...extra });
const opts = (o = {}) => ({ fusedActivationFunction: 0, weightsFormat: 0, keepNumDims: false, asymmetricQuantizeInputs: false, ...o });
const fc = (name, o, inputs, extra = {}) => ({ name, op: 'FULLY_CONNECTED', version: 1, options: opts(o), inputs, outputs: [{ dtype: 'float32' }], ...extra });

export default [
  fc('2x8 by 4 units bias', {}, [f32([2, 8]), w([4, 8]), w([4])]),
  fc('no bias (2 inputs) relu', { fusedActivationFunction: 1 }, [f32([3, 6]), w([5, 6])]),
  fc('omitted bias (-1) relu6', { fusedActivationFunction: 3 }, [f32([3, 6], { range: [-4, 4] }), w([5, 6]), null]),
  fc('relu_n1_to_1', { fusedActivationFunction: 2 }, [f32([2, 10], { range: [-2, 2] }), w([7, 10]), w([7])]),
  fc('4-D input flattened to rows', {}, [f32([2, 3, 4, 5]), w([6, 5]), w([6])]),
  fc('image flattened to one row', {}, [f32([1, 2, 2, 3]), w([4, 12]), w([4])]),
  fc('1-D input', {}, [f32([8]), w([3, 8]), w([3])]),
  fc('keep_num_dims 3-D', { keepNumDims: true }, [f32([2, 3, 5]), w([6, 5]), w([6])]),
  fc('keep_num_dims 4-D no bias', { keepNumDims: true }, [f32([2, 2, 3, 4]), w([3, 4])]),
  fc('keep_num_dims 2-D', { keepNumDims: true }, [f32([4, 5]), w([2, 5]), w([2])]),
  fc('non-constant weights and bias', {}, [f32([2, 8]), f32([4, 8]), f32([4])]),
  fc('larger 8x256 by 64', {}, [f32([8, 256]), w([64, 256]), w([64])]),
  fc('error: shuffled weights format', { weightsFormat: 1 }, [f32([2, 8]), w([4, 8]), w([4])], { error: 'format' }),
  fc('error: size not a multiple of depth', {}, [f32([3, 5]), w([4, 4]), w([4])], { error: 'rows' }),
  fc('error: keep_num_dims last dim differs', { keepNumDims: true }, [f32([2, 4, 3]), w([4, 6]), w([4])], { error: 'keep_num_dims' }),
  fc('error: weights rank 3', {}, [f32([2, 8]), w([4, 2, 4]), w([4])], { error: 'rank' }),
  fc('error: bias size', {}, [f32([2, 8]), w([4, 8]), w([5])], { error: 'bias' }),
  fc('error: fused tanh', { fusedActivationFunction: 4 }, [f32([2, 4]), w([3, 4]), w([3])], { error: 'activation' }),
  fc('error: fused sign_bit', { fusedActivationFunction: 5 }, [f32([2, 4]), w([3, 4]), w([3])], { error: 'activation' }),
  fc('error: int8 weights (hybrid not yet)', {}, [f32([2, 8]), { dtype: 'int8', shape: [4, 8], constant: true }, w([4])], { error: 'type' }),
];
