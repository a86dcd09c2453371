// SVDF (float). The state is a variable tensor, which LiteRT.js 2.5.3 refuses: every case runs
// against tfjs-tflite. (One invoke from a zero state: only the newest memory slot is non-zero.)
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, constant: true, ...extra });

function svdf(name, o = {}) {
  const { batch = 2, nIn = 3, units = 4, rank = 1, memory = 3, act = 0 } = o;
  const filters = units * rank;
  const w = (shape) => (o.liveWeights ? { dtype: 'float32', shape } : f32(shape));
  // Hybrid: int8 feature and time weights with per-tensor scales.
  const q8 = (shape, scale) => ({ dtype: 'int8', shape, constant: !o.liveWeights, range: [-127, 128], quant: { scale, zeroPoint: 0 } });
  const inputs = [
    { dtype: 'float32', shape: [batch, nIn], ...(o.input ?? {}) },
    o.hybrid ? q8([filters, nIn], 0.006) : w([filters, nIn]), o.hybrid ? q8([filters, memory], 0.008) : w([filters, memory]),
    o.noBias ? null : w([units]),
    { dtype: 'float32', shape: [batch, memory * filters], variable: true },
  ];
  if (o.mutate) o.mutate(inputs);
  return {
    name, op: 'SVDF', version: 1, oracle: 'tfjs-tflite',
    options: { rank, fusedActivationFunction: act, asymmetricQuantizeInputs: !!o.asymmetric },
    inputs, outputs: [{ dtype: 'float32' }],
    ...(o.error ? { error: o.error } : {}),
  };
}

/** Full integer: int8 input/output and feature weights, int16 time weights and state, int32 bias; RELU only. */
function svdfInt(name, o = {}) {
  const { batch = 2, nIn = 3, units = 4, rank = 1, memory = 3, act = 1 } = o;
  const filters = units * rank;
  const inQ = o.inQ ?? { scale: 0.03, zeroPoint: -7 };
  const stateQ = { scale: o.stateScale ?? 0.004, zeroPoint: 0 };
  const wtScale = o.wtScale ?? 0.00003;
  const inputs = [
    { dtype: 'int8', shape: [batch, nIn], quant: inQ, ...(o.input ?? {}) },
    { dtype: 'int8', shape: [filters, nIn], constant: true, range: [-127, 128], quant: { scale: o.wfScale ?? 0.008, zeroPoint: 0 } },
    { dtype: 'int16', shape: [filters, memory], constant: true, range: [-32767, 32768], quant: { scale: wtScale, zeroPoint: 0 } },
    o.noBias ? null : { dtype: 'int32', shape: [units], constant: true, range: [-3000, 3000], quant: { scale: stateQ.scale * wtScale, zeroPoint: 0 } },
    { dtype: 'int16', shape: [batch, memory * filters], variable: true, quant: stateQ },
  ];
  if (o.mutate) o.mutate(inputs);
  return {
    name: `int8 ${name}`, op: 'SVDF', version: 1, oracle: 'tfjs-tflite',
    options: { rank, fusedActivationFunction: act, asymmetricQuantizeInputs: false },
    inputs, outputs: [{ dtype: 'int8', quant: o.outQ ?? { scale: 0.02, zeroPoint: 5 } }],
    ...(o.error ? { error: o.error } : {}),
  };
}

export default [
  svdf('rank 1 no activation'),
  svdf('rank 2', { rank: 2 }),
  svdf('rank 3 relu', { rank: 3, act: 1 }),
  svdf('no bias', { noBias: true, rank: 2 }),
  svdf('relu6', { act: 3, input: { range: [-5, 5] } }),
  svdf('relu_n1_to_1', { act: 2, input: { range: [-3, 3] } }),
  svdf('tanh', { act: 4 }),
  svdf('sign_bit', { act: 5 }),
  svdf('batch 1 memory 1', { batch: 1, memory: 1 }),
  svdf('memory 10', { memory: 10, batch: 3, rank: 2 }),
  svdf('larger', { batch: 4, nIn: 12, units: 8, rank: 2, memory: 5, act: 1 }),
  svdf('non-constant weights', { liveWeights: true, rank: 2 }),

  svdf('rank 0', { rank: 0, error: 'rank' }),
  svdf('filters not a multiple of rank', { rank: 2, mutate: (x) => { x[1] = f32([7, 3]); x[2] = f32([7, 3]); x[4] = { dtype: 'float32', shape: [2, 21], variable: true }; }, error: 'multiple of rank' }),
  svdf('feature weights wrong input size', { mutate: (x) => { x[1] = f32([4, 2]); }, error: 'input size' }),
  svdf('time weights wrong filters', { mutate: (x) => { x[2] = f32([5, 3]); }, error: 'filters' }),
  svdf('bias wrong size', { mutate: (x) => { x[3] = f32([3]); }, error: 'bias' }),
  svdf('state not variable', { mutate: (x) => { x[4] = { dtype: 'float32', shape: [2, 12] }; }, error: 'variable' }),
  svdf('state wrong shape', { mutate: (x) => { x[4] = { dtype: 'float32', shape: [2, 13], variable: true }; }, error: 'state' }),
  svdf('rank 3 input', { mutate: (x) => { x[0] = { dtype: 'float32', shape: [2, 1, 3] }; }, error: 'rank 2' }),
  svdf('int8 feature weights with float time weights', { mutate: (x) => { x[1] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'expected int8' }),
  svdf('int32 input', { mutate: (x) => { x[0] = { dtype: 'int32', shape: [2, 3] }; }, error: 'float32 or int8' }),

  // Hybrid: the input quantized per batch row for the feature matmul; time weights dequantized.
  svdf('hybrid rank 1', { hybrid: true }),
  svdf('hybrid rank 2 relu', { hybrid: true, rank: 2, act: 1 }),
  svdf('hybrid asymmetric', { hybrid: true, asymmetric: true }),
  svdf('hybrid asymmetric rank 3 tanh', { hybrid: true, asymmetric: true, rank: 3, act: 4 }),
  svdf('hybrid no bias', { hybrid: true, noBias: true, rank: 2 }),
  svdf('hybrid positive input asymmetric', { hybrid: true, asymmetric: true, input: { range: [0.5, 3] } }),
  svdf('hybrid zero input', { hybrid: true, input: { data: [0, 0, 0, 0, 0, 0] } }),
  svdf('hybrid larger', { hybrid: true, batch: 4, nIn: 12, units: 8, rank: 2, memory: 5, act: 1, asymmetric: true }),
  svdf('hybrid non-constant weights', { hybrid: true, liveWeights: true, rank: 2 }),
  svdf('hybrid int16 time weights', { hybrid: true, mutate: (x) => { x[2] = { dtype: 'int16', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'expected int8' }),
  svdf('hybrid weights without scale', { hybrid: true, mutate: (x) => { x[1] = { dtype: 'int8', shape: [4, 3], constant: true }; }, error: 'quantized' }),

  // Full integer (bit-exact).
  svdfInt('rank 1'),
  svdfInt('rank 2', { rank: 2 }),
  svdfInt('rank 3 memory 5', { rank: 3, memory: 5 }),
  svdfInt('no bias', { noBias: true, rank: 2 }),
  svdfInt('batch 1 memory 1', { batch: 1, memory: 1 }),
  svdfInt('larger', { batch: 4, nIn: 12, units: 8, rank: 2, memory: 5 }),
  svdfInt('saturating state', { wfScale: 0.05, stateScale: 0.0005 }),
  svdfInt('other zero points', { inQ: { scale: 0.1, zeroPoint: 20 }, outQ: { scale: 0.05, zeroPoint: -30 } }),
  svdfInt('no activation', { act: 0, error: 'RELU' }),
  svdfInt('float state', { mutate: (x) => { x[4] = { dtype: 'float32', shape: [2, 12], variable: true }; }, error: 'state' }),
  svdfInt('int8 time weights', { mutate: (x) => { x[2] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'expected int16' }),
];
