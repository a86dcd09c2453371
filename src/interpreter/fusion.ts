// Graph rewrites made once when a subgraph's nodes are built, before any prepare.
//
// Graph passes: rewrites of a subgraph's node list that an op resolver may ask for (OpResolver
// .passes). The SIMD tier uses them to run as one kernel what converters spelled as several ops.
//
// Activation fusion (every tier; after the resolver's passes): a float RELU, RELU6 or RELU_N1_TO_1
// whose input is the only use of the output of a node with a fused-activation option left at NONE
// (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, ADD, SUB, MUL, the pools) becomes that node's fused
// activation: the producer writes the activation's output tensor directly, clamped in the same
// pass, and the activation node is dropped. Converters fuse most activations themselves; graphs
// such as MediaPipe's keep them apart (selfie_segmentation: 22 RELUs, face_detection_short_range:
// 17). The values are the same: the fused clamp and the standalone op compute max(lo, min(x, hi))
// on the same floats (only a NaN could differ, which the clamp passes and RELU maps to 0). The
// dropped intermediate tensor gets no memory, as XNNPACK's fusion leaves it out (TFLite keeps
// intermediates only on request). It relies only on the op's own option, which every kernel of
// those ops honours.
import { BuiltinOperator } from '../schema/generated.js';
import { Activation } from '../kernels/kernel_util.js';
import type { OperatorT } from '../schema/model.js';
import type { Tensor } from './tensor.js';
import type { OpResolver } from './op_resolver.js';
import { Node, type Subgraph } from './subgraph.js';

/** Returns the nodes to run instead of `nodes` (in execution order). */
export type GraphPass = (nodes: readonly Node[], graph: Subgraph, resolver: OpResolver) => Node[];

/**
 * PReLU as TOCO wrote it for Caffe models (MTCNN):
 *   out = ADD(RELU(x), MUL(alpha, NEG(RELU(NEG(x)))))
 * becomes PRELU(x, alpha): equal, up to the sign of a zero result, for finite constant alpha
 * that broadcasts to x's shape. Every intermediate tensor must be read by its one pattern node
 * only and be no graph output; the fused node takes the ADD's place.
 */
export const fusePrelu: GraphPass = (nodes, graph, resolver) => {
  const kernel = resolver.findBuiltin(BuiltinOperator.PRELU, 1);
  if (kernel === undefined) return [...nodes];
  const readers = new Map<Tensor, number>();
  for (const n of nodes) for (const t of n.inputs) if (t !== null) readers.set(t, (readers.get(t) ?? 0) + 1);
  const outputs = new Set(graph.outputs.map((i) => graph.tensors[i]));
  const producer = new Map<Tensor, Node>();
  for (const n of nodes) for (const t of n.outputs) producer.set(t, n);
  /** The node producing `t` if it is `op` on float32 and `t` is read once and no graph output. */
  const single = (t: Tensor | null | undefined, op: number): Node | null => {
    if (!t || t.dtype !== 'float32' || readers.get(t) !== 1 || outputs.has(t)) return null;
    const n = producer.get(t);
    return n !== undefined && n.builtinCode === op && n.outputs.length === 1 ? n : null;
  };
  const unfused = (n: Node): boolean => ((n.options as { fusedActivationFunction?: number }).fusedActivationFunction ?? 0) === 0;

  const removed = new Set<Node>();
  const fused = new Map<Node, Node>();
  for (const add of nodes) {
    if (add.builtinCode !== BuiltinOperator.ADD || add.inputs.length !== 2 || !unfused(add)) continue;
    for (const [ri, mi] of [[0, 1], [1, 0]] as const) {
      const relu = single(add.inputs[ri], BuiltinOperator.RELU);
      const mul = single(add.inputs[mi], BuiltinOperator.MUL);
      if (relu === null || mul === null || mul.inputs.length !== 2 || !unfused(mul)) continue;
      const ni = mul.inputs[0]?.isConstant ? 1 : 0;
      const alpha = mul.inputs[1 - ni];
      const neg2 = single(mul.inputs[ni], BuiltinOperator.NEG);
      const relu2 = neg2 && single(neg2.inputs[0], BuiltinOperator.RELU);
      const neg1 = relu2 && single(relu2.inputs[0], BuiltinOperator.NEG);
      const x = relu.inputs[0];
      if (!neg1 || !x || !alpha || neg1.inputs[0] !== x || x.dtype !== 'float32' || !alpha.isConstant || alpha.dtype !== 'float32') continue;
      // NEG(x) is read by RELU only; x by RELU and NEG (and maybe others): both pattern reads are accounted for.
      if (!broadcastsInto(alpha.shape, x.shape) || !finite(alpha) || add.outputs[0]!.dtype !== 'float32') continue;
      const op: OperatorT = {
        opcodeIndex: -1, inputs: [x.index, alpha.index], outputs: [add.outputs[0]!.index], builtinOptionsType: 0, builtinOptions: null,
        builtinOptions2Type: 0, builtinOptions2: null, customOptions: null, customOptionsFormat: 0, mutatingVariableInputs: [], intermediates: [],
      };
      const node = new Node(graph, add.nodeIndex, 'PRELU', 1, null, BuiltinOperator.PRELU, op);
      node.kernel = kernel;
      for (const n of [relu, neg1, relu2, neg2, mul]) removed.add(n);
      fused.set(add, node);
      break;
    }
  }
  return nodes.filter((n) => !removed.has(n)).map((n) => fused.get(n) ?? n);
};

/** Whether `s` broadcast against `into` leaves `into`'s shape unchanged. */
function broadcastsInto(s: readonly number[], into: readonly number[]): boolean {
  if (s.length > into.length) return false;
  return s.every((d, i) => d === 1 || d === into[into.length - s.length + i]);
}

function finite(t: Tensor): boolean {
  const d = t.data as Float32Array;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i]!)) return false;
  return true;
}

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
