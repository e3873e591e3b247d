#!/usr/bin/env bash
# The main job in one command: install what is missing, build the CLI, start a local Ceph RGW,
# create a bucket with versioning on, upload a small data set with build/bin/quiltup, print what
# was uploaded and what the server reports for each object. The server is stopped on exit.
# usage: tools/demo.sh
# Env: QUILTUP_BUILD_DIR (build/), DEMO_DIR (BUILD/demo), DEMO_RGW_PORT (7480; mon uses +1 and +2),
#      DEMO_BUCKET (quiltup-demo), DEMO_BIG_MIB (40: size of the one large file),
#      DEMO_CLI (an already built quiltup to use instead of building BUILD/bin/quiltup)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${QUILTUP_BUILD_DIR:-$root/build}
work=${DEMO_DIR:-$build/demo}
port=${DEMO_RGW_PORT:-7480}
bucket=${DEMO_BUCKET:-quiltup-demo}
big_mib=${DEMO_BIG_MIB:-40}
endpoint=http://127.0.0.1:$port
prefix=demo/
cli=$build/bin/quiltup

step() { printf '\n== %s\n' "$*"; }
die() { echo "demo: $*" >&2; exit 1; }

step "dependencies"
"$root/tools/install_deps.sh"

if [ -n "${DEMO_CLI:-}" ]; then
  cli=$DEMO_CLI
else
  step "build (target quiltup)"
  mkdir -p "$work"
  cmake -S "$root" -B "$build" -G Ninja >"$work/configure.log" 2>&1 \
    || { tail -n 20 "$work/configure.log" >&2; die "cmake configure failed; log: $work/configure.log"; }
  cmake --build "$build" -j"$(nproc)" --target quiltup \
    || die "could not build the CLI target 'quiltup' (tools/cli/*.cpp); see the errors above"
fi
[ -x "$cli" ] || die "$cli is not an executable"

step "start Ceph RGW on $endpoint"
stop_server() { "$root/tools/s3/stop-ceph-rgw.sh" "$work/rgw" || true; }
trap stop_server EXIT
trap 'exit 130' INT TERM
mkdir -p "$work"
MEMSTORE_BYTES=$((2 * 1024 * 1024 * 1024)) "$root/tools/s3/start-ceph-rgw.sh" "$work/rgw" "$port" \
  || die "RGW did not start (another server on port $port? set DEMO_RGW_PORT)"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL=$endpoint AWS_ENDPOINT_URL_S3=$endpoint AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN

step "bucket s3://$bucket with versioning"
"$cli" mb --versioning "s3://$bucket" || die "could not create bucket $bucket"

step "sample data in $work/data"
data=$work/data
rm -rf "$data"; mkdir -p "$data"
cat > "$data/README.md" <<'EOF'
# quiltup demo
A few small files and one large one, uploaded by tools/demo.sh.
EOF
{
  echo "sample_id,site,temperature_c,depth_m"
  for i in $(seq 1 200); do echo "s$i,site-$((i % 7)),$((10 + i % 17)).$((i % 10)),$((i * 3))"; done
} > "$data/measurements.csv"
printf '{"dataset": "quiltup-demo", "rows": 200, "columns": ["sample_id", "site", "temperature_c", "depth_m"]}\n' \
  > "$data/metadata.json"
head -c $((big_mib * 1024 * 1024)) /dev/urandom > "$data/large.bin"
ls -l "$data"

step "upload with $cli"
help=$("$cli" put --help 2>&1 || true)
flags=()
# the CLI reads AWS_ENDPOINT_URL; pass the flag too where it has one
if grep -q -- '--endpoint-url' <<<"$help"; then flags+=(--endpoint-url "$endpoint")
elif grep -q -- '--endpoint' <<<"$help"; then flags+=(--endpoint "$endpoint"); fi
results=$work/results.jsonl
: > "$results"
failed=0
t0=$(date +%s.%N)
if grep -q -- '--json' <<<"$help"; then
  # this CLI takes directories: one call for the whole set
  "$cli" put --json "${flags[@]}" "$data" "s3://$bucket/$prefix" > "$results" || failed=1
else
  # older CLI: one object per call
  for f in "$data"/*; do
    "$cli" put "${flags[@]}" "$f" "s3://$bucket/$prefix$(basename "$f")" >> "$results" || failed=1
  done
fi
t1=$(date +%s.%N)
echo "upload took $(echo "$t1 - $t0" | bc) s"

step "results (as printed by quiltup)"
python3 - "$results" <<'EOF' || failed=1
import json, sys
rows, bad, summary = [], 0, None
for line in open(sys.argv[1]):
    line = line.strip()
    if not line:
        continue
    try:
        r = json.loads(line)
    except ValueError:
        print("not JSON:", line); bad += 1; continue
    if "summary" in r:  # the batch's last line: totals and where the credentials came from
        summary = r
        continue
    if r.get("error") or not r.get("etag"):
        bad += 1
    rows.append(r)
fmt = "{:<28} {:>10}  {:<38} {:<34} {}"
print(fmt.format("key", "size", "etag", "version_id", "checksum / error"))
for r in rows:
    last = r.get("error") or r.get("checksum") or ""
    if not isinstance(last, str):
        last = json.dumps(last, separators=(",", ":"))
    print(fmt.format(str(r.get("key", "?")), str(r.get("size", "?")), str(r.get("etag") or ""),
                     str(r.get("version_id") or ""), last))
print(f"{len(rows)} objects, {bad} failed")
if summary:
    t = summary["summary"]
    print(f"quiltup's summary: {t['uploaded']} of {t['requested']} uploaded, {t['failed']} failed, "
          f"{t['bytes']} bytes in {t['seconds']:.2f} s; credentials from {summary.get('credentials', {}).get('source', '?')}")
    if t["failed"] or t["uploaded"] != len(rows):
        bad += 1
sys.exit(1 if bad or not rows else 0)
EOF

step "what the server reports (HEAD signed by curl, compared with quiltup's answer)"
mapfile -t objects < <(python3 -c 'import json, sys
for l in open(sys.argv[1]):
    l = l.strip()
    if l.startswith("{"):
        r = json.loads(l)
        if r.get("key") and r.get("etag"):
            print("\t".join([r["key"], str(r["etag"]), str(r.get("version_id") or "")]))' "$results")
for object in "${objects[@]}"; do
  IFS=$'\t' read -r key cli_etag cli_version <<<"$object"
  headers=$(curl -sS -I --aws-sigv4 "aws:amz:us-east-1:s3" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
    "$endpoint/$bucket/$key" | tr -d '\r') || true
  status=$(head -n1 <<<"$headers" | cut -d' ' -f2)
  size=$(grep -i '^content-length:' <<<"$headers" | cut -d' ' -f2 || true)
  etag=$(grep -i '^etag:' <<<"$headers" | cut -d' ' -f2 || true)
  version=$(grep -i '^x-amz-version-id:' <<<"$headers" | cut -d' ' -f2 || true)
  verdict=ok
  if [ "$status" != 200 ]; then verdict="HEAD failed"
  elif [ "${etag//\"/}" != "${cli_etag//\"/}" ]; then verdict="etag differs from quiltup's"
  elif [ -n "$cli_version" ] && [ "$version" != "$cli_version" ]; then verdict="version differs from quiltup's"
  elif [ -z "$version" ]; then verdict="no version id: versioning is off?"
  fi
  [ "$verdict" = ok ] || failed=1
  printf '%-28s HTTP %s size=%s etag=%s version=%s  %s\n' "$key" "$status" "$size" "$etag" "${version:-none}" "$verdict"
done

[ $failed = 0 ] || die "some uploads failed (see above)"
step "done: ${#objects[@]} objects in s3://$bucket/$prefix, each checked with HEAD; stopping the server"
