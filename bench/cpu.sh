#!/usr/bin/env bash
# CPU-bound wasm, Skiff vs node (V8), same .wasm files; writes bench/results/cpu.md.
# Usage: bench/cpu.sh [ROUNDS]   (default 5 measured rounds per benchmark per side)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
rounds=${1:-5}
command -v node >/dev/null || { echo "bench: node is missing: apt-get install nodejs" >&2; exit 1; }
bench_build
cd "$root"
files=(examples/sha256/sha256.wasm examples/nbody/nbody.wasm examples/fannkuch/fannkuch.wasm
       examples/mandelbrot/mandelbrot.wasm examples/json/json.wasm)
node_results=$(mktemp)
trap 'rm -f "$node_results"' EXIT
for f in "${files[@]}"; do
  echo "bench: node $f" >&2
  node --no-warnings bench/node/run-wasi.mjs --rounds "$rounds" --warmup 3 "$f" 2>/dev/null >>"$node_results"
done
echo "bench: skiff (one JVM)" >&2
bench_java CpuBench --rounds "$rounds" --warmup 3 --node "$node_results" --out bench/results/cpu.md "${files[@]}"
