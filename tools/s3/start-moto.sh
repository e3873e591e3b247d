#!/usr/bin/env bash
# moto's server (all services) on 127.0.0.1:PORT in the background. Prints "ACCESS_KEY SECRET_KEY".
# usage: start-moto.sh DIR PORT [auth|noauth]       stop: stop-moto.sh DIR
#   auth (default): create IAM user 'tester' with s3:* and switch SigV4 checking on; prints its keys.
#   noauth: any key and signature is accepted; prints "test test".
#   DIR gets moto.pid, moto.port and moto.log; a moto still running from DIR is stopped first.
# moto is the second target: it stores and echoes x-amz-checksum-* and accepts trailers, which
# RGW 16 does not. It is no SigV4 oracle (see shared/spec/local-s3.md).
# Needs python3 with moto[server] and boto3 (preinstalled here; see tools/install_deps.sh).
set -euo pipefail
DIR=${1:?usage: start-moto.sh DIR PORT [auth|noauth]}
PORT=${2:?usage: start-moto.sh DIR PORT [auth|noauth]}
MODE=${3:-auth}
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(realpath -m "$DIR")

python3 -c "import moto.server, boto3" 2>/dev/null || {
  echo "start-moto: python3 cannot import moto.server and boto3; install them with: python3 -m pip install 'moto[server]' boto3" >&2
  exit 1
}
"$HERE/stop-moto.sh" "$DIR"
mkdir -p "$DIR"
LOG="$DIR/moto.log"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "start-moto: port $PORT on 127.0.0.1 is already in use; pick another PORT" >&2
  exit 1
fi

fail() {
  echo "start-moto: $*; log: $LOG" >&2
  tail -n 10 "$LOG" >&2 2>/dev/null || true
  "$HERE/stop-moto.sh" "$DIR" >&2 || true
  exit 1
}

# stdio to a file and /dev/null, so that a caller (ctest) does not wait on inherited pipes
python3 -m moto.server -H 127.0.0.1 -p "$PORT" </dev/null >"$LOG" 2>&1 &
echo $! > "$DIR/moto.pid"
echo "$PORT" > "$DIR/moto.port"
for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/moto-api/" && break
  kill -0 "$(cat "$DIR/moto.pid")" 2>/dev/null || fail "moto exited during start"
  sleep 0.05
done
curl -s -o /dev/null "http://127.0.0.1:$PORT/moto-api/" || fail "moto did not answer on 127.0.0.1:$PORT"

if [ "$MODE" = auth ]; then
  # AWS_CA_BUNDLE may point at a bundle botocore cannot load; plain http needs none
  AWS_CA_BUNDLE='' python3 "$HERE/moto_enable_auth.py" "http://127.0.0.1:$PORT" || fail "switching moto auth on failed"
else
  echo "test test"
fi
