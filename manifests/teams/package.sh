#!/usr/bin/env bash
# Builds the Teams app package a Teams admin uploads: a flat zip with manifest.json, color.png and outline.png at its root.
#
#   BOT_APP_ID=<Azure Bot Microsoft App ID> BOT_HOST=coachloop.example.com [TEAMS_APP_ID=<guid>] manifests/teams/package.sh
#
# TEAMS_APP_ID is the Teams app's own id; keep it stable across versions (a new one is made when unset; note it down).
# Output: manifests/teams/build/coachloop-teams.zip
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${BOT_APP_ID:?set BOT_APP_ID to the Microsoft App ID of the bot}"
: "${BOT_HOST:?set BOT_HOST to the host name CoachLoop runs on, e.g. coachloop.example.com}"
TEAMS_APP_ID=${TEAMS_APP_ID:-$(cat /proc/sys/kernel/random/uuid)}
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
[[ $BOT_APP_ID =~ $guid ]] || { echo "BOT_APP_ID must be a GUID" >&2; exit 1; }
[[ $TEAMS_APP_ID =~ $guid ]] || { echo "TEAMS_APP_ID must be a GUID" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
sed -e "s/{{BOT_APP_ID}}/$BOT_APP_ID/g" -e "s/{{TEAMS_APP_ID}}/$TEAMS_APP_ID/g" -e "s/{{BOT_HOST}}/$BOT_HOST/g" \
  "$here/manifest.json" >"$stage/manifest.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$stage/manifest.json"
cp "$here/color.png" "$here/outline.png" "$stage/"
mkdir -p "$here/build"
rm -f "$here/build/coachloop-teams.zip"
# -j: no folders inside the zip (Teams wants the three files at the root).
python3 - "$here/build/coachloop-teams.zip" "$stage"/manifest.json "$stage"/color.png "$stage"/outline.png <<'PY'
import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for f in sys.argv[2:]:
        z.write(f, os.path.basename(f))
PY
echo "Teams app package: $here/build/coachloop-teams.zip (Teams app id $TEAMS_APP_ID)"
