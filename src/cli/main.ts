// The `tflite` command: run and inspect .tflite models.
import fs from 'node:fs';
import path from 'node:path';
import type { Interpreter } from '../index.js';
import { TfliteError } from '../errors.js';
import { storageOf, type DType, type TypedArray } from '../types.js';
import { floatToHalf } from '../kernels/kernel_util.js';
import { readNpy, writeNpy } from '../tools/npy.js';
import { fillSeeded, fromJsonValue, mulberry32, toJsonValues, type JsonTensor } from '../tools/io_json.js';
import { inspectModel, formatInspection } from './inspect.js';
import { classifyCommand } from './classify.js';
import { benchCommand } from './bench.js';
import { createCliInterpreter, parseCommand, parseTier, readFile, reportError, UsageError } from './common.js';

const USAGE = `usage:
  tflite run MODEL [--inputs IN.json | --seed N] [--input NAME=FILE.npy ...] [--output OUT.json]
                   [--npy-dir DIR] [--signature KEY] [--threads N] [--tier auto|reference|simd] [--verbose]
  tflite inspect MODEL [--json] [--tensors]
  tflite classify MODEL IMAGE [--labels FILE] [--top K] [--json]
  tflite bench MODEL [--runs N] [--warmup N] [--warmup-ms MS] [--threads N] [--tier auto|reference|simd] [--seed N] [--profile] [--json]

run:      invokes the model once. Inputs come from a JSON file in the oracle's format
          ({"inputs":[{name,dtype,shape,values}]}, matched by name, else by position; a golden
          *.seed1.json works), from .npy files, or from --seed N (the oracle's mulberry32 scheme).
          --output writes {"inputs":[…],"outputs":[…]} (- for stdout); --npy-dir writes NAME.npy per output.
inspect:  inputs, outputs, signatures, op histogram, arena size, metadata, unsupported ops.
classify: top-K classes of a BMP, PNG or JPEG image with an image classifier; labels from
          --labels FILE (one per line) or the label file packed in the model's metadata.
bench:    latency like TFLite's benchmark_model: init, first inference, warm-up (--warmup runs,
          default 5, and at least --warmup-ms, default 1000), then --runs timed invocations (default
          50, fewer when runs are slow: ~20 s in all), median/min/mean/std, arena bytes, peak RSS;
          seeded inputs (--seed, default 1); --profile adds per-op tables, --json one object.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const verbose = rest.includes('--verbose');
  try {
    switch (command) {
      case 'run': return await runCommand(rest);
      case 'inspect': return await inspectCommand(rest);
      case 'classify': return await classifyCommand(rest);
      case 'bench': return await benchCommand(rest);
      case undefined: case '-h': case '--help': case 'help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default: throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    return reportError(e, USAGE, verbose);
  }
}


async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    inputs: { type: 'string' }, seed: { type: 'string' }, output: { type: 'string' }, signature: { type: 'string' },
    threads: { type: 'string' }, input: { type: 'string', multiple: true }, 'npy-dir': { type: 'string' }, tier: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('run takes exactly one MODEL');
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError(`--threads must be a positive integer`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  if (seed !== undefined && values.inputs !== undefined) throw new UsageError('give --inputs or --seed, not both');

  const interpreter = await createCliInterpreter(readFile(positionals[0]!, 'model'), parseTier(values.tier), threads);
  const given = collectInputs(values.inputs as string | undefined, (values.input as string[] | undefined) ?? []);
  const sigKey = values.signature as string | undefined;

  let inputs: { name: string; dtype: DType; shape: number[]; data: TypedArray }[];
  let outputs: { name: string; dtype: DType; shape: number[]; data: TypedArray }[];
  if (sigKey !== undefined) {
    const runner = interpreter.getSignatureRunner(sigKey);
    const details = Object.entries(runner.getInputDetails());
    const next = mulberry32(seed ?? 0);
    inputs = details.map(([name, d], k) => resolveInput(name, k, d.dtype, d.shape, given, seed === undefined ? null : next));
    const result = runner.run(Object.fromEntries(inputs.map((x) => [x.name, x.data])), Object.fromEntries(inputs.map((x) => [x.name, x.shape])));
    const od = runner.getOutputDetails();
    outputs = Object.entries(result).map(([name, data]) => ({ name, dtype: od[name]!.dtype, shape: interpreterShape(runner, name), data }));
  } else {
    interpreter.allocateTensors();
    const details = interpreter.getInputDetails();
    const next = mulberry32(seed ?? 0);
    inputs = details.map((d, k) => resolveInput(d.name, k, d.dtype, d.shape, given, seed === undefined ? null : next));
    let resized = false;
    inputs.forEach((x, k) => {
      if (x.shape.join() !== details[k]!.shape.join()) {
        interpreter.resizeTensorInput(details[k]!.index, x.shape);
        resized = true;
      }
    });
    if (resized) interpreter.allocateTensors();
    inputs.forEach((x, k) => interpreter.setTensor(details[k]!.index, x.data));
    interpreter.invoke();
    outputs = interpreter.getOutputDetails().map((d) => ({ name: d.name, dtype: d.dtype, shape: d.shape, data: interpreter.getTensor(d.index) }));
  }

  const json = {
    inputs: inputs.map((x, index) => ({ name: x.name, index, dtype: x.dtype, shape: x.shape, values: toJsonValues(x.dtype, x.data) })),
    outputs: outputs.map((x, index) => ({ name: x.name, index, dtype: x.dtype, shape: x.shape, values: toJsonValues(x.dtype, x.data) })),
  };
  const out = values.output as string | undefined;
  if (out === '-') process.stdout.write(JSON.stringify(json) + '\n');
  else if (out !== undefined) fs.writeFileSync(out, JSON.stringify(json) + '\n');
  const npyDir = values['npy-dir'] as string | undefined;
  if (npyDir !== undefined) {
    fs.mkdirSync(npyDir, { recursive: true });
    for (const o of outputs) fs.writeFileSync(path.join(npyDir, `${o.name.replace(/[^\w.-]+/g, '_')}.npy`), writeNpy(o.dtype, o.shape, o.data));
  }
  if (out !== '-') {
    for (const o of json.outputs) {
      const head = o.values.slice(0, 8).map((v) => (typeof v === 'number' ? Number(v.toPrecision(6)) : v));
      console.log(`${o.name}: ${o.dtype}[${o.shape.join(',')}] ${JSON.stringify(head)}${o.values.length > 8 ? ' …' : ''}`);
    }
  }
  return 0;
}

function interpreterShape(runner: ReturnType<Interpreter['getSignatureRunner']>, name: string): number[] {
  return runner.getOutputDetails()[name]!.shape;
}

interface GivenInput {
  name: string | null;
  dtype?: DType;
  shape: number[] | null;
  values: ArrayLike<number | bigint>;
}

function collectInputs(jsonFile: string | undefined, npy: string[]): GivenInput[] {
  const given: GivenInput[] = [];
  if (jsonFile !== undefined) {
    const text = new TextDecoder().decode(readFile(jsonFile, 'inputs'));
    let j: unknown;
    try {
      j = JSON.parse(text);
    } catch (e) {
      throw new TfliteError(`${jsonFile} is not valid JSON: ${(e as Error).message}`);
    }
    const list = Array.isArray(j) ? j : (j as { inputs?: unknown })?.inputs;
    if (Array.isArray(list)) {
      for (const x of list as Partial<JsonTensor>[]) {
        if (!x || !Array.isArray(x.values)) throw new TfliteError(`${jsonFile}: every input needs a "values" array`);
        given.push({ name: x.name ?? null, shape: Array.isArray(x.shape) ? x.shape : null, values: (x.values.flat(Infinity) as unknown[]).map(fromJsonValue) });
      }
    } else if (j && typeof j === 'object') {
      for (const [name, v] of Object.entries(j as Record<string, unknown>)) {
        if (!Array.isArray(v)) throw new TfliteError(`${jsonFile}: input '${name}' is not an array`);
        given.push({ name, shape: null, values: (v.flat(Infinity) as unknown[]).map(fromJsonValue) });
      }
    } else {
      throw new TfliteError(`${jsonFile}: expected {"inputs":[…]}`);
    }
  }
  for (const spec of npy) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input takes NAME=FILE.npy, got '${spec}'`);
    const arr = readNpy(readFile(spec.slice(eq + 1), 'input'));
    given.push({ name: spec.slice(0, eq), dtype: arr.dtype, shape: arr.shape, values: arr.data as ArrayLike<number> });
  }
  return given;
}

function resolveInput(name: string, k: number, dtype: DType, shape: number[], given: GivenInput[], next: (() => number) | null) {
  const ctor = storageOf(dtype)?.ctor as unknown as { new (n: number): TypedArray } | undefined;
  if (ctor === undefined) throw new TfliteError(`input '${name}' has type ${dtype}, which the CLI cannot fill`);
  const byName = given.find((g) => g.name === name);
  const g = byName ?? (given.some((x) => x.name === null || !given.some((y) => y.name === name)) ? given[k] : undefined);
  if (g === undefined) {
    if (given.length > 0) throw new TfliteError(`no value for input '${name}' (index ${k})`);
    const data = new ctor(shape.reduce((a, b) => a * b, 1));
    if (next !== null) fillSeeded(dtype, data, next);
    return { name, dtype, shape, data };
  }
  if (g.dtype !== undefined && g.dtype !== dtype) throw new TfliteError(`input '${name}' is ${dtype}, the file holds ${g.dtype}`);
  const count = g.values.length;
  let finalShape = shape;
  if (g.shape !== null && g.shape.reduce((a, b) => a * b, 1) === count) finalShape = g.shape;
  if (finalShape.reduce((a, b) => a * b, 1) !== count) throw new TfliteError(`input '${name}': ${count} values do not fit shape [${shape}]`);
  const data = new ctor(count);
  for (let i = 0; i < count; i++) {
    const v = g.values[i]!;
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) data[i] = BigInt(Math.trunc(Number(v)));
    else data[i] = dtype === 'float16' && g.dtype === undefined ? floatToHalf(Number(v)) : Number(v);
  }
  return { name, dtype, shape: finalShape, data };
}

async function inspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' }, tensors: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one MODEL');
  const info = inspectModel(readFile(positionals[0]!, 'model'));
  if (values.json) console.log(JSON.stringify(info, null, 2));
  else console.log(formatInspection(info, { tensors: values.tensors === true }));
  return 0;
}
