#!/usr/bin/env bash
# Stop the daemons started by start-ceph-rgw.sh DIR, then remove DIR (KEEP=1 keeps it for the logs).
# usage: stop-ceph-rgw.sh DIR
# Exits 1 if a ceph-mon/ceph-osd/radosgw of DIR is still running afterwards.
set -uo pipefail
DIR=$(realpath -m "${1:?usage: stop-ceph-rgw.sh DIR}")
CONF="$DIR/ceph.conf"

# Every daemon of this instance was started with "-c DIR/ceph.conf"; that is how strays are
# found when a pid file is missing (daemon killed mid-start, pid file not yet written).
pids_of_dir() { pgrep -f -- "-c $(printf '%s' "$CONF" | sed 's/[][\.*^$+?(){}|]/\\&/g')( |$)"; }

# SIGTERM to all at once, SIGKILL what is left after a short grace: radosgw takes 5-10 s to exit
# on SIGTERM, and a clean shutdown buys nothing here because start wipes DIR anyway.
stop_pids() {
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null
  local deadline=$((SECONDS + ${STOP_GRACE_SECS:-2})) alive
  while :; do
    alive=()
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    [ ${#alive[@]} -eq 0 ] && return 0
    [ $SECONDS -ge $deadline ] && break
    sleep 0.1
  done
  kill -9 "${alive[@]}" 2>/dev/null
  sleep 0.5
}

pids=()
for name in client.rgw.a osd.0 mon.a; do
  f="$DIR/run/$name.pid"
  [ -s "$f" ] || continue
  pid=$(cat "$f")
  # a pid file from an earlier boot may name an unrelated process by now
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-c $CONF" && pids+=("$pid")
done
stop_pids "${pids[@]}"
mapfile -t strays < <(pids_of_dir)
stop_pids "${strays[@]}"

if survivors=$(pids_of_dir); then
  echo "stop-ceph-rgw: still running for $DIR: $(echo $survivors)" >&2
  exit 1
fi
if [ "${KEEP:-0}" != 1 ] && [ -e "$DIR/.quiltup-rgw" ]; then
  rm -rf "$DIR"
fi
exit 0
