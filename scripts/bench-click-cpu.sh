#!/usr/bin/env bash
# scripts/bench.sh click-cpu: the bot's CPU per completed Slack click, all of its work counted: ack, store, apply, card, send
# and bookkeeping. A steadier measure of a change to the click path than rates on a busy 2-core machine, where the split of CPU
# between acknowledgements and the queued work moves from run to run.
#
# Starts the peers' fake Slack Web API and fake Bot Connector (../shared/bench/peers), seeds a SQLite database with flags awaiting approval
# (benchmarks/CoachLoop.Benchmarks seed-clicks), then RUNS times: a new bot process (Release, Production, web channel off) on a
# fresh copy, JIT_WARM_S of fresh clicks at 2 concurrent (waited for), then CLICKS fresh signed clicks at CONCURRENCY, and
# counts the bot's CPU time (user + system, /proc) from the first of them until their chat.updates at the fake stopped (at
# least 99% of the clicks wrk counted as answered, or the run fails). Prints one line per run and the median (also saved under
# benchmarks/results/). Knobs: RUNS=3, CLICKS=6000, CONCURRENCY=50, JIT_WARM_S=20, BOT_PORT=5300, and PROFILE=yes: perf records
# the bot (call graphs, JIT-compiled code named through the runtime's perf map) over each measured run, and the run's line is
# followed by the split of its samples by library and the top functions (needs perf; the record is saved beside the result).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peers=$(cd "${PEERS_DIR:-$root/../shared/bench/peers}" 2>/dev/null && pwd) || { echo "peers folder not found: ${PEERS_DIR:-$root/../shared/bench/peers}" >&2; exit 2; }
clicks=$root/benchmarks/peers
RUNS=${RUNS:-3} CLICKS=${CLICKS:-6000} CONCURRENCY=${CONCURRENCY:-50} JIT_WARM_S=${JIT_WARM_S:-20} BOT_PORT=${BOT_PORT:-5300}
PROFILE=${PROFILE:-no}
(( RUNS > 0 && CLICKS > 0 && CONCURRENCY > 0 )) || { echo "RUNS, CLICKS and CONCURRENCY must be above 0" >&2; exit 2; }
# shellcheck source=scripts/bench-processes.sh
source "$root/scripts/bench-processes.sh"
export_slack_secrets
export PEERS_DIR=$peers
fake=http://127.0.0.1:4100 bot=http://127.0.0.1:$BOT_PORT
need_tools
profile_setup

out=$(mktemp -d /tmp/coachloop-click-cpu.XXXXXX)
mkdir -p "$root/benchmarks/results"
saved=$root/benchmarks/results/click-cpu-$(date -u +%Y%m%dT%H%M%SZ).txt
exec > >(tee "$saved") 2>&1
trap 'cleanup; rm -rf "$out"' EXIT
req() { node "$peers/load/requests.mjs" "$@"; }
updates() { req stats "$fake" | sed -n 's/.*chat\.update=\([0-9]*\).*/\1/p'; }
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
# Read and write system calls of the process so far (SQLite reads its pages with pread, writes with pwrite; sockets count too).
syscalls() { awk '/^syscr:/ { r = $2 } /^syscw:/ { w = $2 } END { print r, w }' "/proc/$1/io"; }
hz=$(getconf CLK_TCK)

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"
echo "building Release"
dotnet build "$root/benchmarks/CoachLoop.Benchmarks" -c Release -v q -nologo >"$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; echo "build failed" >&2; exit 1; }
bench_dll=$root/benchmarks/CoachLoop.Benchmarks/bin/Release/net10.0/CoachLoop.Benchmarks.dll
bot_dir=$root/src/CoachLoop.Bot/bin/Release/net10.0

# The seeder posts its template flags' cards to Slack and Teams through the real host, so both fakes run.
start fake-slack "$out/fake-slack.log" "$fake/health" env PORT=4100 node "$peers/fake-slack/server.mjs"
start fake-connector "$out/fake-connector.log" http://127.0.0.1:4200/health env PORT=4200 node "$peers/fake-connector/server.mjs"
jit_clicks=2000
dotnet "$bench_dll" seed-clicks --db "$out/seed.db" --out "$out/flags.tsv" --slack-flags $(( jit_clicks + CLICKS )) --teams-flags 10 2>&1 \
  | grep '^seed:' || { echo "seeding failed" >&2; exit 1; }

results=()
for run in $(seq 1 "$RUNS"); do
  rm -f "$out"/row.db*; cp "$out/seed.db" "$out/row.db"
  # Built per run: Slack refuses signatures older than 5 minutes.
  node "$clicks/clicks.mjs" build slack "$out/flags.tsv" 0 "$jit_clicks" "$out/jit.req"
  node "$clicks/clicks.mjs" build slack "$out/flags.tsv" "$jit_clicks" "$CLICKS" "$out/measure.req"
  load=$(cut -d' ' -f1 /proc/loadavg)
  start coachloop "$out/bot.log" "$bot/healthz" env --chdir="$bot_dir" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$bot" \
    Database__Provider=Sqlite Database__SqlitePath="$out/row.db" WebChannel__Enabled=false Demo__Seed=false Scheduling__Enabled=false \
    Slack__SigningSecret="$SLACK_SIGNING_SECRET" Slack__BotToken="$SLACK_BOT_TOKEN" Slack__ApiBaseUrl="$fake/api/" \
    Logging__LogLevel__Default=Warning $profile_env dotnet CoachLoop.Bot.dll
  pid=$started
  timeout $(( JIT_WARM_S + 30 )) wrk -t1 -c2 -d"${JIT_WARM_S}s" --timeout 10s -s "$clicks/walk.lua" "$bot/slack/interactions" -- "$out/jit.req" walk >/dev/null 2>&1 || true
  req settle "$fake" 120 >/dev/null; req reset "$fake"
  c0=$(cpu_ticks "$pid") t0=$(date +%s.%N) io0=$(syscalls "$pid")
  if [[ $PROFILE == yes ]]; then
    perf_data=${saved%.txt}-run$run.perf.data
    perf_start "$pid" "$perf_data"
  fi
  # wrk runs its whole duration even once the clicks are used up (walk.lua then stops its thread): long enough for them at
  # 500/s, a third of the usual acknowledgement rate here; the queued work goes on meanwhile, and is counted either way.
  wrk_out=$(timeout 300 wrk -t1 -c"$CONCURRENCY" -d$(( CLICKS / 500 + 5 ))s --timeout 10s -s "$clicks/walk.lua" "$bot/slack/interactions" -- "$out/measure.req" walk 2>&1) || true
  result=$(grep '^RESULT' <<<"$wrk_out") || { echo "$wrk_out" >&2; echo "no RESULT line from wrk" >&2; exit 1; }
  # Answered clicks (the ones past the end of the file are repeats of its last click, answered without new work).
  acked=$(( $(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$result") - $(sed -n 's/.* non2xx=\([0-9]*\).*/\1/p' <<<"$result") ))
  (( acked > CLICKS )) && acked=$CLICKS
  # The queued work drains at a steady pace: done once no chat.update came for 1 s (the CPU of that second is near nothing).
  req settle "$fake" 300 >/dev/null
  c1=$(cpu_ticks "$pid") t1=$(date +%s.%N) completed=$(updates) io1=$(syscalls "$pid")
  if [[ $PROFILE == yes ]]; then
    perf_stop
  fi
  stop "$pid"
  (( completed > 0 && completed * 100 >= acked * 99 )) || { echo "run $run: only $completed of $acked answered clicks completed" >&2; exit 1; }
  line=$(awk -v a="$c0" -v b="$c1" -v hz="$hz" -v n="$completed" -v k="$acked" -v t0="$t0" -v t1="$t1" -v l="$load" \
    'BEGIN { printf "%.2f ms of CPU per completed click (%d completed of %d answered, %.1f CPU-s over %.1f s, %.0f completed/s; load average %s at the start)", 1000 * (b - a) / hz / n, n, k, (b - a) / hz, t1 - t0, n / (t1 - t0), l }')
  echo "run $run: $line"
  read -r r0 w0 <<<"$io0"; read -r r1 w1 <<<"$io1"
  awk -v run="$run" -v r=$(( r1 - r0 )) -v w=$(( w1 - w0 )) -v n="$completed" \
    'BEGIN { printf "run %s: %.0f read and %.0f write system calls per completed click (SQLite pages, sockets and files)\n", run, r / n, w / n }'
  if [[ $PROFILE == yes ]]; then
    perf_summary "$perf_data" "run $run"
  fi
  results+=("$(cut -d' ' -f1 <<<"$line")")
done
median=$(printf '%s\n' "${results[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "median: $median ms of CPU per completed click over $RUNS run(s); load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "saved in ${saved#"$root"/}"
