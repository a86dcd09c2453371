// `tflite bench MODEL [--runs N] [--warmup N] [--threads N] [--seed N] [--profile] [--json]`:
// latency and memory of one model, in the spirit of TFLite's benchmark_model.
import type { Interpreter } from '../index.js';
import { storageOf, type TypedArray } from '../types.js';
import { fillSeeded, mulberry32 } from '../tools/io_json.js';
import type { OpTiming } from '../kernels/registration.js';
import { probeRelaxedSimd, probeSimd } from '../wasm/loader.js';
import { CliError, createCliInterpreter, parseCommand, parseTier, readFile, reportError, type Tier, UsageError } from './common.js';

export const BENCH_USAGE = 'usage: tflite bench MODEL [--runs N] [--warmup N] [--warmup-ms MS] [--threads N] [--tier auto|reference|simd] [--seed N] [--profile] [--json]';

/** Time budget for the timed runs when --runs is not given. */
const RUN_BUDGET_MS = 20_000;
const DEFAULT_RUNS = 50;

export interface NodeProfile {
  subgraph: number;
  node: number;
  op: string;
  /** The node's first output tensor, as TFLite's profiler names nodes. */
  name: string;
  /** Average self time per profiled run (a control-flow node's nested subgraphs excluded). */
  avgMs: number;
  firstMs: number;
  pct: number;
  cdfPct: number;
  calls: number;
}

export interface OpTypeProfile {
  op: string;
  /** Distinct nodes of this type. */
  count: number;
  avgMs: number;
  pct: number;
  cdfPct: number;
  /** Calls per run (more than `count` inside loops). */
  callsPerRun: number;
}

export interface BenchResult {
  model: string;
  modelBytes: number;
  /** The kernel tier that ran: the wasm SIMD kernels (where an op has one) or the reference kernels. */
  kernels: 'simd' | 'reference';
  /** Whether the engine offers relaxed SIMD (the kernels do not use it; see probeRelaxedSimd). */
  relaxedSimd: boolean;
  threads: number;
  seed: number;
  inputs: { name: string; dtype: string; shape: number[] }[];
  initMs: number;
  firstRunMs: number;
  coldStartMs: number;
  warmupRuns: number;
  warmupAvgMs: number;
  warmupTotalMs: number;
  runs: number;
  runsCapped: boolean;
  medianMs: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
  stdMs: number;
  /** Process CPU time over wall time during the timed runs: about 1 when one thread works. */
  cpuPerWall: number | null;
  arenaBytes: number;
  peakRssBytes: number | null;
  profile?: { runs: number; totalMs: number; nodes: NodeProfile[]; byOp: OpTypeProfile[] };
}

function positiveInt(v: unknown, flag: string, min = 1): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer >= ${min}, got '${String(v)}'`);
  return n;
}

/**
 * Runs `tflite bench`: init, first inference, warm-up, then timed invocations (inputs set once,
 * invoke() timed alone). Returns the exit code: 0, 1 on errors (one `error:` line), 2 on usage errors.
 */
export async function benchCommand(args: string[]): Promise<number> {
  let verbose = false;
  try {
    const { values, positionals } = parseCommand(args, {
          runs: { type: 'string' }, warmup: { type: 'string' }, 'warmup-ms': { type: 'string' }, threads: { type: 'string' }, tier: { type: 'string' },
          seed: { type: 'string' }, profile: { type: 'boolean' }, json: { type: 'boolean' },
        });
    verbose = values.verbose === true;
    if (positionals.length !== 1) throw new UsageError('bench takes exactly one MODEL');
    const runsGiven = positiveInt(values.runs, '--runs');
    const warmupRuns = positiveInt(values.warmup, '--warmup', 0) ?? 5;
    const warmupMs = positiveInt(values['warmup-ms'], '--warmup-ms', 0) ?? 1000;
    const threads = positiveInt(values.threads, '--threads') ?? 1;
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got '${values.seed}'`);
    const modelPath = positionals[0]!;

    const result = await bench(modelPath, readFile(modelPath, 'model'), { runs: runsGiven, warmupRuns, warmupMs, threads, seed, profile: values.profile === true, tier: parseTier(values.tier) });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else console.log(formatBench(result));
    return 0;
  } catch (e) {
    return reportError(e, BENCH_USAGE, verbose);
  }
}

interface BenchOptions {
  runs: number | undefined;
  warmupRuns: number;
  warmupMs: number;
  threads: number;
  seed: number;
  profile: boolean;
  tier: Tier;
}

async function bench(modelPath: string, bytes: Uint8Array, o: BenchOptions): Promise<BenchResult> {
  const t0 = performance.now();
  const interpreter = await createCliInterpreter(bytes, o.tier, o.threads);
  interpreter.allocateTensors();
  const initMs = performance.now() - t0;

  const next = mulberry32(o.seed);
  const inputs = interpreter.getInputDetails().map((d) => {
    const ctor = storageOf(d.dtype)?.ctor as unknown as { new (n: number): TypedArray } | undefined;
    if (ctor === undefined) throw new CliError(`input '${d.name}' has type ${d.dtype}, which bench cannot fill`);
    const data = new ctor(d.shape.reduce((a, b) => a * b, 1));
    fillSeeded(d.dtype, data, next);
    interpreter.setTensor(d.index, data);
    return { name: d.name, dtype: d.dtype as string, shape: d.shape };
  });

  const time = (): number => {
    const t = performance.now();
    interpreter.invoke();
    return performance.now() - t;
  };
  const firstRunMs = time();

  let warmupCount = 0;
  const tw = performance.now();
  while (warmupCount < o.warmupRuns || performance.now() - tw < o.warmupMs) {
    time();
    warmupCount++;
  }
  const warmupTotalMs = performance.now() - tw;
  const warmupAvgMs = warmupCount > 0 ? warmupTotalMs / warmupCount : firstRunMs;

  let runs = o.runs ?? DEFAULT_RUNS;
  let runsCapped = false;
  if (o.runs === undefined) {
    const fit = Math.max(1, Math.floor(RUN_BUDGET_MS / Math.max(warmupAvgMs, 1e-3)));
    if (fit < runs) {
      runs = fit;
      runsCapped = true;
    }
  }

  const prof = o.profile ? new ProfileCollector(interpreter) : null;
  if (prof) interpreter.profiler = (t) => prof.record(t);
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < runs; i++) {
    prof?.beginRun();
    times.push(time());
  }
  const wallMs = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  interpreter.profiler = null;

  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const meanMs = times.reduce((a, b) => a + b, 0) / times.length;
  const stdMs = Math.sqrt(times.reduce((a, b) => a + (b - meanMs) ** 2, 0) / times.length);
  const arenaBytes = interpreter.arenaBytes;
  let peakRssBytes: number | null = null;
  try {
    const ru = process.resourceUsage?.();
    if (ru && ru.maxRSS > 0) peakRssBytes = ru.maxRSS * 1024; // kilobytes
  } catch {
    peakRssBytes = null;
  }
  interpreter.dispose();

  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    model: modelPath,
    modelBytes: bytes.length,
    kernels: o.tier !== 'reference' && probeSimd() ? 'simd' : 'reference',
    relaxedSimd: probeRelaxedSimd(),
    threads: o.threads,
    seed: o.seed,
    inputs,
    initMs: r3(initMs),
    firstRunMs: r3(firstRunMs),
    coldStartMs: r3(initMs + firstRunMs),
    warmupRuns: warmupCount,
    warmupAvgMs: r3(warmupAvgMs),
    warmupTotalMs: r3(warmupTotalMs),
    runs,
    runsCapped,
    medianMs: r3(medianMs),
    minMs: r3(sorted[0]!),
    maxMs: r3(sorted[sorted.length - 1]!),
    meanMs: r3(meanMs),
    stdMs: r3(stdMs),
    cpuPerWall: wallMs > 0 ? Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 100) / 100 : null,
    arenaBytes,
    peakRssBytes,
    ...(prof ? { profile: prof.summary(runs) } : {}),
  };
}

/**
 * Per-node self times. A control-flow node (WHILE, IF, CALL_ONCE…) reports its total time after
 * its nested subgraphs' nodes have reported theirs; those are subtracted, so that every
 * millisecond is counted once and the per-type summary adds up to the invoke time.
 */
class ProfileCollector {
  private readonly nodes = new Map<string, { subgraph: number; node: number; op: string; totalMs: number; firstMs: number; calls: number }>();
  /** Events not yet claimed by an enclosing node: [end time, ms]. */
  private open: [number, number][] = [];

  constructor(private readonly interpreter: Interpreter) {}

  beginRun(): void {
    this.open = [];
  }

  record(t: OpTiming): void {
    const end = performance.now();
    const start = end - t.ms;
    let nested = 0;
    while (this.open.length > 0 && this.open[this.open.length - 1]![0] >= start) nested += this.open.pop()![1];
    this.open.push([end, t.ms]);
    const self = Math.max(0, t.ms - nested);
    const key = `${t.subgraph}:${t.node}`;
    const n = this.nodes.get(key);
    if (n === undefined) this.nodes.set(key, { subgraph: t.subgraph, node: t.node, op: t.op, totalMs: self, firstMs: self, calls: 1 });
    else {
      n.totalMs += self;
      n.calls++;
    }
  }

  summary(runs: number): { runs: number; totalMs: number; nodes: NodeProfile[]; byOp: OpTypeProfile[] } {
    const model = this.interpreter.model;
    const list = [...this.nodes.values()].sort((a, b) => a.subgraph - b.subgraph || a.node - b.node);
    const total = list.reduce((a, n) => a + n.totalMs, 0) / runs;
    const pct = (ms: number): number => (total > 0 ? (100 * ms) / total : 0);
    const r3 = (x: number): number => Math.round(x * 1000) / 1000;
    const r2 = (x: number): number => Math.round(x * 100) / 100;
    let cdf = 0;
    const nodes: NodeProfile[] = list.map((n) => {
      const g = model.subgraphs[n.subgraph];
      const out = g?.operators[n.node]?.outputs[0];
      const name = (out !== undefined && out >= 0 ? g?.tensors[out]?.name : null) ?? '';
      const avg = n.totalMs / runs;
      cdf += pct(avg);
      return { subgraph: n.subgraph, node: n.node, op: n.op, name, avgMs: r3(avg), firstMs: r3(n.firstMs), pct: r2(pct(avg)), cdfPct: r2(cdf), calls: n.calls };
    });
    const types = new Map<string, { op: string; count: number; totalMs: number; calls: number }>();
    for (const n of list) {
      const t = types.get(n.op) ?? { op: n.op, count: 0, totalMs: 0, calls: 0 };
      t.count++;
      t.totalMs += n.totalMs;
      t.calls += n.calls;
      types.set(n.op, t);
    }
    cdf = 0;
    const byOp = [...types.values()].sort((a, b) => b.totalMs - a.totalMs).map((t) => {
      const avg = t.totalMs / runs;
      cdf += pct(avg);
      return { op: t.op, count: t.count, avgMs: r3(avg), pct: r2(pct(avg)), cdfPct: r2(cdf), callsPerRun: r2(t.calls / runs) };
    });
    return { runs, totalMs: r3(total), nodes, byOp };
  }
}

function fmtMs(x: number): string {
  return x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3);
}

function fmtBytes(n: number): string {
  const mb = n / (1024 * 1024);
  return `${n.toLocaleString('en-US')} bytes (${mb >= 10 ? mb.toFixed(1) : mb.toFixed(2)} MiB)`;
}

export function formatBench(r: BenchResult): string {
  const lines: string[] = [];
  const row = (k: string, v: string): void => { lines.push(`${(k + ':').padEnd(17)}${v}`); };
  row('model', r.model);
  row('model size', fmtBytes(r.modelBytes));
  row('kernels', r.kernels === 'simd' ? `wasm SIMD128 (relaxed SIMD ${r.relaxedSimd ? 'available, unused' : 'not available'})` : 'reference (TypeScript)');
  row('threads', `${r.threads} (numThreads)${r.cpuPerWall === null ? '' : `; CPU/wall over the timed runs ${r.cpuPerWall.toFixed(2)}`}`);
  row('inputs', `${r.inputs.map((x) => `${x.name} ${x.dtype}[${x.shape.join(',')}]`).join(', ')} (seed ${r.seed})`);
  row('init', `${fmtMs(r.initMs)} ms (parse, verify, prepare, allocate)`);
  row('first inference', `${fmtMs(r.firstRunMs)} ms (cold start ${fmtMs(r.coldStartMs)} ms)`);
  row('warm-up', `${r.warmupRuns} runs in ${(r.warmupTotalMs / 1000).toFixed(2)} s, avg ${fmtMs(r.warmupAvgMs)} ms`);
  row('steady state', `${r.runs} runs${r.runsCapped ? ` (capped to ~${RUN_BUDGET_MS / 1000} s; --runs N to choose)` : ''}: median ${fmtMs(r.medianMs)} ms, min ${fmtMs(r.minMs)}, mean ${fmtMs(r.meanMs)}, std ${fmtMs(r.stdMs)}, max ${fmtMs(r.maxMs)}`);
  row('arena', fmtBytes(r.arenaBytes));
  row('peak RSS', r.peakRssBytes === null ? 'unavailable' : fmtBytes(r.peakRssBytes));
  if (r.profile) lines.push('', ...formatProfile(r.profile));
  return lines.join('\n');
}

function formatProfile(p: NonNullable<BenchResult['profile']>): string[] {
  const out: string[] = [];
  const bar = (title: string): string => `${'='.repeat(30)} ${title} ${'='.repeat(30)}`;
  const opW = Math.max(12, ...p.byOp.map((t) => t.op.length)) + 2;
  const header = `${'node'.padStart(8)}  ${'op'.padEnd(opW)}${'first ms'.padStart(10)}${'avg ms'.padStart(10)}${'%'.padStart(8)}${'cdf %'.padStart(8)}${'calls'.padStart(7)}  name`;
  const nodeLine = (n: NodeProfile, cdf: number): string =>
    `${`${n.subgraph}:${n.node}`.padStart(8)}  ${n.op.padEnd(opW)}${fmtMs(n.firstMs).padStart(10)}${fmtMs(n.avgMs).padStart(10)}${`${n.pct.toFixed(2)}%`.padStart(8)}${`${cdf.toFixed(2)}%`.padStart(8)}${String(n.calls).padStart(7)}  ${n.name}`;
  out.push(`Operator profile over ${p.runs} timed runs (self time per node; a control-flow node's nested subgraphs are counted in their own nodes)`);
  out.push('', bar('Run Order'), header);
  for (const n of p.nodes) out.push(nodeLine(n, n.cdfPct));
  const top = [...p.nodes].sort((a, b) => b.avgMs - a.avgMs).slice(0, 10);
  let cdf = 0;
  out.push('', bar('Top by Computation Time'), header);
  for (const n of top) {
    cdf += n.pct;
    out.push(nodeLine(n, cdf));
  }
  out.push('', bar('Summary by op type'));
  out.push(`${'op'.padEnd(opW)}${'count'.padStart(7)}${'avg ms'.padStart(10)}${'%'.padStart(8)}${'cdf %'.padStart(8)}${'calls/run'.padStart(11)}`);
  for (const t of p.byOp) {
    out.push(`${t.op.padEnd(opW)}${String(t.count).padStart(7)}${fmtMs(t.avgMs).padStart(10)}${`${t.pct.toFixed(2)}%`.padStart(8)}${`${t.cdfPct.toFixed(2)}%`.padStart(8)}${String(t.callsPerRun).padStart(11)}`);
  }
  out.push(`total: ${fmtMs(p.totalMs)} ms per run in ${p.nodes.length} nodes`);
  return out;
}
