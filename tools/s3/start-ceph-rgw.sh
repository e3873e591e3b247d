#!/usr/bin/env bash
# One-node throwaway Ceph (1 mon, 1 OSD, no mgr, cluster auth off) + radosgw, all on 127.0.0.1.
# S3 SigV4 checking stays fully on, and versioning works (PUT ?versioning on any bucket).
#
# usage: start-ceph-rgw.sh DIR [RGW_PORT]      stop: stop-ceph-rgw.sh DIR
#   DIR is owned by this script: a leftover instance in it is stopped and the dir is wiped.
#   Prints "rgw ready at http://127.0.0.1:PORT in S s  access_key=AK secret_key=SK".
# Env (all optional):
#   RGW_PORT (7480, the 2nd argument wins), MON_PORT_V1 (RGW_PORT+1), MON_PORT_V2 (RGW_PORT+2)
#   OSD_STORE=memstore|bluestore   memstore keeps objects in RAM; bluestore uses a sparse file in DIR
#   MEMSTORE_BYTES                 capacity the memstore OSD reports (RAM is used only as data arrives)
#   S3_ACCESS_KEY / S3_SECRET_KEY  keys of the S3 user 'tester'
#   RGW_EXTRA_ENDPOINT             a second listen address, e.g. 127.0.0.1:80 (aws cli v2's CRT client dials :80)
# Needs: ceph-mon ceph-osd radosgw ceph-common uuid-runtime bc curl (tools/install_deps.sh).
set -euo pipefail

DIR=${1:?usage: start-ceph-rgw.sh DIR [RGW_PORT]}
PORT=${2:-${RGW_PORT:-7480}}
MON_PORT_V1=${MON_PORT_V1:-$((PORT + 1))}
MON_PORT_V2=${MON_PORT_V2:-$((PORT + 2))}
OSD_STORE=${OSD_STORE:-memstore}
MEMSTORE_BYTES=${MEMSTORE_BYTES:-4294967296}
AK=${S3_ACCESS_KEY:-AKIAIOSFODNN7EXAMPLE}
SK=${S3_SECRET_KEY:-wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}
HERE=$(cd "$(dirname "$0")" && pwd)
MARKER=.quiltup-rgw   # proves DIR is ours before it is wiped

for tool in ceph-mon ceph-osd radosgw radosgw-admin ceph monmaptool ceph-authtool uuidgen bc curl; do
  command -v "$tool" >/dev/null || {
    echo "start-ceph-rgw: '$tool' is not installed; run tools/install_deps.sh (needs ceph-mon ceph-osd radosgw ceph-common)" >&2
    exit 1
  }
done

DIR=$(realpath -m "$DIR")
if [ -d "$DIR" ] && [ -n "$(ls -A "$DIR")" ] && [ ! -e "$DIR/$MARKER" ]; then
  echo "start-ceph-rgw: $DIR is not empty and was not made by this script; pick another DIR" >&2
  exit 1
fi

fail() {
  echo "start-ceph-rgw: $*; logs in $DIR/log" >&2
  for f in "$DIR"/log/*; do
    [ -s "$f" ] && { echo "--- tail $f" >&2; tail -n 8 "$f" >&2; }
  done
  "$HERE/stop-ceph-rgw.sh" "$DIR" >&2 || true
  exit 1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

t0=$(date +%s.%N)
[ -e "$DIR/$MARKER" ] && "$HERE/stop-ceph-rgw.sh" "$DIR"
for p in "$PORT" "$MON_PORT_V1" "$MON_PORT_V2"; do
  port_free "$p" || {
    echo "start-ceph-rgw: port $p on 127.0.0.1 is already in use; choose others (RGW_PORT, MON_PORT_V1, MON_PORT_V2)" >&2
    exit 1
  }
done
rm -rf "$DIR"
mkdir -p "$DIR"/{run,log,mon.a,osd.0,rgw}
touch "$DIR/$MARKER"


FSID=$(uuidgen)
CONF="$DIR/ceph.conf"
cat > "$CONF" <<EOF
[global]
fsid = $FSID
mon host = [v2:127.0.0.1:$MON_PORT_V2,v1:127.0.0.1:$MON_PORT_V1]
mon initial members = a
public network = 127.0.0.0/8
auth cluster required = none
auth service required = none
auth client required = none
run dir = $DIR/run
log file = $DIR/log/\$name.log
admin socket = $DIR/run/\$name.asok
pid file = $DIR/run/\$name.pid
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon max pg per osd = 1000
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
ms bind ipv6 = false
[mon]
mon data = $DIR/mon.\$id
mon data avail warn = 1
mon data avail crit = 0
[osd]
osd data = $DIR/osd.\$id
osd objectstore = $OSD_STORE
memstore device bytes = $MEMSTORE_BYTES
# the block file must sit beside the data dir: inside it, mkfs fails with ELOOP
bluestore block path = $DIR/osd.\$id.block
bluestore block create = true
bluestore block size = 42949672960
osd memory target = 2147483648
osd max object size = 134217728
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$PORT${RGW_EXTRA_ENDPOINT:+ endpoint=$RGW_EXTRA_ENDPOINT}
# radosgw defaults to ms_mon_client_mode=secure, which auth=none cannot provide
ms mon client mode = crc
rgw data = $DIR/rgw
rgw dns name = 127.0.0.1
rgw thread pool size = 64
rgw enable usage log = false
EOF

# Daemons get /dev/null and a log file as stdio, so that no caller (ctest) waits on their pipes.
daemon() { "$@" </dev/null >>"$DIR/log/daemons.out" 2>&1; }
C=(ceph -c "$CONF" --connect-timeout 10)

monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT_V2,v1:127.0.0.1:$MON_PORT_V1]" \
  "$DIR/monmap" >/dev/null || fail "monmaptool failed"
ceph-authtool --create-keyring "$DIR/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null \
  || fail "ceph-authtool failed"
daemon ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" --keyring "$DIR/mon.keyring" || fail "mon mkfs failed"
daemon ceph-mon -c "$CONF" -i a || fail "ceph-mon did not start"   # daemonizes; pid in run/mon.a.pid
for _ in $(seq 1 100); do "${C[@]}" mon stat >/dev/null 2>&1 && break; sleep 0.2; done
"${C[@]}" mon stat >/dev/null 2>&1 || fail "mon did not answer on 127.0.0.1:$MON_PORT_V1/$MON_PORT_V2"

OSD_UUID=$(uuidgen)
OSD_ID=$("${C[@]}" osd new "$OSD_UUID") || fail "'ceph osd new' failed"
ceph-osd -c "$CONF" -i "$OSD_ID" --mkfs --osd-uuid "$OSD_UUID" </dev/null >"$DIR/log/osd-mkfs.out" 2>&1 \
  || fail "osd mkfs failed"
"${C[@]}" osd crush add-bucket localhost host >/dev/null 2>&1 || true
"${C[@]}" osd crush move localhost root=default >/dev/null 2>&1 || true
"${C[@]}" osd crush add "osd.$OSD_ID" 1.0 host=localhost >/dev/null 2>&1 || fail "osd crush add failed"
daemon ceph-osd -c "$CONF" -i "$OSD_ID" || fail "ceph-osd did not start"   # pid in run/osd.0.pid
for _ in $(seq 1 150); do "${C[@]}" osd stat 2>/dev/null | grep -q "1 up" && break; sleep 0.2; done
"${C[@]}" osd stat 2>/dev/null | grep -q "1 up" || fail "osd did not come up"

daemon radosgw -c "$CONF" -n client.rgw.a || fail "radosgw did not start"   # creates its pools on first start
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/" || fail "radosgw did not answer on 127.0.0.1:$PORT"
radosgw-admin -c "$CONF" user create --uid=tester --display-name=tester \
  --access-key="$AK" --secret-key="$SK" >"$DIR/log/user-create.out" 2>&1 || fail "radosgw-admin user create failed"

# Ready means a signed ListBuckets with the new keys succeeds, not just an open port.
status=000
for _ in $(seq 1 100); do
  # curl 7.88 does not send x-amz-content-sha256 itself; RGW requires it (this is SHA-256 of "")
  status=$(curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:us-east-1:s3" --user "$AK:$SK" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
    "http://127.0.0.1:$PORT/") || true
  [ "$status" = 200 ] && break
  sleep 0.1
done
[ "$status" = 200 ] || fail "signed ListBuckets got HTTP $status instead of 200"

t1=$(date +%s.%N)
echo "rgw ready at http://127.0.0.1:$PORT in $(echo "$t1 - $t0" | bc) s  access_key=$AK secret_key=$SK"
