#!/usr/bin/env bash
# build.sh — rebuild every examples/<name>/<name>.wasm from examples/<name>/<name>.c.
#
# Usage: examples/build.sh [NAME...]      (no NAME: build all)
# Toolchain: Debian 12's clang 14 + lld + wasi-libc + libclang-rt-14-dev-wasm32,
#   compiled as WASI preview1 commands: clang --target=wasm32-wasi -O2.
# Output is deterministic: no debug info (wasi-libc's is stripped at link time),
# sources compiled by relative path from their own folder, so the same toolchain
# gives byte-identical .wasm files. Compile (-O2) and link are separate steps on
# purpose: a one-step "clang -O2 x.c -o x.wasm" also runs binaryen's wasm-opt -O2
# on the result whenever /usr/bin/wasm-opt exists, which would make the output
# depend on whether (and which) binaryen is installed, and drops the "name"
# section that gives readable function names in traps.
# Set CLANG=/path/to/clang to use another clang (output may then differ).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLANG="${CLANG:-clang}"
# -I: the guest SDK (sdk/c); a relative path, as sources compile from their own folder.
CFLAGS=(--target=wasm32-wasi -O2 -Wall -Wextra -I ../../sdk/c)
LDFLAGS=(--target=wasm32-wasi -Wl,--strip-debug)

missing() {
    echo "build.sh: $1" >&2
    echo "build.sh: install the toolchain with: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32" >&2
    exit 1
}

command -v "$CLANG" >/dev/null 2>&1 || missing "'$CLANG' not found"
command -v wasm-ld >/dev/null 2>&1 || command -v wasm-ld-14 >/dev/null 2>&1 || missing "wasm-ld (lld) not found"
# A trial build catches a missing wasi-libc sysroot or wasm32 compiler-rt builtins.
probe_dir="$(mktemp -d)"
trap 'rm -rf "$probe_dir"' EXIT
printf '#include <stdio.h>\nint main(void){double d=1.5;printf("%%f\\n",d*3);return 0;}\n' >"$probe_dir/t.c"
if ! { "$CLANG" "${CFLAGS[@]}" -c "$probe_dir/t.c" -o "$probe_dir/t.o" &&
       "$CLANG" "${LDFLAGS[@]}" "$probe_dir/t.o" -o "$probe_dir/t.wasm"; } 2>"$probe_dir/err"; then
    cat "$probe_dir/err" >&2
    missing "'$CLANG --target=wasm32-wasi' cannot build a WASI program (wasi-libc or libclang-rt-14-dev-wasm32 missing?)"
fi
echo "build.sh: using $("$CLANG" --version | head -n1)"

# Extra flags for programs that need them.
extra_flags() {
    case "$1" in
        # recurse: 8 MiB shadow stack placed first in memory, so the engine's own
        # (native) call stack runs out before the C stack, and a C-stack overflow
        # would trap (address below 0 wraps out of bounds) instead of silently
        # overwriting static data as with the default 64 KiB stack after the data.
        recurse) echo "-Wl,-z,stack-size=8388608 -Wl,--stack-first" ;;
        *) echo "" ;;
    esac
}

if [ "$#" -gt 0 ]; then
    names=("$@")
else
    names=()
    for d in "$here"/*/; do
        n="$(basename "$d")"
        [ -f "$d/$n.c" ] && names+=("$n")
    done
fi

for n in "${names[@]}"; do
    src="$here/$n/$n.c"
    [ -f "$src" ] || { echo "build.sh: no such program: $src" >&2; exit 1; }
    read -r -a extra <<<"$(extra_flags "$n")"
    echo "build.sh: $n/$n.c -> $n/$n.wasm ${extra[*]:-}"
    (cd "$here/$n" &&
        "$CLANG" "${CFLAGS[@]}" -c "$n.c" -o "$probe_dir/$n.o" &&
        "$CLANG" "${LDFLAGS[@]}" ${extra[@]+"${extra[@]}"} "$probe_dir/$n.o" -o "$probe_dir/$n.wasm" &&
        mv "$probe_dir/$n.wasm" "$n.wasm")
    printf '  %8d bytes  sha256 %s\n' "$(stat -c %s "$here/$n/$n.wasm")" "$(sha256sum "$here/$n/$n.wasm" | cut -d' ' -f1)"
done
echo "build.sh: built ${#names[@]} module(s)"
