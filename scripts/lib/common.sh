# Shared by ./skiff and scripts/*: find a JDK >= 21 and run Maven with it.
# shellcheck shell=bash

skiff_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

java_major() { # prints the major version of the java binary $1, or 0
  # The JDK's release file answers without starting a JVM (the containerd shim runs this per container).
  local release
  release="$(dirname "$1")/../release"
  if [ -f "$release" ] && grep -q '^JAVA_VERSION="[0-9]' "$release"; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n1
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1 || echo 0
}

# Sets JAVA_HOME to a JDK >= 21: $JAVA_HOME if good enough, else the newest in /usr/lib/jvm.
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "skiff: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
    echo "       Install one, e.g. Temurin 25 or 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

# Maven with the chosen JDK; quiets JDK 24+'s warning about Maven's own use of sun.misc.Unsafe.
mvn_run() {
  if ! command -v mvn >/dev/null; then
    echo "skiff: Maven is missing: apt-get install maven (or run scripts/test as root)" >&2
    return 1
  fi
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -B "$@"
}
