// Kernel threads for the wasm SIMD tier: (numThreads − 1) workers, each with its own instance of
// the shared-memory kernel module (kernels_wasm_shared.ts) on the interpreter's one shared
// WebAssembly.Memory, so a kernel's work can be split between them and the calling thread with
// no copying. A job is a list of chunks (each: kernel calls on disjoint outputs), published
// through a control block in the heap, not by messages:
//
//   header (int32): SEQ (job counter), CLAIM (job tag << 16 | next chunk), COUNT (chunks),
//                   DONE (chunks finished), STOP, ERROR, WORKER_CHUNKS (chunks workers ran),
//                   READY (workers started), SLEEPING (workers asleep), CALLER_SLEEPING,
//                   SPIN_MICROS, BURST_SPIN_MICROS (how long workers poll for a job before
//                   sleeping: after a lone job, and after one of a burst; see worker.ts)
//   offsets (int32 × MAX_CHUNKS): where each chunk's record starts in `data`
//   data (float64): per chunk [calls, (kernel index, argument count, per-thread argument
//                   mask, its stride, arguments…)…]; the thread that runs the call adds
//                   thread number · stride to each per-thread argument (e.g. its scratch tile)
//
// runChunks(): the caller writes the chunks, opens CLAIM for the new job tag and bumps SEQ; the
// workers poll SEQ for SPIN_MICROS after a job, then sleep in Atomics.wait on it (worker.ts), and
// only sleeping workers are Atomics.notify()ed (a wake-up costs the caller ~20 µs). Then every
// thread, the caller included, claims chunks one at a time (compare-exchange on CLAIM) until none
// are left; the caller finally waits until DONE = COUNT (a short spin, then Atomics.wait; only
// spinning where the thread may not block, i.e. a browser's main thread). Claiming balances the
// load by itself: a worker that wakes late or runs slower (another process on its core) takes
// fewer chunks, so a split never waits long for a descheduled thread, and on a busy machine a
// split job costs about what the caller alone would take.
//
// Workers are unref'd in Node (they never keep a process alive), stopped by dispose(), and also
// when the WasmKernels that owns the pool is garbage-collected (see loader.ts).
//
// How each kernel's work is cut into chunks is in splits.ts.
import { TfliteError } from '../errors.js';
import type { Heap } from '../memory/heap.js';
import type { WorkerInit } from './worker.js';

import {
  SEQ, CLAIM, COUNT, DONE, STOP, ERROR, WORKER_CHUNKS, READY, SLEEPING, CALLER_SLEEPING, SPIN_MICROS, BURST_SPIN_MICROS, HEADER_BYTES,
  MAX_CHUNKS,
} from './control_block.js';

export { MAX_CHUNKS, MAX_THREADS, CHUNKS_PER_THREAD } from './control_block.js';
/** Float64s for all chunk records of one job (16 KiB). */
const DATA_F64 = 2048;
const CONTROL_BYTES = HEADER_BYTES + MAX_CHUNKS * 4 + DATA_F64 * 8;
/** A worker that has not finished its chunk in this long is taken for dead. */
const WAIT_LIMIT_MS = 60_000;
/** µs the caller polls DONE before it sleeps in Atomics.wait (it has nothing else to do). */
const CALLER_SPIN_MICROS = 200;
/**
 * µs a worker polls for the next job before it sleeps. Waking a sleeping worker costs the caller
 * ~15–25 µs inside Atomics.notify on the 2-vCPU VM measured, but longer polls did not make models
 * faster there (jobs are mostly further apart) and cost CPU (bench/threads.md): a short poll
 * catches back-to-back GEMMs only.
 */
export const DEFAULT_WORKER_SPIN_MICROS = 20;
/**
 * µs a worker polls after a job that followed the previous one within this long: the split
 * kernels of one invoke() come 10–300 µs apart, so the workers stay awake through an inference
 * and sleep one burst-spin after it (bench/threads.md).
 */
export const DEFAULT_BURST_SPIN_MICROS = 500;
/**
 * Backs the pool off when its threads do not really run in parallel. On a machine whose other
 * processes keep all cores but one busy, the caller and its workers end up sharing a core: a split
 * job then takes longer than the caller alone (0.6–0.8× on the 2-vCPU VM measured,
 * bench/threads.md), and a worker descheduled while it holds a chunk makes the caller wait for it.
 * Two signals: the process's CPU time per wall time during the jobs of a run of closely spaced
 * jobs (where the engine reports CPU time: Node's process.cpuUsage; about `threads` when the
 * threads get their cores, about 1 when they share one; the caller's single-threaded work between
 * the jobs is taken to use one core, so a run with few split ops is not mistaken for lost
 * parallelism; a run lasts at least RUN_MS, as the OS accounts a running thread's CPU time in
 * scheduler ticks), and stalls (the caller, done with its own chunks, waiting longer than it
 * worked). After two bad runs or a few stalls in a row the pool runs jobs on the
 * caller alone for a while (its workers fall asleep and free their core), then tries again,
 * backing off longer each time it finds the same.
 */
export class ParallelismGuard {
  static readonly MIN_BACKOFF_MS = 20;
  static readonly MAX_BACKOFF_MS = 2000;
  /** Jobs and ms per measured run, at least; a gap longer than GAP_MS between jobs starts a new run. */
  static readonly RUN_JOBS = 32;
  static readonly RUN_MS = 10;
  static readonly GAP_MS = 2;
  /** Consecutive bad runs, and consecutive stalled jobs, that make the pool back off. */
  static readonly BAD_RUNS = 3;
  static readonly STALLS = 8;
  /** Waits shorter than this never count as stalls (a worker chunk ending just after the caller's). */
  static readonly MIN_WAIT_MS = 0.03;
  private backoffMs = ParallelismGuard.MIN_BACKOFF_MS;
  private until = -Infinity;
  private stalls = 0;
  private badRuns = 0;
  private runJobs = 0;
  private runWall = 0;
  private runCpu = 0;
  /** Wall ms of the run's jobs. */
  private runJobsMs = 0;
  private lastJob = -Infinity;
  /** Backoffs so far (statistics, tests). */
  backoffs = 0;

  /**
   * `threads`: the pool's; `cpuMs`: the process's CPU time in ms (all threads), or null where the
   * engine does not tell it.
   */
  constructor(private readonly threads: number, private readonly cpuMs: (() => number) | null) {}

  /** Whether jobs should run on the caller alone at time `now` (ms). */
  holding(now: number): boolean {
    return now < this.until;
  }

  /** Records a split job: ms the caller spent on its chunks, then waiting for the workers', ending at `now`. */
  record(workedMs: number, waitedMs: number, now: number): void {
    if (waitedMs > ParallelismGuard.MIN_WAIT_MS && waitedMs > 0.5 * workedMs) {
      if (++this.stalls >= ParallelismGuard.STALLS) this.backOff(now);
    } else {
      this.stalls = 0;
    }
    if (this.cpuMs === null) return;
    const jobMs = workedMs + waitedMs;
    const gap = now - jobMs - this.lastJob;
    this.lastJob = now;
    if (gap > ParallelismGuard.GAP_MS || this.runJobs === 0) {
      // A run starts at the end of this job.
      this.runJobs = 1;
      this.runJobsMs = 0;
      this.runWall = now;
      this.runCpu = this.cpuMs();
      return;
    }
    this.runJobsMs += jobMs;
    if (++this.runJobs < ParallelismGuard.RUN_JOBS || now - this.runWall < ParallelismGuard.RUN_MS) return;
    const between = now - this.runWall - this.runJobsMs;
    const parallel = (this.cpuMs() - this.runCpu - between) / Math.max(this.runJobsMs, 1e-3);
    this.runJobs = 0;
    if (parallel >= 1 + 0.4 * (this.threads - 1)) {
      this.badRuns = 0;
      if (this.stalls === 0) this.backoffMs = ParallelismGuard.MIN_BACKOFF_MS;
    } else if (++this.badRuns >= ParallelismGuard.BAD_RUNS) {
      this.backOff(now);
    }
  }

  private backOff(now: number): void {
    this.stalls = 0;
    this.badRuns = 0;
    this.runJobs = 0;
    this.until = now + this.backoffMs;
    this.backoffMs = Math.min(2 * this.backoffMs, ParallelismGuard.MAX_BACKOFF_MS);
    this.backoffs++;
  }
}

/** The process's CPU time in ms (Node), or null. */
function processCpuMs(): (() => number) | null {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (typeof p?.cpuUsage !== 'function') return null;
  const usage = p.cpuUsage.bind(p);
  return () => {
    const u = usage();
    return (u.user + u.system) / 1000;
  };
}

/** A worker must be up within this long, or it is given up (the pool runs without it). */
const START_LIMIT_MS = 20_000;

/**
 * Smallest work (f32-GEMM FLOP equivalents, see splits.ts) the splitters hand to the pool; smaller
 * jobs run on the caller alone. A GEMM runs at 40–60 GFLOP/s per thread, so 2 MFLOP is ~40 µs: with
 * the workers polling through an inference (BURST_SPIN_MICROS) a job costs ~5–15 µs, so a split of
 * that pays; smaller ones gain little. Measured on models (bench/threads.md): 1.5 and 4 MFLOP were
 * alike within the noise on the large ones, 0.6–1.5 MFLOP made the small ones (MobileNet v1 0.25,
 * v2 0.35) gain instead of lose.
 */
export const DEFAULT_MIN_SPLIT_FLOPS = 2e6;
/** Smallest chunk (FLOPs): ~10 µs of GEMM, so claiming (~1 µs) stays cheap. */
export const DEFAULT_MIN_CHUNK_FLOPS = 0.5e6;

export interface KernelCall {
  /** An export of the kernel module (wasm/assembly/index.ts). */
  readonly kernel: string;
  readonly args: readonly number[];
  /**
   * For each argument index in perThread.args, args[i] + thread · perThread.stride is passed,
   * thread being the number of the thread that runs the call (0 = the caller, 1… the workers):
   * e.g. scratch buffers per thread, as chunks go to whichever thread claims them first.
   */
  readonly perThread?: PerThread;
}

export interface PerThread {
  /** Argument indices (each < 31). */
  readonly args: readonly number[];
  readonly stride: number;
}

/** The handle a pool keeps on one worker: a Node worker_threads Worker or a browser Worker. */
interface WorkerHandle {
  terminate(): void;
}

export interface ThreadPoolOptions {
  /** The shared-memory kernel module, compiled. */
  module: WebAssembly.Module;
  /** The interpreter's memory: must be shared. */
  memory: WebAssembly.Memory;
  /** The heap on `memory`: the control block is allocated from it. */
  heap: Heap;
  /** The calling thread's instance of `module` on `memory`. */
  exports: object;
  /** Threads in all, the calling thread included (2…MAX_THREADS). */
  threads: number;
  /** Called once when a worker could not start (the pool runs on with the others). */
  onWorkerError?: (message: string) => void;
}

let nodeWorkerThreads: Promise<typeof import('node:worker_threads')> | null = null;

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string' && (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === undefined;
}

/** A pool of kernel workers over one shared memory; the caller works on every job too. */
export class ThreadPool {
  /** Threads that work on a job: the calling thread plus the workers. */
  readonly threads: number;
  /** GEMMs below this many FLOPs are not split (tests set 0 to split everything). */
  minSplitFlops = DEFAULT_MIN_SPLIT_FLOPS;
  /** Smallest chunk in FLOPs (tests set 0 for the most chunks). */
  minChunkFlops = DEFAULT_MIN_CHUNK_FLOPS;
  /** Jobs run so far and their chunks (statistics, tests). */
  jobs = 0;
  chunks = 0;
  /** Resolves when every worker is up (true), or when one failed to start (false; the others run). */
  ready: Promise<boolean> = Promise.resolve(false);
  /** Whether the caller claims chunks too (default); false: it only waits (tests). */
  callerWorks = true;
  /** Backs off while the threads do not run in parallel (see ParallelismGuard); null turns that off. */
  guard: ParallelismGuard | null;
  private readonly ctl: Int32Array;
  private readonly offsets: Int32Array;
  private readonly data: Float64Array;
  private readonly kernelIndex: Map<string, number>;
  private readonly fns: ((...args: number[]) => unknown)[];
  private readonly canBlock: boolean;
  private workers: WorkerHandle[] = [];
  private disposed = false;
  private readonly control: number;

  private constructor(opts: ThreadPoolOptions, kernels: string[]) {
    this.threads = opts.threads;
    this.guard = new ParallelismGuard(opts.threads, processCpuMs());
    this.control = opts.heap.alloc(CONTROL_BYTES, 64, 'the thread pool control block');
    const buffer = opts.memory.buffer;
    this.ctl = new Int32Array(buffer, this.control, HEADER_BYTES / 4);
    this.ctl.fill(0);
    this.ctl[SPIN_MICROS] = DEFAULT_WORKER_SPIN_MICROS;
    this.ctl[BURST_SPIN_MICROS] = DEFAULT_BURST_SPIN_MICROS;
    this.offsets = new Int32Array(buffer, this.control + HEADER_BYTES, MAX_CHUNKS);
    this.data = new Float64Array(buffer, this.control + HEADER_BYTES + MAX_CHUNKS * 4, DATA_F64);
    this.kernelIndex = new Map(kernels.map((k, i) => [k, i]));
    const exports = opts.exports as Record<string, (...args: number[]) => unknown>;
    this.fns = kernels.map((k) => exports[k]!);
    this.canBlock = probeCanBlock(this.ctl);
  }

  /**
   * A pool over `opts.memory` with `threads − 1` workers, returned at once: the workers start in
   * the background (tens of ms each) and join jobs as they come up (`liveWorkers`); until then
   * the caller runs everything. `ready` says when all are up.
   */
  static async create(opts: ThreadPoolOptions): Promise<ThreadPool> {
    const kernels = WebAssembly.Module.exports(opts.module).filter((e) => e.kind === 'function').map((e) => e.name);
    const pool = new ThreadPool(opts, kernels);
    const started: Promise<void>[] = [];
    try {
      for (let w = 1; w < opts.threads; w++) {
        const init: WorkerInit = {
          module: opts.module, memory: opts.memory, control: pool.control, maxChunks: MAX_CHUNKS, dataLength: DATA_F64, thread: w, kernels,
        };
        const { handle, ready } = await spawnWorker(init);
        pool.workers.push(handle);
        started.push(ready.catch((e: unknown) => {
          handle.terminate();
          throw e;
        }));
      }
    } catch (e) {
      pool.dispose();
      throw e;
    }
    pool.ready = Promise.all(started).then(
      () => true,
      (e: unknown) => {
        opts.onWorkerError?.(e instanceof Error ? e.message : String(e));
        return false;
      },
    );
    return pool;
  }

  /** Runs `kernel` once per argument list, the calls spread over the threads (any order, concurrently). */
  run(kernel: string, argsPerChunk: readonly (readonly number[])[]): void {
    this.runChunks(argsPerChunk.map((args) => [{ kernel, args }]));
  }

  /**
   * Runs every chunk (its calls in order) on some thread, the caller included; returns when all
   * are done. Chunks must write disjoint memory. At most MAX_CHUNKS chunks.
   */
  runChunks(chunks: readonly (readonly KernelCall[])[]): void {
    const n = chunks.length;
    if (n > MAX_CHUNKS) throw new TfliteError(`${n} chunks in one job, more than ${MAX_CHUNKS}`);
    if (this.disposed || n <= 1 || !this.available || !this.encode(chunks)) {
      for (const chunk of chunks) for (const call of chunk) this.fns[this.index(call.kernel)]!(...call.args);
      return;
    }
    const ctl = this.ctl;
    this.jobs++;
    this.chunks += n;
    const start = performance.now();
    const tag = (Atomics.load(ctl, SEQ) + 1) & 0xffff;
    Atomics.store(ctl, COUNT, n);
    Atomics.store(ctl, DONE, 0);
    Atomics.store(ctl, ERROR, 0);
    Atomics.store(ctl, CLAIM, tag << 16);
    Atomics.add(ctl, SEQ, 1);
    // Workers that still poll see SEQ; only sleeping ones need the (slow) notify.
    if (Atomics.load(ctl, SLEEPING) !== 0) Atomics.notify(ctl, SEQ);
    let error: unknown = null;
    while (this.callerWorks) {
      const v = Atomics.load(ctl, CLAIM);
      const i = v & 0xffff;
      if (i >= n) break;
      if (Atomics.compareExchange(ctl, CLAIM, v, v + 1) !== v) continue;
      try {
        this.runChunk(i);
      } catch (e) {
        error ??= e;
      }
      Atomics.add(ctl, DONE, 1);
    }
    const callerDone = performance.now();
    this.waitDone(n);
    if (this.callerWorks && this.guard !== null) {
      const end = performance.now();
      this.guard.record(callerDone - start, end - callerDone, end);
    }
    if (error !== null) throw error;
    const failed = Atomics.load(ctl, ERROR);
    if (failed !== 0) throw new TfliteError(`a wasm kernel failed on worker thread ${failed}`);
  }

  /**
   * Stops and terminates the workers; later jobs run on the caller alone. Idempotent. The control
   * block stays allocated: a worker may read it until its termination has gone through.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    Atomics.store(this.ctl, STOP, 1);
    Atomics.add(this.ctl, SEQ, 1);
    Atomics.notify(this.ctl, SEQ);
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Workers that have started and take chunks. */
  get liveWorkers(): number {
    return this.disposed ? 0 : Atomics.load(this.ctl, READY);
  }

  /** Whether a job would run on several threads now: workers are up and the pool is not backing off. */
  get available(): boolean {
    return this.liveWorkers > 0 && !(this.guard?.holding(performance.now()) ?? false);
  }

  /** Chunks the workers have run so far (statistics, tests). */
  get workerChunks(): number {
    return Atomics.load(this.ctl, WORKER_CHUNKS);
  }

  private index(kernel: string): number {
    const k = this.kernelIndex.get(kernel);
    if (k === undefined) throw new TfliteError(`no wasm kernel '${kernel}'`);
    return k;
  }

  /** Runs chunk i from its record, as thread 0 (the workers do the same as thread 1, 2…). */
  private runChunk(i: number): void {
    const d = this.data;
    let p = this.offsets[i]!;
    const calls = d[p++]!;
    for (let c = 0; c < calls; c++) {
      const k = d[p]!, nargs = d[p + 1]!;
      const args: number[] = new Array(nargs);
      for (let a = 0; a < nargs; a++) args[a] = d[p + 4 + a]!;
      this.fns[k]!(...args);
      p += 4 + nargs;
    }
  }

  /** Writes the chunk records; false when they do not fit (the caller then runs them alone). */
  private encode(chunks: readonly (readonly KernelCall[])[]): boolean {
    const d = this.data;
    let p = 0;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      this.offsets[i] = p;
      if (p >= d.length) return false;
      d[p++] = chunk.length;
      for (const call of chunk) {
        if (p + 4 + call.args.length > d.length) return false;
        d[p] = this.index(call.kernel);
        d[p + 1] = call.args.length;
        d[p + 2] = perThreadMask(call.perThread);
        d[p + 3] = call.perThread?.stride ?? 0;
        for (let a = 0; a < call.args.length; a++) d[p + 4 + a] = call.args[a]!;
        p += 4 + call.args.length;
      }
    }
    return true;
  }

  private waitDone(n: number): void {
    const ctl = this.ctl;
    if (Atomics.load(ctl, DONE) === n) return;
    const spinEnd = performance.now() + CALLER_SPIN_MICROS / 1000;
    for (let i = 1; Atomics.load(ctl, DONE) !== n; i++) if ((i & 63) === 0 && performance.now() >= spinEnd) break;
    if (Atomics.load(ctl, DONE) === n) return;
    const deadline = Date.now() + WAIT_LIMIT_MS;
    // As the workers' SLEEPING: DONE is read again after CALLER_SLEEPING is raised.
    if (this.canBlock) Atomics.store(ctl, CALLER_SLEEPING, 1);
    try {
      for (;;) {
        const done = Atomics.load(ctl, DONE);
        if (done === n) return;
        if (Date.now() > deadline) {
          this.dispose();
          throw new TfliteError(`kernel worker threads did not answer in ${WAIT_LIMIT_MS / 1000} s; running single-threaded from now on`);
        }
        if (this.canBlock) Atomics.wait(ctl, DONE, done, 1000);
      }
    } finally {
      Atomics.store(ctl, CALLER_SLEEPING, 0);
    }
  }

  /** µs a worker polls for the next job before it sleeps (0: sleep at once). */
  get workerSpinMicros(): number {
    return Atomics.load(this.ctl, SPIN_MICROS);
  }

  set workerSpinMicros(us: number) {
    Atomics.store(this.ctl, SPIN_MICROS, Math.max(0, Math.floor(us)));
  }

  /** µs a worker polls after a job that came within this long of the previous one (0: never longer). */
  get workerBurstSpinMicros(): number {
    return Atomics.load(this.ctl, BURST_SPIN_MICROS);
  }

  set workerBurstSpinMicros(us: number) {
    Atomics.store(this.ctl, BURST_SPIN_MICROS, Math.max(0, Math.floor(us)));
  }
}

/** The per-thread argument indices as the bit mask the chunk records hold. */
function perThreadMask(perThread: PerThread | undefined): number {
  let mask = 0;
  for (const a of perThread?.args ?? []) {
    if (!(a >= 0 && a < 31)) throw new TfliteError(`per-thread argument ${a} out of range`);
    mask |= 1 << a;
  }
  return mask;
}

/** Whether this thread may block in Atomics.wait (not a browser's main thread). */
function probeCanBlock(ctl: Int32Array): boolean {
  try {
    Atomics.wait(ctl, ERROR, 1, 0); // ERROR is 0: returns 'not-equal' at once where waiting is allowed
    return true;
  } catch {
    return false;
  }
}

/**
 * The process's Node flags minus those that would stop a worker from loading a file
 * (`node --input-type=module -e …` puts --input-type and the eval code there).
 */
function workerExecArgv(): string[] {
  const argv = (globalThis as { process?: { execArgv?: string[] } }).process?.execArgv ?? [];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '--input-type') {
      i++; // and its value
      continue;
    }
    if (/^(--input-type|--eval|--print)=/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/**
 * Starts a worker on `init`: its handle at once, and a promise that settles when it is up (or
 * failed to start). In Node the worker is unref'd at once: it never keeps the process alive.
 */
async function spawnWorker(init: WorkerInit): Promise<{ handle: WorkerHandle; ready: Promise<void> }> {
  if (isNode()) {
    nodeWorkerThreads ??= import('node:worker_threads');
    const { Worker } = await nodeWorkerThreads;
    const worker = new Worker(new URL('./worker.js', import.meta.url), { execArgv: workerExecArgv() });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('a kernel worker did not start in time')), START_LIMIT_MS);
      (timer as { unref?: () => void }).unref?.();
      const done = (error?: Error): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      const onMessage = (m: { ready?: boolean; error?: string }): void => done(m.ready ? undefined : new Error(m.error ?? 'a kernel worker failed'));
      const onExit = (code: number): void => done(new Error(`a kernel worker exited (${code})`));
      worker.on('message', onMessage).on('exit', onExit);
    });
    // Errors reject `ready` through 'exit'; they must not become uncaught exceptions.
    worker.on('error', () => {});
    worker.postMessage(init);
    return { handle: { terminate: () => void worker.terminate() }, ready };
  }
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a kernel worker did not start in time')), START_LIMIT_MS);
    worker.onmessage = (e: MessageEvent<{ ready?: boolean; error?: string }>) => {
      clearTimeout(timer);
      worker.onmessage = null;
      if (e.data.ready) resolve();
      else reject(new Error(e.data.error ?? 'a kernel worker failed'));
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      reject(new Error(e.message || 'a kernel worker failed to load'));
    };
  });
  worker.postMessage(init);
  return { handle: worker, ready };
}
