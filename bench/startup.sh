#!/usr/bin/env bash
# Start latency of a cached module inside one JVM over 1000 starts; writes bench/results/startup.md.
# Usage: bench/startup.sh [STARTS]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_build
cd "$root"
bench_java StartupBench --starts "${1:-1000}" --warmup 200 --out bench/results/startup.md examples/hello/hello.wasm
