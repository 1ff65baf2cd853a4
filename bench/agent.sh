#!/usr/bin/env bash
# The device agent as a process, through its mTLS API: idle RSS and time to ready, churn of short-lived
# containers, density of idle sleepers, deploy of a signed 1 MiB module; writes bench/results/agent.md.
# Usage: bench/agent.sh [CONTAINERS]   (default 1000 for churn and for density)
# SKIFF_BENCH_AGENT_JVM_FLAGS: the agent's JVM options (default: the file the .deb's launcher passes, @installers/deb/share/skiff-agent/jvm.args).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
n=${1:-1000}
bench_build
cd "$root"
bench_java AgentBench --agent-jar device-agent/target/skiff-agent.jar \
  --agent-jvm-flags "${SKIFF_BENCH_AGENT_JVM_FLAGS:-@installers/deb/share/skiff-agent/jvm.args}" \
  --churn "$n" --sleepers "$n" --out bench/results/agent.md examples
