#!/usr/bin/env bash
# scripts/bench.sh peers: CoachLoop beside the official-SDK bots of ../shared/bench/peers (@slack/bolt, botbuilder-js), in one run.
#
# Starts the peers' fake Slack Web API and fake Bot Connector, seeds a SQLite database with flags awaiting approval (real
# migrator, real host, real card posts; see benchmarks/CoachLoop.Benchmarks/ClickSeeder.cs), then, interleaved, at each
# concurrency: the peer with the peers' own driver (load/run-load.sh) and CoachLoop (Release build, its own process, Production,
# web channel off) with benchmarks/peers/run-clicks.sh: a distinct signed click per flag ("fresh") and one click replayed
# ("repeat"). Every CoachLoop row starts a new bot process on a fresh copy of the seeded database, so work left queued by one
# row cannot slow the next; it is warmed up before it is measured. Prints one table (also saved in benchmarks/results/) and the
# SQL commands and connection opens of single clicks, measured in-process.
#
# Knobs: CONCURRENCIES="50 200", REPEAT_CONCURRENCIES="50", DURATION_S=10, WARMUP_S=2, CLICK_FLAGS=15000 (clicks available per
# measured row; a row that uses them all up says so), WARM_CLICKS=300 (fresh Slack clicks of a warm-up, waited for until their
# card updates arrived, so none is counted in the measured run), JIT_WARM_S=25 and JIT_CLICKS=2000 (before that, every new bot
# process first gets fresh clicks at 2 concurrent for JIT_WARM_S, waited for until the fake is quiet: on 2 cores the runtime's
# tiered JIT needs about that long to finish optimising the hot paths; the peers get the same time to warm up, as WARMUP_S of
# their own driver), SETTLE_S=15, BOT_PORT=5300, PEERS_DIR; for a quick look while
# working: KINDS="slack teams" (which channels run), PEERS=yes (no: CoachLoop rows only, no ratio) and TRACE_S (seconds of a
# dotnet-trace CPU sample of each CoachLoop row, from the start of its warm-up, saved beside the logs; needs dotnet-trace), and
# PROFILE=yes: perf records each CoachLoop row's measured run until its card updates stopped (the bot's samples by library,
# its top functions and CoachLoop's methods inclusive, printed after the row and saved as profile-*.txt beside the perf.data;
# needs perf; perf's own cost lowers that row's figures).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peers=$(cd "${PEERS_DIR:-$root/../shared/bench/peers}" 2>/dev/null && pwd) || { echo "peers folder not found: ${PEERS_DIR:-$root/../shared/bench/peers}" >&2; exit 2; }
clicks=$root/benchmarks/peers
CONCURRENCIES=${CONCURRENCIES:-"50 200"}
REPEAT_CONCURRENCIES=${REPEAT_CONCURRENCIES:-50}
DURATION_S=${DURATION_S:-10}
export WARMUP_S=${WARMUP_S:-2} SETTLE_S=${SETTLE_S:-15}
CLICK_FLAGS=${CLICK_FLAGS:-15000}
WARM_CLICKS=${WARM_CLICKS:-300}
JIT_WARM_S=${JIT_WARM_S:-25}
JIT_CLICKS=${JIT_CLICKS:-2000}
(( CLICK_FLAGS > 0 && WARM_CLICKS > 0 )) || { echo "CLICK_FLAGS and WARM_CLICKS must be above 0" >&2; exit 2; }
BOT_PORT=${BOT_PORT:-5300}
KINDS=${KINDS:-"slack teams"}
PEERS=${PEERS:-yes}
# shellcheck source=scripts/bench-processes.sh
source "$root/scripts/bench-processes.sh"
# One signing secret and bot token per run, shared through the environment by the peers, their load driver, clicks.mjs and CoachLoop.
export_slack_secrets
export PEERS_DIR=$peers
fake_slack=http://127.0.0.1:4100 fake_connector=http://127.0.0.1:4200 bot=http://127.0.0.1:$BOT_PORT

# ---------------------------------------------------------------- what it needs
need_tools
PROFILE=${PROFILE:-no}
profile_setup
for d in slack-bolt botbuilder; do
  [[ -d $peers/$d/node_modules ]] || { echo "installing $d (npm ci)"; (cd "$peers/$d" && npm ci --no-audit --no-fund --loglevel=error) || exit 2; }
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$root/benchmarks/results/peers-$stamp
mkdir -p "$out"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average at start: $load_start (nproc $(nproc))"
echo "building Release"
dotnet build "$root/benchmarks/CoachLoop.Benchmarks" -c Release -v q -nologo >"$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; echo "build failed" >&2; exit 1; }
bench_dll=$root/benchmarks/CoachLoop.Benchmarks/bin/Release/net10.0/CoachLoop.Benchmarks.dll
bot_dir=$root/src/CoachLoop.Bot/bin/Release/net10.0

# ---------------------------------------------------------------- processes
trap cleanup EXIT
rss_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo -; }

start fake-slack "$out/fake-slack.log" "$fake_slack/health" env PORT=4100 node "$peers/fake-slack/server.mjs"; fake_slack_pid=$started
start fake-connector "$out/fake-connector.log" "$fake_connector/health" env PORT=4200 node "$peers/fake-connector/server.mjs"; fake_connector_pid=$started

echo "seeding flags awaiting approval"
per_channel=$(( JIT_CLICKS + WARM_CLICKS + CLICK_FLAGS ))   # JIT warm-up, probe and warm-up first, then the measured clicks
dotnet "$bench_dll" seed-clicks --db "$out/seed.db" --out "$out/flags.tsv" --slack-flags "$per_channel" --teams-flags "$per_channel" 2>&1 \
  | grep '^seed:' || { echo "seeding failed" >&2; exit 1; }

rows=()
peer_row() { # label kind url pid fake-pid
  local c log
  for c in $CONCURRENCIES; do
    log=$out/$1-$2-c$c.log
    PEER_PID=$4 FAKE_PID=$5 WARMUP_S=$(( WARMUP_S + JIT_WARM_S )) "$peers/load/run-load.sh" "$2" "$3" "$c" "$DURATION_S" >"$log" 2>&1 || { cat "$log" >&2; echo "$1 run failed" >&2; exit 1; }
    grep -E '^(requests/s|latency p50|latency p99|fake API calls)' "$log" | sed "s/^/  $1 c=$c /"
    rows+=("$1|$2 fresh|$c|$(grep '^SUMMARY' "$log") rss_peak_mb=$(rss_mb "$4")")
  done
}
coachloop_row() { # kind mode concurrency
  local kind=$1 mode=$2 c=$3 db=$out/row.db log=$out/coachloop-$1-$2-c$3.log url fake fake_pid
  if [[ $kind == slack ]]; then url=$bot/slack/interactions fake=$fake_slack fake_pid=$fake_slack_pid
  else url=$bot/api/messages fake=$fake_connector fake_pid=$fake_connector_pid; fi
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$out/seed.db" "$db"
  node "$clicks/clicks.mjs" build "$kind" "$out/flags.tsv" 0 "$JIT_CLICKS" "$out/jit.req"
  node "$clicks/clicks.mjs" build "$kind" "$out/flags.tsv" "$JIT_CLICKS" "$WARM_CLICKS" "$out/warm.req"
  node "$clicks/clicks.mjs" build "$kind" "$out/flags.tsv" $(( JIT_CLICKS + WARM_CLICKS )) "$([[ $mode == walk ]] && echo "$CLICK_FLAGS" || echo 1)" "$out/measure.req"
  start coachloop "$out/bot-$kind-$mode-c$c.log" "$bot/healthz" env --chdir="$bot_dir" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$bot" \
    Database__Provider=Sqlite Database__SqlitePath="$db" WebChannel__Enabled=false Demo__Seed=false Scheduling__Enabled=false \
    Slack__SigningSecret="$SLACK_SIGNING_SECRET" Slack__BotToken="$SLACK_BOT_TOKEN" Slack__ApiBaseUrl="$fake_slack/api/" \
    Teams__DevelopmentMode=true Logging__LogLevel__Default=Warning $profile_env dotnet CoachLoop.Bot.dll
  local pid=$started
  # A new process first gets fresh clicks at low concurrency for JIT_WARM_S (tiered JIT, pools, caches; Teams answers only
  # after the work, so a cold process at 200 concurrent may not finish one), and their work is waited for; then run-clicks.sh
  # warms up at the row's own concurrency
  if (( JIT_WARM_S > 0 )); then
    timeout $(( JIT_WARM_S + 30 )) wrk -t1 -c2 -d"${JIT_WARM_S}s" --timeout 10s -s "$clicks/walk.lua" "$url" -- "$out/jit.req" walk >/dev/null 2>&1 || true
    node "$peers/load/requests.mjs" settle "$fake" 120 >/dev/null
  fi
  if [[ -n ${TRACE_S:-} ]]; then
    dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$TRACE_S" \
      -o "$out/trace-$kind-$mode-c$c.nettrace" >"$out/trace-$kind-$mode-c$c.log" 2>&1 &
  fi
  local perf_out=
  [[ $PROFILE != yes ]] || perf_out=$out/perf-$kind-$mode-c$c.perf.data
  PERF_OUT=$perf_out FAKE_URL=$fake BOT_PID=$pid FAKE_PID=$fake_pid "$clicks/run-clicks.sh" "$kind" "$url" "$c" "$DURATION_S" "$out/measure.req" "$out/warm.req" "$mode" \
    >"$log" 2>&1 || { cat "$log" >&2; stop "$pid"; echo "coachloop $kind $mode run failed" >&2; exit 1; }
  stop "$pid"
  grep -E '^(RESULT|fake|WARNING)' "$log" | sed "s/^/  coachloop $kind $mode c=$c /"
  [[ -z $perf_out ]] || perf_summary "$perf_out" "coachloop $kind $mode c=$c" | tee "$out/profile-$kind-$mode-c$c.txt"
  rows+=("coachloop|$kind $([[ $mode == walk ]] && echo fresh || echo repeat)|$c|$(grep '^SUMMARY' "$log")")
}

wants() { [[ " $KINDS " == *" $1 "* ]]; }
if wants slack; then
  if [[ $PEERS == yes ]]; then
    start slack-bolt "$out/slack-bolt.log" http://127.0.0.1:3100/health env PORT=3100 SLACK_API_URL="$fake_slack/api/" node "$peers/slack-bolt/app.js"
    peer_row slack-bolt slack http://127.0.0.1:3100/slack/events "$started" "$fake_slack_pid"; stop "$started"
  fi
  for c in $CONCURRENCIES; do coachloop_row slack walk "$c"; done
  for c in $REPEAT_CONCURRENCIES; do coachloop_row slack replay "$c"; done
fi
if wants teams; then
  if [[ $PEERS == yes ]]; then
    start botbuilder "$out/botbuilder.log" http://127.0.0.1:3200/health env PORT=3200 node "$peers/botbuilder/bot.js"
    FAKE_URL=$fake_connector peer_row botbuilder teams http://127.0.0.1:3200/api/messages "$started" "$fake_connector_pid"; stop "$started"
  fi
  for c in $CONCURRENCIES; do coachloop_row teams walk "$c"; done
  for c in $REPEAT_CONCURRENCIES; do coachloop_row teams replay "$c"; done
fi

echo "measuring SQL per click (in-process, single clicks)"
dotnet "$bench_dll" sql-clicks >"$out/sql.txt" 2>&1 || { tail -20 "$out/sql.txt" >&2; echo "sql-clicks failed" >&2; exit 1; }
node "$clicks/table.mjs" "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)" "$out/sql.txt" "${rows[@]}" | tee "$out/table.md"
rm -f "$out"/*.db "$out"/*.db-wal "$out"/*.db-shm "$out"/*.req "$out/flags.tsv"
echo "logs and table in ${out#"$root"/}"
