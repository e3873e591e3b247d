#!/usr/bin/env bash
# Micro benchmarks with the machine's ceiling beside each figure that has one.
# usage: bench/micro/run.sh [extra Google Benchmark flags, e.g. --benchmark_filter=sha]
#   runs `openssl speed` once (SHA-256, MD5, SHA-1 over 1 MiB blocks, one core) and records it,
#   then quiltup-bench-micro; writes bench/out/micro.{json,md} and bench/out/micro-ceilings.txt.
# Env: QUILTUP_BIN_DIR (build/bin), BENCH_OUT (bench/out).
# Ceilings: openssl for the digests, sha2-256-chunked and aws-chunked framing (both are SHA-256
# bound); simdjson's bare parse for the MCP request; pugixml's bare load for the S3 XML. The CRC
# rows call ISA-L's kernels, which are the ceiling themselves (figures in hash_bench.cpp's header).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${QUILTUP_BIN_DIR:-$root/build/bin}
out=${BENCH_OUT:-$root/bench/out}
[ -x "$bin/quiltup-bench-micro" ] || {
  echo "run.sh: no $bin/quiltup-bench-micro; build it: cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build quiltup-bench-micro" >&2
  exit 1
}
mkdir -p "$out"

{
  echo "# openssl speed -mr -evp ALG -bytes 1048576 -seconds 3 (bytes/s, one core), $(openssl version), load $(cut -d' ' -f1-3 /proc/loadavg)"
  for alg in sha256 md5 sha1; do
    openssl speed -mr -evp "$alg" -bytes 1048576 -seconds 3 2>/dev/null | awk -F: -v a="$alg" '/^\+F:/ {print a, $4}'
  done
} > "$out/micro-ceilings.txt"
cat "$out/micro-ceilings.txt"

"$bin/quiltup-bench-micro" --benchmark_out="$out/micro.json" --benchmark_out_format=json "$@"

python3 - "$out" <<'EOF'
import json, sys
out = sys.argv[1]
ceil = {}
for line in open(f"{out}/micro-ceilings.txt"):
    if not line.startswith("#"):
        alg, rate = line.split()
        ceil[alg] = float(rate)
bench = json.load(open(f"{out}/micro.json"))
rows = {b["name"]: b for b in bench["benchmarks"] if b.get("run_type", "iteration") == "iteration"}

def rate(b):
    if "bytes_per_second" in b:
        return b["bytes_per_second"] / 1e9, "GB/s"
    return b.get("items_per_second", 0), "items/s"

# benchmark name prefix -> (ceiling label, ceiling value in the same unit)
def ceiling_of(name):
    for prefix, alg in (("bm_sha256", "sha256"), ("bm_md5", "md5"), ("bm_sha1", "sha1"),
                        ("BM_quilt_sha2_256_chunked", "sha256"), ("BM_aws_chunked_encode_64MiB/1", "sha256")):
        if name.startswith(prefix):
            return f"openssl {alg}", ceil[alg] / 1e9, "GB/s"
    if name in ("BM_parse_request",):
        b = rows.get("BM_simdjson_parse_only_ceiling")
        return ("simdjson parse only", b["bytes_per_second"] / 1e9, "GB/s") if b else None
    if name.startswith(("BM_list_objects_v2", "BM_initiate", "BM_complete", "BM_error", "BM_list_parts")):
        ref = "BM_pugixml_load_only_ceiling/list_objects_v2_1000" if name.startswith("BM_list") else "BM_pugixml_load_only_ceiling/complete"
        b = rows.get(ref)
        return ("pugixml load only", b["bytes_per_second"] / 1e9, "GB/s") if b else None
    return None

lines = [f"# Micro benchmarks ({bench['context'].get('date', '')}, {bench['context'].get('num_cpus')} CPUs, "
         f"load {bench['context'].get('load_avg')})", "",
         "| benchmark | figure | ceiling | of ceiling |", "|---|---|---|---|"]
for name, b in rows.items():
    if b.get("error_occurred"):
        lines.append(f"| {name} | FAILED: {b.get('error_message')} | | |")
        continue
    value, unit = rate(b)
    extra = ""
    if "responses/s" in b:
        extra = f", {b['responses/s']:,.0f} responses/s"
    if unit == "GB/s" and "items_per_second" in b and not extra:
        extra = f", {b['items_per_second']:,.0f} items/s"
    if name.startswith(("BM_sign", "BM_presign", "BM_derive")):
        value, unit, extra = b["items_per_second"], "signatures/s", ""
    figure = f"{value:,.3g} {unit}{extra}" if unit == "GB/s" else f"{value:,.0f} {unit}{extra}"
    c = ceiling_of(name)
    if c and unit == c[2]:
        lines.append(f"| {name} | {figure} | {c[0]}: {c[1]:,.3g} {c[2]} | {value / c[1]:.0%} |")
    else:
        lines.append(f"| {name} | {figure} | | |")
open(f"{out}/micro.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
EOF
