// `tflite inspect`: what a model holds and whether tflite-ts can run it.
import { Interpreter, BuiltinOpResolver } from '../index.js';
import { registerMediaPipeOps } from '../mediapipe/index.js';
import type { TensorDetails } from '../interpreter/interpreter.js';
import { opcodeBuiltin } from '../schema/model.js';
import { BUILTIN_OPERATOR_NAMES, BuiltinOperator } from '../schema/generated.js';
import { DTYPES } from '../types.js';

export interface OpCount {
  op: string;
  version: number;
  count: number;
  supported: boolean;
}

export interface Inspection {
  bytes: number;
  schemaVersion: number;
  description: string | null;
  minRuntimeVersion: string | null;
  subgraphs: { index: number; name: string; tensors: number; operators: number }[];
  inputs: TensorDetails[];
  outputs: TensorDetails[];
  signatures: Record<string, { inputs: string[]; outputs: string[]; subgraph: number }>;
  ops: OpCount[];
  unsupportedOps: string[];
  arenaBytes: number | null;
  allocationError: string | null;
  metadata: { name: string; bytes: number }[];
  tensors: { index: number; name: string; dtype: string; shape: number[]; constant: boolean }[];
}

export function inspectModel(bytes: Uint8Array): Inspection {
  const resolver = registerMediaPipeOps(new BuiltinOpResolver());
  const it = new Interpreter(bytes, { opResolver: resolver });
  const m = it.model;
  const counts = new Map<string, OpCount>();
  for (const g of m.subgraphs) {
    for (const op of g.operators) {
      const code = m.operatorCodes[op.opcodeIndex]!;
      const b = opcodeBuiltin(code);
      const custom = b === BuiltinOperator.CUSTOM ? code.customCode : null;
      const name = custom ?? BUILTIN_OPERATOR_NAMES[b] ?? `builtin ${b}`;
      const key = `${name}/${code.version}`;
      const supported = custom !== null ? resolver.findCustom(custom) !== undefined : resolver.findBuiltin(b) !== undefined;
      const c = counts.get(key) ?? { op: name, version: code.version, count: 0, supported };
      c.count++;
      counts.set(key, c);
    }
  }
  const ops = [...counts.values()].sort((a, b) => b.count - a.count || a.op.localeCompare(b.op));
  let arenaBytes: number | null = null;
  let allocationError: string | null = null;
  try {
    it.allocateTensors();
    arenaBytes = it.arenaBytes;
  } catch (e) {
    allocationError = (e as Error).message;
  }
  const metadata = m.metadata.map((md) => ({ name: md.name ?? '', bytes: m.buffers[md.buffer]?.data?.length ?? 0 }));
  const minRt = m.metadata.find((md) => md.name === 'min_runtime_version');
  const minData = minRt ? m.buffers[minRt.buffer]?.data : null;
  const sigs = it.getSignatureList();
  const signatures = Object.fromEntries(Object.entries(sigs).map(([k, v], i) => [k, { ...v, subgraph: m.signatureDefs[i]!.subgraphIndex }]));
  const g0 = m.subgraphs[0]!;
  return {
    bytes: bytes.length,
    schemaVersion: m.version,
    description: m.description,
    minRuntimeVersion: minData ? new TextDecoder().decode(minData).replace(/\0+$/, '') : null,
    subgraphs: m.subgraphs.map((g, index) => ({ index, name: g.name ?? '', tensors: g.tensors.length, operators: g.operators.length })),
    inputs: it.getInputDetails(),
    outputs: it.getOutputDetails(),
    signatures,
    ops,
    unsupportedOps: ops.filter((o) => !o.supported).map((o) => `${o.op} v${o.version}`),
    arenaBytes,
    allocationError,
    metadata,
    tensors: g0.tensors.map((t, index) => ({
      index, name: t.name ?? '', dtype: DTYPES[t.type] ?? `type ${t.type}`, shape: t.shape,
      constant: t.buffer !== 0 && (m.buffers[t.buffer]?.data?.length ?? 0) > 0,
    })),
  };
}

const fmtTensor = (d: TensorDetails): string => {
  const sig = d.shapeSignature.join(',') !== d.shape.join(',') ? ` (signature [${d.shapeSignature}])` : '';
  const q = d.quantization.scales.length === 1 ? ` q(scale ${d.quantization.scales[0]}, zero ${d.quantization.zeroPoints[0]})` : d.quantization.scales.length > 1 ? ` q(${d.quantization.scales.length} channels)` : '';
  return `  [${d.index}] ${d.name}: ${d.dtype}[${d.shape.join(',')}]${sig}${q}`;
};

export function formatInspection(info: Inspection, { tensors = false } = {}): string {
  const lines: string[] = [];
  lines.push(`model: ${info.bytes} bytes, schema v${info.schemaVersion}${info.minRuntimeVersion ? `, min runtime ${info.minRuntimeVersion}` : ''}`);
  if (info.description) lines.push(`description: ${info.description}`);
  lines.push(`subgraphs: ${info.subgraphs.map((g) => `${g.index}${g.name ? ` '${g.name}'` : ''} (${g.operators} ops, ${g.tensors} tensors)`).join('; ')}`);
  lines.push('inputs:', ...info.inputs.map(fmtTensor));
  lines.push('outputs:', ...info.outputs.map(fmtTensor));
  for (const [k, s] of Object.entries(info.signatures)) lines.push(`signature '${k}' (subgraph ${s.subgraph}): (${s.inputs.join(', ')}) -> (${s.outputs.join(', ')})`);
  lines.push('ops:');
  for (const o of info.ops) lines.push(`  ${String(o.count).padStart(4)} × ${o.op} v${o.version}${o.supported ? '' : '  (unsupported)'}`);
  if (info.unsupportedOps.length) lines.push(`unsupported ops: ${info.unsupportedOps.join(', ')}`);
  if (info.arenaBytes !== null) lines.push(`arena: ${info.arenaBytes} bytes`);
  if (info.allocationError) lines.push(`allocation failed: ${info.allocationError}`);
  if (info.metadata.length) lines.push(`metadata: ${info.metadata.map((m) => `${m.name} (${m.bytes} bytes)`).join(', ')}`);
  if (tensors) {
    lines.push('tensors:');
    for (const t of info.tensors) lines.push(`  [${t.index}] ${t.name}: ${t.dtype}[${t.shape.join(',')}]${t.constant ? ' const' : ''}`);
  } else {
    lines.push(`tensors: ${info.tensors.length} in subgraph 0 (--tensors lists them)`);
  }
  return lines.join('\n');
}
