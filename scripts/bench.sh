#!/usr/bin/env bash
# Benchmarks live here, not in timed tests (README "Benchmarks"):
#   scripts/bench.sh peers     CoachLoop beside @slack/bolt and botbuilder-js (../shared/bench/peers), one run, one table
#   scripts/bench.sh click-cpu the bot's CPU per completed Slack click (ack to chat.update, everything counted), a few runs and
#                              their median: the steadiest measure of a change to the click path
#   scripts/bench.sh ingest    scored calls/s through the API beside raw SQLite (and PostgreSQL with COACHLOOP_BENCH_POSTGRES),
#                              SQL per scored call, and card latency while calls arrive at 100/s (one channel, then 20)
#   scripts/bench.sh latency   only that card latency (--teams N for one spread; --rate, --seconds)
#   scripts/bench.sh actions   card actions over real HTTP on the embedded SQLite database: 1,000 approvals from 200 concurrent
#                              clients, then 200 concurrent clicks on one flag; actions/s and latency percentiles
#   scripts/bench.sh digests   every manager's digest over 500 managers, 10,000 agents, 1,000,000 calls
#   scripts/bench.sh scripts   script checks and keyword triggers (BenchmarkDotNet) on a 10-minute, ~1,500-word transcript: per rubric and per phrase
#   scripts/bench.sh backfill  100,000 calls imported through the CLI with a kill -9 of the host midway, compared with posting them one by one (scripts/backfill-check.sh)
# Results of peers and ingest are also saved under benchmarks/results/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:-actions}"
shift || true
case "$suite" in
  peers) exec scripts/bench-peers.sh "$@" ;;
  click-cpu) exec scripts/bench-click-cpu.sh "$@" ;;
  ingest) exec scripts/bench-ingest.sh "$@" ;;
  backfill) exec scripts/backfill-check.sh "$@" ;;
  latency) exec dotnet run -c Release --project benchmarks/CoachLoop.Benchmarks -- latency "$@" ;;
  actions) exec dotnet run -c Release --project benchmarks/CoachLoop.Benchmarks -- "$@" ;;
  digests) exec dotnet run -c Release --project benchmarks/CoachLoop.Benchmarks -- digests "$@" ;;
  scripts) exec dotnet run -c Release --project benchmarks/CoachLoop.Benchmarks -- scripts "$@" ;;
  *) echo "unknown benchmark '$suite' (known: peers, click-cpu, ingest, latency, actions, digests, scripts, backfill)" >&2; exit 2 ;;
esac
