#!/usr/bin/env python3
"""Drive quiltup-mcp over stdio like an MCP host: initialize, one bucket_objects_put call, close.
usage: mcp_client.py SERVER_BIN BUCKET PREFIX (inline COUNT SIZE | dir SRC_DIR | file SRC_FILE)
       CONCURRENCY CHECKSUM RUSAGE_OUT
The server inherits AWS_* and QUILTUP_ALLOWED_ROOTS from the environment. Exits non-zero unless
the call reports every object uploaded. Writes the server's own rusage (user_s sys_s maxrss_kib)
to RUSAGE_OUT, so the bench can charge the server, not this driver, for CPU and memory."""
import base64
import json
import os
import subprocess
import sys

server_bin, bucket, prefix, mode = sys.argv[1:5]
if mode == "inline":
    count, size = int(sys.argv[5]), int(sys.argv[6])
    rest = sys.argv[7:]
    # Distinct bodies so nothing can be deduplicated; base64 "data" is what binary content uses.
    items = [{"key": f"{prefix}/item-{i:06d}.bin",
              "data": base64.b64encode((f"{i:08d}" * (size // 8 + 1))[:size].encode()).decode()}
             for i in range(count)]
elif mode == "dir":
    src = sys.argv[5]
    rest = sys.argv[6:]
    items = [{"key": f"{prefix}/{n}", "path": os.path.join(src, n)} for n in sorted(os.listdir(src))]
else:
    src = sys.argv[5]
    rest = sys.argv[6:]
    items = [{"key": prefix, "path": src}]
concurrency, checksum, rusage_out = rest

arguments = {"bucket": bucket, "items": items, "concurrency": int(concurrency), "max_results": 0}
if checksum != "none":
    arguments["checksum"] = checksum

proc = subprocess.Popen([server_bin], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1 << 20)


def send(message):
    proc.stdin.write(json.dumps(message, separators=(",", ":")) + "\n")
    proc.stdin.flush()


def answer_to(request_id):
    for line in proc.stdout:
        message = json.loads(line)
        if message.get("id") == request_id and ("result" in message or "error" in message):
            return message
    raise SystemExit(f"mcp_client: quiltup-mcp closed stdout before answering request {request_id}")


send({"jsonrpc": "2.0", "id": 0, "method": "initialize",
      "params": {"protocolVersion": "2025-11-25", "capabilities": {},
                 "clientInfo": {"name": "quiltup-bench", "version": "0.1.0"}}})
answer_to(0)
send({"jsonrpc": "2.0", "method": "notifications/initialized"})
send({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
      "params": {"name": "bucket_objects_put", "arguments": arguments}})
reply = answer_to(1)
proc.stdin.close()
_, status, usage = os.wait4(proc.pid, 0)
with open(rusage_out, "w") as f:
    f.write(f"{usage.ru_utime:.3f} {usage.ru_stime:.3f} {usage.ru_maxrss}\n")

if "error" in reply:
    raise SystemExit(f"mcp_client: JSON-RPC error {reply['error']}")
content = reply["result"].get("structuredContent") or {}
uploaded = content.get("uploaded")
if reply["result"].get("isError") or uploaded != len(items):
    text = json.dumps(content)[:2000] or json.dumps(reply["result"])[:2000]
    raise SystemExit(f"mcp_client: {uploaded} of {len(items)} uploaded: {text}")
print(f"uploaded {uploaded} objects, {content.get('bytes')} bytes, server exit {os.waitstatus_to_exitcode(status)}")
