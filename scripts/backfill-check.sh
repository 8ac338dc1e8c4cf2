#!/usr/bin/env bash
# scripts/backfill-check.sh (also scripts/bench.sh backfill): the backfill of issue 11 end to end on the real host (Release,
# SQLite files under a temporary directory):
#   1. generates N calls (default 100,000) of AGENTS agents (default 40) over 180 days, in random order, with ten repeated
#      lines and ten invalid ones (scripts/backfill/backfill.py);
#   2. imports them through the CLI (`import-calls FILE`) into host A, its progress lines visible; kills host A with kill -9
#      once half the lines are read, starts it again; the CLI waits through the outage and ends with the summary;
#   3. meanwhile posts the same lines one by one (POST /api/v1/scored-calls, one call per request) to host B on a fresh database: each
#      agent's calls in call-time order, agents side by side on THREADS connections (default 8). An agent's flags depend only
#      on that agent's calls, so this is the result of posting every call one by one in call-time order;
#   4. compares the flags of both databases: every (call id, kind, agent, criterion, status), and the scored call counts.
# Exit code 0 when the import completed with no duplicates beyond the file's own and the flags are equal.
# Not part of scripts/test.sh: it takes tens of minutes on two cores.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${N:-100000}
AGENTS=${AGENTS:-40}
THREADS=${THREADS:-8}
work=$(mktemp -d /tmp/coachloop-backfill.XXXXXX)
dll=$root/src/CoachLoop.Bot/bin/Release/net10.0/CoachLoop.Bot.dll
py=$root/scripts/backfill/backfill.py
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
stamp() { date -u +%H:%M:%S; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_host NAME DB PORT: the real host as its own process; its pid in $host_pid
start_host() {
  ASPNETCORE_URLS=http://127.0.0.1:$3 ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite \
    Database__ConnectionString="Data Source=$2" Demo__Seed=false Scheduling__Enabled=false Outbox__HostName=$1 \
    Intake__Backfill__PollInterval=00:00:00.200 Logging__LogLevel__Default=Warning \
    dotnet "$dll" >>"$work/$1.log" 2>&1 &
  host_pid=$!
  pids+=("$host_pid")
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$3/healthz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "host $1 did not start:" >&2; tail -30 "$work/$1.log" >&2; exit 1
}

new_key() { dotnet "$dll" create-api-key "$1" --Database:Provider=Sqlite "--Database:ConnectionString=Data Source=$2" | tail -n 1; }

echo "$(stamp) load average $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc)); work dir $work"
echo "$(stamp) building Release"
dotnet build "$root/src/CoachLoop.Bot" -c Release -v q -nologo >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
python3 "$py" generate "$N" "$AGENTS" "$work"
lines=$(grep -c . "$work/calls.ndjson")

# --- 3. the same lines posted one by one to host B, beside the import (in the background; its log in post.log) ---
port_b=$(free_port)
key_b=$(new_key oneByOne "$work/posted.db")
start_host posted-host "$work/posted.db" "$port_b"
python3 "$py" seed "http://127.0.0.1:$port_b" "$key_b" "$work"
echo "$(stamp) posting the same $lines lines one by one to host B in the background ($THREADS connections, each agent in call-time order)"
( started=$(date +%s); python3 "$py" post "http://127.0.0.1:$port_b" "$key_b" "$work" "$THREADS"; echo "$(stamp) posting done in $(( $(date +%s) - started )) s" ) >"$work/post.log" 2>&1 &
post_pid=$!

# --- 2. the import, killed midway ---
port_a=$(free_port)
key_a=$(new_key backfill "$work/import.db")
start_host import-host "$work/import.db" "$port_a"
python3 "$py" seed "http://127.0.0.1:$port_a" "$key_a" "$work"
echo "$(stamp) importing $lines lines through the CLI"
started=$(date +%s)
dotnet "$dll" import-calls "$work/calls.ndjson" --url "http://127.0.0.1:$port_a" --key "$key_a" --wait-minutes 10 2>&1 | tee "$work/cli.log" &
cli_pid=$!
while (( $(python3 "$py" job "http://127.0.0.1:$port_a" "$key_a" linesRead) < lines / 2 )); do sleep 0.5; done
read_at_kill=$(python3 "$py" job "http://127.0.0.1:$port_a" "$key_a" linesRead)
kill -9 "$host_pid"
echo "$(stamp) >>> kill -9 of the host (pid $host_pid) at $read_at_kill of $lines lines read; starting it again in 3 s"
sleep 3
start_host import-host "$work/import.db" "$port_a"
echo "$(stamp) >>> host started again"
wait "$cli_pid"
import_s=$(( $(date +%s) - started ))
echo "$(stamp) import done in ${import_s} s (submit, kill, restart and all)"
job=$(curl -fs -H "Authorization: Bearer $key_a" "http://127.0.0.1:$port_a/api/v1/scored-calls/imports?limit=1")
echo "$job" | python3 -c 'import json,sys; j=json.load(sys.stdin)["items"][0]; print("job:", {k: j[k] for k in ("status","lines","linesRead","accepted","duplicates","invalid","callsPerSecond","startedAt","finishedAt")})'

# --- 3. (begun beside 2) the one-by-one posting's end ---
wait "$post_pid" || { echo "posting one by one failed" >&2; exit 1; }
sed 's/^/[one by one] /' "$work/post.log" | tail -n 2
cleanup
pids=()
sleep 1

# --- 4. the comparison ---
status=0
python3 "$py" compare "$work/import.db" "$work/posted.db" || status=1
echo "$job" | python3 -c 'import json,sys; j=json.load(sys.stdin)["items"][0]; sys.exit(0 if j["duplicates"] == 10 and j["invalid"] == 10 and j["accepted"] + 20 == j["lines"] else 1)' \
  && echo "import counts: every call accepted once, the 10 repeated lines counted as duplicates, the 10 invalid lines named" \
  || { echo "import counts are off"; status=1; }
echo "$(stamp) load average $(cut -d' ' -f1-3 /proc/loadavg); logs and databases in $work"
exit "$status"
