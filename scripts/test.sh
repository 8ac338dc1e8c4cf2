#!/usr/bin/env bash
# scripts/test.sh: THE test command for CoachLoop (named in the README, run by .ci/run).
#
# What it does, in order:
#   1. makes sure the tools the tests need are on the machine (PostgreSQL server
#      binaries; python3-aiosmtpd for the email tests' SMTP server; Chromium only
#      when browser tests are switched on). It must work on
#      a fresh Debian machine where nothing was installed by hand, so anything
#      missing is installed with apt-get (needs root, which CI and our machines are);
#   2. starts a throwaway PostgreSQL server (fresh data directory in a temp dir,
#      127.0.0.1 only, free port) and exports COACHLOOP_TEST_POSTGRES (Npgsql
#      connection string, superuser, `postgres` database, so tests can CREATE
#      DATABASE per test) and COACHLOOP_REQUIRE_POSTGRES=1 (tests that need
#      PostgreSQL fail instead of skipping). If the caller already set
#      COACHLOOP_TEST_POSTGRES, that server is used and none is started;
#   3. runs `dotnet test CoachLoop.sln` once (restore + build + test), passing this
#      script's arguments through (e.g. `scripts/test.sh --filter Foo`), writing TRX
#      files to a temp dir;
#   4. runs extra suites (none yet; see run_extra_suites);
#   5. stops the server, removes every temp dir, and prints ONE summary line,
#      `N passed, N failed`, summed over all suites, as the LAST line of output.
#
# Exit code: non-zero if any test failed, the build failed (or dotnet test failed
# for any other reason), an extra suite failed, or zero tests ran.
#
# Optional environment:
#   COACHLOOP_TEST_POSTGRES   use this server instead of starting one
#   COACHLOOP_TEST_SQLSERVER  also run the provider suite on this SQL Server (SqlClient connection string of a
#                             login that may CREATE DATABASE); skipped without it, none is started
#   COACHLOOP_BROWSER_TESTS=1 install/check Chromium (also: file tests/browser.enabled, which this repo
#                             has, so browser tests always run here and fail, not skip, without Chromium)
#   COACHLOOP_SUMMARY_FILE    also write the summary line to this file (.ci/run uses it)
set -euo pipefail

# Always run from the repository root, wherever we are called from.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

# Quiet, offline-friendly .NET CLI (the machines reach only the package registries).
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE="${DOTNET_SKIP_FIRST_TIME_EXPERIENCE:-1}"

log() { printf 'test.sh: %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------
# Temp space and cleanup. Everything this script creates lives under work_dir
# (TRX files, counts file) or pg_dir (the PostgreSQL data directory, which must be
# owned by the `postgres` OS user). The EXIT trap stops the server and removes
# both, on success, on failure and on Ctrl-C alike.
# ---------------------------------------------------------------------------
work_dir=$(mktemp -d "${TMPDIR:-/tmp}/coachloop-test.XXXXXX")
pg_dir=""          # set when we start our own server
pg_bindir=""       # /usr/lib/postgresql/<version>/bin
pg_running=0

# Every suite appends "PASSED FAILED" lines here; the summary sums them.
# Exported so that an extra suite's own wrapper script can append to it directly.
export COACHLOOP_TEST_COUNTS="$work_dir/counts"
: >"$COACHLOOP_TEST_COUNTS"

# Run a command as the `postgres` OS user when we are root (initdb and the
# server refuse to run as root); as ourselves otherwise.
as_pg() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Stop our server, if any. Quiet on purpose: nothing may print after the summary.
stop_postgres() {
  if ((pg_running)); then
    pg_running=0
    as_pg "$pg_bindir/pg_ctl" stop -D "$pg_dir/data" -m fast -w -t 30 >/dev/null 2>&1 ||
      as_pg "$pg_bindir/pg_ctl" stop -D "$pg_dir/data" -m immediate -w -t 30 >/dev/null 2>&1 ||
      true
  fi
}

# shellcheck disable=SC2317  # only invoked from the EXIT trap
cleanup() {
  stop_postgres
  if [[ -n $pg_dir ]]; then rm -rf "$pg_dir"; fi
  rm -rf "$work_dir"
}
trap cleanup EXIT
# A signal turns into a normal exit, so the EXIT trap above still runs.
trap 'log "interrupted"; exit 130' INT TERM HUP

# Print the one summary line (last thing printed) and exit.
#   $1: exit status decided so far (0 = fine so far)
finish() {
  local status=$1 passed failed
  read -r passed failed < <(awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }' "$COACHLOOP_TEST_COUNTS")
  if ((failed > 0)); then
    log "FAILED: $failed test(s) failed"
    status=1
  elif ((passed == 0)) && ((status == 0)); then
    log "FAILED: no tests ran (zero tests executed); a run that tests nothing is not a pass"
    status=1
  fi
  stop_postgres # before the summary, so its shutdown cannot print after it
  if [[ -n ${COACHLOOP_SUMMARY_FILE:-} ]]; then
    printf '%s passed, %s failed\n' "$passed" "$failed" >"$COACHLOOP_SUMMARY_FILE"
  fi
  printf '%s passed, %s failed\n' "$passed" "$failed"
  exit "$status"
}

die() {
  log "ERROR: $*"
  finish 1
}

# ---------------------------------------------------------------------------
# Installing what the tests need (Debian packages only; the machines reach only
# Debian/NuGet/npm registries, so nothing is downloaded from elsewhere).
# ---------------------------------------------------------------------------
apt_updated=0
apt_install() {
  [[ $EUID -eq 0 ]] || die "need root to install Debian package(s): $* (install them, or rerun as root)"
  if ((!apt_updated)); then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -q || die "apt-get update failed"
    apt_updated=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" || die "apt-get install $* failed"
}

# Newest /usr/lib/postgresql/<version>/bin that has the server binaries, or "".
find_pg_bindir() {
  local d found=""
  while IFS= read -r d; do
    if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then found=$d; fi
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  printf '%s' "$found"
}

ensure_postgres() {
  pg_bindir=$(find_pg_bindir)
  if [[ -z $pg_bindir ]]; then
    log "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; installing"
    apt_install postgresql
    pg_bindir=$(find_pg_bindir)
    [[ -n $pg_bindir ]] || die "PostgreSQL server binaries still missing after apt-get install postgresql"
  fi
  if [[ $EUID -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    die "OS user 'postgres' is missing (the postgresql package normally creates it)"
  fi
}

# === Extra tooling: browser tests and Node ==================================
# Browser tests need Debian's Chromium (no browser downloads are possible here).
# It is only installed when browser tests are switched on: COACHLOOP_BROWSER_TESTS=1
# or a file tests/browser.enabled in the repo.
browser_tests_enabled() {
  [[ ${COACHLOOP_BROWSER_TESTS:-} == 1 || -f tests/browser.enabled ]]
}

ensure_chromium() {
  if [[ ! -x /usr/bin/chromium ]]; then
    apt_install chromium
  fi
  [[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium missing after apt-get install chromium"
  # Tests find the browser through this, instead of guessing paths.
  export COACHLOOP_CHROMIUM=/usr/bin/chromium
  # Browser tests skip when they find no browser, except when this says they must run: here they must, so a
  # browser that went missing fails the run instead of passing it quietly.
  export COACHLOOP_BROWSER_TESTS=1
}

# Node test suites need node/npm (Debian packages `nodejs`, `npm`) and their npm
# dependencies (`npm ci` in the suite's folder, from the npm registry).
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  command -v node >/dev/null 2>&1 || die "node missing after apt-get install nodejs"
}
# The email tests send through a real SMTP server on loopback: Debian's aiosmtpd, which each test starts itself
# (tests/CoachLoop.Bot.Tests/Support/Smtp). Here they must run: a missing server fails them instead of skipping.
ensure_smtp() {
  if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
    apt_install python3-aiosmtpd
  fi
  /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || die "python3-aiosmtpd missing after apt-get install python3-aiosmtpd"
  export COACHLOOP_REQUIRE_SMTP=1
}
# ===========================================================================

# ---------------------------------------------------------------------------
# Throwaway PostgreSQL server.
# ---------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
  local port=55432 locale=C
  while port_in_use "$port"; do
    port=$((port + 1))
    ((port < 55532)) || die "no free TCP port in 55432-55531 for the test PostgreSQL server"
  done

  # Under /tmp (not $TMPDIR): the `postgres` user must be able to reach it, and
  # the Unix socket path inside it must stay short.
  pg_dir=$(mktemp -d /tmp/coachloop-pg.XXXXXX)
  printf 'postgres\n' >"$pg_dir/pwfile"
  chmod 600 "$pg_dir/pwfile"
  if [[ $EUID -eq 0 ]]; then chown -R postgres: "$pg_dir"; fi

  # C.UTF-8 gives Unicode-aware upper()/lower(); plain C only handles ASCII.
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi

  # Superuser `postgres` with password `postgres`; password (scram) auth over TCP,
  # like a real deployment; trust only on the Unix socket, which sits in pg_dir.
  if ! as_pg "$pg_bindir/initdb" -D "$pg_dir/data" -U postgres --pwfile="$pg_dir/pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale="$locale" \
    >"$pg_dir/initdb.log" 2>&1; then
    cat "$pg_dir/initdb.log" >&2
    die "initdb failed"
  fi

  # Loopback only, our port, socket in our own dir (not /var/run/postgresql, which
  # may not exist or belong to a system cluster). Durability is pointless for a
  # throwaway server, so fsync is off for speed. Extra connections because tests
  # create a database each and Npgsql pools per connection string.
  cat >>"$pg_dir/data/postgresql.conf" <<EOF

# --- added by scripts/test.sh (throwaway test server) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$pg_dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  log "starting PostgreSQL ($pg_bindir) on 127.0.0.1:$port, data in $pg_dir/data"
  if ! as_pg "$pg_bindir/pg_ctl" start -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 >/dev/null; then
    tail -n 50 "$pg_dir/server.log" >&2 || true
    die "PostgreSQL did not start"
  fi
  pg_running=1

  export COACHLOOP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Password=postgres"

  # Prove it accepts a TCP connection with those credentials, as the tests will.
  local version
  if ! version=$(PGPASSWORD=postgres PGCONNECT_TIMEOUT=10 "$pg_bindir/psql" -X -q -A -t \
    -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'SHOW server_version' 2>&1); then
    tail -n 50 "$pg_dir/server.log" >&2 || true
    die "PostgreSQL started but refused a connection: $version"
  fi
  log "PostgreSQL $version ready: COACHLOOP_TEST_POSTGRES=$COACHLOOP_TEST_POSTGRES"
}

# ---------------------------------------------------------------------------
# Counting results.
# ---------------------------------------------------------------------------

# Append one suite's counts to the counts file.  Usage: record_counts PASSED FAILED
record_counts() {
  printf '%d %d\n' "$1" "$2" >>"$COACHLOOP_TEST_COUNTS"
}

# Sum the <Counters .../> element of every TRX file under $1 into the counts file.
# "failed" also includes error/timeout/aborted results, which are not passes either.
count_trx() {
  local dir=$1 file counters passed failed files=0 a v
  while IFS= read -r -d '' file; do
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1 || true)
    if [[ -z $counters ]]; then
      log "warning: no <Counters> element in $file (test run cut short?)"
      continue
    fi
    passed=0 failed=0
    v=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=${v:-0}
    for a in failed error timeout aborted; do
      v=$(sed -n "s/.* $a=\"\\([0-9]*\\)\".*/\\1/p" <<<"$counters")
      failed=$((failed + ${v:-0}))
    done
    record_counts "$passed" "$failed"
  done < <(find "$dir" -type f -name '*.trx' -print0)
  log "read $files TRX file(s)"
}

# Run one extra suite; a non-zero exit marks the whole run failed even if the
# suite could not report counts.  Usage: run_suite NAME COMMAND [ARGS...]
suite_failed=0
# shellcheck disable=SC2317  # not called until an extra suite is added
run_suite() {
  local name=$1
  shift
  log "running suite: $name"
  if ! "$@"; then
    log "suite '$name' failed (exit code non-zero)"
    suite_failed=1
  fi
}

# === Extra test suites ======================================================
# Add suites that are not `dotnet test` here (e.g. Node tests). Each one must add
# its own counts with `record_counts PASSED FAILED` (or by appending a
# "PASSED FAILED" line to "$COACHLOOP_TEST_COUNTS" from its own script), e.g.:
#   run_suite web-ui run_node_tests web
# where run_node_tests runs `node --test` in that folder and records its
# "# pass N" / "# fail N" totals.
# Run `node --test` in DIR (after `npm ci` from its package-lock.json) and record its TAP totals.
run_node_tests() {
  local dir=$1 tap passed failed status=0
  ensure_node
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || { log "npm ci failed in $dir"; record_counts 0 1; return 1; }
  tap="$work_dir/$(basename "$dir").tap"
  (cd "$dir" && node --test --test-reporter=tap) >"$tap" 2>&1 || status=$?
  passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -n 1)
  failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -n 1)
  if ((status != 0)); then grep -E '^not ok|error|Error' "$tap" | head -n 40 >&2 || true; fi
  log "suite $dir: ${passed:-0} passed, ${failed:-0} failed"
  if [[ -z $passed && -z $failed ]]; then failed=1; fi
  record_counts "${passed:-0}" "${failed:-0}"
  return "$status"
}

run_extra_suites() {
  # Teams channel against the official Bot Framework JS SDK; it starts the built bot itself.
  run_suite teams-conformance run_node_tests tests/teams-conformance
  # Block Kit payloads written by the .NET suite (EveryBlockKitPayloadTests), type-checked against @slack/types.
  run_suite slack-types run_node_tests tests/slack-types
}
# ===========================================================================

# ---------------------------------------------------------------------------
# Main.
# ---------------------------------------------------------------------------

# Tooling.
if browser_tests_enabled; then ensure_chromium; fi
ensure_smtp

# Database.
export COACHLOOP_REQUIRE_POSTGRES=1
if [[ -n ${COACHLOOP_TEST_POSTGRES:-} ]]; then
  log "using the caller's COACHLOOP_TEST_POSTGRES; not starting a server"
else
  ensure_postgres
  start_postgres
fi
# SQL Server: none can be installed on these machines, so none is started. Its schema, claim and query
# checks run without one (tests named SqlServer*); the provider suite's SQL Server cases run only
# against a server the caller names in COACHLOOP_TEST_SQLSERVER and are skipped otherwise.
if [[ -n ${COACHLOOP_TEST_SQLSERVER:-} ]]; then
  log "using the caller's COACHLOOP_TEST_SQLSERVER: the provider suite runs on SQL Server too"
else
  log "no COACHLOOP_TEST_SQLSERVER: the provider suite's SQL Server cases are SKIPPED (the no-server SQL Server checks still run)"
fi

# .NET tests: one restore + build + test of the whole solution. Build servers are
# disabled so no MSBuild/compiler server processes outlive the run (CI waits for
# the script's output to close; lingering servers would hold it open).
status=0
results_dir="$work_dir/trx"
dotnet_status=0
dotnet test CoachLoop.sln --disable-build-servers \
  --logger "trx;LogFilePrefix=coachloop" --results-directory "$results_dir" \
  "$@" || dotnet_status=$?
if [[ -d $results_dir ]]; then count_trx "$results_dir"; fi
if ((dotnet_status != 0)); then
  log "FAILED: dotnet test exited with code $dotnet_status (build failure, failing tests, or a crashed test host; see above)"
  status=1
fi

run_extra_suites
if ((suite_failed)); then status=1; fi

finish "$status"
