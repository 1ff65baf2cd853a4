# Shared by bench/*.sh: build the bench module and run a class from it with the JVM flags skiff uses.
# shellcheck shell=bash
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
root=$(skiff_root)
find_jdk
bench_build() {
  echo "bench: building..." >&2
  (cd "$root" && mvn_run -q package -DskipTests -pl bench -am >/dev/null) || { echo "bench: build failed; run: mvn -pl bench -am package" >&2; exit 1; }
}
bench_java() { # CLASS ARGS...
  local class=$1; shift
  "$JAVA_HOME/bin/java" $SKIFF_BENCH_JVM_FLAGS -cp "$root/bench/target/skiff-bench.jar:$root/bench/target/lib/*" "dev.skiff.bench.$class" "$@"
}
# The flags ./skiff runs with; override to experiment (e.g. SKIFF_BENCH_JVM_FLAGS="-XX:+UseParallelGC").
SKIFF_BENCH_JVM_FLAGS=${SKIFF_BENCH_JVM_FLAGS:--Xss8m -XX:+UseSerialGC}
