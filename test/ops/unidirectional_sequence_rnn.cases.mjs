// UNIDIRECTIONAL_SEQUENCE_RNN (float). The hidden state is a variable tensor, which LiteRT.js 2.5.3
// refuses: every case runs against tfjs-tflite.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, constant: true, ...extra });

function rnn(name, o = {}) {
  const { batch = 2, time = 3, nIn = 3, units = 4, timeMajor = false, act = 1 } = o;
  const wr = o.weightRange ?? [-0.6, 0.6];
  const w = (shape) => (o.liveWeights ? { dtype: 'float32', shape, range: wr } : f32(shape, { range: wr }));
  // Hybrid: int8 weights with per-tensor scales.
  const q8 = (shape, scale) => ({ dtype: 'int8', shape, constant: !o.liveWeights, range: [-127, 128], quant: { scale, zeroPoint: 0 } });
  const inputs = [
    { dtype: 'float32', shape: timeMajor ? [time, batch, nIn] : [batch, time, nIn], ...(o.input ?? {}) },
    o.hybrid ? q8([units, nIn], o.wScale ?? 0.005) : w([units, nIn]), o.hybrid ? q8([units, units], o.rScale ?? 0.004) : w([units, units]), w([units]),
    { dtype: 'float32', shape: [batch, units], variable: true },
  ];
  if (o.mutate) o.mutate(inputs);
  return {
    name, op: 'UNIDIRECTIONAL_SEQUENCE_RNN', version: 1, oracle: 'tfjs-tflite',
    options: { timeMajor, fusedActivationFunction: act, asymmetricQuantizeInputs: !!o.asymmetric },
    inputs, outputs: [{ dtype: 'float32' }],
    ...(o.error ? { error: o.error } : {}),
  };
}

export default [
  rnn('relu batch-major'),
  rnn('relu time-major', { timeMajor: true }),
  rnn('tanh', { act: 4 }),
  rnn('tanh time-major long', { act: 4, timeMajor: true, time: 9, batch: 3 }),
  rnn('none activation', { act: 0 }),
  rnn('relu6', { act: 3, weightRange: [-3, 3], input: { range: [-4, 4] } }),
  rnn('relu_n1_to_1 time-major', { act: 2, timeMajor: true, weightRange: [-2, 2] }),
  rnn('sign_bit', { act: 5 }),
  rnn('batch 1 time 1', { batch: 1, time: 1 }),
  rnn('single unit', { units: 1, nIn: 5 }),
  rnn('larger batch-major', { batch: 4, time: 5, nIn: 8, units: 16, act: 4, weightRange: [-0.3, 0.3] }),
  rnn('non-constant weights', { liveWeights: true, act: 4 }),
  rnn('zero input', { input: { data: new Array(18).fill(0) } }),

  rnn('hidden state not variable', { mutate: (x) => { x[4] = { dtype: 'float32', shape: [2, 4] }; }, error: 'variable' }),
  rnn('hidden state wrong shape', { mutate: (x) => { x[4] = { dtype: 'float32', shape: [2, 5], variable: true }; }, error: 'hidden state' }),
  rnn('hidden state rank 1', { mutate: (x) => { x[4] = { dtype: 'float32', shape: [8], variable: true }; }, error: 'hidden state' }),
  rnn('weights wrong input size', { mutate: (x) => { x[1] = f32([4, 2]); }, error: 'input size' }),
  rnn('recurrent not square', { mutate: (x) => { x[2] = f32([4, 3]); }, error: 'recurrent' }),
  rnn('bias wrong size', { mutate: (x) => { x[3] = f32([3]); }, error: 'bias' }),
  rnn('int8 weights with float recurrent weights', { mutate: (x) => { x[1] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'recurrent weights have type' }),
  rnn('rank 2 input', { mutate: (x) => { x[0] = { dtype: 'float32', shape: [2, 3] }; }, error: 'rank 3' }),
  rnn('int32 input', { mutate: (x) => { x[0] = { dtype: 'int32', shape: [2, 3, 3] }; }, error: 'float32' }),
  rnn('missing bias', { mutate: (x) => { x[3] = null; }, error: 'missing' }),
  rnn('4 inputs', { mutate: (x) => { x.pop(); }, error: '5 inputs' }),

  // Hybrid: float input and hidden state quantized per batch row each step, int8 weights.
  rnn('hybrid relu batch-major', { hybrid: true }),
  rnn('hybrid relu time-major', { hybrid: true, timeMajor: true }),
  rnn('hybrid asymmetric', { hybrid: true, asymmetric: true }),
  rnn('hybrid asymmetric time-major tanh', { hybrid: true, asymmetric: true, timeMajor: true, act: 4, batch: 3, time: 5 }),
  rnn('hybrid tanh long', { hybrid: true, act: 4, time: 9, batch: 3 }),
  rnn('hybrid none activation', { hybrid: true, act: 0 }),
  rnn('hybrid relu6', { hybrid: true, act: 3, wScale: 0.03, input: { range: [-4, 4] } }),
  rnn('hybrid sign_bit', { hybrid: true, act: 5 }),
  rnn('hybrid batch 1 time 1', { hybrid: true, batch: 1, time: 1 }),
  rnn('hybrid larger asymmetric', { hybrid: true, asymmetric: true, batch: 4, time: 5, nIn: 8, units: 16, act: 4 }),
  rnn('hybrid non-constant weights', { hybrid: true, liveWeights: true, act: 4, asymmetric: true }),
  rnn('hybrid zero input', { hybrid: true, input: { data: new Array(18).fill(0) } }),
  rnn('hybrid positive input asymmetric', { hybrid: true, asymmetric: true, input: { range: [0.2, 1.5] } }),
  rnn('hybrid weights without scale', { hybrid: true, mutate: (x) => { x[1] = { dtype: 'int8', shape: [4, 3], constant: true }; }, error: 'quantized' }),
  rnn('hybrid int8 bias', { hybrid: true, mutate: (x) => { x[3] = { dtype: 'int8', shape: [4], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'float32' }),
];
