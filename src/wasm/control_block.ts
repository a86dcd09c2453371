// The layout of the thread pool's control block, shared by the pool (threads.ts) and its workers
// (worker.ts): Int32 indices in the header, then chunk offsets (int32) and chunk data (float64).
// Also the pool's limits that code outside it needs (loader.ts, splits.ts) without loading it.
export const SEQ = 0;
export const CLAIM = 1;
export const COUNT = 2;
export const DONE = 3;
export const STOP = 4;
export const ERROR = 5;
export const WORKER_CHUNKS = 6;
export const READY = 7;
export const SLEEPING = 8;
export const CALLER_SLEEPING = 9;
export const SPIN_MICROS = 10;
export const BURST_SPIN_MICROS = 11;
export const HEADER_BYTES = 64;
/** Most chunks in one job. */
export const MAX_CHUNKS = 64;
/** Most threads a pool runs (numThreads above it is capped). */
export const MAX_THREADS = 16;
/** Chunks per thread a split aims for (more balance the load better, each costs a claim). */
export const CHUNKS_PER_THREAD = 4;
