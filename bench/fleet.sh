#!/usr/bin/env bash
# Fleet rollout through a real Mosquitto (DESIGN.md §9): DEVICES simulated devices (real agents in one JVM, each
# its own data dir and MQTT session), a signed app in a real docker-registry, then `skiff fleet rollout` of a new
# version in 5 waves with health gates, and of a version whose health check fails (it must halt in its first wave
# and leave every device on the good version). Writes bench/results/fleet.md.
# Usage: bench/fleet.sh [DEVICES [MAX_UNAVAILABLE]]   (default 500 devices, 100 updating at once)
# SKIFF_BENCH_FLEET_JVM_FLAGS: the simulated fleet's JVM options (default -Xmx6g -Xss1m).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
n=${1:-500}
max_unavailable=${2:-100}
waves="1%,10%,25%,50%,100%"
sim_flags=${SKIFF_BENCH_FLEET_JVM_FLAGS:--Xmx6g -Xss1m}

need() { # PROGRAM PACKAGE
  PATH="$PATH:/usr/sbin:/sbin" command -v "$1" >/dev/null || { echo "bench: $1 is missing: apt-get install $2" >&2; exit 1; }
}
need mosquitto mosquitto
need docker-registry docker-registry
mosquitto_bin=$(PATH="$PATH:/usr/sbin:/sbin" command -v mosquitto)

bench_build
cd "$root"
./skiff --version >/dev/null # builds the CLI now rather than inside the first timed command

work=$(mktemp -d)
# The simulated devices' data on tmpfs when there is one: here 500 devices share one disk, where each board has
# its own, and their fsyncs (SQLite, blob store) would queue on it; the agent code is the same either way.
devices_dir=$(mktemp -d -p /dev/shm skiff-fleet-bench.XXXXXX 2>/dev/null || mktemp -d -p "$work")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work" "$devices_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { # a port nothing on 127.0.0.1 listens on
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
await_port() { # PORT WHAT
  for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.05; done
  echo "bench: $2 did not listen on $1" >&2; exit 1
}
now_ms() { local us=${EPOCHREALTIME/./}; echo $((us / 1000)); }
stamp() { # START_MS: prefixes each line with the seconds since START_MS
  local line
  while IFS= read -r line; do
    printf '%6.1f s  %s\n' "$(( $(now_ms) - $1 ))e-3" "$line"
  done
}

mqtt_port=$(free_port)
mkdir -p "$work/mosquitto"
cat >"$work/mosquitto/mosquitto.conf" <<EOF
user root
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence true
persistence_location $work/mosquitto/
max_queued_messages 0
max_inflight_messages 0
set_tcp_nodelay true
log_dest file $work/mosquitto/mosquitto.log
EOF
"$mosquitto_bin" -c "$work/mosquitto/mosquitto.conf" >"$work/mosquitto/out.log" 2>&1 &
pids+=($!)
await_port "$mqtt_port" mosquitto
broker="tcp://127.0.0.1:$mqtt_port"

registry_port=$(free_port)
cat >"$work/registry.yml" <<EOF
version: 0.1
log: {level: warn, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/registry}}
http: {addr: 127.0.0.1:$registry_port, secret: bench}
EOF
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
pids+=($!)
await_port "$registry_port" docker-registry

export SKIFF_HOME="$work/home" SKIFF_FLEET_BROKER="$broker" DOCKER_CONFIG="$work/docker"
./skiff key generate --out "$work/keys" >/dev/null 2>&1
repo="127.0.0.1:$registry_port/bench/ticker"
publish() { # TAG VERSION EXAMPLE ARGS HEALTH -> digest
  local app="$work/app-$1"
  mkdir -p "$app"
  cp "examples/$3/$3.wasm" "$app/app.wasm"
  printf 'name: ticker\nversion: %s\nmodule: app.wasm\nargs: %s\nresources:\n  memory: 16M\nhealth: %s\n' "$2" "$4" "$5" >"$app/skiff.yaml"
  local digest
  digest=$(./skiff build "$app" -t "$repo:$1" 2>/dev/null)
  ./skiff sign "$repo:$1" --key "$work/keys/skiff.key" >/dev/null 2>&1
  ./skiff push "$repo:$1" >/dev/null 2>&1
  echo "$digest"
}
echo "bench: building, signing and pushing three versions..." >&2
v1=$(publish 1 1.0.0 sleeper '["10000"]' '{running-for: 1s}')
v2=$(publish 2 2.0.0 sleeper '["10000"]' '{running-for: 1s}')
bad=$(publish bad 3.0.0 healthy '["100", "0"]' '{export: health, interval: 200ms}')

echo "bench: starting $n simulated devices..." >&2
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $sim_flags --enable-native-access=ALL-UNNAMED -cp "$root/bench/target/skiff-bench.jar:$root/bench/target/lib/*" \
  dev.skiff.fleet.sim.SimulatedFleetMain --dir "$devices_dir" --broker "$broker" --devices "$n" \
  --trust "{mode: reject-unsigned, keys: [$work/keys/skiff.pub]}" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
pids+=($sim_pid)
for _ in $(seq 3000); do
  grep -q "simulated fleet ready" "$work/sim.out" && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.err" >&2; echo "bench: the simulated fleet died" >&2; exit 1; }
  sleep 0.1
done
grep -q "simulated fleet ready" "$work/sim.out" || { echo "bench: the simulated fleet did not connect in 300 s" >&2; exit 1; }
ready=$(cat "$work/sim.out")

last() { tail -1 "$1" | sed 's/^ *[0-9.]* s  //'; }
rollout() { # NAME ARGS... : runs skiff fleet rollout, its progress lines stamped with the time since its start
  local name=$1; shift
  local start status end
  start=$(now_ms)
  set +e
  ./skiff fleet rollout "$@" 2>&1 >"$work/$name.out" | stamp "$start" >"$work/$name.err"
  status=${PIPESTATUS[0]}
  set -e
  end=$(now_ms)
  echo "$((end - start)) $status" >"$work/$name.time"
  echo "bench: $name: exit $status in $((end - start)) ms ($(last "$work/$name.err"))" >&2
}
rollout install "$repo:1" --waves 100% --max-unavailable "$max_unavailable" --health-timeout 120s
rollout upgrade "$repo:2" --waves "$waves" --max-unavailable "$max_unavailable" --health-timeout 120s --abort-at 5%
rollout bad "$repo:bad" --waves "$waves" --max-unavailable "$max_unavailable" --health-timeout 120s --abort-at 5%

ls_out=$(./skiff fleet ls)
on_v2=$(grep -c "ticker@${v2:0:19}(running)" <<<"$ls_out" || true)
bad_status=$(./skiff fleet status 3)
waiting=$(grep -c ' waiting ' <<<"$bad_status" || true)
rolled_back=$(grep -c ' rolled_back ' <<<"$bad_status" || true)
read -r install_ms install_exit <"$work/install.time"
read -r upgrade_ms upgrade_exit <"$work/upgrade.time"
read -r bad_ms bad_exit <"$work/bad.time"
upgrade_result=$(last "$work/upgrade.err")
bad_result=$(last "$work/bad.err")
waves_seen=$(grep -c ' s  wave [0-9]*/[0-9]*:' "$work/upgrade.err" || true)
bad_waves=$(grep -c ' s  wave [0-9]*/[0-9]*:' "$work/bad.err" || true)
met() { if [ "$1" = yes ]; then echo yes; else echo "**no**"; fi; }
upgrade_met=$([ "$upgrade_exit" = 0 ] && [ "$upgrade_ms" -le 60000 ] && echo yes || echo no)
halt_met=$([ "$bad_exit" = 1 ] && [ "$bad_waves" = 1 ] && [ "$on_v2" = "$n" ] && echo yes || echo no)

mkdir -p bench/results
cat >bench/results/fleet.md <<EOF
# Fleet rollouts through Mosquitto

Written by \`bench/fleet.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ) — $(uname -m), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1).

$n simulated devices (\`SimulatedFleetMain\`: real agents in one JVM with \`$sim_flags\`, each its own data dir, SQLite state
and MQTT session; no HTTPS API; data dirs in \`$(df --output=fstype "$devices_dir" | tail -1)\` \`$(dirname "$devices_dir")\`, as $n devices share one disk here) behind a real Mosquitto ($("$mosquitto_bin" -h 2>/dev/null | head -1 | sed 's/ is .*//')) on loopback; the app is
signed and pulled by every device from a real docker-registry, trust policy \`reject-unsigned\`. The operator is
\`./skiff fleet rollout\`, a process of its own; times are its wall time, process start included.
Waves \`$waves\`, \`--max-unavailable $max_unavailable\`, health gate \`running-for: 1s\` per device.

| figure | measured | target (DESIGN.md §9) | met | published reference (not measured here) |
|---|---:|---|---|---|
| rollout of a new version to $n devices, $waves_seen waves with health gates | $(awk "BEGIN{printf \"%.1f\", $upgrade_ms/1000}") s | ≤ 60 s | $(met "$upgrade_met") | Greengrass jobs: ≤ 1000 devices/min |
| injected bad version: halts in its first wave, every device back on / still on the good version | halted after $bad_waves wave(s) in $(awk "BEGIN{printf \"%.1f\", $bad_ms/1000}") s; $on_v2/$n devices run v2; $rolled_back rolled back, $waiting never touched | halts, rolls back | $(met "$halt_met") | |

## Raw numbers

- $ready
- first install of v1 on $n devices (one wave): $install_ms ms, exit $install_exit — $(last "$work/install.err")
- upgrade v1 → v2 (\`$v2\`): $upgrade_ms ms, exit $upgrade_exit — $upgrade_result
- bad version (\`$bad\`, its health export answers 1): $bad_ms ms, exit $bad_exit — $bad_result
- \`skiff fleet ls\` afterwards: $on_v2 of $n devices report ticker at v2, running

Progress of the upgrade as \`skiff fleet rollout\` printed it, stamped with the time since the command started
(per-device lines left out):

\`\`\`
$(grep -v ' s    ' "$work/upgrade.err")
\`\`\`

Progress of the bad version (all lines):

\`\`\`
$(cat "$work/bad.err")
\`\`\`

## What was measured

- **Rollout**: \`skiff fleet rollout REF --waves $waves --max-unavailable $max_unavailable --health-timeout 120s --abort-at 5%\`
  from process start to exit: it records the rollout in SQLite, publishes each device's desired state (retained, QoS 1),
  and waits for each device's retained reported state to show the new digest (the device pulled, verified the
  signature, started the new version beside the old, passed the 1 s health gate and switched over).
  A wave starts when every device of the previous one has a verdict.
- **Bad version**: the same command with an image whose health check fails at once. The first wave's devices
  each refuse it at their health gate (the agent keeps the old release running); the first failure passes
  \`--abort-at 5%\` of the devices tried, so the rollout halts, asks those devices back to the old version
  (a no-op for them) and never asks the others.
EOF
echo "bench: wrote bench/results/fleet.md" >&2
