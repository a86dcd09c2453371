// Shared bits of the benchmark scripts: paths, statistics, model discovery, relaxed-SIMD
// detection, and a request/reply wrapper around the child processes.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fork, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
export const SHARED_MODELS = path.resolve(ROOT, '../shared/models');
export const CHILD = path.join(BENCH_DIR, 'child.mjs');

// ---------------------------------------------------------------- reference kernels
/**
 * AssemblyScript `source` compiled with the SIMD tier's asc flags and instantiated on a new memory
 * of `pages` 64 KiB pages: the reference kernels of ../shared/notes the microbenchmarks run beside
 * ours. Returns { memory, exports }.
 */
export async function compileAscKernel(source, pages) {
  const asc = (await import('assemblyscript/asc')).default;
  let binary = null;
  const { error, stderr } = await asc.main(['kernel.ts', '-O3', '--noAssert', '--runtime', 'stub', '--enable', 'simd', '--importMemory', '--outFile', 'kernel.wasm'], {
    readFile: (name) => (name === 'kernel.ts' ? source : null),
    writeFile: (name, contents) => { if (name.endsWith('.wasm')) binary = contents; },
    listFiles: () => [],
  });
  if (error || binary === null) throw new Error(`asc: ${error?.message} ${stderr}`);
  const memory = new WebAssembly.Memory({ initial: pages });
  const { instance } = await WebAssembly.instantiate(binary, { env: { memory, abort() { throw new Error('abort'); } } });
  return { memory, exports: instance.exports };
}

// ---------------------------------------------------------------- statistics
export function median(xs) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** CPU ms of this process, all its threads. */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Busy CPU ms of the whole machine (Linux /proc/stat), or null elsewhere. */
export function machineBusyMs() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    return ((f.reduce((a, b) => a + b, 0) - idle) * 1000) / 100; // USER_HZ = 100
  } catch {
    return null;
  }
}

export function stats(xs) {
  if (xs.length === 0) return { runs: 0, medianMs: null, minMs: null, meanMs: null, stdMs: null };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { runs: xs.length, medianMs: round(median(xs)), minMs: round(Math.min(...xs)), meanMs: round(mean), stdMs: round(std) };
}

export const round = (x, digits = 3) => (x == null || !Number.isFinite(x) ? x : Math.round(x * 10 ** digits) / 10 ** digits);

// ---------------------------------------------------------------- relaxed SIMD
export const RELAXED_FLAG = '--experimental-wasm-relaxed-simd';

/** Whether this V8 validates a relaxed-SIMD instruction (i8x16.relaxed_swizzle). */
export function hasRelaxedSimd() {
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15, 65, 2, 253, 15, 253, 128, 2, 11]);
  return WebAssembly.validate(bytes);
}

/**
 * The node flags that give a child relaxed SIMD: [] when this Node has it on (22+), the
 * flag when this Node accepts it (20), null when neither (LiteRT's compat build then).
 */
export function relaxedSimdFlags() {
  if (hasRelaxedSimd()) return [];
  const probe = `const b=new Uint8Array([0,97,115,109,1,0,0,0,1,5,1,96,0,1,123,3,2,1,0,10,15,1,13,0,65,1,253,15,65,2,253,15,253,128,2,11]);process.exit(WebAssembly.validate(b)?0:1)`;
  const r = spawnSync(process.execPath, [RELAXED_FLAG, '-e', probe], { stdio: 'ignore' });
  return r.status === 0 ? [RELAXED_FLAG] : null;
}

// ---------------------------------------------------------------- models
export const LITERT_IO_DTYPES = new Set(['float32', 'int32', 'uint8']);
/** Custom ops LiteRT.js's wasm build registers (MediaPipe's and TFLite's own). */
export const LITERT_CUSTOM_OPS = new Set(['Convolution2DTransposeBias', 'MaxPoolingWithArgmax2D', 'MaxUnpooling2D', 'TFLite_Detection_PostProcess']);

/**
 * Why LiteRT.js 2.5.3 cannot run a model (statically: I/O dtypes other than float32/int32/uint8,
 * variable tensors, unknown custom ops), or null when it should.
 */
export async function litertSkipReason(bytes) {
  const { readModel, opcodeBuiltin } = await import(path.join(ROOT, 'dist/schema/model.js'));
  const { DTYPES } = await import(path.join(ROOT, 'dist/types.js'));
  let m;
  try {
    m = readModel(bytes);
  } catch (e) {
    return `unreadable: ${e.message}`;
  }
  const g = m.subgraphs[0];
  if (!g) return 'no subgraph';
  for (const t of [...g.inputs, ...g.outputs]) {
    const dtype = DTYPES[g.tensors[t]?.type];
    if (!LITERT_IO_DTYPES.has(dtype)) return `${dtype} I/O`;
  }
  if (m.subgraphs.some((s) => s.tensors.some((t) => t.isVariable))) return 'variable tensors';
  for (const code of m.operatorCodes) {
    if (opcodeBuiltin(code) === 32 /* CUSTOM */ && !LITERT_CUSTOM_OPS.has(code.customCode)) return `custom op ${code.customCode}`;
  }
  return null;
}

/** Every .tflite under ../shared/models and models/, duplicates (same bytes) once. */
export function discoverModels() {
  const found = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.tflite')) found.push(p);
    }
  };
  walk(SHARED_MODELS);
  walk(path.join(ROOT, 'models'));
  const seen = new Set();
  return found.filter((p) => {
    const h = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    if (seen.has(h)) return false;
    seen.add(h);
    return true;
  });
}

export function displayName(p) {
  const rel = path.relative(ROOT, p);
  return rel.startsWith('..' + path.sep + 'shared' + path.sep + 'models' + path.sep) ? rel.slice('../shared/models/'.length) : rel;
}

// ---------------------------------------------------------------- child processes
/**
 * A benchmark child (bench/child.mjs) driven by request/reply messages over Node's IPC channel.
 * Replies {ok:true,…} or {ok:false,error}; a child that dies or times out rejects the request.
 */
export class Child {
  /** `script`: another checkout's bench/child.mjs (bench/before_after.mjs). */
  constructor(side, execArgv = [], script = CHILD) {
    this.side = side;
    this.stderr = '';
    this.proc = fork(script, [side], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], cwd: ROOT });
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.pending = null;
    this.exited = false;
    this.proc.on('message', (m) => { const p = this.pending; this.pending = null; p?.resolve(m); });
    this.proc.on('exit', (code, signal) => {
      this.exited = true;
      const p = this.pending;
      this.pending = null;
      const tail = this.stderr.trim().split('\n').filter(Boolean).slice(-3).join(' | ');
      p?.reject(new Error(`${this.side} child exited (${signal ?? `code ${code}`})${tail ? `: ${tail}` : ''}`));
    });
  }

  request(msg, timeoutMs) {
    if (this.exited) return Promise.reject(new Error(`${this.side} child is not running`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.kill();
        reject(new Error(`${this.side} child timed out after ${Math.round(timeoutMs / 1000)} s (${msg.cmd})`));
      }, timeoutMs);
      this.pending = {
        resolve: (m) => { clearTimeout(timer); m?.ok ? resolve(m) : reject(new Error(m?.error ?? 'bad reply')); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      this.proc.send(msg);
    });
  }

  kill() {
    if (!this.exited) this.proc.kill('SIGKILL');
  }

  async close() {
    if (this.exited) return;
    const done = new Promise((r) => this.proc.once('exit', r));
    try { this.proc.send({ cmd: 'exit' }); } catch { /* already gone */ }
    const t = setTimeout(() => this.kill(), 5000);
    await done;
    clearTimeout(t);
  }
}

// ---------------------------------------------------------------- output
export function maxAbsDiff(a, b) {
  if (!a || !b) return null;
  if (a.length !== b.length) return 'output count differs';
  let max = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k].shape.join() !== b[k].shape.join()) return `output ${k} shape [${a[k].shape}] vs [${b[k].shape}]`;
    const x = a[k].values, y = b[k].values;
    if (!x || !y) return null;
    for (let i = 0; i < x.length; i++) {
      const d = Math.abs(Number(x[i]) - Number(y[i]));
      if (Number.isNaN(d)) { if (!(Number.isNaN(Number(x[i])) && Number.isNaN(Number(y[i])))) return `NaN at output ${k}[${i}]`; } else if (d > max) max = d;
    }
  }
  return max;
}

export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd();
  return [line(all[0]), w.map((n) => '-'.repeat(n)).join('  '), ...all.slice(1).map(line)].join('\n');
}
