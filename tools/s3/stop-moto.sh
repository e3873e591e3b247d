#!/usr/bin/env bash
# Stop the moto started by start-moto.sh DIR (pid file), and any moto still serving its port.
# usage: stop-moto.sh DIR       Exits 1 if a moto of DIR is still running afterwards.
set -uo pipefail
DIR=$(realpath -m "${1:?usage: stop-moto.sh DIR}")
[ -s "$DIR/moto.port" ] || { rm -f "$DIR/moto.pid"; exit 0; }
PORT=$(cat "$DIR/moto.port")
pids_of_dir() { pgrep -f -- "moto\.server -H 127\.0\.0\.1 -p $PORT( |$)"; }

stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}

[ -s "$DIR/moto.pid" ] && stop_pid "$(cat "$DIR/moto.pid")"
for pid in $(pids_of_dir); do stop_pid "$pid"; done
if survivors=$(pids_of_dir); then
  echo "stop-moto: moto on port $PORT is still running: $(echo $survivors)" >&2
  exit 1
fi
rm -f "$DIR/moto.pid" "$DIR/moto.port"
exit 0
