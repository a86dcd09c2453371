// CAST: every pair of float16/32/64, int8/16/32/64, uint8/16/32 and bool, plus the out-of-range
// float-to-integer conversions (undefined in C++; these follow the official runtime).
const OP = 'CAST';
const TYPES = ['float16', 'float32', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'bool'];
const UNSIGNED = new Set(['uint8', 'uint16', 'uint32']);
const cast = (name, from, to, input, extra = {}) => ({ name, op: OP, options: {}, inputs: [{ dtype: from, ...input }], outputs: [{ dtype: to }], ...extra });
const konst = (from, to, data) => cast(`${from} to ${to} out of range`, from, to, { shape: [data.length], data, constant: true },
  WIDE[`${from} ${to}`] ? { expected: [WIDE[`${from} ${to}`]] } : {});
// The oracle's int32 output adapter wraps uint32/int64 results; these are its values (checked equal
// modulo 2^32) before that wrap.
const U32_F = [300, 0, 65537, 3000000000, 0, 4294967295, 0, 0, 0, 2, 0, 255];
const I64_F = ['300', '-3', '65537', '3000000000', '-3000000000', '9223372036854775807', '0', '-129', '-9223372036854775808', '2', '0', '255'];
const WIDE = {
  'float32 uint32': U32_F, 'float64 uint32': U32_F, 'float16 uint32': [300, 0, 65504, 0, 0, 0, 2, 4294967295, 0],
  'float32 int64': I64_F, 'float64 int64': I64_F, 'float16 int64': ['300', '-3', '65504', '-65504', '0', '-129', '2', '9223372036854775807', '-9223372036854775808'],
};

const cases = [];
for (const from of TYPES) {
  for (const to of TYPES) {
    // Values every type involved holds (the oracle's I/O adapters included); floats keep fractions.
    const range = from === 'bool' ? undefined : UNSIGNED.has(from) || UNSIGNED.has(to) ? [0, 100] : [-100, 100];
    cases.push(cast(`${from} to ${to}`, from, to, { shape: [3, 7], range }));
  }
}
const F = [300.7, -3.7, 65537.5, 3e9, -3e9, 1e20, NaN, -129.9, -1e20, 2.9, -0.5, 255.5];
const H = [0x5cb3, 0xc366, 0x7bff, 0xfbff, 0x7e00, 0xd80f, 0x4170, 0x7c00, 0xfc00]; // 300.75, -3.7, +-65504, NaN, -129.9, 2.72, +-inf
for (const to of ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'bool']) {
  cases.push(konst('float32', to, F), konst('float64', to, F), konst('float16', to, H));
}
cases.push(
  cast('int32 wraps to narrow types', 'int32', 'uint8', { shape: [5], data: [300, -1, -129, 65537, 2147483647] }),
  cast('int32 wraps to int8', 'int32', 'int8', { shape: [5], data: [300, -1, -129, 65537, 2147483647] }),
  cast('int32 wraps to uint16', 'int32', 'uint16', { shape: [5], data: [300, -1, -129, 65537, 2147483647] }),
  cast('int32 to bool', 'int32', 'bool', { shape: [4], data: [0, 1, -5, 7] }),
  cast('uint8 wraps to int8', 'uint8', 'int8', { shape: [4], data: [200, 100, 255, 0] }),
  cast('int32 to float16 rounds to even and overflows', 'int32', 'float16', { shape: [5], data: [1, 2049, 2051, 70000, -3] }),
  cast('float32 to float16 rounding', 'float32', 'float16', { shape: [7], data: [1.0009765625, 1.00048828125, 65504, 65520, 1e-8, 6e-5, -2.5e-8] }),
  cast('float64 to float32 rounding', 'float64', 'float32', { shape: [4], data: [0.1, 1 + 2 ** -24, 1e39, -1e-50], constant: true }),
  cast('int64 to float32 rounding', 'int64', 'float32', { shape: [4], data: ['9007199254740993', '-9223372036854775807', '36028797555617793', '16777217'], constant: true }),
  cast('int32 to float32 rounding', 'int32', 'float32', { shape: [3], data: [16777217, -2147483647, 2147483647] }),
  cast('float32 nan and inf to bool', 'float32', 'bool', { shape: [4], data: [NaN, Infinity, -0, 0], constant: true }),
  cast('rank 6', 'int32', 'float32', { shape: [1, 2, 1, 2, 3, 2], range: [-50, 50] }),
  cast('scalar', 'float32', 'int32', { shape: [], data: [-7.9] }),
  cast('to complex64 fails', 'float32', 'complex64', { shape: [2] }, { error: 'type' }),
);
export default cases;
