// run-wasi.mjs — the node/V8 side of Skiff's CPU benchmark (DESIGN.md §9).
//
// Runs one WASI preview1 module under node's built-in `node:wasi` and times it:
// the module is compiled once (WebAssembly.compile), then W warm-up rounds and
// N measured rounds are run, each with a fresh WASI + instance calling `_start`.
// A round's time covers WASI setup + instantiate + run (process.hrtime.bigint()).
//
// Usage (node 20; --no-warnings silences node:wasi's ExperimentalWarning):
//   node --no-warnings bench/node/run-wasi.mjs [options] FILE.wasm [ARGS...]
// Options (must come before FILE.wasm):
//   --rounds N        measured rounds (default 5)
//   --warmup W        warm-up rounds, not reported (default 1)
//   --env K=V         set a guest environment variable (repeatable; the guest
//                     gets no host environment otherwise)
//   --dir GUEST=HOST  preopen host directory HOST as guest path GUEST (repeatable;
//                     --dir PATH is short for --dir PATH=PATH)
// The guest's argv[0] is the file's base name, followed by ARGS.
//
// Output:
//   stderr: the guest's stdout and stderr of the first round (warm-up or measured);
//           in later rounds both go to /dev/null so guest output never mixes with
//           the timing line. Guest stdin is this process's stdin (first round only;
//           later rounds read /dev/null).
//   stdout: exactly one JSON line, e.g.
//     {"file":"examples/sha256/sha256.wasm","rounds":[512.3,...],"median_ms":510.1,"min_ms":507.9,"exit_code":0}
// Exit status: 0, or 1 if the guest trapped (message on stderr, no JSON line),
// if any round's guest exit code differed from the first round's (a benchmark
// must be deterministic), or on usage errors. A non-zero guest exit code alone
// is reported in "exit_code" and does not fail the run.

// node 20 bug (nodejs/node#46777): node:wasi's "fast API" calls can trigger a GC
// inside a WASI call (via AdjustAmountOfExternalAllocatedMemory), which destroys
// or corrupts live WASI state: a guest that grows memory by tens of MiB and then
// calls fd_write aborts node (SIGABRT in uv_mutex_destroy) or segfaults about
// half the time. Turning V8's fast API calls off before any WASI code is
// compiled avoids it (same as `node --no-turbo-fast-api-calls`); WASI host calls
// take the regular (slower) API path, irrelevant for CPU benchmarks, which make
// only a handful of them.
const v8 = await import('node:v8');
v8.setFlagsFromString('--no-turbo-fast-api-calls');

process.removeAllListeners('warning'); // belt and braces next to --no-warnings

const fs = await import('node:fs');
const path = await import('node:path');
const { WASI } = await import('node:wasi');

function usage(msg) {
  if (msg) process.stderr.write(`run-wasi: ${msg}\n`);
  process.stderr.write('usage: node --no-warnings run-wasi.mjs [--rounds N] [--warmup W] ' +
    '[--env K=V]... [--dir GUEST=HOST]... FILE.wasm [ARGS...]\n');
  process.exit(1);
}

let rounds = 5;
let warmup = 1;
const env = {};
const preopens = {};
const argv = process.argv.slice(2);
let i = 0;
function intArg(name, v, min) {
  if (v === undefined || !/^\d+$/.test(v) || Number(v) < min) usage(`${name} needs an integer >= ${min}`);
  return Number(v);
}
for (; i < argv.length && argv[i].startsWith('--'); i++) {
  const a = argv[i];
  if (a === '--') { i++; break; }
  else if (a === '--rounds') rounds = intArg(a, argv[++i], 1);
  else if (a === '--warmup') warmup = intArg(a, argv[++i], 0);
  else if (a === '--env') {
    const kv = argv[++i];
    if (!kv || !kv.includes('=')) usage('--env needs K=V');
    env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
  } else if (a === '--dir') {
    const d = argv[++i];
    if (!d) usage('--dir needs GUEST=HOST');
    const eq = d.indexOf('=');
    if (eq < 0) preopens[d] = d; else preopens[d.slice(0, eq)] = d.slice(eq + 1);
  } else if (a === '--help' || a === '-h') usage();
  else usage(`unknown option ${a}`);
}
const file = argv[i++];
if (!file) usage('missing FILE.wasm');
const guestArgs = [path.basename(file), ...argv.slice(i)];

const module = await WebAssembly.compile(fs.readFileSync(file));
const devNullOut = fs.openSync('/dev/null', 'w');
const devNullIn = fs.openSync('/dev/null', 'r');

function runOnce(first) {
  const t0 = process.hrtime.bigint();
  const wasi = new WASI({
    version: 'preview1',
    args: guestArgs,
    env,
    preopens,
    returnOnExit: true,
    stdin: first ? 0 : devNullIn,
    stdout: first ? 2 : devNullOut,
    stderr: first ? 2 : devNullOut,
  });
  const instance = new WebAssembly.Instance(module, wasi.getImportObject());
  const code = wasi.start(instance);
  const t1 = process.hrtime.bigint();
  return { ms: Number(t1 - t0) / 1e6, code };
}

const times = [];
let firstCode;
let mismatch = false;
for (let r = 0; r < warmup + rounds; r++) {
  let result;
  try {
    result = runOnce(r === 0);
  } catch (err) {
    // a trap (unreachable, out of bounds, stack overflow...) is not a result
    process.stderr.write(`run-wasi: ${file} round ${r} failed: ${err && err.stack || err}\n`);
    process.exit(1);
  }
  const { ms, code } = result;
  if (r === 0) firstCode = code;
  else if (code !== firstCode) {
    mismatch = true;
    process.stderr.write(`run-wasi: round ${r} exited ${code}, first round exited ${firstCode}\n`);
  }
  if (r >= warmup) times.push(Math.round(ms * 1000) / 1000);
}
fs.closeSync(devNullOut);
fs.closeSync(devNullIn);

const sorted = [...times].sort((a, b) => a - b);
const mid = sorted.length >> 1;
const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
process.stdout.write(JSON.stringify({
  file,
  rounds: times,
  median_ms: Math.round(median * 1000) / 1000,
  min_ms: sorted[0],
  exit_code: firstCode,
}) + '\n');
process.exit(mismatch ? 1 : 0);
