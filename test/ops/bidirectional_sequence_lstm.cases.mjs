// BIDIRECTIONAL_SEQUENCE_LSTM (float). The four states are variable tensors, which LiteRT.js 2.5.3
// refuses: every case runs against tfjs-tflite.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, constant: true, ...extra });

/** 17 tensors of one cell (inputs 1-17 or 18-34). */
/** Hybrid weights: int8 with per-tensor scales cycling through a few values. */
let qk = 0;
const q8 = (shape) => ({ dtype: 'int8', shape, constant: true, range: [-127, 128], quant: { scale: [0.004, 0.007, 0.005, 0.009, 0.006][qk++ % 5], zeroPoint: 0 } });

function cell(o, nIn, nCell, nOut) {
  const wr = o.weightRange ?? [-0.6, 0.6];
  const w = (shape) => f32(shape, { range: wr });
  const m = o.hybrid ? q8 : w;
  const gate = (present, shape, make = w) => (present ? make(shape) : null);
  const nonCifg = !o.cifg;
  return [
    gate(nonCifg, [nCell, nIn], m), m([nCell, nIn]), m([nCell, nIn]), m([nCell, nIn]),
    gate(nonCifg, [nCell, nOut], m), m([nCell, nOut]), m([nCell, nOut]), m([nCell, nOut]),
    gate(o.peephole && nonCifg, [nCell], m), gate(o.peephole, [nCell], m), gate(o.peephole, [nCell], m),
    gate(nonCifg, [nCell]), w([nCell]), w([nCell]), w([nCell]),
    gate(o.proj, [nOut, nCell], m), gate(o.projBias, [nOut]),
  ];
}

function bilstm(name, o = {}) {
  const { batch = 2, time = 3, nIn = 3, nCell = 4, timeMajor = false, merge = false, act = 4, cellClip = 0, projClip = 0 } = o;
  const nOut = o.nOut ?? nCell;
  const seqShape = (n) => (timeMajor ? [time, batch, n] : [batch, time, n]);
  const state = (n) => ({ dtype: 'float32', shape: [batch, n], variable: true });
  // aux: 'stacked' (aux input + aux weights), 'bw' (aux input feeds the backward cell), or none.
  const nAux = o.nAux ?? nIn;
  const a = o.hybrid ? q8 : f32;
  const auxW = (cifg) => (o.aux === 'stacked'
    ? [cifg ? null : a([nCell, nAux]), a([nCell, nAux]), a([nCell, nAux]), a([nCell, nAux])]
    : [null, null, null, null]);
  const inputs = [
    { dtype: 'float32', shape: seqShape(nIn), ...(o.input ?? {}) },
    ...cell(o, nIn, nCell, nOut),
    ...cell({ ...o, ...(o.bw ?? {}) }, nIn, nCell, nOut),
    state(nOut), state(nCell), state(nOut), state(nCell),
    o.aux ? { dtype: 'float32', shape: seqShape(o.aux === 'stacked' ? nAux : nIn) } : null,
    ...auxW(o.cifg), ...auxW(o.bw?.cifg ?? o.cifg),
  ];
  if (o.mutate) o.mutate(inputs);
  return {
    name, op: 'BIDIRECTIONAL_SEQUENCE_LSTM', version: 1, oracle: 'tfjs-tflite',
    options: { fusedActivationFunction: act, cellClip, projClip, mergeOutputs: merge, timeMajor, asymmetricQuantizeInputs: !!o.asymmetric },
    inputs, outputs: merge ? [{ dtype: 'float32' }] : [{ dtype: 'float32' }, { dtype: 'float32' }],
    ...(o.error ? { error: o.error } : {}),
  };
}

export default [
  bilstm('basic batch-major'),
  bilstm('basic time-major', { timeMajor: true }),
  bilstm('merged time-major', { timeMajor: true, merge: true }),
  // Batch-major merged outputs with batch > 1: TFLite offsets the state by the merged row width and
  // reads past the state tensor (its result then depends on whatever memory follows), while tflite-ts
  // keeps per-row states; only batch 1 is compared.
  bilstm('merged batch-major batch 1', { merge: true, batch: 1, time: 4 }),
  bilstm('cifg peephole', { cifg: true, peephole: true, timeMajor: true }),
  bilstm('forward cifg backward full', { bw: { cifg: false, peephole: true }, cifg: true, peephole: true }),
  bilstm('peephole', { peephole: true, merge: true, timeMajor: true }),
  bilstm('projection with bias and clips', { proj: true, projBias: true, nOut: 3, nCell: 5, projClip: 0.3, cellClip: 0.6, weightRange: [-2, 2], timeMajor: true }),
  bilstm('projection merged', { proj: true, nOut: 2, nCell: 4, merge: true, timeMajor: true }),
  bilstm('relu activation', { act: 1 }),
  bilstm('none activation', { act: 0, timeMajor: true }),
  bilstm('aux stacked time-major', { aux: 'stacked', timeMajor: true }),
  bilstm('aux stacked batch-major cifg', { aux: 'stacked', cifg: true, peephole: true }),
  bilstm('aux stacked merged', { aux: 'stacked', merge: true, timeMajor: true, batch: 3 }),
  bilstm('aux stacked wider aux', { aux: 'stacked', nAux: 5, timeMajor: true }),
  bilstm('aux feeds backward cell', { aux: 'bw', timeMajor: true }),
  bilstm('aux feeds backward cell merged batch-major', { aux: 'bw', merge: true, batch: 1 }),
  bilstm('larger', { batch: 3, time: 5, nIn: 6, nCell: 7, peephole: true, proj: true, projBias: true, nOut: 5, timeMajor: true }),

  bilstm('47 inputs', { mutate: (x) => { x.pop(); }, error: '48 inputs' }),
  { ...bilstm('merged with two outputs', { merge: true, error: 'outputs' }), outputs: [{ dtype: 'float32' }, { dtype: 'float32' }] },
  bilstm('backward cell size differs', { mutate: (x) => {
    for (const i of [19, 20, 21]) x[i] = f32([5, 3]);
    x[18] = f32([5, 3]);
  }, error: 'backward' }),
  bilstm('cifg half present in backward cell', { mutate: (x) => { x[22] = null; }, error: 'CIFG' }),
  bilstm('aux weights partly present', { aux: 'stacked', mutate: (x) => { x[46] = null; }, error: 'aux input weights' }),
  bilstm('aux weights without aux input', { aux: 'stacked', mutate: (x) => { x[39] = null; }, error: 'without an aux input' }),
  bilstm('aux narrower than input', { aux: 'stacked', nAux: 2, error: 'aux input size' }),
  bilstm('aux feeding backward cell with other shape', { aux: 'bw', mutate: (x) => { x[39] = { dtype: 'float32', shape: [2, 3, 5] }; }, error: 'aux input' }),
  bilstm('state not variable', { mutate: (x) => { x[37] = { dtype: 'float32', shape: [2, 4] }; }, error: 'variable' }),
  bilstm('state wrong size', { mutate: (x) => { x[36] = { dtype: 'float32', shape: [2, 3], variable: true }; }, error: 'fw_cell_state' }),
  bilstm('negative cell clip', { cellClip: -1, error: 'cell_clip' }),
  bilstm('one int8 weight among float ones', { mutate: (x) => { x[20] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'expected float32' }),
  bilstm('rank 2 input', { mutate: (x) => { x[0] = { dtype: 'float32', shape: [2, 3] }; }, error: 'rank 3' }),

  // Hybrid: int8 weights, float input and states.
  bilstm('hybrid basic batch-major', { hybrid: true }),
  bilstm('hybrid time-major asymmetric', { hybrid: true, timeMajor: true, asymmetric: true }),
  bilstm('hybrid merged time-major', { hybrid: true, timeMajor: true, merge: true }),
  bilstm('hybrid merged batch-major batch 1', { hybrid: true, merge: true, batch: 1, time: 4, asymmetric: true }),
  bilstm('hybrid cifg peephole', { hybrid: true, cifg: true, peephole: true, timeMajor: true }),
  bilstm('hybrid forward cifg backward full', { hybrid: true, bw: { cifg: false, peephole: true }, cifg: true, peephole: true, asymmetric: true }),
  bilstm('hybrid projection with bias and clips', { hybrid: true, proj: true, projBias: true, nOut: 3, nCell: 5, projClip: 0.1, cellClip: 0.2, timeMajor: true }),
  bilstm('hybrid aux stacked time-major', { hybrid: true, aux: 'stacked', timeMajor: true }),
  bilstm('hybrid aux stacked batch-major cifg asymmetric', { hybrid: true, aux: 'stacked', cifg: true, peephole: true, asymmetric: true }),
  bilstm('hybrid aux stacked wider aux merged', { hybrid: true, aux: 'stacked', nAux: 5, timeMajor: true, merge: true, asymmetric: true }),
  bilstm('hybrid aux feeds backward cell', { hybrid: true, aux: 'bw', timeMajor: true }),
  bilstm('hybrid none activation', { hybrid: true, act: 0 }),
  bilstm('hybrid larger', { hybrid: true, batch: 3, time: 5, nIn: 6, nCell: 7, peephole: true, proj: true, projBias: true, nOut: 5, timeMajor: true, asymmetric: true }),
  bilstm('hybrid zero input', { hybrid: true, input: { data: new Array(18).fill(0) } }),
  bilstm('hybrid float aux weights', { hybrid: true, aux: 'stacked', mutate: (x) => { x[41] = f32([4, 3]); }, error: 'aux_input_to_forget_weights' }),
];
