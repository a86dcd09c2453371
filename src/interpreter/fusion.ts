// Graph rewrites made once when a subgraph's nodes are built, before any prepare.
//
// Activation fusion: a float RELU, RELU6 or RELU_N1_TO_1 whose input is the only use of the output
// of a node with a fused-activation option left at NONE (CONV_2D, DEPTHWISE_CONV_2D,
// FULLY_CONNECTED, ADD, SUB, MUL, the pools) becomes that node's fused activation: the producer
// writes the activation's output tensor directly, clamped in the same pass, and the activation
// node is dropped. Converters fuse most activations themselves; graphs such as MediaPipe's keep
// them apart (selfie_segmentation: 22 RELUs, face_detection_short_range: 17). The values are the
// same: the fused clamp and the standalone op compute max(lo, min(x, hi)) on the same floats (only
// a NaN could differ, which the clamp passes and RELU maps to 0). The dropped intermediate tensor
// gets no memory, as XNNPACK's fusion leaves it out (TFLite keeps intermediates only on request).
import { BuiltinOperator } from '../schema/generated.js';
import { Activation } from '../kernels/kernel_util.js';
import type { Node } from './subgraph.js';
import type { Tensor } from './tensor.js';

/** The activation ops that fuse, and the fused-activation value each becomes. */
const FUSED_AS = new Map<number, number>([
  [BuiltinOperator.RELU, Activation.RELU],
  [BuiltinOperator.RELU6, Activation.RELU6],
  [BuiltinOperator.RELU_N1_TO_1, Activation.RELU_N1_TO_1],
]);

/** Ops whose float kernels apply their fusedActivationFunction option as a clamp of the output. */
const PRODUCERS = new Set<number>([
  BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOperator.FULLY_CONNECTED,
  BuiltinOperator.ADD, BuiltinOperator.SUB, BuiltinOperator.MUL,
  BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.MAX_POOL_2D,
]);

/**
 * Folds standalone activations into their producers; returns the nodes left, in order.
 * `graphOutputs`: tensors read after invoke (never fused away).
 */
export function fuseActivations(nodes: readonly Node[], graphOutputs: ReadonlySet<Tensor>): Node[] {
  const producer = new Map<Tensor, Node>();
  const uses = new Map<Tensor, number>();
  for (const n of nodes) {
    for (const t of n.outputs) producer.set(t, n);
    for (const t of n.inputs) if (t !== null) uses.set(t, (uses.get(t) ?? 0) + 1);
    for (const t of n.intermediates) uses.set(t, (uses.get(t) ?? 0) + 1);
  }
  const dropped = new Set<Node>();
  for (const act of nodes) {
    const fused = FUSED_AS.get(act.builtinCode);
    if (fused === undefined || act.customName !== null || act.inputs.length !== 1 || act.outputs.length !== 1) continue;
    const t = act.inputs[0] ?? null, out = act.outputs[0]!;
    if (t === null || t.dtype !== 'float32' || out.dtype !== 'float32' || uses.get(t) !== 1 || graphOutputs.has(t) || t.isVariable) continue;
    const p = producer.get(t);
    if (p === undefined || !PRODUCERS.has(p.builtinCode) || p.customName !== null || p.outputs.length !== 1 || p.outputs[0] !== t) continue;
    if ((p.options.fusedActivationFunction ?? Activation.NONE) !== Activation.NONE) continue;
    if (p.outputs.some((o) => o.dtype !== 'float32')) continue;
    p.options = { ...p.options, fusedActivationFunction: fused };
    p.outputs[0] = out;
    producer.set(out, p);
    dropped.add(act);
  }
  return dropped.size === 0 ? [...nodes] : nodes.filter((n) => !dropped.has(n));
}
