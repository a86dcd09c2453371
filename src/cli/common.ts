// Shared parts of the `tflite` commands: their error classes, reading files, reporting errors.
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Interpreter, BuiltinOpResolver, loadWasmKernels, createSimdResolver } from '../index.js';
import { registerMediaPipeOps } from '../mediapipe/index.js';
import { registerSimdMediaPipeOps } from '../kernels/simd/mediapipe.js';

/** Wrong arguments: reported with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** A failure a command reports in one line, exit code 1. */
export class CliError extends Error {}

/** The bytes of `file`; a CliError `cannot read WHAT FILE: CODE` where it cannot be read. */
export function readFile(file: string, what: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    throw new CliError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Reports what a command threw on stderr and returns the exit code: a UsageError with `usage` (2),
 * any other error its first line, and with --verbose its stack (1).
 */
export function reportError(e: unknown, usage: string, verbose: boolean): number {
  if (e instanceof UsageError) {
    console.error(`error: ${e.message}\n${usage}`);
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  console.error(`error: ${msg.split('\n')[0]}`);
  if (verbose && e instanceof Error) console.error(e.stack);
  return 1;
}

export type Tier = 'auto' | 'reference' | 'simd';

/** The --tier value: auto (wasm SIMD where available, else reference), reference or simd. */
export function parseTier(value: unknown): Tier {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'reference' || value === 'simd') return value;
  throw new UsageError(`--tier must be auto, reference or simd, got '${String(value)}'`);
}

/** An interpreter with every builtin and MediaPipe op, on the wasm SIMD tier unless `tier` says otherwise. */
export async function createCliInterpreter(bytes: Uint8Array, tier: Tier, numThreads?: number): Promise<Interpreter> {
  const wasm = tier === 'reference' ? null : await loadWasmKernels(numThreads !== undefined && numThreads > 1 ? { numThreads } : {});
  if (tier === 'simd' && wasm === null) throw new CliError("--tier simd: this engine has no WebAssembly SIMD");
  const opResolver = wasm ? registerSimdMediaPipeOps(createSimdResolver(wasm), wasm) : registerMediaPipeOps(new BuiltinOpResolver());
  return new Interpreter(bytes, {
    opResolver,
    ...(wasm ? { heap: wasm.heap } : {}),
    ...(numThreads !== undefined ? { numThreads } : {}),
  });
}

/** Parses a command's arguments (strict, positionals allowed, --verbose always known); bad ones are UsageErrors. */
export function parseCommand(args: string[], options: ParseArgsConfig['options']): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options: { verbose: { type: 'boolean' }, ...options }, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, unknown>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
