// UNIDIRECTIONAL_SEQUENCE_LSTM (float). The states are variable tensors, which LiteRT.js 2.5.3
// refuses: every case runs against tfjs-tflite.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, constant: true, ...extra });

/** One case; `o` picks the cell variant (cifg, peephole, proj, projBias, layerNorm, ...). */
function lstm(name, o = {}) {
  const { batch = 2, time = 3, nIn = 3, nCell = 4, timeMajor = false, act = 4, cellClip = 0, projClip = 0 } = o;
  const nOut = o.nOut ?? nCell;
  const wr = o.weightRange ?? [-0.6, 0.6];
  const w = (shape) => (o.liveWeights ? { dtype: 'float32', shape, range: wr } : f32(shape, { range: wr }));
  // Hybrid: int8 weight matrices and peephole weights (scales cycling through a few values).
  let k = 0;
  const q8 = (shape) => ({ dtype: 'int8', shape, constant: !o.liveWeights, range: [-127, 128], quant: { scale: [0.004, 0.007, 0.005, 0.009, 0.006][k++ % 5] * (o.weightScale ?? 1), zeroPoint: 0 } });
  const m = o.hybrid ? q8 : w;
  const gate = (present, shape, make = w) => (present ? make(shape) : null);
  const nonCifg = !o.cifg;
  const inputs = [
    { dtype: 'float32', shape: timeMajor ? [time, batch, nIn] : [batch, time, nIn], ...(o.input ?? {}) },
    gate(nonCifg, [nCell, nIn], m), m([nCell, nIn]), m([nCell, nIn]), m([nCell, nIn]),
    gate(nonCifg, [nCell, nOut], m), m([nCell, nOut]), m([nCell, nOut]), m([nCell, nOut]),
    gate(o.peephole && nonCifg, [nCell], m), gate(o.peephole, [nCell], m), gate(o.peephole, [nCell], m),
    gate(nonCifg, [nCell]), w([nCell]), w([nCell]), w([nCell]),
    gate(o.proj, [nOut, nCell], m), gate(o.projBias, [nOut]),
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
    options: { fusedActivationFunction: act, cellClip, projClip, timeMajor, asymmetricQuantizeInputs: !!o.asymmetric, ...(o.options ?? {}) },
    inputs, outputs: [{ dtype: 'float32' }],
    ...(o.error ? { error: o.error } : {}),
  };
}

/**
 * Full-integer (8x8->16) case: int8 input/weights/output state, int16 cell state (power-of-two
 * scale), int32 biases, int16 peephole and layer-norm weights, and the five intermediates (gate
 * scales, used with layer norm only, and the hidden state's scale and zero point).
 */
export function lstmInt(name, o = {}) {
  const { batch = 2, time = 3, nIn = 3, nCell = 4, timeMajor = false, cellClip = 0, projClip = 0 } = o;
  const nOut = o.nOut ?? nCell;
  const nonCifg = !o.cifg;
  const inQ = o.inQ ?? { scale: 0.02, zeroPoint: 3 };
  const stateQ = o.stateQ ?? { scale: 0.0078, zeroPoint: -2 };
  const cellQ = o.cellQ ?? { scale: 2 ** -11, zeroPoint: 0 };
  const hidQ = o.hidQ ?? { scale: 0.007, zeroPoint: 1 };
  const projScale = o.projScale ?? 0.005;
  let k = 0;
  const sw = () => [0.004, 0.006, 0.005, 0.007, 0.0045, 0.0055, 0.0065, 0.0035][k++ % 8];
  const q8 = (s, shape) => ({ dtype: 'int8', shape, constant: true, quant: { scale: s, zeroPoint: 0 }, range: [-127, 128] });
  const wi = [sw(), sw(), sw(), sw()];
  const wr = [sw(), sw(), sw(), sw()];
  const bias = (s) => ({ dtype: 'int32', shape: [nCell], constant: true, quant: { scale: inQ.scale * s, zeroPoint: 0 }, range: [-3000, 3000] });
  const q16 = (present, scale, range) => (present ? { dtype: 'int16', shape: [nCell], constant: true, quant: { scale, zeroPoint: 0 }, range } : null);
  const peep = (present) => q16(present, 0.0003, [-2000, 2000]);
  const ln = (present) => q16(present, 0.0001, [5000, 15000]);
  const inputs = [
    { dtype: 'int8', shape: timeMajor ? [time, batch, nIn] : [batch, time, nIn], quant: inQ, ...(o.input ?? {}) },
    nonCifg ? q8(wi[0], [nCell, nIn]) : null, q8(wi[1], [nCell, nIn]), q8(wi[2], [nCell, nIn]), q8(wi[3], [nCell, nIn]),
    nonCifg ? q8(wr[0], [nCell, nOut]) : null, q8(wr[1], [nCell, nOut]), q8(wr[2], [nCell, nOut]), q8(wr[3], [nCell, nOut]),
    peep(o.peephole && nonCifg), peep(o.peephole), peep(o.peephole),
    nonCifg ? bias(wi[0]) : null, bias(wi[1]), bias(wi[2]), bias(wi[3]),
    o.proj ? q8(projScale, [nOut, nCell]) : null,
    o.projBias ? { dtype: 'int32', shape: [nOut], constant: true, quant: { scale: hidQ.scale * projScale, zeroPoint: 0 }, range: [-2000, 2000] } : null,
    { dtype: 'int8', shape: [batch, nOut], variable: true, quant: stateQ },
    { dtype: 'int16', shape: [batch, nCell], variable: true, quant: cellQ },
  ];
  if (!o.twentyInputs) inputs.push(ln(o.layerNorm && nonCifg), ln(o.layerNorm), ln(o.layerNorm), ln(o.layerNorm));
  const gateQ = (s) => (o.layerNorm ? { dtype: 'int16', quant: { scale: s, zeroPoint: 0 } } : { dtype: 'float32' });
  if (o.mutate) o.mutate(inputs);
  return {
    name: `int8 ${name}`, op: 'UNIDIRECTIONAL_SEQUENCE_LSTM', version: 1, oracle: 'tfjs-tflite',
    options: { fusedActivationFunction: 4, cellClip, projClip, timeMajor, asymmetricQuantizeInputs: false },
    inputs,
    // Needs the harness to build op intermediates (model_builder: `intermediates` specs, like outputs).
    intermediates: o.intermediates ?? [gateQ(0.0006), gateQ(0.0005), gateQ(0.0007), gateQ(0.0004), { dtype: 'int8', quant: hidQ }],
    outputs: [{ dtype: 'int8', quant: stateQ }],
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
  lstm('one int8 weight among float ones', { mutate: (x) => { x[3] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'expected float32' }),
  lstm('21 inputs', { mutate: (x) => { x.push(null); }, error: '20 or 24' }),
  lstm('rank 2 input', { mutate: (x) => { x[0] = { dtype: 'float32', shape: [2, 3] }; }, error: 'rank 3' }),
  lstm('int32 input', { mutate: (x) => { x[0] = { dtype: 'int32', shape: [2, 3, 3] }; }, error: 'float32' }),
  lstm('uint8 weights', { mutate: (x) => { x[4] = { dtype: 'uint8', shape: [4, 3], constant: true, quant: { scale: 0.01, zeroPoint: 128 } }; }, error: 'uint8' }),
  lstm('layer norm cifg with input coefficients', { layerNorm: true, cifg: true, mutate: (x) => { x[20] = f32([4]); }, error: 'input_layer_norm_coefficients' }),
  lstm('layer norm missing cell coefficients', { layerNorm: true, mutate: (x) => { x[22] = null; }, error: 'cell_layer_norm_coefficients' }),
  lstm('output wider than cell without projection', { nOut: 5, nCell: 4, error: 'without projection' }),
  lstm('diagonal recurrent tensors', { options: { diagonalRecurrentTensors: true }, error: 'diagonal' }),

  // Hybrid: float input and states, int8 weights, each step quantizing input and output state per
  // batch row (symmetric, or asymmetric with zero points and weight row sums).
  lstm('hybrid basic', { hybrid: true }),
  lstm('hybrid time-major', { hybrid: true, timeMajor: true }),
  lstm('hybrid asymmetric', { hybrid: true, asymmetric: true }),
  lstm('hybrid asymmetric time-major', { hybrid: true, asymmetric: true, timeMajor: true, batch: 3 }),
  lstm('hybrid cifg', { hybrid: true, cifg: true }),
  lstm('hybrid cifg asymmetric time-major', { hybrid: true, cifg: true, asymmetric: true, timeMajor: true }),
  lstm('hybrid peephole', { hybrid: true, peephole: true, weightScale: 4 }),
  lstm('hybrid cifg peephole asymmetric', { hybrid: true, cifg: true, peephole: true, asymmetric: true, weightScale: 4 }),
  lstm('hybrid projection', { hybrid: true, proj: true, nOut: 2, nCell: 5 }),
  lstm('hybrid projection bias clip asymmetric', { hybrid: true, proj: true, projBias: true, nOut: 3, nCell: 5, projClip: 0.05, asymmetric: true }),
  lstm('hybrid projection wider than cell', { hybrid: true, proj: true, projBias: true, nOut: 6, nCell: 3, timeMajor: true, asymmetric: true }),
  lstm('hybrid cell clip', { hybrid: true, cellClip: 0.3, weightScale: 20 }),
  lstm('hybrid layer norm', { hybrid: true, layerNorm: true }),
  lstm('hybrid layer norm peephole projection asymmetric', { hybrid: true, layerNorm: true, peephole: true, proj: true, projBias: true, nOut: 3, nCell: 5, timeMajor: true, asymmetric: true }),
  lstm('hybrid layer norm cifg', { hybrid: true, layerNorm: true, cifg: true, batch: 3 }),
  lstm('hybrid 20 inputs', { hybrid: true, twentyInputs: true, peephole: true }),
  lstm('hybrid relu activation', { hybrid: true, act: 1 }),
  lstm('hybrid none activation', { hybrid: true, act: 0 }),
  lstm('hybrid zero input', { hybrid: true, input: { data: new Array(18).fill(0) } }),
  lstm('hybrid zero input asymmetric', { hybrid: true, asymmetric: true, input: { data: new Array(18).fill(0) } }),
  lstm('hybrid positive input asymmetric', { hybrid: true, asymmetric: true, input: { range: [0.1, 2] } }),
  lstm('hybrid non-constant weights', { hybrid: true, liveWeights: true, peephole: true, proj: true, projBias: true, nOut: 3, asymmetric: true }),
  lstm('hybrid larger time-major', { hybrid: true, batch: 3, time: 5, nIn: 7, nCell: 8, nOut: 6, proj: true, projBias: true, peephole: true, timeMajor: true }),
  lstm('hybrid larger batch-major asymmetric', { hybrid: true, batch: 4, time: 4, nIn: 6, nCell: 9, layerNorm: true, peephole: true, asymmetric: true }),
  lstm('hybrid batch 0', { hybrid: true, batch: 0 }),
  lstm('hybrid float peephole weights', { hybrid: true, peephole: true, mutate: (x) => { x[10] = f32([4]); }, error: 'cell_to_forget_weights has type float32' }),
  lstm('hybrid int8 bias', { hybrid: true, mutate: (x) => { x[13] = { dtype: 'int8', shape: [4], constant: true, quant: { scale: 0.01, zeroPoint: 0 } }; }, error: 'forget_gate_bias' }),
  lstm('hybrid per-channel weights', { hybrid: true, mutate: (x) => { x[2] = { dtype: 'int8', shape: [4, 3], constant: true, quant: { scale: [0.01, 0.02, 0.01, 0.02], zeroPoint: [0, 0, 0, 0] } }; }, error: 'per-tensor' }),

  // Full integer 8x8->16 (bit-exact).
  lstmInt('basic'),
  lstmInt('time-major', { timeMajor: true }),
  lstmInt('larger', { nCell: 32, nIn: 16, batch: 2, time: 6 }),
  lstmInt('cifg', { cifg: true }),
  lstmInt('cifg time-major', { cifg: true, timeMajor: true, batch: 3 }),
  lstmInt('peephole', { peephole: true }),
  lstmInt('cifg peephole', { cifg: true, peephole: true }),
  lstmInt('projection', { proj: true, nOut: 3, nCell: 5 }),
  lstmInt('projection bias time-major', { proj: true, projBias: true, nOut: 3, nCell: 5, timeMajor: true }),
  lstmInt('projection wider than cell', { proj: true, projBias: true, nOut: 6, nCell: 4 }),
  lstmInt('projection peephole', { proj: true, peephole: true, nOut: 3, nCell: 5 }),
  lstmInt('layer norm', { layerNorm: true, nCell: 8 }),
  lstmInt('layer norm 6 cells', { layerNorm: true, nCell: 6 }),
  lstmInt('layer norm cifg peephole projection', { layerNorm: true, cifg: true, peephole: true, proj: true, projBias: true, nCell: 8, nOut: 4 }),
  lstmInt('cell clip', { cellClip: 0.5 }),
  lstmInt('projection clip', { proj: true, nOut: 3, projClip: 0.3, projScale: 0.02 }),
  lstmInt('20 inputs', { twentyInputs: true }),
  lstmInt('cell scale 2^-15', { cellQ: { scale: 2 ** -15, zeroPoint: 0 } }),
  lstmInt('cell scale 2^-8', { cellQ: { scale: 2 ** -8, zeroPoint: 0 }, time: 6 }),
  lstmInt('long sequence', { batch: 1, time: 12, nIn: 5, nCell: 7 }),
  lstmInt('zero-point-heavy scales', { inQ: { scale: 0.2, zeroPoint: -5 }, stateQ: { scale: 0.03, zeroPoint: 7 }, time: 5 }),
  lstmInt('no intermediates', { intermediates: [], error: '5 intermediate' }),
  lstmInt('cell scale not a power of two', { cellQ: { scale: 0.0003, zeroPoint: 0 }, error: 'power of two' }),
  lstmInt('int16 output state', { mutate: (x) => { x[18] = { dtype: 'int16', shape: [2, 4], variable: true, quant: { scale: 0.0078, zeroPoint: 0 } }; }, error: 'output_state' }),
  lstmInt('float bias', { mutate: (x) => { x[14] = f32([4]); }, error: 'cell_gate_bias' }),
  lstmInt('peephole with output wider than cells', { peephole: true, proj: true, nOut: 6, nCell: 4, error: 'peephole' }),
];
