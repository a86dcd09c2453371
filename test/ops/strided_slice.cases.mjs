// STRIDED_SLICE: strides (negative, > 1), clamping, begin/end/ellipsis/new-axis/shrink masks, offset, rank 5,
// computed indices, dtypes, errors.
const v = (data, extra = {}) => ({ dtype: 'int32', shape: [data.length], constant: true, data, ...extra });
const f = (shape) => ({ dtype: 'float32', shape });
const o = (m = {}) => ({ beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0, offset: false, ...m });
const out = (dtype = 'float32') => [{ dtype }];
const ss = (name, shape, b, e, s, masks = {}, extra = {}) => ({ name, op: 'STRIDED_SLICE', options: o(masks), inputs: [f(shape), v(b), v(e), v(s)], outputs: out(), ...extra });
// Quantization params for the quantized cases (int16 is symmetric).
const QU = { scale: 0.0235, zeroPoint: 131 }, QU2 = { scale: 0.0172, zeroPoint: 118 };
const QS = { scale: 0.0349, zeroPoint: -21 }, QS2 = { scale: 0.0208, zeroPoint: 6 };
const QH = { scale: 0.000412, zeroPoint: 0 }, QH2 = { scale: 0.000307, zeroPoint: 0 };
const qt = (dtype, shape, quant, extra = {}) => ({ dtype, shape, quant, ...extra });
const qo = (dtype, quant, k = 1) => Array.from({ length: k }, () => ({ dtype, quant }));
export default [
  ss('1-D [1:3]', [6], [1], [3], [1]),
  ss('1-D stride 2', [7], [0], [7], [2]),
  ss('1-D stride 3 not dividing', [8], [1], [8], [3]),
  ss('1-D negative begin and end', [6], [-4], [-1], [1]),
  ss('1-D reversed [::-1]', [5], [0], [0], [-1], { beginMask: 1, endMask: 1 }),
  ss('1-D reversed [4:1:-1]', [6], [4], [1], [-1]),
  ss('1-D reversed stride -2 with negatives', [7], [-1], [-8], [-2]),
  ss('1-D begin and end beyond the dim are clamped', [5], [-10], [10], [1]),
  ss('1-D empty (begin after end)', [5], [3], [1], [1]),
  ss('2-D begin_mask', [3, 4], [2, 1], [3, 3], [1, 1], { beginMask: 1 }),
  ss('2-D end_mask', [3, 4], [1, 1], [2, 2], [1, 1], { endMask: 2 }),
  ss('2-D both masks all dims', [3, 4], [1, 1], [2, 2], [1, 1], { beginMask: 3, endMask: 3 }),
  ss('2-D reverse rows', [3, 4], [0, 0], [0, 0], [-1, 1], { beginMask: 3, endMask: 3 }),
  ss('2-D shrink axis 0', [3, 4], [1, 0], [2, 4], [1, 1], { shrinkAxisMask: 1 }),
  ss('2-D shrink axis 1 negative index', [3, 4], [0, -1], [3, 0], [1, 1], { shrinkAxisMask: 2 }),
  ss('2-D shrink both to scalar', [3, 4], [2, 3], [3, 4], [1, 1], { shrinkAxisMask: 3 }),
  ss('3-D fewer indices than dims', [2, 3, 4], [1], [2], [1]),
  ss('3-D ellipsis first ([..., 1:3])', [2, 3, 4], [0, 1], [0, 3], [1, 1], { ellipsisMask: 1 }),
  ss('3-D ellipsis last ([1, ...])', [2, 3, 4], [1, 0], [2, 0], [1, 1], { ellipsisMask: 2, shrinkAxisMask: 1 }),
  ss('4-D ellipsis middle ([1:, ..., ::2])', [2, 3, 4, 5], [1, 0, 0], [2, 0, 5], [1, 1, 2], { ellipsisMask: 2 }),
  ss('new axis first ([None, 1:3])', [4, 3], [0, 1], [0, 3], [1, 1], { newAxisMask: 1 }),
  ss('new axis middle ([:, None, :])', [2, 3], [0, 0, 0], [2, 0, 3], [1, 1, 1], { newAxisMask: 2 }),
  ss('ellipsis then new axis ([..., None])', [2, 3], [0, 0], [0, 0], [1, 1], { ellipsisMask: 1, newAxisMask: 2 }),
  ss('new axis then ellipsis ([None, ..., 0])', [2, 3, 4], [0, 0, 0], [0, 0, 1], [1, 1, 1], { newAxisMask: 1, ellipsisMask: 2, shrinkAxisMask: 4 }),
  ss('new axis and shrink', [3, 4], [0, 1, 0], [0, 2, 4], [1, 1, 1], { newAxisMask: 1, shrinkAxisMask: 2 }),
  ss('ellipsis and new axis on the same index (new axis ignored)', [2, 3], [0, 1], [0, 2], [1, 1], { ellipsisMask: 1, newAxisMask: 1 }),
  ss('rank 4 strides', [2, 4, 6, 3], [0, 1, 5, 0], [2, 4, 0, 3], [1, 2, -2, 1]),
  ss('rank 5', [2, 3, 4, 2, 3], [1, 0, 1, 0, 2], [2, 3, 4, 2, 0], [1, 2, 2, 1, -1]),
  ss('rank 5 with masks', [2, 3, 4, 2, 3], [1, 0, 1, 0, 2], [2, 3, 4, 2, 0], [1, 1, 1, 1, -1], { beginMask: 4, endMask: 16, shrinkAxisMask: 1 }),
  ss('1-D reversed, begin and end far out of range', [5], [10], [-10], [-1]),
  ss('1-D reversed stride -3 begin_mask only', [8], [0], [1], [-3], { beginMask: 1 }),
  ss('2-D shrink with begin_mask on the other axis', [4, 3], [2, 2], [0, 3], [1, -1], { beginMask: 2, shrinkAxisMask: 1 }),
  ss('3-D shrink middle and new axis last', [2, 3, 4], [0, 1, 1, 0], [2, 2, 4, 0], [1, 1, 2, 1], { shrinkAxisMask: 2, newAxisMask: 8 }),
  ss('3-D ellipsis covering no dims', [2, 3, 4], [0, 0, 1, 0], [2, 0, 3, 4], [1, 1, 1, 2], { ellipsisMask: 2 }),
  ss('4-D ellipsis with shrink after it', [2, 3, 4, 5], [0, 2], [0, 3], [1, 1], { ellipsisMask: 1, shrinkAxisMask: 2 }),
  ss('offset with negative begin', [4, 6], [-3, -4], [2, 3], [1, 1], { offset: true }),
  ss('offset: end holds sizes', [4, 5], [1, 2], [2, 3], [1, 1], { offset: true }),
  ss('offset with stride 2', [6, 5], [1, 0], [4, 5], [2, 2], { offset: true }),
  { name: 'computed begin (dynamic output)', oracle: 'tfjs-tflite', op: 'STRIDED_SLICE', options: o(),
    inputs: [f([4, 5]), { dtype: 'int32', shape: [2], data: [1, -3] }, v([3, 5]), v([1, 1])], outputs: out() },
  { name: 'computed end with shrink (dynamic output)', oracle: 'tfjs-tflite', op: 'STRIDED_SLICE', options: o({ shrinkAxisMask: 1 }),
    inputs: [f([4, 5]), v([2, 0]), { dtype: 'int32', shape: [2], data: [3, 4] }, v([1, 2])], outputs: out() },
  { name: 'int32', op: 'STRIDED_SLICE', options: o(), inputs: [{ dtype: 'int32', shape: [4, 4], range: [-50, 50] }, v([0, 1]), v([4, 4]), v([2, 1])], outputs: out('int32') },
  { name: 'int64', op: 'STRIDED_SLICE', options: o({ endMask: 1 }), inputs: [{ dtype: 'int64', shape: [4, 4] }, v([1, 3]), v([0, 0]), v([1, -1])], outputs: out('int64') },
  { name: 'uint8', op: 'STRIDED_SLICE', options: o(), inputs: [{ dtype: 'uint8', shape: [4, 4] }, v([1, 0]), v([3, 4]), v([1, 3])], outputs: out('uint8') },
  { name: 'int8', op: 'STRIDED_SLICE', options: o({ shrinkAxisMask: 1 }), inputs: [{ dtype: 'int8', shape: [4, 4] }, v([2, 0]), v([3, 4]), v([1, 1])], outputs: out('int8') },
  { name: 'int16', op: 'STRIDED_SLICE', options: o(), inputs: [{ dtype: 'int16', shape: [4, 4] }, v([0, 0]), v([4, 4]), v([3, 3])], outputs: out('int16') },
  { name: 'bool', op: 'STRIDED_SLICE', options: o(), inputs: [{ dtype: 'bool', shape: [4, 4] }, v([-3, 0]), v([-1, 4]), v([1, 2])], outputs: out('bool') },
  ss('error: zero stride', [4], [0], [4], [0], {}, { error: 'non-zero' }),
  ss('error: shrink index out of range', [3, 4], [3, 0], [4, 4], [1, 1], { shrinkAxisMask: 1 }, { error: 'out of range' }),
  // TFLite writes nothing for a shrunk dim with a negative stride (stale output); we fail.
  ss('error: shrink with negative stride', [4, 3], [2, 0], [3, 3], [-1, 1], { shrinkAxisMask: 1 }, { error: 'negative stride' }),
  ss('error: too many new axes for rank 5', [2, 2, 2, 2], [0, 0, 0], [0, 0, 0], [1, 1, 1], { newAxisMask: 3 }, { error: 'at most 5' }),
  { name: 'error: int64 indices', op: 'STRIDED_SLICE', options: o(), inputs: [f([4]), v([0], { dtype: 'int64' }), v([2], { dtype: 'int64' }), v([1], { dtype: 'int64' })], outputs: out(), error: 'int32' },
  { name: 'error: begin and end lengths differ', op: 'STRIDED_SLICE', options: o(), inputs: [f([4, 4]), v([0, 0]), v([2]), v([1, 1])], outputs: out(), error: 'begin, end and strides' },
  { name: 'uint8 quantized', op: 'STRIDED_SLICE', options: o({ endMask: 2 }), inputs: [qt('uint8', [4, 5], QU), v([1, 1]), v([3, 0]), v([1, 2])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized negative stride', op: 'STRIDED_SLICE', options: o(), inputs: [qt('int8', [6], QS), v([5]), v([0]), v([-2])], outputs: qo('int8', QS) },
  { name: 'int16 quantized shrink', op: 'STRIDED_SLICE', options: o({ shrinkAxisMask: 1 }), inputs: [qt('int16', [3, 4], QH), v([1, 0]), v([2, 4]), v([1, 1])], outputs: qo('int16', QH) },
  { name: 'int16 output quantized differently', op: 'STRIDED_SLICE', options: o(), inputs: [qt('int16', [4], QH), v([1]), v([3]), v([1])], outputs: qo('int16', QH2) },
];
