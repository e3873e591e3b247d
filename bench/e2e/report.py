#!/usr/bin/env python3
"""Turns bench/out/runs.csv (one row per measured run) into results.csv, results.md and chart.png.
usage: report.py OUT_DIR
Medians are over the runs whose upload was verified; a cell with any failed run says so, and a
cell with no verified run has no figures (a broken client must not look fast). Ratios compare
quiltup (the CLI) with each peer on the same server and workload, from the same suite run."""
import csv
import os
import statistics
import subprocess
import sys

out = sys.argv[1]
runs = list(csv.DictReader(open(os.path.join(out, "runs.csv"))))
meta = open(os.path.join(out, "meta.txt")).read()

WORKLOADS = ["small", "medium", "large", "mcp", "scale-1k", "scale-100k"]
CLIENTS = ["quiltup", "quiltup-unsigned", "quiltup-base", "quiltup-mcp", "curl", "awscli1", "awscli2", "awscli2-crt", "boto3", "rclone", "s3cmd", "node"]
SERVERS = ["sink", "rgw"]
PEERS = ["awscli1", "awscli2", "awscli2-crt", "boto3", "rclone", "s3cmd", "node"]
MEMORY_LIMIT_MIB = 256  # upload_options::memory_limit default (engine/upload/upload_options.hpp)


def order(value, names):
    return names.index(value) if value in names else len(names)


def load_range(loads):
    lo, hi = f"{min(loads):.1f}", f"{max(loads):.1f}"
    return lo if lo == hi else f"{lo}–{hi}"


cells = {}
for r in runs:
    cells.setdefault((r["server"], r["workload"], r["client"]), []).append(r)

rows = []
for (server, workload, client), rs in sorted(cells.items(), key=lambda kv: (order(kv[0][0], SERVERS),
                                                                             order(kv[0][1], WORKLOADS),
                                                                             order(kv[0][2], CLIENTS))):
    good = [r for r in rs if r["ok"] == "1"]
    row = {"server": server, "workload": workload, "client": client, "runs": len(rs), "verified": len(good),
           "load1": load_range([float(r["load1"]) for r in rs]),
           "note": "; ".join(r["note"] for r in rs if r["note"])[:300]}
    if good:
        objects, nbytes = int(good[0]["objects"]), int(good[0]["bytes"])
        wall = statistics.median(float(r["wall_s"]) for r in good)
        cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in good)
        rss = statistics.median(int(r["maxrss_kib"]) for r in good) / 1024
        row.update(objects=objects, bytes=nbytes, wall_s=wall, objects_per_s=objects / wall if wall else 0,
                   MB_per_s=nbytes / 1e6 / wall if wall else 0, cpu_s=cpu, cpu_s_per_GiB=cpu / (nbytes / 2**30),
                   cpu_s_per_1k_objects=cpu / (objects / 1000), peak_rss_MiB=rss)
    rows.append(row)

by_key = {(r["server"], r["workload"], r["client"]): r for r in rows}
for r in rows:
    q = by_key.get((r["server"], r["workload"], "quiltup"))
    if r["client"] in PEERS and q and "wall_s" in q and "wall_s" in r:
        r["quiltup_vs_peer_wall"] = q["wall_s"] / r["wall_s"]
        r["quiltup_vs_peer_cpu"] = q["cpu_s"] / r["cpu_s"] if r["cpu_s"] else float("nan")

fields = ["server", "workload", "client", "runs", "verified", "objects", "bytes", "wall_s", "objects_per_s", "MB_per_s",
          "cpu_s", "cpu_s_per_GiB", "cpu_s_per_1k_objects", "peak_rss_MiB", "quiltup_vs_peer_wall",
          "quiltup_vs_peer_cpu", "load1", "note"]
with open(os.path.join(out, "results.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: (f"{v:.4g}" if isinstance(v, float) else v) for k, v in r.items()})


def fmt(v, digits=3):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}g}" if abs(v) < 1000 else f"{v:,.0f}"
    return str(v)


md = ["# End-to-end results", "", "```", meta.strip(), "```", "",
      "Figures are medians of the verified runs (`n` = verified/measured). CPU = user + sys of the client "
      "process tree (for quiltup-mcp: the server process alone). `q/peer` = quiltup CLI ÷ peer on the same "
      "server and workload: below 1 means quiltup took less. `load` = 1-minute load average before the runs "
      "(2 vCPUs; above 2 means other work competed).", ""]
for server in SERVERS:
    srows = [r for r in rows if r["server"] == server]
    if not srows:
        continue
    md += [f"## {'nginx + Lua sink (client ceiling)' if server == 'sink' else 'Ceph RGW, bluestore (end to end)'}", "",
           "| workload | client | n | wall s | objects/s | MB/s | CPU s | CPU s/GiB | CPU s/1k obj | peak RSS MiB "
           "| q/peer wall | q/peer CPU | load | note |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in srows:
        md.append("| " + " | ".join([
            r["workload"], r["client"], f"{r['verified']}/{r['runs']}", fmt(r.get("wall_s")), fmt(r.get("objects_per_s")),
            fmt(r.get("MB_per_s")), fmt(r.get("cpu_s")), fmt(r.get("cpu_s_per_GiB")), fmt(r.get("cpu_s_per_1k_objects")),
            fmt(r.get("peak_rss_MiB")), fmt(r.get("quiltup_vs_peer_wall"), 2), fmt(r.get("quiltup_vs_peer_cpu"), 2),
            r["load1"], r["note"].replace("|", "/")]) + " |")
    md.append("")

# Targets of issue 4: recorded, not tuned for.
t = ["## Targets (issue 4)", ""]


def cell(server, workload, client):
    r = by_key.get((server, workload, client))
    return r if r and "wall_s" in r else None


# quiltup = the default (`auto`: over http:// every byte is also hashed with SHA-256 for the
# signature); quiltup-unsigned = what `auto` does over https://, where S3 runs in production.
for workload, metric, unit in (("large", "cpu_s_per_GiB", "CPU s/GiB"), ("medium", "cpu_s_per_GiB", "CPU s/GiB"),
                               ("small", "cpu_s_per_1k_objects", "CPU s/1k objects")):
    for ours in ("quiltup", "quiltup-unsigned"):
        q = cell("sink", workload, ours)
        if not q and ours != "quiltup":
            continue
        for peer, limit in (("awscli1", 0.1), ("awscli2", 0.1), ("rclone", 0.5)):
            p = cell("sink", workload, peer)
            if q and p:
                ratio = q[metric] / p[metric]
                t.append(f"- {unit}, {workload}, sink: {ours} {q[metric]:.3g} vs {peer} {p[metric]:.3g} = "
                         f"{ratio:.2f}× (target ≤ {limit}): **{'met' if ratio <= limit else 'not met'}**")
            else:
                t.append(f"- {unit}, {workload}, sink, vs {peer}: no verified figures for "
                         f"{ours if not q else peer}")
for server in SERVERS:
    for workload in ("small", "medium", "large"):
        q = cell(server, workload, "quiltup")
        peers = [(c, cell(server, workload, c)) for c in PEERS if cell(server, workload, c)]
        if not peers:
            continue
        if not q:
            t.append(f"- wall, {workload}, {server}: no verified quiltup figures")
            continue
        faster = [f"{c} {p['wall_s']:.3g} s" for c, p in peers if p["wall_s"] <= q["wall_s"]]
        t.append(f"- wall, {workload}, {server}: quiltup {q['wall_s']:.3g} s; "
                 + (f"**not ahead of** {', '.join(faster)}" if faster else f"**ahead of all {len(peers)} peers**"))
raw = cell("sink", "large", "curl")
for ours in ("quiltup", "quiltup-unsigned"):
    q = cell("sink", "large", ours)
    if q and raw:
        share = q["MB_per_s"] / raw["MB_per_s"]
        t.append(f"- large object to the sink, CRC32C on: {ours} {q['MB_per_s']:.0f} MB/s = {share:.0%} of raw "
                 f"`curl -T` {raw['MB_per_s']:.0f} MB/s (target ≥ 80 %): **{'met' if share >= 0.8 else 'not met'}**")
    elif ours == "quiltup":
        t.append("- large object vs raw curl -T: no verified figures for " + ("quiltup" if not q else "curl"))
small_n, big_n = cell("sink", "scale-1k", "quiltup"), cell("sink", "scale-100k", "quiltup")
if small_n and big_n:
    limit = MEMORY_LIMIT_MIB + 64
    t.append(f"- peak RSS, 1,000 → 100,000 objects (1 KiB each, sink): {small_n['peak_rss_MiB']:.0f} → "
             f"{big_n['peak_rss_MiB']:.0f} MiB ({big_n['peak_rss_MiB'] / small_n['peak_rss_MiB']:.2f}×); budget "
             f"{MEMORY_LIMIT_MIB} MiB + 64 = {limit} MiB: **{'within' if big_n['peak_rss_MiB'] <= limit else 'over'}**")
elif by_key.get(("sink", "scale-1k", "quiltup")) or by_key.get(("sink", "scale-100k", "quiltup")):
    t.append("- peak RSS 1,000 → 100,000 objects: no verified quiltup run (see the scale rows' notes)")
else:
    t.append("- peak RSS 1,000 → 100,000 objects: not measured in this run (full mode, `scale` workload)")
# Before/after of an engine change, from this same run (QUILTUP_BASE_BIN_DIR).
ba = []
for server in SERVERS:
    for workload in WORKLOADS:
        new, old = cell(server, workload, "quiltup"), cell(server, workload, "quiltup-base")
        if new and old:
            ba.append(f"| {server} | {workload} | {old['wall_s']:.3g} → {new['wall_s']:.3g} "
                      f"({new['wall_s'] / old['wall_s']:.2f}×) | {old['cpu_s']:.3g} → {new['cpu_s']:.3g} "
                      f"({new['cpu_s'] / old['cpu_s']:.2f}×) | {old['peak_rss_MiB']:.0f} → {new['peak_rss_MiB']:.0f} |")
if ba:
    t += ["", "## Before → after (quiltup-base → quiltup, same run)", "",
          "| server | workload | wall s | CPU s | peak RSS MiB |", "|---|---|---|---|---|"] + ba
md += t + ["", "![chart](chart.png)", ""]
open(os.path.join(out, "results.md"), "w").write("\n".join(md))

# One colour per client on every panel; quiltup stands out, curl (the raw ceiling) is grey.
COLORS = {"quiltup": "#d62728", "quiltup-unsigned": "#ff7f7f", "quiltup-base": "#7f0000", "curl": "#9e9e9e", "awscli1": "#1f77b4", "awscli2": "#6baed6",
          "awscli2-crt": "#08306b", "boto3": "#ff9f40", "rclone": "#2ca02c", "s3cmd": "#8c564b", "node": "#9467bd"}

# Chart: per server, wall seconds (log scale) per workload, one bar per client.
chart_workloads = ["small", "medium", "large"]
present = [c for c in CLIENTS if c not in ("quiltup-mcp", "quiltup-base") and any(cell(s, w, c) for s in SERVERS for w in chart_workloads)]
servers = [s for s in SERVERS if any(cell(s, w, c) for w in chart_workloads for c in present)]
if present and servers:
    chart_workloads = [w for w in chart_workloads if any(cell(s, w, c) for s in servers for c in present)]
    for s in servers:
        with open(os.path.join(out, f"chart-{s}.dat"), "w") as f:  # no header row: gnuplot would plot it
            for w in chart_workloads:
                vals = [cell(s, w, c) for c in present]
                f.write(w + " " + " ".join(f"{v['wall_s']:.3f}" if v else "NaN" for v in vals) + "\n")
    plots = []
    for s in servers:
        title = "sink (client ceiling)" if s == "sink" else "Ceph RGW (end to end)"
        series = ", ".join(f"'{out}/chart-{s}.dat' using {i + 2}:xtic(1) title '{c}' lc rgb '{COLORS.get(c, '#000000')}'"
                           for i, c in enumerate(present))
        plots.append(f"set title 'wall seconds, {title} (lower is better)'\nplot {series}")
    script = f"""set terminal pngcairo size 1400,{420 * len(servers)} font 'sans,10'
set output '{out}/chart.png'
set datafile missing 'NaN'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set logscale y
set grid ytics
set key outside right top
set multiplot layout {len(servers)},1
""" + "\n".join(plots) + "\nunset multiplot\n"
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
print(f"report: {len(rows)} cells, {sum(1 for r in rows if r['verified'] < r['runs'])} with failed runs")
