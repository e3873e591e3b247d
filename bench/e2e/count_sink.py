#!/usr/bin/env python3
"""What landed in the counting sink under one prefix: reads the sink's access-log lines (stdin,
format in nginx-sink-counting.conf) and prints "objects bytes".
An object counts once it has a 200 PutObject, or a 200 CompleteMultipartUpload; its bytes are the
body of its last PutObject, or the sum of the last UploadPart of each part number. aws-chunked
bodies count their decoded length. usage: count_sink.py /bucket/prefix/ < access.log"""
import sys

prefix = sys.argv[1]
puts, parts, completed = {}, {}, set()
for line in sys.stdin:
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 6:
        continue
    op, uri, part, status, body, decoded = fields
    if not uri.startswith(prefix) or status != "200":
        continue
    size = int(decoded) if decoded not in ("", "-") else int(body)
    if op == "put":
        puts[uri] = size
    elif op == "part":
        parts.setdefault(uri, {})[part] = size
    elif op == "complete":
        completed.add(uri)
objects = set(puts) | completed
total = sum(puts.get(k, 0) if k not in completed else sum(parts.get(k, {}).values()) for k in objects)
print(len(objects), total)
