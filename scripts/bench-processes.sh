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
