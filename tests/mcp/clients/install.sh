#!/usr/bin/env bash
# Installs the pinned MCP test clients (mcp.md §13) from their committed lockfiles with `npm ci`,
# skipping a folder whose node_modules already matches its lockfile. Used as the CTest fixture
# `mcp_clients`; needs the npm registry only when something is missing or stale.
# usage: install.sh [folder...]   (default: every client folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(v1 v2 inspector conformance)
for dir in "${folders[@]}"; do
  lock="$here/$dir/package-lock.json"
  stamp="$here/$dir/node_modules/.quiltup-lock.sha256"
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then continue; fi
  echo "mcp clients: npm ci in $dir" >&2
  (cd "$here/$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
done
