// Graph passes: rewrites of a subgraph's node list that an op resolver may ask for (OpResolver
// .passes), run once when the nodes are built. The SIMD tier uses them to run as one kernel what
// converters spelled as several ops; the reference tier runs models as written.
import { BuiltinOperator } from '../schema/generated.js';
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
