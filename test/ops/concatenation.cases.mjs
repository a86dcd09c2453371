// CONCATENATION: axes (negative), 1..4 inputs, ranks 1..6, fused activations on float32, dtypes, quantized (uint8
// requantized per input, int8 equal params, int16 symmetric), errors.
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, range: [-8, 8], ...extra });
const t = (dtype, shape) => ({ dtype, shape, ...(dtype === 'int32' || dtype === 'int64' ? { range: [-50, 50] } : {}) });
const A = f([2, 3], { data: [-2, -0.5, 0.5, 1.5, 6.5, 8] });
const B = f([2, 2], { data: [-7, 3, 0.25, 9] });
const opt = (axis, act = 0) => ({ axis, fusedActivationFunction: act });
const out = (dtype = 'float32') => [{ dtype }];
const q = (dtype, shape, scale, zeroPoint) => ({ dtype, shape, quant: { scale, zeroPoint } });
const qout = (dtype, scale, zeroPoint) => [{ dtype, quant: { scale, zeroPoint } }];
export default [
  { name: 'axis 0 rank 2', op: 'CONCATENATION', options: opt(0), inputs: [f([2, 3]), f([1, 3])], outputs: out() },
  { name: 'axis 1 rank 2', op: 'CONCATENATION', options: opt(1), inputs: [f([2, 3]), f([2, 2])], outputs: out() },
  { name: 'axis -1 three inputs', op: 'CONCATENATION', options: opt(-1), inputs: [f([2, 2, 3]), f([2, 2, 1]), f([2, 2, 4])], outputs: out() },
  { name: 'axis 1 rank 4', op: 'CONCATENATION', options: opt(1), inputs: [f([2, 3, 2, 2]), f([2, 1, 2, 2])], outputs: out() },
  { name: 'axis 3 rank 4 (channels)', op: 'CONCATENATION', options: opt(3), inputs: [f([1, 4, 4, 3]), f([1, 4, 4, 5])], outputs: out() },
  { name: 'axis -3 rank 4', op: 'CONCATENATION', options: opt(-3), inputs: [f([1, 2, 3, 2]), f([1, 3, 3, 2])], outputs: out() },
  { name: 'rank 1', op: 'CONCATENATION', options: opt(0), inputs: [f([3]), f([5]), f([1])], outputs: out() },
  { name: 'rank 5 axis 2', op: 'CONCATENATION', options: opt(2), inputs: [f([2, 1, 2, 2, 3]), f([2, 1, 3, 2, 3])], outputs: out() },
  { name: 'rank 6 axis 5', op: 'CONCATENATION', options: opt(5), inputs: [f([1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 3])], outputs: out() },
  { name: 'single input', op: 'CONCATENATION', options: opt(0), inputs: [f([2, 3])], outputs: out() },
  { name: 'four inputs axis 0', op: 'CONCATENATION', options: opt(0), inputs: [f([1, 2]), f([2, 2]), f([1, 2]), f([3, 2])], outputs: out() },
  { name: 'constant second input', op: 'CONCATENATION', options: opt(1), inputs: [f([2, 2]), f([2, 3], { constant: true })], outputs: out() },
  // TFLite's kernel rejects a fused activation and LiteRT.js (XNNPack) ignores it; we apply it, checked by hand.
  { name: 'relu', op: 'CONCATENATION', options: opt(1, 1), inputs: [A, B], outputs: out(), oracle: 'none',
    expected: [[0, 0, 0.5, 0, 3, 1.5, 6.5, 8, 0.25, 9]], expectedShapes: [[2, 5]] },
  { name: 'relu6', op: 'CONCATENATION', options: opt(-1, 3), inputs: [A, B], outputs: out(), oracle: 'none',
    expected: [[0, 0, 0.5, 0, 3, 1.5, 6, 6, 0.25, 6]], expectedShapes: [[2, 5]] },
  { name: 'relu_n1_to_1', op: 'CONCATENATION', options: opt(1, 2), inputs: [A, B], outputs: out(), oracle: 'none',
    expected: [[-1, -0.5, 0.5, -1, 1, 1, 1, 1, 0.25, 1]], expectedShapes: [[2, 5]] },
  // Newer TFLite stacks constant scalars; LiteRT.js 2.5.3 and tfjs-tflite cannot run this model.
  { name: 'constant scalars stack into a vector', op: 'CONCATENATION', options: opt(0), oracle: 'none',
    inputs: [f([], { constant: true, data: [1] }), f([], { constant: true, data: [-2.5] }), f([], { constant: true, data: [3] })],
    outputs: out(), expected: [[1, -2.5, 3]], expectedShapes: [[3]] },
  { name: 'scalars stack into a vector', op: 'CONCATENATION', options: opt(0), oracle: 'none',
    inputs: [f([], { data: [1.5] }), f([], { data: [-2] })], outputs: out(), expected: [[1.5, -2]], expectedShapes: [[2]] },
  { name: 'int32', op: 'CONCATENATION', options: opt(1), inputs: [t('int32', [2, 3]), t('int32', [2, 1])], outputs: out('int32') },
  { name: 'int64', op: 'CONCATENATION', options: opt(0), inputs: [t('int64', [2, 3]), t('int64', [1, 3])], outputs: out('int64') },
  { name: 'uint8', op: 'CONCATENATION', options: opt(1), inputs: [t('uint8', [2, 3]), t('uint8', [2, 2])], outputs: out('uint8') },
  { name: 'int8', op: 'CONCATENATION', options: opt(-1), inputs: [t('int8', [2, 3]), t('int8', [2, 2])], outputs: out('int8') },
  { name: 'int16', op: 'CONCATENATION', options: opt(0), inputs: [t('int16', [1, 3]), t('int16', [2, 3])], outputs: out('int16') },
  { name: 'bool', op: 'CONCATENATION', options: opt(1), inputs: [t('bool', [2, 3]), t('bool', [2, 2])], outputs: out('bool') },
  { name: 'uint8 quantized, same params', op: 'CONCATENATION', options: opt(1),
    inputs: [q('uint8', [2, 3], 0.0078, 128), q('uint8', [2, 2], 0.0078, 128)], outputs: qout('uint8', 0.0078, 128) },
  { name: 'uint8 requantized inputs', op: 'CONCATENATION', options: opt(1),
    inputs: [q('uint8', [20, 30], 0.0231, 131), q('uint8', [20, 17], 0.0113, 7)], outputs: qout('uint8', 0.0172, 118) },
  { name: 'uint8 one input requantized', op: 'CONCATENATION', options: opt(0),
    inputs: [q('uint8', [20, 30], 0.0172, 118), q('uint8', [5, 30], 0.05, 200), q('uint8', [7, 30], 0.0172, 118)], outputs: qout('uint8', 0.0172, 118) },
  { name: 'uint8 requantized, 3 inputs axis -1, saturating', op: 'CONCATENATION', options: opt(-1),
    inputs: [q('uint8', [2, 3, 40], 0.1, 0), q('uint8', [2, 3, 50], 0.0071, 255), q('uint8', [2, 3, 10], 0.3, 128)], outputs: qout('uint8', 0.07, 100) },
  { name: 'int8 quantized', op: 'CONCATENATION', options: opt(0),
    inputs: [q('int8', [2, 3], 0.1, -3), q('int8', [1, 3], 0.1, -3)], outputs: qout('int8', 0.1, -3) },
  { name: 'int16 scales may differ', op: 'CONCATENATION', options: opt(0),
    inputs: [q('int16', [2, 3], 0.1, 0), q('int16', [1, 3], 0.2, 0)], outputs: qout('int16', 0.3, 0) },
  { name: 'error: int8 scales differ', op: 'CONCATENATION', options: opt(0),
    inputs: [q('int8', [2, 3], 0.1, -3), q('int8', [1, 3], 0.2, -3)], outputs: qout('int8', 0.1, -3), error: 'must be quantized as the output' },
  { name: 'error: int16 zero point', op: 'CONCATENATION', options: opt(0),
    inputs: [q('int16', [2, 3], 0.1, 0), q('int16', [1, 3], 0.1, 4)], outputs: qout('int16', 0.1, 0), error: 'zero point' },
  { name: 'error: axis out of range', op: 'CONCATENATION', options: opt(2), inputs: [f([2, 3]), f([2, 3])], outputs: out(), error: 'out of range' },
  { name: 'error: shapes differ off axis', op: 'CONCATENATION', options: opt(0), inputs: [f([2, 3]), f([2, 4])], outputs: out(), error: 'does not match' },
  { name: 'error: ranks differ', op: 'CONCATENATION', options: opt(0), inputs: [f([2, 3]), f([2, 3, 1])], outputs: out(), error: 'rank' },
  { name: 'error: dtypes differ', op: 'CONCATENATION', options: opt(0), inputs: [f([2, 3]), t('int32', [2, 3])], outputs: out(), error: 'int32' },
  { name: 'error: activation on int32', op: 'CONCATENATION', options: opt(0, 1), inputs: [t('int32', [2, 3]), t('int32', [2, 3])], outputs: out('int32'), error: 'activation' },
];
