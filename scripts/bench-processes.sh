# Helpers shared by the benchmark scripts that start the bot and the peers' fakes as their own processes (sourced).
# `need_tools` checks for dotnet and Node.js 20+ and installs wrk if missing; `export_slack_secrets` sets the run's Slack
# signing secret and bot token (the caller's, else random: loopback fakes only, yet no secret in the code). `start` runs a command in the background, logs to a file, remembers its pid in `pids` (and `started`) and waits until its
# health URL answers; `stop` stops one and forgets it; `cleanup` (on exit) stops every process started.
need_tools() {
  command -v dotnet >/dev/null || { echo "dotnet not found: install the .NET 10 SDK" >&2; exit 2; }
  command -v node >/dev/null && (( $(node -p 'process.versions.node.split(".")[0]') >= 20 )) || { echo "Node.js 20 or later is needed" >&2; exit 2; }
  if ! command -v wrk >/dev/null; then
    echo "installing wrk (apt-get)"
    { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; } >/dev/null 2>&1 || { echo "wrk missing and apt-get install wrk failed: install wrk" >&2; exit 2; }
  fi
}
random_hex() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
export_slack_secrets() { export SLACK_SIGNING_SECRET=${SLACK_SIGNING_SECRET:-$(random_hex)} SLACK_BOT_TOKEN=${SLACK_BOT_TOKEN:-xoxb-$(random_hex)}; }
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
answers() { curl -sf -o /dev/null --max-time 1 "$1"; }
start() { # name log health command...
  local name=$1 log=$2 health=$3; shift 3
  if answers "$health"; then echo "something already answers $health: stop it first" >&2; exit 2; fi
  "$@" >"$log" 2>&1 &
  started=$!
  pids+=("$started")
  for _ in $(seq 1 240); do
    answers "$health" && return 0
    kill -0 "$started" 2>/dev/null || { tail -20 "$log" >&2; echo "$name exited during start" >&2; exit 1; }
    sleep 0.25
  done
  echo "$name did not answer $health within 60 s" >&2; exit 1
}
stop() { # pid: TERM, then KILL after 10 s; forgotten afterwards, so cleanup never signals a reused pid
  local p kept=()
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$1" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  for p in "${pids[@]}"; do [[ $p == "$1" ]] || kept+=("$p"); done
  pids=("${kept[@]}")
}

# PROFILE=yes (click-cpu, peers, ingest): `profile_setup` checks for perf and sets `profile_env`, the environment a bot process needs to
# be profiled (the runtime writes /tmp/perf-PID.map for its compiled code; with W^X on, perf would see that code only as an
# anonymous mapping); `perf_start PID FILE` records that process with call graphs at 499 Hz until `perf_stop`;
# `perf_summary FILE LABEL` prints the split of its samples by library, the top 40 functions by self time, SQLite's file
# reads, writes and syncs with the kernel work under them (SQLite is built without frame pointers, so its own functions show
# only self time; its file I/O unwinds into the kernel), and the top 30 of CoachLoop's methods with what they call. sed, not
# head, cuts the lists: it reads to the end, so no stage of a pipeline dies of SIGPIPE and stops a script under pipefail.
profile_setup() {
  profile_env=DOTNET_PerfMapEnabled=0
  [[ ${PROFILE:-no} == yes ]] || return 0
  command -v perf >/dev/null || { echo "PROFILE=yes needs perf (apt-get install linux-perf)" >&2; exit 2; }
  profile_env="DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0"
}
perf_start() { perf record -q -F 499 -g -p "$1" -o "$2" >/dev/null 2>&1 & perf_pid=$!; }
perf_stop() { kill -INT "$perf_pid" 2>/dev/null || true; wait "$perf_pid" || true; }
perf_summary() {
  echo "$2 profile ($(basename "$1")): share of the samples by library, then by function (self time)"
  perf report -i "$1" --no-children --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | sed -n 1,12p
  perf report -i "$1" --no-children --sort dso,sym --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | sed -n 1,40p | cut -c1-200
  # One inclusive report (a pass over every sample) serves both lists below.
  local inclusive
  inclusive=$(perf report -i "$1" --children --sort sym --stdio -g none 2>/dev/null || true)
  echo "$2 profile: SQLite's file reads, writes and syncs with the kernel work under them (inclusive)"
  grep -E '\[\.\] (__libc_pread|__libc_pwrite|fdatasync|__libc_fsync|fsync)\b' <<<"$inclusive" | sed -n 1,6p || true
  echo "$2 profile: CoachLoop's own methods with everything they call (inclusive)"
  grep -E '\[\.\] .*CoachLoop\.' <<<"$inclusive" | sed -n 1,30p | cut -c1-200 || true
}
