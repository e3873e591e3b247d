#!/usr/bin/env python3
"""HTTP peer for the http layer's integration tests: what RGW cannot be made to do.

Binds 127.0.0.1 on a free port and prints "PORT <n>" on stdout. Routes:
  /echo[?pattern=P]     any method: reads the body, answers JSON {method, bytes, headers,
                        pattern_ok, first_mismatch}; with P, byte i must equal (i%P*7+3)&255
  /sleep?seconds=S      answers after S seconds (total timeouts, cancellation)
  /drip?bytes=N&interval=S  declares N bytes, sends one every S seconds (low-speed limit)
  /reset                reads the request, then resets the connection (RST, no answer)
  /head                 GET: 1000 bytes; HEAD: the same headers, no body
  /connections          number of TCP connections accepted so far
Expect: 100-continue gets an interim 100 carrying "X-Interim: 1" before the final answer.
"""
import json
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

accepted = 0
accepted_lock = threading.Lock()


def pattern_block(period, size):
    one = bytes(((i * 7 + 3) & 255) for i in range(period))
    return one * (size // period + 2)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        global accepted
        with accepted_lock:
            accepted += 1
        super().setup()

    def handle_expect_100(self):
        self.send_response_only(100)
        self.send_header("X-Interim", "1")
        self.end_headers()
        return True

    def answer(self, status, body, content_type="application/json"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def read_body(self, period):
        """Reads the body in 1 MiB pieces (never whole), checking the pattern when asked."""
        length = int(self.headers.get("Content-Length", "0"))
        expected = pattern_block(period, 1 << 20) if period else None
        got, mismatch = 0, -1
        while got < length:
            chunk = self.rfile.read(min(1 << 20, length - got))
            if not chunk:
                break
            if expected is not None and mismatch < 0:
                start = got % period
                if chunk != expected[start:start + len(chunk)]:
                    want = expected[start:start + len(chunk)]
                    mismatch = got + next(i for i in range(len(chunk)) if chunk[i] != want[i])
            got += len(chunk)
        return got, mismatch

    def route(self):
        url = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/echo":
            period = int(q.get("pattern", "0"))
            got, mismatch = self.read_body(period)
            self.answer(200, json.dumps({
                "method": self.command,
                "bytes": got,
                "headers": [[k, v] for k, v in self.headers.items()],
                "pattern_ok": period > 0 and mismatch < 0,
                "first_mismatch": mismatch,
            }))
        elif url.path == "/sleep":
            self.read_body(0)
            time.sleep(float(q.get("seconds", "30")))
            self.answer(200, "late", "text/plain")
        elif url.path == "/drip":
            n, interval = int(q.get("bytes", "30")), float(q.get("interval", "1"))
            self.send_response(200)
            self.send_header("Content-Length", str(n))
            self.end_headers()
            for _ in range(n):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(interval)
        elif url.path == "/reset":
            self.read_body(0)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif url.path == "/head":
            self.answer(200, b"h" * 1000, "application/octet-stream")
        elif url.path == "/connections":
            with accepted_lock:
                self.answer(200, str(accepted), "text/plain")
        else:
            self.answer(404, "no route " + url.path, "text/plain")

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_PATCH = route


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT", server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
