// BIDIRECTIONAL_SEQUENCE_LSTM (float). The four states are variable tensors, which LiteRT.js 2.5.3
// refuses: every case runs against tfjs-tflite.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, constant: true, ...extra });

/** 17 tensors of one cell (inputs 1-17 or 18-34). */
function cell(o, nIn, nCell, nOut) {
  const wr = o.weightRange ?? [-0.6, 0.6];
  const w = (shape) => f32(shape, { range: wr });
  const gate = (present, shape) => (present ? w(shape) : null);
  const nonCifg = !o.cifg;
  return [
    gate(nonCifg, [nCell, nIn]), w([nCell, nIn]), w([nCell, nIn]), w([nCell, nIn]),
    gate(nonCifg, [nCell, nOut]), w([nCell, nOut]), w([nCell, nOut]), w([nCell, nOut]),
    gate(o.peephole && nonCifg, [nCell]), gate(o.peephole, [nCell]), gate(o.peephole, [nCell]),
    gate(nonCifg, [nCell]), w([nCell]), w([nCell]), w([nCell]),
    gate(o.proj, [nOut, nCell]), gate(o.projBias, [nOut]),
  ];
}

function bilstm(name, o = {}) {
  const { batch = 2, time = 3, nIn = 3, nCell = 4, timeMajor = false, merge = false, act = 4, cellClip = 0, projClip = 0 } = o;
  const nOut = o.nOut ?? nCell;
  const seqShape = (n) => (timeMajor ? [time, batch, n] : [batch, time, n]);
  const state = (n) => ({ dtype: 'float32', shape: [batch, n], variable: true });
  // aux: 'stacked' (aux input + aux weights), 'bw' (aux input feeds the backward cell), or none.
  const nAux = o.nAux ?? nIn;
  const auxW = (cifg) => (o.aux === 'stacked'
    ? [cifg ? null : f32([nCell, nAux]), f32([nCell, nAux]), f32([nCell, nAux]), f32([nCell, nAux])]
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
    options: { fusedActivationFunction: act, cellClip, projClip, mergeOutputs: merge, timeMajor, asymmetricQuantizeInputs: false },
    inputs, outputs: merge ? [{ dtype: 'float32' }] : [{ dtype: 'float32' }, { dtype: 'float32' }],
    ...(o.error ? { error: o.error } : {}),
  };
}

export default [
  bilstm('basic batch-major'),
  bilstm('basic time-major', { timeMajor: true }),
  bilstm('merged time-major', { timeMajor: true, merge: true }),
  bilstm('merged batch-major batch 1', { merge: true, batch: 1, time: 4 }),
  bilstm('merged batch-major batch 2', { merge: true }),
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
  bilstm('int8 weights', { mutate: (x) => { x[20] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'hybrid' }),
  bilstm('rank 2 input', { mutate: (x) => { x[0] = { dtype: 'float32', shape: [2, 3] }; }, error: 'rank 3' }),
];
