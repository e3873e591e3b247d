#!/usr/bin/env bash
# nginx + Lua "S3 sink" on 127.0.0.1:PORT in the background: reads every body to the end, stores
# nothing, answers like S3. It measures the client's own ceiling in benchmarks (local-s3.md).
# usage: start-nginx-sink.sh DIR [PORT]      stop: stop-nginx-sink.sh DIR
#   PORT defaults to $SINK_PORT or 8080; DIR gets nginx.conf, nginx.pid, logs/ and temp dirs.
#   Any key and signature is accepted. A sink still running from DIR is stopped first.
# Needs: nginx libnginx-mod-http-lua (tools/install_deps.sh --bench).
set -euo pipefail
DIR=${1:?usage: start-nginx-sink.sh DIR [PORT]}
PORT=${2:-${SINK_PORT:-8080}}
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(realpath -m "$DIR")

command -v nginx >/dev/null && [ -e /usr/lib/nginx/modules/ngx_http_lua_module.so ] || {
  echo "start-nginx-sink: nginx with the Lua module is not installed; run tools/install_deps.sh --bench" >&2
  exit 1
}
"$HERE/stop-nginx-sink.sh" "$DIR"
mkdir -p "$DIR/logs"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "start-nginx-sink: port $PORT on 127.0.0.1 is already in use; pick another PORT" >&2
  exit 1
fi
fail() {
  echo "start-nginx-sink: $*; log: $DIR/logs/error.log" >&2
  tail -n 10 "$DIR/logs/error.log" "$DIR/logs/start.out" >&2 2>/dev/null || true
  "$HERE/stop-nginx-sink.sh" "$DIR" >&2 || true
  exit 1
}

sed "s/@PORT@/$PORT/" "$HERE/nginx-s3-sink-lua.conf" > "$DIR/nginx.conf"
# nginx daemonizes; stdio goes to a file so that no caller waits on inherited pipes
nginx -p "$DIR" -c "$DIR/nginx.conf" -g "pid $DIR/nginx.pid;" </dev/null >"$DIR/logs/start.out" 2>&1 \
  || fail "nginx refused to start"
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.05; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/" || fail "the sink did not answer on 127.0.0.1:$PORT"
echo "nginx sink on http://127.0.0.1:$PORT pid $(cat "$DIR/nginx.pid")"
