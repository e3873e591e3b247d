#!/usr/bin/env bash
# End-to-end upload benchmark: quiltup (CLI and MCP) against the clients people use today, on the
# same local servers, with every upload checked on arrival (object count and bytes) so that a
# broken client cannot look fast. Writes bench/out/{results.md,results.csv,runs.csv,chart.png}.
#
# usage: bench/e2e/run.sh [--quick] [--runs N] [--servers "sink rgw"] [--workloads "..."] [--clients "..."]
#   --quick      smaller workloads (1,000 x 4 KiB; 100 x 1 MiB; 1 x 256 MiB; MCP 1,000 items), one run each
#   --runs N     most runs per (server, workload, client) cell; default 3. Runs are interleaved: round 1
#                runs every client once, round 2 again in an order rotated by one, and so on, so no
#                client always runs first (on a cold server) or last. A cell stops repeating once
#                another run would take it past BENCH_CELL_SECONDS (default 25), so slow clients get
#                fewer runs; the table says how many each median is of.
#   --servers    sink (nginx + Lua, reads and discards: the client's own ceiling) and/or rgw
#                (Ceph RGW, bluestore OSD: end to end). Default both.
#   --workloads  small medium large mcp scale (scale = quiltup's peak RSS at 1,000 vs 100,000 objects,
#                sink only, full mode only). Default all.
#   --clients    quiltup quiltup-unsigned quiltup-mcp quiltup-base curl awscli1 awscli2 awscli2-crt boto3
#                rclone s3cmd node. Default all. quiltup-unsigned = the CLI with --payload-signing unsigned
#                (what the default `auto` does over https); quiltup-base = the CLI from QUILTUP_BASE_BIN_DIR,
#                for before/after figures of an engine change from the same run (skipped when unset).
# Env: QUILTUP_BIN_DIR (build/bin: quiltup, quiltup-mcp), QUILTUP_BASE_BIN_DIR, BENCH_OUT (bench/out), BENCH_WORK
#   (/tmp/quiltup-bench: data and server dirs), BENCH_SINK_PORT (26080), BENCH_RGW_PORT (26000; mon
#   on +1, +2), BENCH_CONCURRENCY (10), BENCH_CELL_SECONDS (25), BENCH_RUN_TIMEOUT (300: a run that
#   takes longer is killed and counted as failed), BENCH_RGW_ROOM_GIB (30: RGW is restarted fresh before
#   a run that would write more than this into its 40 GiB OSD; a full OSD blocks writes instead of
#   failing them).
# Needs: tools/install_deps.sh --bench (nginx + Lua, gnuplot, rclone, s3cmd, awscli v2, npm packages),
#   aws cli v1 + boto3 on PATH's python3, Ceph RGW. aws cli v2's CRT client always dials port 80, so
#   awscli2-crt runs only when 127.0.0.1:80 is free (the servers then listen there too, until the end).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${BENCH_OUT:-$root/bench/out}
work=${BENCH_WORK:-/tmp/quiltup-bench}
bin=${QUILTUP_BIN_DIR:-$root/build/bin}
base_bin=${QUILTUP_BASE_BIN_DIR:-}
sink_port=${BENCH_SINK_PORT:-26080}
rgw_port=${BENCH_RGW_PORT:-26000}
concurrency=${BENCH_CONCURRENCY:-10}
cell_seconds=${BENCH_CELL_SECONDS:-25}
run_timeout=${BENCH_RUN_TIMEOUT:-300}
rgw_room=$(( ${BENCH_RGW_ROOM_GIB:-30} << 30 ))
rgw_written=0
checksum=CRC32C          # quiltup's default; peers use it where they can (see checksum_of)
part_mib=8
bucket=bench

quick=0 max_runs=3
servers="sink rgw"
workloads="small medium large mcp scale"
clients="quiltup quiltup-unsigned quiltup-mcp quiltup-base curl awscli1 awscli2 awscli2-crt boto3 rclone s3cmd node"
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1; max_runs=1 ;;
    --runs) max_runs=${2:?--runs needs a number}; shift ;;
    --servers) servers=${2:?}; shift ;;
    --workloads) workloads=${2:?}; shift ;;
    --clients) clients=${2:?}; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL_S3 || true

# --- workloads: name -> kind count size (quick sizes in the second table) ---------------------
declare -A wl_kind=([small]=dir [medium]=dir [large]=file [mcp]=inline [scale]=dir)
if [ $quick = 1 ]; then
  declare -A wl_count=([small]=1000 [medium]=100 [large]=1 [mcp]=1000)
  declare -A wl_size=([small]=4096 [medium]=1048576 [large]=268435456 [mcp]=4096)
  workloads=$(echo " $workloads " | sed 's/ scale / /')
else
  declare -A wl_count=([small]=10000 [medium]=1000 [large]=1 [mcp]=1000)
  declare -A wl_size=([small]=4096 [medium]=1048576 [large]=2147483648 [mcp]=4096)
fi

mkdir -p "$out" "$work"
runs_csv=$out/runs.csv
meta=$out/meta.txt
log=$out/run.log
: > "$log"
say() { echo "$*" | tee -a "$log" >&2; }

# --- servers -----------------------------------------------------------------------------------
sink_dir=$work/sink
rgw_dir=$work/rgw
port80=0
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_servers() {
  if [ -s "$sink_dir/nginx.pid" ]; then "$root/tools/s3/stop-nginx-sink.sh" "$sink_dir" || true; fi
  if [ -e "$rgw_dir" ]; then "$root/tools/s3/stop-ceph-rgw.sh" "$rgw_dir" >/dev/null 2>&1 || true; fi
}
trap stop_servers EXIT

start_sink() {
  "$root/tools/s3/stop-nginx-sink.sh" "$sink_dir" || true
  rm -rf "$sink_dir"; mkdir -p "$sink_dir/logs"
  local listen="listen 127.0.0.1:$sink_port backlog=4096;"
  [ $port80 = 1 ] && listen="$listen listen 127.0.0.1:80 backlog=4096;"
  sed "s/listen 127.0.0.1:@PORT@ backlog=4096;/$listen/" "$here/nginx-sink-counting.conf" > "$sink_dir/nginx.conf"
  nginx -p "$sink_dir" -c "$sink_dir/nginx.conf" -g "pid $sink_dir/nginx.pid;" </dev/null >"$sink_dir/logs/start.out" 2>&1 \
    || { cat "$sink_dir/logs/start.out" >&2; return 1; }
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$sink_port/" && return 0; sleep 0.05; done
  echo "run.sh: the sink did not answer on 127.0.0.1:$sink_port" >&2; return 1
}

# A fresh RGW per workload: its bluestore file (40 GiB) would not hold every client's copy of the
# large workload, and RGW frees deleted multipart data only after hours (gc).
start_rgw() {
  "$root/tools/s3/stop-ceph-rgw.sh" "$rgw_dir" >/dev/null 2>&1 || true
  local extra=""
  [ $port80 = 1 ] && extra=127.0.0.1:80
  OSD_STORE=bluestore RGW_EXTRA_ENDPOINT=$extra "$root/tools/s3/start-ceph-rgw.sh" "$rgw_dir" "$rgw_port" >>"$log" 2>&1 \
    || { tail -20 "$log" >&2; return 1; }
  aws --endpoint-url "http://127.0.0.1:$rgw_port" s3 mb "s3://$bucket" >>"$log" 2>&1
  warm_rgw
  rgw_written=0
}

# A new OSD is slow for its first writes (pools, allocator, RGW's caches): an unmeasured upload of
# small and multipart objects, by a peer, so that the first measured client does not pay for it.
# 256 MiB, not less: after a 64 MiB warm-up the first 256 MiB upload still took 2.07 s and the
# next ones 0.97 s; after 256 MiB the first took 1.03 s.
warm_rgw() {
  make_dir "$work/data/warmup" 200 4096
  make_file "$work/data/warmup-big/big.bin" $((256 << 20))
  local ep t0=$SECONDS
  ep=$(endpoint_of rgw)
  eval "$(rclone_env "$ep" rgw) rclone copy --transfers $concurrency $work/data/warmup T:$bucket/warmup" >>"$log" 2>&1
  eval "$(rclone_env "$ep" rgw) rclone copy --s3-chunk-size ${part_mib}M --s3-upload-concurrency $concurrency" \
    "$work/data/warmup-big T:$bucket/warmup-big" >>"$log" 2>&1
  say "  rgw warmed up ($((SECONDS - t0)) s, unmeasured)"
}

endpoint_of() { [ "$1" = sink ] && echo "http://127.0.0.1:$sink_port" || echo "http://127.0.0.1:$rgw_port"; }

# --- data --------------------------------------------------------------------------------------
# Random bytes (nothing compresses or dedups); the files are made once and kept in $work/data.
make_data() {
  local w=$1 kind=${wl_kind[$1]}
  local count=${wl_count[$w]:-} size=${wl_size[$w]:-}
  case $w in
    scale) make_dir "$work/data/scale-1k" 1000 1024; make_dir "$work/data/scale-100k" 100000 1024 ;;
    *) [ $kind = dir ] && make_dir "$work/data/$w-$count" "$count" "$size"
       [ $kind = file ] && make_file "$work/data/$w-$size/big.bin" "$size"
       true ;;
  esac
}
make_dir() {
  local dir=$1 count=$2 size=$3
  [ -f "$dir.complete" ] && return 0   # beside the dir, not in it: every file inside is uploaded
  say "making $count x $size B in $dir"
  rm -rf "$dir"; mkdir -p "$dir"
  python3 - "$dir" "$count" "$size" <<'EOF'
import os, sys
d, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
block = os.urandom(size + n * 7)
for i in range(n):  # a different window of one random block per file: distinct content, fast
    with open(os.path.join(d, f"f{i:06d}.bin"), "wb") as f:
        f.write(block[i * 7:i * 7 + size])
EOF
  touch "$dir.complete"
}
make_file() {
  local file=$1 size=$2
  [ -f "$file" ] && [ "$(stat -c %s "$file")" = "$size" ] && return 0
  say "making $file ($size B)"
  mkdir -p "$(dirname "$file")"
  head -c "$size" /dev/urandom > "$file"
}
source_of() {  # workload -> path given to the clients
  case $1 in
    large) echo "$work/data/large-${wl_size[large]}/big.bin" ;;
    scale-1k|scale-100k) echo "$work/data/$1" ;;
    *) echo "$work/data/$1-${wl_count[$1]}" ;;
  esac
}
expected_of() {  # workload -> "objects bytes"
  case $1 in
    scale-1k) echo "1000 1024000" ;;
    scale-100k) echo "100000 102400000" ;;
    *) echo "${wl_count[$1]} $(( ${wl_count[$1]} * ${wl_size[$1]} ))" ;;
  esac
}

# --- clients -----------------------------------------------------------------------------------
cfg=$work/cfg
mkdir -p "$cfg"
aws_cfg() {  # the same knobs for v1 and v2's default (s3transfer) client
  printf '[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n    max_concurrent_requests = %s\n    multipart_threshold = %sMB\n    multipart_chunksize = %sMB\n' \
    "$concurrency" $((part_mib * 2)) "$part_mib" > "$cfg/aws.cfg"
  # CRT: no concurrency knob (it sizes itself from target_bandwidth); same part size
  printf '[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n    preferred_transfer_client = crt\n    multipart_chunksize = %sMB\n' \
    "$part_mib" > "$cfg/aws-crt.cfg"
}
aws_cfg

# What each client is told about checksums: CRC32C where it can, else the nearest it has.
# botocore in PATH's python has no awscrt, so aws cli v1 and boto3 cannot do CRC32C: CRC32.
# rclone 1.60 and s3cmd 2.3 have no x-amz-checksum-* support: their own Content-MD5 / MD5.
# aws cli v2 2.9.19 (Debian) predates --checksum-algorithm and sends none.
checksum_of() {
  case $1 in
    quiltup*|node) echo CRC32C ;;
    awscli1|boto3) echo CRC32 ;;
    rclone|s3cmd) echo MD5 ;;
    curl|awscli2|awscli2-crt) echo none ;;
  esac
}
concurrency_of() {
  case $1 in
    s3cmd) echo 1 ;;          # uploads one object at a time; no knob
    awscli2-crt) echo auto ;; # no knob
    *) echo "$concurrency" ;;
  esac
}

rclone_env() {
  local ep=$1 server=$2
  echo "env -u AWS_CA_BUNDLE RCLONE_CONFIG=/dev/null RCLONE_CONFIG_T_TYPE=s3 RCLONE_CONFIG_T_PROVIDER=Other" \
       "RCLONE_CONFIG_T_ENDPOINT=$ep RCLONE_CONFIG_T_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID" \
       "RCLONE_CONFIG_T_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY RCLONE_CONFIG_T_FORCE_PATH_STYLE=true" \
       "RCLONE_CONFIG_T_REGION=us-east-1$([ "$server" = sink ] && echo ' RCLONE_S3_NO_HEAD=true')"
}

# client server workload runid -> one shell command line that uploads the workload under runid/
client_cmd() {
  local c=$1 server=$2 w=$3 id=$4
  local ep src kind
  ep=$(endpoint_of "$server"); src=$(source_of "$w"); kind=${wl_kind[${w%%-*}]}
  local dst="s3://$bucket/$id/"
  case $c in
    quiltup|quiltup-unsigned|quiltup-base)
      [ "$kind" = file ] && dst="${dst}big.bin"
      local exe=$bin/quiltup flags=$quiltup_flags
      [ $c = quiltup-unsigned ] && flags="$flags --payload-signing unsigned"
      [ $c = quiltup-base ] && { exe=$base_bin/quiltup; flags=$quiltup_base_flags; }
      echo "env AWS_ENDPOINT_URL=$ep $exe put$flags $src $dst" ;;
    quiltup-mcp)
      local mode=dir
      [ "$kind" = file ] && mode=file
      [ "$kind" = inline ] && mode="inline ${wl_count[mcp]} ${wl_size[mcp]}"
      [ "$kind" = inline ] || mode="$mode $src"
      [ "$kind" = file ] && id="$id/big.bin"
      echo "env AWS_ENDPOINT_URL=$ep QUILTUP_ALLOWED_ROOTS=$work/data python3 $here/mcp_client.py $bin/quiltup-mcp" \
           "$bucket $id $mode $concurrency $checksum $work/mcp-rusage" ;;
    curl)  # the raw ceiling: the same bytes, no signing, no checksum, same parallelism
      if [ "$kind" = file ]; then
        echo "curl -sS --fail -o /dev/null -T $src $ep/$bucket/$id/big.bin"
      else
        python3 - "$src" "$ep/$bucket/$id" > "$cfg/curl-$id.cfg" <<'EOF'
import os, sys
src, url = sys.argv[1:3]
for n in sorted(os.listdir(src)):
    print(f'upload-file = "{os.path.join(src, n)}"\nurl = "{url}/{n}"\noutput = "/dev/null"')
EOF
        echo "curl -sS --no-progress-meter --fail --parallel --parallel-max $concurrency -K $cfg/curl-$id.cfg"
      fi ;;
    awscli1|awscli2|awscli2-crt)
      local aws=aws conf=$cfg/aws.cfg
      [ $c != awscli1 ] && aws=/usr/bin/aws
      [ $c = awscli2-crt ] && { conf=$cfg/aws-crt.cfg; ep=http://127.0.0.1:80; }
      local ck=""
      [ $c = awscli1 ] && ck="--checksum-algorithm CRC32"
      if [ "$kind" = file ]; then
        echo "env AWS_CONFIG_FILE=$conf $aws --endpoint-url $ep s3 cp --quiet --no-progress $ck $src ${dst}big.bin"
      else
        echo "env AWS_CONFIG_FILE=$conf $aws --endpoint-url $ep s3 cp --recursive --quiet --no-progress $ck $src $dst"
      fi ;;
    boto3)
      if [ "$kind" = file ]; then
        echo "python3 $here/boto3_upload.py $ep $bucket file $src ${id}/big.bin $concurrency CRC32"
      else
        echo "python3 $here/boto3_upload.py $ep $bucket dir $src $id $concurrency CRC32"
      fi ;;
    rclone)
      if [ "$kind" = file ]; then
        echo "$(rclone_env "$ep" "$server") rclone copy --s3-chunk-size ${part_mib}M --s3-upload-concurrency $concurrency $src T:$bucket/$id"
      else
        echo "$(rclone_env "$ep" "$server") rclone copy --transfers $concurrency --checkers $concurrency $src T:$bucket/$id"
      fi ;;
    s3cmd)
      local hp=${ep#http://}
      printf '[default]\naccess_key = %s\nsecret_key = %s\nhost_base = %s\nhost_bucket = %s\nuse_https = False\nsignature_v2 = False\nbucket_location = us-east-1\nmultipart_chunk_size_mb = %s\n' \
        "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$hp" "$hp" "$part_mib" > "$cfg/s3cfg-$server"
      if [ "$kind" = file ]; then
        echo "s3cmd -c $cfg/s3cfg-$server --no-progress -q put $src ${dst}big.bin"
      else
        echo "s3cmd -c $cfg/s3cfg-$server --no-progress -q put --recursive $src/ $dst"
      fi ;;
    node)
      if [ "$kind" = file ]; then
        echo "node $here/node/node_upload.mjs $ep $bucket file $src ${id}/big.bin $concurrency CRC32C"
      else
        echo "node $here/node/node_upload.mjs $ep $bucket dir $src $id $concurrency CRC32C"
      fi ;;
  esac
}

# Which clients can run at all, and why not (printed and written to the report).
available() {
  local c=$1
  case $c in
    quiltup) [ -x "$bin/quiltup" ] || { echo "no $bin/quiltup (build it: ninja -C build quiltup)"; return; } ;;
    quiltup-unsigned) "$bin/quiltup" put --help 2>&1 | grep -q -- --payload-signing \
                        || { echo "$bin/quiltup put has no --payload-signing"; return; } ;;
    quiltup-base) [ -n "$base_bin" ] || { echo "QUILTUP_BASE_BIN_DIR is not set (no before/after row)"; return; }
                  [ -x "$base_bin/quiltup" ] || { echo "no $base_bin/quiltup"; return; } ;;
    quiltup-mcp) [ -x "$bin/quiltup-mcp" ] || { echo "no $bin/quiltup-mcp"; return; } ;;
    awscli1) command -v aws >/dev/null || { echo "aws (v1) not on PATH"; return; } ;;
    awscli2) [ -x /usr/bin/aws ] || { echo "no /usr/bin/aws (apt-get install awscli)"; return; } ;;
    awscli2-crt) [ -x /usr/bin/aws ] || { echo "no /usr/bin/aws"; return; }
                 [ $port80 = 1 ] || { echo "127.0.0.1:80 is taken; the CRT client dials only :80"; return; } ;;
    boto3) python3 -c "import boto3" 2>/dev/null || { echo "python3 cannot import boto3"; return; } ;;
    rclone|s3cmd|curl) command -v $c >/dev/null || { echo "$c not installed"; return; } ;;
    node) [ -d "$here/node/node_modules/@aws-sdk/lib-storage" ] \
            || { echo "run: (cd bench/e2e/node && npm ci)"; return; } ;;
  esac
  echo ok
}

version_of() {
  case $1 in
    quiltup) echo "quiltup $(git -C "$root" rev-parse --short HEAD), put flags:${quiltup_flags:- none}" ;;
    quiltup-unsigned) echo "quiltup $(git -C "$root" rev-parse --short HEAD), put flags:$quiltup_flags --payload-signing unsigned" ;;
    quiltup-base) echo "quiltup from $base_bin ($(stat -c %y "$base_bin/quiltup" | cut -d. -f1)), put flags:${quiltup_base_flags:- none}" ;;
    quiltup-mcp) echo "quiltup-mcp $(git -C "$root" rev-parse --short HEAD)" ;;
    curl) curl --version | head -1 | cut -d' ' -f1-2 ;;
    awscli1) aws --version 2>&1 | cut -d' ' -f1-2 ;;
    awscli2|awscli2-crt) /usr/bin/aws --version 2>&1 | cut -d' ' -f1-2 ;;
    boto3) python3 -c "import boto3, s3transfer; print(f'boto3/{boto3.__version__} s3transfer/{s3transfer.__version__}')" ;;
    rclone) rclone version 2>/dev/null | head -1 ;;
    s3cmd) s3cmd --version ;;
    node) echo "node $(node --version) @aws-sdk/lib-storage $(node -p "require('$here/node/node_modules/@aws-sdk/lib-storage/package.json').version")" ;;
  esac
}

# --- one measured run --------------------------------------------------------------------------
verify() {  # server runid log_offset -> "objects bytes"
  local server=$1 id=$2 offset=$3 ep
  if [ "$server" = sink ]; then
    sleep 0.3   # the log line is written just after the response
    tail -c +$((offset + 1)) "$sink_dir/logs/access.log" | python3 "$here/count_sink.py" "/$bucket/$id/"
  else
    ep=$(endpoint_of rgw)
    eval "$(rclone_env "$ep" rgw) rclone size --json T:$bucket/$id" 2>>"$log" \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["count"], d["bytes"])' || echo "0 0"
  fi
}

run_once() {  # server workload client run -> appends one row to runs.csv, prints its wall seconds
  local server=$1 w=$2 c=$3 r=$4
  local id="$server-$w-$c-r$r-$RANDOM"
  local cmd load offset=0 tf=$work/time.txt
  cmd=$(client_cmd "$c" "$server" "$w" "$id")
  [ "$server" = sink ] && offset=$(stat -c %s "$sink_dir/logs/access.log" 2>/dev/null || echo 0)
  rm -f "$work/mcp-rusage"
  load=$(cut -d' ' -f1 /proc/loadavg)
  sync
  set +e
  /usr/bin/time -v -o "$tf" timeout --kill-after=10 "$run_timeout" bash -c "$cmd" > "$work/client.out" 2>&1
  local rc=$?
  set -e
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tf")
  user=$(awk -F': ' '/User time/ {print $2}' "$tf")
  sys=$(awk -F': ' '/System time/ {print $2}' "$tf")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$tf")
  if [ "$c" = quiltup-mcp ] && [ -s "$work/mcp-rusage" ]; then
    read -r user sys rss < "$work/mcp-rusage"   # the server's own cost, not the Python driver's
  fi
  local got exp ok=1 note=""
  got=$(verify "$server" "$id" "$offset")
  exp=$(expected_of "$w")
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then note="killed after ${run_timeout} s;"; fi
  [ "$rc" = 0 ] || { ok=0; note="$note exit $rc: $(tail -c 200 "$work/client.out" | tr '\n\t,' '   ')"; }
  [ "$got" = "$exp" ] || { ok=0; note="$note landed $got (objects bytes), expected $exp"; }
  printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"%s"\n' "$server" "$w" "$c" "$r" "$ok" "$wall" "$user" "$sys" "$rss" \
    "$load" "${got% *}" "${got#* }" "${note//\"/\'}" >> "$runs_csv"
  say "  $server $w $c run $r: ok=$ok wall=${wall}s cpu=$(echo "$user + $sys" | bc)s rss=$((rss / 1024))MiB load=$load $note"
  [ $ok = 1 ] || { echo "    command: $cmd" >> "$log"; tail -5 "$work/client.out" >> "$log"; }
  rm -f "$cfg/curl-$id.cfg"
  echo "$wall $ok"
}

# Every client of one (server, workload), in rounds: round r runs each still-active client once, in
# the order rotated by r - 1. A client leaves after a failed run (it fails the same way again) or
# once another run would take its cell past the budget.
run_workload() {  # server workload client...
  local server=$1 w=$2; shift 2
  local active=("$@") r i n c last ok
  declare -A spent=()
  for c in "${active[@]}"; do spent[$c]=0; done
  for r in $(seq 1 "$max_runs"); do
    n=${#active[@]}
    [ "$n" -gt 0 ] || break
    local keep=()
    declare -A stays=()
    for i in $(seq 0 $((n - 1))); do
      c=${active[$(( (i + r - 1) % n ))]}
      if [ "$server" = rgw ]; then
        local need
        need=$(expected_of "$w"); need=${need#* }
        if (( rgw_written + need > rgw_room )); then
          say "  RGW holds $((rgw_written >> 20)) MiB of this workload: a fresh one before the next run"
          start_rgw
        fi
        rgw_written=$(( rgw_written + need ))
      fi
      read -r last ok < <(run_once "$server" "$w" "$c" "$r")
      [ "$ok" = 1 ] || continue
      spent[$c]=$(echo "${spent[$c]} + $last" | bc)
      [ "$(echo "${spent[$c]} + $last > $cell_seconds" | bc)" = 1 ] || stays[$c]=1
    done
    for c in "${active[@]}"; do [ -n "${stays[$c]:-}" ] && keep+=("$c"); done
    unset stays
    active=("${keep[@]}")
  done
}

applies() {  # client server workload -> true when this combination is measured
  local c=$1 server=$2 w=$3
  case $w in
    mcp) [ $c = quiltup-mcp ] ;;
    scale-*) [ $c = quiltup ] && [ $server = sink ] ;;
    *) [ $c != curl ] || [ $server = sink ] ;;
  esac
}

# The CLI is growing flag by flag: pass the fair settings it has, and record which ones it took.
quiltup_put_flags() {  # bin_dir
  local help
  help=$("$1/quiltup" put --help 2>&1) || true
  grep -q -- "--concurrency" <<<"$help" && printf ' --concurrency %s' "$concurrency"
  grep -q -- "--part-size" <<<"$help" && printf ' --part-size %s' $((part_mib << 20))
  if grep -q -- "--checksum" <<<"$help"; then
    if grep -q "CRC32C" <<<"$help"; then printf ' --checksum CRC32C'; else printf ' --checksum crc32c'; fi
  fi
  true
}

# --- main --------------------------------------------------------------------------------------
t_start=$SECONDS
quiltup_flags=""
[ -x "$bin/quiltup" ] && quiltup_flags=$(quiltup_put_flags "$bin")
quiltup_base_flags=""
[ -n "$base_bin" ] && [ -x "$base_bin/quiltup" ] && quiltup_base_flags=$(quiltup_put_flags "$base_bin")
if [[ " $clients " == *" awscli2-crt "* ]] && port_free 80; then port80=1; fi
declare -A skip
for c in $clients; do
  why=$(available "$c")
  [ "$why" = ok ] || { skip[$c]=$why; say "skipping $c: $why"; }
done

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "mode: $([ $quick = 1 ] && echo quick || echo full), max runs per cell $max_runs, cell budget ${cell_seconds}s"
  echo "machine: $(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r), $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "quiltup: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- engine tools mcp 2>/dev/null || echo ' + uncommitted changes'), binaries from $bin"
  echo "concurrency: $concurrency (where the client has a knob); part size ${part_mib} MiB; path-style everywhere"
  echo "servers: sink = nginx $(nginx -v 2>&1 | cut -d/ -f2) + Lua (bench/e2e/nginx-sink-counting.conf); rgw = Ceph RGW $(radosgw --version 2>/dev/null | cut -d' ' -f3), bluestore OSD on a sparse file"
  for c in $clients; do
    if [ -n "${skip[$c]:-}" ]; then echo "client $c: SKIPPED: ${skip[$c]}"
    else echo "client $c: $(version_of "$c" 2>/dev/null) | checksum $(checksum_of "$c") | concurrency $(concurrency_of "$c")"; fi
  done
} > "$meta"
cat "$meta" >&2
echo "server,workload,client,run,ok,wall_s,user_s,sys_s,maxrss_kib,load1,objects,bytes,note" > "$runs_csv"

for w in $workloads; do make_data "$w"; done
# Every client reads the same files from the page cache: the first one must not pay for the disk
# (a cold 100,000-file directory took 54 s instead of 12 s in a first attempt).
for w in $workloads; do
  case $w in
    scale) dirs="$work/data/scale-1k $work/data/scale-100k" ;;
    mcp) dirs="" ;;
    *) dirs=$(source_of "$w") ;;
  esac
  for d in $dirs; do find "$d" -type f -print0 | xargs -0 cat > /dev/null; done
done
wl_list=""
for w in $workloads; do
  if [ "$w" = scale ]; then wl_list="$wl_list scale-1k scale-100k"; else wl_list="$wl_list $w"; fi
done

for server in $servers; do
  if [ "$server" = sink ]; then start_sink; fi
  for w in $wl_list; do
    applies_any=0
    for c in $clients; do [ -z "${skip[$c]:-}" ] && applies "$c" "$server" "$w" && applies_any=1; done
    [ $applies_any = 1 ] || continue
    if [ "$server" = rgw ]; then
      say "starting a fresh RGW for $w"; start_rgw
    fi
    say "== $server / $w"
    cell_clients=()
    for c in $clients; do
      [ -z "${skip[$c]:-}" ] && applies "$c" "$server" "$w" && cell_clients+=("$c")
    done
    run_workload "$server" "$w" "${cell_clients[@]}"
  done
  stop_servers
done

say "suite took $((SECONDS - t_start)) s"
echo "suite: $((SECONDS - t_start)) s" >> "$meta"
python3 "$here/report.py" "$out"
say "wrote $out/results.md, results.csv, runs.csv, chart.png"
