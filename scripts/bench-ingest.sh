#!/usr/bin/env bash
# scripts/bench.sh ingest: scored calls/s through the real HTTP API (batches of 500, single posts from 8 concurrent clients)
# beside the raw insert rate of the same rows measured in the same run, SQL commands and round trips per scored call, and the
# card latency while calls arrive at 100/s (benchmarks/CoachLoop.Benchmarks/IngestBench.cs, CardLatency.cs). PostgreSQL too
# when COACHLOOP_BENCH_POSTGRES holds a connection string of a user that may create databases (throwaway ones, dropped after).
# Knobs (passed on): --batches 4 --singles 1000 --warm-seconds 20 (batches and single posts before anything is measured, for the
# tiered JIT) --rate 100 --seconds 10. Output also in benchmarks/results/ingest-<UTC>.md.
# PROFILE=yes: perf records the process (host and load generator in one) over the batches and over the single posts of each
# database, and their summaries follow the table (scripts/bench-processes.sh perf_summary; the perf.data files are saved beside it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/bench-processes.sh
source "$root/scripts/bench-processes.sh"
profile_setup
command -v dotnet >/dev/null || { echo "dotnet not found: install the .NET 10 SDK" >&2; exit 2; }
out=$root/benchmarks/results/ingest-$(date -u +%Y%m%dT%H%M%SZ).md
mkdir -p "$(dirname "$out")"
echo "building Release"
dotnet build "$root/benchmarks/CoachLoop.Benchmarks" -c Release -v q -nologo >"$out.build.log" 2>&1 || { tail -30 "$out.build.log" >&2; echo "build failed" >&2; exit 1; }
rm -f "$out.build.log"
{
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc)); $(date -u +'%Y-%m-%d %H:%M UTC')"
  [[ -n ${COACHLOOP_BENCH_POSTGRES:-} ]] || echo "(PostgreSQL skipped: set COACHLOOP_BENCH_POSTGRES to include it)"
  echo
  # the host's own log lines (warnings, the outbox's dead letters for agents not in Slack) are not part of the figures
  set +e
  perf_dir=
  if [[ ${PROFILE:-no} == yes ]]; then perf_dir=${out%.md}-perf; mkdir -p "$perf_dir"; fi
  env $profile_env COACHLOOP_BENCH_PERF_DIR="$perf_dir" \
    dotnet "$root/benchmarks/CoachLoop.Benchmarks/bin/Release/net10.0/CoachLoop.Benchmarks.dll" ingest "$@" 2>&1 | grep --line-buffered -E '^(\||card latency|$)'
  status=${PIPESTATUS[0]}
  set -e
  if [[ -n $perf_dir ]]; then
    for data in "$perf_dir"/*.perf.data; do echo; perf_summary "$data" "ingest $(basename "$data" .perf.data)"; done
  fi
  echo
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit "$status"
} | tee "$out"
exit "${PIPESTATUS[0]}"
