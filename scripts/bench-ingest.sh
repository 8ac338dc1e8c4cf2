#!/usr/bin/env bash
# scripts/bench.sh ingest: scored calls/s through the real HTTP API (batches of 500, single posts from 8 concurrent clients)
# beside the raw insert rate of the same rows measured in the same run, SQL commands and round trips per scored call, and the
# card latency while calls arrive at 100/s (benchmarks/CoachLoop.Benchmarks/IngestBench.cs, CardLatency.cs). PostgreSQL too
# when COACHLOOP_BENCH_POSTGRES holds a connection string of a user that may create databases (throwaway ones, dropped after).
# Knobs (passed on): --batches 4 --singles 1000 --rate 100 --seconds 10. Output also in benchmarks/results/ingest-<UTC>.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
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
  dotnet "$root/benchmarks/CoachLoop.Benchmarks/bin/Release/net10.0/CoachLoop.Benchmarks.dll" ingest "$@" 2>&1 | grep --line-buffered -E '^(\||card latency|$)'
  status=${PIPESTATUS[0]}
  set -e
  echo
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit "$status"
} | tee "$out"
exit "${PIPESTATUS[0]}"
