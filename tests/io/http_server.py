#!/usr/bin/env python3
"""HTTP fixture for aioc's I/O tests: fixed files plus fault endpoints.

Started by the tests themselves (never by hand). Binds a free 127.0.0.1 port,
prints "PORT <n>" on stdout, and serves until stdin closes or SIGTERM.

http.server's defaults (backlog 5, Nagle on) time out under 100 concurrent
connections, hence request_queue_size and disable_nagle_algorithm.
"""
import json
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ONE_K = bytes((i * 7 + 13) % 251 for i in range(1024))
BIG = (bytes(range(251)) * (10 * 1024 * 1024 // 251 + 1))[: 10 * 1024 * 1024]
HELLO = "héllo wörld\n".encode()


class Server(ThreadingHTTPServer):
    request_queue_size = 1024
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.lock = threading.Lock()
        self.connections = 0
        self.requests = 0
        self.stopping = threading.Event()

    def get_request(self):
        conn, addr = super().get_request()
        with self.lock:
            self.connections += 1
        return conn, addr


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send_body(self, code, body, ctype="application/octet-stream", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def handle_any(self):
        srv = self.server
        with srv.lock:
            srv.requests += 1
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        body = self.read_body()
        if path == "/1k":
            return self.send_body(200, ONE_K)
        if path == "/hello":
            return self.send_body(200, HELLO, "text/plain; charset=utf-8")
        if path == "/json":
            data = json.dumps({"name": "aioc", "n": 3, "ok": True}).encode()
            return self.send_body(200, data, "application/json")
        if path == "/stats":
            with srv.lock:
                data = json.dumps(
                    {"connections": srv.connections, "requests": srv.requests}
                ).encode()
            return self.send_body(200, data, "application/json")
        if path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            return self.send_body(code, f"status {code}\n".encode(), "text/plain")
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/hello" if n <= 1 else f"/redirect/{n - 1}"
            return self.send_body(302, b"", "text/plain", [("Location", target)])
        if path == "/echo":
            data = json.dumps(
                {
                    "method": self.command,
                    "path": self.path,
                    "query": {k: v[0] for k, v in query.items()},
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": body.decode("utf-8", "replace"),
                }
            ).encode()
            return self.send_body(200, data, "application/json")
        if path == "/never":
            # Hold the connection open without answering until shutdown.
            srv.stopping.wait(60)
            self.close_connection = True
            return
        if path == "/reset":
            # Promise 1000 bytes, send 100, then abort the connection (RST).
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"x" * 100)
            self.wfile.flush()
            self.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
            self.connection.close()
            self.close_connection = True
            return
        if path == "/big":
            return self.send_body(200, BIG)
        if path == "/chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(10):
                chunk = f"chunk {i}\n".encode()
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
            return
        if path == "/slow":
            # Ten pieces, delay ms apart (default 50).
            delay = float(query.get("ms", ["50"])[0]) / 1000
            self.send_response(200)
            self.send_header("Content-Length", "10")
            self.end_headers()
            for _ in range(10):
                self.wfile.write(b"s")
                self.wfile.flush()
                if srv.stopping.wait(delay):
                    break
            return
        return self.send_body(404, b"not found\n", "text/plain")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = handle_any


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    print("PORT", srv.server_address[1], flush=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    # The parent holds our stdin: when it goes away (test exit, crash), stop.
    try:
        sys.stdin.read()
    except KeyboardInterrupt:
        pass
    srv.stopping.set()
    srv.shutdown()


if __name__ == "__main__":
    main()
