#!/usr/bin/env bash
# Stop the sink started by start-nginx-sink.sh DIR (master and workers). Exits 1 if it survives.
# usage: stop-nginx-sink.sh DIR
set -uo pipefail
DIR=$(realpath -m "${1:?usage: stop-nginx-sink.sh DIR}")
[ -s "$DIR/nginx.pid" ] || exit 0
pid=$(cat "$DIR/nginx.pid")
# the pid file may be stale: only signal an nginx master that runs this DIR's config
if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$DIR/nginx.conf"; then
  kill -QUIT "$pid" 2>/dev/null          # graceful: the master takes its workers down
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -TERM "$pid"
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "stop-nginx-sink: nginx master $pid of $DIR is still running" >&2
    exit 1
  fi
fi
rm -f "$DIR/nginx.pid"
exit 0
