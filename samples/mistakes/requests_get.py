# flagged-as: ASYNC210
# Mistake: requests.get() inside a coroutine blocks the loop for the whole
# round trip. A local HTTP server on 127.0.0.1 stands in for the network.
import asyncio
import http.server
import threading

import requests


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, *args):
        pass


async def fetch(url):
    return requests.get(url, timeout=5).text  # should be: httpx.AsyncClient


async def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(await fetch(url))
    server.shutdown()


asyncio.run(main())
