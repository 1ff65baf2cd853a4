#!/usr/bin/env bash
# containerd shim start latency: the shim's start action until its socket answers, and ctr run end to
# end of a Skiff image beside ctr run of a static native binary with runc; writes bench/results/shim.md.
# Needs root, containerd (with ctr and runc) and clang with a static libc (libc6-dev).
# Usage: bench/shim.sh [RUNS]   (default 20)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
runs=${1:-20}
bench_build
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SKIFF_HOME=$work/home ./skiff build -t hello:1 examples/hello >/dev/null 2>&1
SKIFF_HOME=$work/home ./skiff save -o "$work/hello.tar" hello:1 >/dev/null 2>&1
mkdir -p "$work/native"
printf '#include <stdio.h>\nint main(void) { puts("Hello from runc!"); return 0; }\n' > "$work/hello.c"
clang -static -O2 "$work/hello.c" -o "$work/native/hello"
bench_java ShimBench --launcher containerd-shim/containerd-shim-skiff-v1 --image "$work/hello.tar" \
  --native-rootfs "$work/native" --runs "$runs" --out bench/results/shim.md
