// A kernel worker of src/wasm/threads.ts: runs in a Node worker_threads Worker or in a browser
// (module) Web Worker. It receives, once, the compiled shared-memory kernel module, the
// interpreter's shared WebAssembly.Memory and where the pool's control block lies; instantiates
// the module on that memory; answers { ready: true }; then waits on the control block's job
// counter (polling it after a job, then asleep in Atomics.wait) and, for each job, claims and
// runs chunks until none are left. No message is exchanged per job. The control block's layout
// is in control_block.ts.
//
// How long a worker polls adapts to the jobs: SPIN_MICROS after a job that came after a long
// pause, BURST_SPIN_MICROS after one that came within BURST_SPIN_MICROS of the previous job. An
// invoke() whose kernels split one after the other so keeps the workers awake between its jobs
// (a wake-up from Atomics.wait costs the caller ~20 µs and the worker 40–250 µs), and they fall
// asleep one burst-spin after its last job.

import {
  SEQ, CLAIM, COUNT, DONE, STOP, ERROR, WORKER_CHUNKS, READY, SLEEPING, CALLER_SLEEPING, SPIN_MICROS, BURST_SPIN_MICROS, HEADER_BYTES,
} from './control_block.js';

export interface WorkerInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** Byte offset of the control block in `memory`: header, chunk offsets (int32), chunk data (float64). */
  control: number;
  maxChunks: number;
  dataLength: number;
  /** Thread number (the calling thread is 0), written to ERROR when a call throws. */
  thread: number;
  /** Export names, by the index the chunk records use. */
  kernels: string[];
}

type Post = (message: unknown) => void;

async function serve(init: WorkerInit, post: Post): Promise<void> {
  let fns: ((...args: number[]) => unknown)[];
  try {
    const instance = await WebAssembly.instantiate(init.module, {
      env: {
        memory: init.memory,
        abort: () => {
          throw new Error('wasm kernel abort');
        },
      },
    });
    fns = init.kernels.map((k) => instance.exports[k] as (...args: number[]) => unknown);
  } catch (e) {
    post({ error: `worker ${init.thread}: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  // Views made now stay valid when the (shared) memory grows; the control block lies below.
  const buffer = init.memory.buffer;
  const ctl = new Int32Array(buffer, init.control, HEADER_BYTES / 4);
  const offsets = new Int32Array(buffer, init.control + HEADER_BYTES, init.maxChunks);
  const data = new Float64Array(buffer, init.control + HEADER_BYTES + init.maxChunks * 4, init.dataLength);
  let seen = Atomics.load(ctl, SEQ);
  Atomics.add(ctl, READY, 1);
  post({ ready: true });
  let lastJobEnd = -Infinity, burst = false;
  for (;;) {
    let seq = Atomics.load(ctl, SEQ);
    if (seq === seen) {
      // Spin a while (the next job often follows soon: no wake-up costs on either side) …
      const until = performance.now() + Atomics.load(ctl, burst ? BURST_SPIN_MICROS : SPIN_MICROS) / 1000;
      for (let i = 1; (seq = Atomics.load(ctl, SEQ)) === seen; i++) if ((i & 63) === 0 && performance.now() >= until) break;
    }
    if (seq === seen) {
      // … then sleep. SLEEPING tells the caller to notify; SEQ is read again after raising it
      // (sequentially consistent), so a job published meanwhile is never missed.
      Atomics.add(ctl, SLEEPING, 1);
      while ((seq = Atomics.load(ctl, SEQ)) === seen) Atomics.wait(ctl, SEQ, seen);
      Atomics.sub(ctl, SLEEPING, 1);
    }
    seen = seq;
    if (Atomics.load(ctl, STOP) !== 0) break;
    burst = (performance.now() - lastJobEnd) * 1000 <= Atomics.load(ctl, BURST_SPIN_MICROS);
    const tag = seq & 0xffff;
    for (;;) {
      // CLAIM = tag << 16 | next chunk. A stale tag: this job is over, a newer one is published.
      const v = Atomics.load(ctl, CLAIM);
      if (v >>> 16 !== tag) break;
      const count = Atomics.load(ctl, COUNT);
      const i = v & 0xffff;
      if (i >= count) break;
      if (Atomics.compareExchange(ctl, CLAIM, v, v + 1) !== v) continue;
      try {
        // Record: [calls, then per call: kernel index, argument count, per-thread argument
        // mask (bit i: argument i) and its stride, arguments…].
        let p = offsets[i]!;
        const calls = data[p++]!;
        for (let c = 0; c < calls; c++) {
          const fn = fns[data[p]!]!, n = data[p + 1]!, mask = data[p + 2]!;
          const args: number[] = new Array(n);
          const shift = init.thread * data[p + 3]!;
          for (let a = 0; a < n; a++) args[a] = data[p + 4 + a]! + ((mask >>> a) & 1 ? shift : 0);
          fn(...args);
          p += 4 + n;
        }
      } catch (e) {
        Atomics.store(ctl, ERROR, init.thread);
        post({ error: `worker ${init.thread}: ${e instanceof Error ? e.message : String(e)}` });
      }
      Atomics.add(ctl, WORKER_CHUNKS, 1);
      if (Atomics.add(ctl, DONE, 1) + 1 === count && Atomics.load(ctl, CALLER_SLEEPING) !== 0) Atomics.notify(ctl, DONE);
    }
    lastJobEnd = performance.now();
  }
  post({ stopped: true });
}

interface BrowserWorkerScope {
  addEventListener(type: 'message', listener: (e: { data: WorkerInit }) => void, options?: { once: boolean }): void;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as { WorkerGlobalScope?: unknown; self?: BrowserWorkerScope };
if (scope.WorkerGlobalScope !== undefined && scope.self !== undefined) {
  const self = scope.self;
  self.addEventListener('message', (e) => void serve(e.data, (m) => self.postMessage(m)), { once: true });
} else {
  const { parentPort } = await import('node:worker_threads');
  const port = parentPort;
  if (port !== null) {
    port.once('message', (init: WorkerInit) => {
      void serve(init, (m) => port.postMessage(m)).then(() => port.close());
    });
  }
}
