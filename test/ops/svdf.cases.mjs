// SVDF (float). The state is a variable tensor, which LiteRT.js 2.5.3 refuses: every case runs
// against tfjs-tflite. (One invoke from a zero state: only the newest memory slot is non-zero.)
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, constant: true, ...extra });

function svdf(name, o = {}) {
  const { batch = 2, nIn = 3, units = 4, rank = 1, memory = 3, act = 0 } = o;
  const filters = units * rank;
  const w = (shape) => (o.liveWeights ? { dtype: 'float32', shape } : f32(shape));
  const inputs = [
    { dtype: 'float32', shape: [batch, nIn], ...(o.input ?? {}) },
    w([filters, nIn]), w([filters, memory]), o.noBias ? null : w([units]),
    { dtype: 'float32', shape: [batch, memory * filters], variable: true },
  ];
  if (o.mutate) o.mutate(inputs);
  return {
    name, op: 'SVDF', version: 1, oracle: 'tfjs-tflite',
    options: { rank, fusedActivationFunction: act, asymmetricQuantizeInputs: false },
    inputs, outputs: [{ dtype: 'float32' }],
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
  svdf('int8 weights', { mutate: (x) => { x[1] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'hybrid' }),
  svdf('int8 input', { mutate: (x) => { x[0] = { dtype: 'int8', shape: [2, 3], quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'integer SVDF' }),
];
