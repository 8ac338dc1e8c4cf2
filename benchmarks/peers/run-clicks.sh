#!/usr/bin/env bash
# Drives CoachLoop with pre-built clicks (clicks.mjs), the way ../shared/bench/peers/load/run-load.sh drives a peer:
#
#   run-clicks.sh slack|teams URL CONCURRENCY DURATION_S MEASURE_FILE WARMUP_FILE walk|replay
#
# Warm-up without leftovers: Slack acks before the work, so fresh clicks of the warm-up (WARMUP_FILE walked, it may run out) are
# waited for until their chat.update calls reached the fake (at most WARM_WAIT_S=60, else a WARNING), and repeats are not used
# (they would queue, unseen at the fake, in front of the measured clicks). A Teams invoke does its work before it is answered, so
# its warm-up replays the probe click, which leaves no card updates behind.
# probe (first request of WARMUP_FILE, 2xx required; forged Slack signature must get 401), warm-up (WARMUP_S, unmeasured), wait
# until the warm-up's work is done, reset the fake's counters, the measured wrk run, the fake's counts when the load
# stopped and after it went quiet (at most SETTLE_S=20 s). Environment: FAKE_URL, BOT_PID and FAKE_PID (CPU; the bot's peak RSS
# since it started), PERF_OUT (perf records the bot from the measured run's start until the fake went quiet, into that file;
# the bot must have been started with scripts/bench-processes.sh's profile_env), WARMUP_S=2, PEERS_DIR (the peers folder, for its requests.mjs stats/reset/settle). Prints one SUMMARY line in run-load.sh's
# format plus fake_updates (chat.update or updateActivity), exhausted (the flags ran out) and rss_peak_mb.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $# -eq 7 ]] || { echo "usage: $0 slack|teams URL CONCURRENCY DURATION_S MEASURE_FILE WARMUP_FILE walk|replay" >&2; exit 2; }
kind=$1 url=$2 conc=$3 dur=$4 measure=$5 warm=$6 mode=$7
warmup=${WARMUP_S:-2}
peers=${PEERS_DIR:?PEERS_DIR must name ../shared/bench/peers}
case $kind in
  slack) fake=${FAKE_URL:-http://127.0.0.1:4100} outbound=chat.update ;;
  teams) fake=${FAKE_URL:-http://127.0.0.1:4200} outbound=updateActivity ;;
  *) echo "kind must be slack or teams" >&2; exit 2 ;;
esac
[[ $url =~ ^http://127\.0\.0\.1: && $fake =~ ^http://127\.0\.0\.1: ]] || { echo "loopback http://127.0.0.1 URLs only" >&2; exit 2; }
(( dur >= 1 && dur <= 120 && conc >= 1 && conc <= 1000 )) || { echo "duration 1-120 s, concurrency 1-1000" >&2; exit 2; }

req() { node "$peers/load/requests.mjs" "$@"; }
wrk_run() { # seconds file mode
  timeout --kill-after=5 $(( $1 + 30 )) wrk -t1 -c"$conc" -d"${1}s" --timeout 10s -s "$here/walk.lua" "$url" -- "$2" "$3"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
cpu_ticks() { [[ -n ${1:-} && -r /proc/$1/stat ]] && sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }' || true; }

echo "== coachloop $kind $mode: $url concurrency=$conc duration=${dur}s warmup=${warmup}s fake=$fake"
# Counted before the probe: the probe is the warm-up's first click, so its update is one of the warm-up's whichever lands first.
before=$(field "$outbound" "$(req stats "$fake")"); before=${before:-0}
node "$here/clicks.mjs" probe "$url" "$warm" || { echo "probe failed: not measuring" >&2; exit 3; }
warm_mode=$([[ $kind == slack ]] && echo walk || echo replay)
if (( warmup > 0 )); then
  out=$(wrk_run "$warmup" "$warm" "$warm_mode" 2>&1) || { echo "$out" >&2; echo "warm-up failed" >&2; exit 5; }
  echo "warm-up ($warm_mode): $(grep '^RESULT' <<<"$out" | cut -d' ' -f2-4)"
fi
if [[ $kind == slack ]]; then
  # every warm-up click (and the probe) made one chat.update once its queued work was done
  want=$(( before + $(field requests "$(grep '^RESULT' <<<"$out" || echo 'RESULT requests=0')") ))
  for (( i = 0; i < ${WARM_WAIT_S:-60} * 4; i++ )); do
    done_now=$(field "$outbound" "$(req stats "$fake")")
    (( ${done_now:-0} >= want )) && break
    sleep 0.25
  done
  (( i < ${WARM_WAIT_S:-60} * 4 )) || echo "WARNING: the warm-up's card updates were still queued after ${WARM_WAIT_S:-60}s: some complete during the measured run"
fi
req settle "$fake" 30 >/dev/null
req reset "$fake"

hz=$(getconf CLK_TCK)
if [[ -n ${PERF_OUT:-} ]]; then
  # shellcheck source=scripts/bench-processes.sh
  source "$here/../../scripts/bench-processes.sh"
  perf_start "${BOT_PID:?PERF_OUT needs BOT_PID}" "$PERF_OUT"
fi
bot0=$(cpu_ticks "${BOT_PID:-}") fake0=$(cpu_ticks "${FAKE_PID:-}") t0=$(date +%s.%N)
out=$(wrk_run "$dur" "$measure" "$mode" 2>&1) || { echo "$out" >&2; echo "wrk failed" >&2; exit 5; }
bot1=$(cpu_ticks "${BOT_PID:-}") fake1=$(cpu_ticks "${FAKE_PID:-}") t1=$(date +%s.%N)
at_end=$(req stats "$fake")
settled=$(req settle "$fake" "${SETTLE_S:-20}")
[[ -z ${PERF_OUT:-} ]] || perf_stop
rss_peak=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/${BOT_PID:-self}/status" 2>/dev/null || echo -)
pct() { [[ -n $1 && -n $2 ]] && awk -v a="$1" -v b="$2" -v hz="$hz" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.0f", 100 * (b - a) / hz / (t1 - t0) }' || echo -; }

result=$(grep '^RESULT' <<<"$out" || true)
[[ -n $result ]] || { echo "$out" >&2; echo "no RESULT line from wrk" >&2; exit 5; }
secs=$(field duration_s "$result")
updates_end=$(field "$outbound" "$at_end"); updates_end=${updates_end:-0}
updates=$(field "$outbound" "$settled"); updates=${updates:-0}
calls_end=$(field total "$at_end") calls=$(field total "$settled")
rate() { awk -v c="$1" -v t="$secs" 'BEGIN { if (t > 0) printf "%.1f", c / t; else print "n/a" }'; }
echo "$result"
echo "fake at stop: $at_end"
echo "fake settled: $settled"
[[ $(field exhausted "$result") == 1 ]] && echo "WARNING: the seeded flags ran out after ${secs}s (raise CLICK_FLAGS): rates are over that time"
echo "SUMMARY kind=$kind mode=$mode conc=$conc dur_s=$dur $(cut -d' ' -f2- <<<"$result") fake_calls_end=$calls_end fake_calls=$calls" \
  "fake_calls_rps=$(rate "$calls_end") fake_calls_after_stop=$(( calls - calls_end )) fake_updates_end=$updates_end fake_updates=$updates" \
  "fake_updates_rps=$(rate "$updates_end") fake_updates_after_stop=$(( updates - updates_end )) settle_s=$(field settle_s "$settled")" \
  "peer_cpu_pct=$(pct "$bot0" "$bot1") fake_cpu_pct=$(pct "$fake0" "$fake1") rss_peak_mb=$rss_peak"
