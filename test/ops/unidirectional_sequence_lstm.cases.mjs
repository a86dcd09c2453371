// UNIDIRECTIONAL_SEQUENCE_LSTM (float). The states are variable tensors, which LiteRT.js 2.5.3
// refuses: every case runs against tfjs-tflite.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, constant: true, ...extra });

/** One case; `o` picks the cell variant (cifg, peephole, proj, projBias, layerNorm, ...). */
function lstm(name, o = {}) {
  const { batch = 2, time = 3, nIn = 3, nCell = 4, timeMajor = false, act = 4, cellClip = 0, projClip = 0 } = o;
  const nOut = o.nOut ?? nCell;
  const wr = o.weightRange ?? [-0.6, 0.6];
  const w = (shape) => (o.liveWeights ? { dtype: 'float32', shape, range: wr } : f32(shape, { range: wr }));
  const gate = (present, shape) => (present ? w(shape) : null);
  const nonCifg = !o.cifg;
  const inputs = [
    { dtype: 'float32', shape: timeMajor ? [time, batch, nIn] : [batch, time, nIn], ...(o.input ?? {}) },
    gate(nonCifg, [nCell, nIn]), w([nCell, nIn]), w([nCell, nIn]), w([nCell, nIn]),
    gate(nonCifg, [nCell, nOut]), w([nCell, nOut]), w([nCell, nOut]), w([nCell, nOut]),
    gate(o.peephole && nonCifg, [nCell]), gate(o.peephole, [nCell]), gate(o.peephole, [nCell]),
    gate(nonCifg, [nCell]), w([nCell]), w([nCell]), w([nCell]),
    gate(o.proj, [nOut, nCell]), gate(o.projBias, [nOut]),
    { dtype: 'float32', shape: [batch, nOut], variable: true },
    { dtype: 'float32', shape: [batch, nCell], variable: true },
  ];
  if (!o.twentyInputs) {
    const ln = o.layerNorm;
    inputs.push(gate(ln && nonCifg, [nCell]), gate(ln, [nCell]), gate(ln, [nCell]), gate(ln, [nCell]));
  }
  if (o.mutate) o.mutate(inputs);
  return {
    name, op: 'UNIDIRECTIONAL_SEQUENCE_LSTM', version: 1, oracle: 'tfjs-tflite',
    options: { fusedActivationFunction: act, cellClip, projClip, timeMajor, asymmetricQuantizeInputs: false, ...(o.options ?? {}) },
    inputs, outputs: [{ dtype: 'float32' }],
    ...(o.error ? { error: o.error } : {}),
  };
}

export default [
  lstm('basic batch-major tanh'),
  lstm('basic time-major', { timeMajor: true }),
  lstm('batch 1 time 1', { batch: 1, time: 1 }),
  lstm('batch 1 long sequence', { batch: 1, time: 8, nIn: 2, nCell: 3 }),
  lstm('cifg', { cifg: true }),
  lstm('cifg time-major', { cifg: true, timeMajor: true }),
  lstm('peephole', { peephole: true }),
  lstm('cifg peephole', { cifg: true, peephole: true, batch: 3 }),
  lstm('projection without bias', { proj: true, nOut: 2, nCell: 5 }),
  lstm('projection with bias and clip', { proj: true, projBias: true, nOut: 3, nCell: 5, projClip: 0.15, weightRange: [-1.5, 1.5] }),
  lstm('projection wider than cell', { proj: true, projBias: true, nOut: 6, nCell: 3, timeMajor: true }),
  lstm('cell clip', { cellClip: 0.3, weightRange: [-2, 2] }),
  lstm('peephole projection clips time-major', { peephole: true, proj: true, projBias: true, nOut: 3, nCell: 4, cellClip: 0.5, projClip: 0.4, timeMajor: true, weightRange: [-2, 2] }),
  lstm('layer norm', { layerNorm: true }),
  lstm('layer norm peephole projection', { layerNorm: true, peephole: true, proj: true, projBias: true, nOut: 3, nCell: 5, timeMajor: true }),
  lstm('layer norm cifg', { layerNorm: true, cifg: true, batch: 3 }),
  lstm('layer norm cifg peephole time-major', { layerNorm: true, cifg: true, peephole: true, timeMajor: true }),
  lstm('20 inputs (no layer norm)', { twentyInputs: true, peephole: true }),
  lstm('relu activation', { act: 1 }),
  lstm('relu6 activation', { act: 3, weightRange: [-3, 3] }),
  lstm('relu_n1_to_1 activation time-major', { act: 2, timeMajor: true, weightRange: [-2, 2] }),
  lstm('sign_bit activation', { act: 5 }),
  lstm('none activation', { act: 0 }),
  lstm('none activation time-major projection', { act: 0, timeMajor: true, proj: true, nOut: 2 }),
  lstm('none activation zero input', { act: 0, input: { data: new Array(18).fill(0) } }),
  lstm('tanh zero input', { input: { data: new Array(18).fill(0) } }),
  lstm('non-constant weights', { liveWeights: true, peephole: true, proj: true, projBias: true, nOut: 3 }),
  lstm('larger time-major', { batch: 3, time: 5, nIn: 7, nCell: 8, nOut: 6, proj: true, projBias: true, peephole: true, timeMajor: true }),
  lstm('larger batch-major layer norm', { batch: 4, time: 4, nIn: 6, nCell: 9, layerNorm: true, peephole: true }),
  lstm('batch 0', { batch: 0 }),

  lstm('cifg weights half present', { mutate: (x) => { x[5] = null; }, error: 'CIFG' }),
  lstm('peephole partly present', { peephole: true, mutate: (x) => { x[10] = null; }, error: 'peephole' }),
  lstm('input gate bias with cifg', { cifg: true, mutate: (x) => { x[12] = f32([4]); }, error: 'input_gate_bias' }),
  lstm('no input gate bias without cifg', { mutate: (x) => { x[12] = null; }, error: 'input_gate_bias' }),
  lstm('projection bias without weights', { projBias: true, error: 'projection_bias' }),
  lstm('wrong forget weight shape', { mutate: (x) => { x[2] = f32([4, 2]); }, error: 'input_to_forget_weights' }),
  lstm('wrong recurrent shape', { mutate: (x) => { x[7] = f32([4, 3]); }, error: 'recurrent_to_cell_weights' }),
  lstm('wrong bias shape', { mutate: (x) => { x[14] = f32([5]); }, error: 'cell_gate_bias' }),
  lstm('state not variable', { mutate: (x) => { x[18] = { dtype: 'float32', shape: [2, 4] }; }, error: 'variable' }),
  lstm('cell state wrong size', { mutate: (x) => { x[19] = { dtype: 'float32', shape: [2, 5], variable: true }; }, error: 'cell_state' }),
  lstm('negative cell clip', { cellClip: -1, error: 'cell_clip' }),
  lstm('negative proj clip', { projClip: -0.5, error: 'proj_clip' }),
  lstm('int8 weights', { mutate: (x) => { x[3] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'hybrid' }),
  lstm('21 inputs', { mutate: (x) => { x.push(null); }, error: '20 or 24' }),
  lstm('rank 2 input', { mutate: (x) => { x[0] = { dtype: 'float32', shape: [2, 3] }; }, error: 'rank 3' }),
  lstm('int32 input', { mutate: (x) => { x[0] = { dtype: 'int32', shape: [2, 3, 3] }; }, error: 'float32' }),
  lstm('layer norm cifg with input coefficients', { layerNorm: true, cifg: true, mutate: (x) => { x[20] = f32([4]); }, error: 'input_layer_norm_coefficients' }),
  lstm('layer norm missing cell coefficients', { layerNorm: true, mutate: (x) => { x[22] = null; }, error: 'cell_layer_norm_coefficients' }),
  lstm('output wider than cell without projection', { nOut: 5, nCell: 4, error: 'without projection' }),
  lstm('diagonal recurrent tensors', { options: { diagonalRecurrentTensors: true }, error: 'diagonal' }),
];
