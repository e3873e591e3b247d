#!/usr/bin/env python3
"""A fault-injecting HTTP proxy between the engine and a real local S3 server (tests only).

usage: fault_proxy.py LISTEN_PORT UPSTREAM_URL RULES_JSON FIRED_LOG

Every request is classified by its S3 operation (PutObject, CreateMultipartUpload, UploadPart,
CompleteMultipartUpload, AbortMultipartUpload, ListParts, ListMultipartUploads, HeadObject,
GetObject, Other) and counted per kind. A rule fires on chosen occurrences of a kind:

  {"kind": "UploadPart", "nth": [3], "action": "503"}        the 3rd UploadPart gets 503 SlowDown
  {"kind": "UploadPart", "every": true, "action": "500"}     every UploadPart gets 500
  {"kind": "PutObject", "nth": [1, 2], "action": "reset"}    connection reset mid-body
  {"kind": "CompleteMultipartUpload", "nth": [1], "action": "error200"}   200 with <Error>
  {"kind": "CompleteMultipartUpload", "nth": [1], "action": "lose_response"}  forwarded, then reset
  {"kind": "UploadPart", "every": true, "action": "delay", "ms": 300}    forwarded after a pause
  optional "key_contains": "fault/" limits a rule to keys containing that text.

Each fired rule appends "<kind> <n> <action>" to FIRED_LOG, so a test can check that the
faults it asked for really happened. The Host header is passed through unchanged, so SigV4
signatures made for the proxy's address verify upstream.
"""
import http.client
import json
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade", "expect"}


def classify(method, path):
    parsed = urllib.parse.urlsplit(path)
    query = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
    segments = [s for s in parsed.path.split("/") if s]
    has_key = len(segments) >= 2  # path-style: /bucket/key
    if method == "POST" and "uploads" in query:
        return "CreateMultipartUpload"
    if method == "POST" and "uploadId" in query:
        return "CompleteMultipartUpload"
    if method == "PUT" and "partNumber" in query:
        return "UploadPart"
    if method == "DELETE" and "uploadId" in query:
        return "AbortMultipartUpload"
    if method == "GET" and "uploadId" in query:
        return "ListParts"
    if method == "GET" and "uploads" in query:
        return "ListMultipartUploads"
    if method == "PUT" and has_key:
        return "PutObject"
    if method == "HEAD" and has_key:
        return "HeadObject"
    if method == "GET" and has_key:
        return "GetObject"
    return "Other"


class State:
    def __init__(self, upstream, rules, log_path):
        self.upstream = urllib.parse.urlsplit(upstream)
        self.rules = rules
        self.log_path = log_path
        self.counts = {}
        self.lock = threading.Lock()

    def pick(self, kind, path):
        with self.lock:
            n = self.counts.get(kind, 0) + 1
            self.counts[kind] = n
            for rule in self.rules:
                if rule.get("kind") != kind:
                    continue
                if rule.get("key_contains") and rule["key_contains"] not in urllib.parse.unquote(path):
                    continue
                if rule.get("every") or n in rule.get("nth", []):
                    with open(self.log_path, "a") as log:
                        log.write(f"{kind} {n} {rule['action']}\n")
                    return n, rule
            return n, None


def error_xml(code, message):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message>'
            f"<RequestId>fault-proxy</RequestId></Error>").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None

    def log_message(self, *args):
        pass

    def _upstream(self):
        conn = getattr(self, "_conn", None)
        if conn is None:
            u = self.state.upstream
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
            self._conn = conn
        return conn

    def _reset(self):
        # SO_LINGER 0: close() sends RST, as a crashed or overloaded peer would.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        try:
            self.connection.close()
        except OSError:
            pass

    def _read_body(self, limit=None):
        length = int(self.headers.get("Content-Length", "0") or 0)
        if limit is not None:
            return self.rfile.read(min(limit, length))
        return self.rfile.read(length) if length else b""

    def _reply(self, status, body, content_type="application/xml"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _forward(self, body):
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        for attempt in range(2):
            conn = self._upstream()
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                return resp, data
            except (ConnectionError, http.client.HTTPException, OSError):
                conn.close()
                self._conn = None
                if attempt == 1:
                    raise

    def _relay(self, resp, data):
        self.send_response(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() in HOP_BY_HOP or k.lower() == "content-length" or k.lower() == "transfer-encoding":
                continue
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _handle(self):
        kind = classify(self.command, self.path)
        _, rule = self.state.pick(kind, self.path)
        action = rule["action"] if rule else None
        if action == "reset":
            self._read_body(limit=64 * 1024)  # part of the body, then the connection dies
            self._reset()
            return
        if action in ("503", "500", "error200"):
            self._read_body()
            if action == "503":
                self._reply(503, error_xml("SlowDown", "Please reduce your request rate."))
            elif action == "500":
                self._reply(500, error_xml("InternalError", "We encountered an internal error. Please try again."))
            else:
                # S3's slow Complete: 200 first, whitespace, then an <Error> in the body.
                self._reply(200, b"\n  \n" + error_xml("InternalError", "We encountered an internal error."))
            return
        if action == "delay":
            time.sleep(rule.get("ms", 200) / 1000.0)
        body = self._read_body()
        resp, data = self._forward(body)
        if action == "lose_response":
            self._reset()  # the server did it; the client never hears
            return
        self._relay(resp, data)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle


def main():
    port, upstream, rules_json, log_path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    Handler.state = State(upstream, json.loads(rules_json), log_path)
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(f"fault_proxy listening on {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
