// GELU: exact (erfc) and approximate (tanh) forms (float32; uint8/int8 by table).
const OP = 'GELU';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const g = (name, x, approximate, extra = {}) => ({ name, op: OP, options: { approximate }, inputs: [x], outputs: [{ dtype: 'float32' }], ...extra });
const TAILS = [-20, -10, -6, -5, -4, -3, -2.9, -2.8, -2, -1, -1e-3, 0, 1e-3, 1, 2, 3, 4, 5, 6, 10, 20];
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qg = (name, x, approximate, out, extra = {}) => ({ name, op: OP, options: { approximate }, inputs: [x], outputs: [{ dtype: x.dtype, quant: out }], ...extra });

export default [
  g('exact rank 3', f([2, 3, 4], { range: [-3, 3] }), false),
  g('exact wide range', f([1000], { range: [-8, 8] }), false),
  g('exact tails', f([TAILS.length], { data: TAILS }), false),
  g('exact scalar', f([], { data: [0.5] }), false),
  g('exact rank 6', f([1, 2, 1, 2, 3, 2]), false),
  g('approximate rank 3', f([2, 3, 4], { range: [-3, 3] }), true),
  g('approximate wide range', f([1000], { range: [-8, 8] }), true),
  g('approximate tails', f([TAILS.length], { data: TAILS }), true),
  g('int32 fails', { dtype: 'int32', shape: [2] }, false, { error: 'type' }),
  qg('uint8 exact', q('uint8', [2, 3, 4], 0.05, 128), false, { scale: 0.03, zeroPoint: 10 }),
  qg('uint8 approximate', q('uint8', [4, 16], 0.0731, 120), true, { scale: 0.041, zeroPoint: 5 }),
  qg('int8 exact', q('int8', [2, 3, 4], 0.0617, -5), false, { scale: 0.0431, zeroPoint: -110 }),
  qg('int8 approximate', q('int8', [4, 16], 0.0617, -5), true, { scale: 0.0431, zeroPoint: -110 }),
  qg('int8 wide input', q('int8', [4, 16], 0.2, 0), false, { scale: 0.1, zeroPoint: -128 }),
  qg('int16 fails', q('int16', [4], 0.001, 0), false, { scale: 0.001, zeroPoint: 0 }, { error: 'type' }),
];
