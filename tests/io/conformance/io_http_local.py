# httpx against a tiny HTTP/1.1 server written with asyncio streams in the
# same program: statuses, raise_for_status messages, redirects, chunked
# bodies, params/json echo, keep-alive and a refused connection.
import asyncio

import httpx

connections = 0


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    global connections
    connections += 1
    while True:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            break
        lines = head.decode().split("\r\n")
        method, target, _ = lines[0].split(" ")
        length = 0
        for h in lines[1:]:
            if h.lower().startswith("content-length:"):
                length = int(h.split(":")[1])
        body = await reader.readexactly(length) if length else b""
        if target == "/hello":
            payload = "héllo".encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                         + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
        elif target.startswith("/status/"):
            code = target.split("/")[2]
            reason = {"404": "Not Found", "500": "Internal Server Error"}[code]
            writer.write(f"HTTP/1.1 {code} {reason}\r\nContent-Length: 3\r\n\r\nno\n".encode())
        elif target == "/redirect":
            writer.write(b"HTTP/1.1 302 Found\r\nLocation: /hello\r\nContent-Length: 0\r\n\r\n")
        elif target == "/chunked":
            writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                         b"3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n")
        else:
            text = f"{method} {target} {body.decode()}"
            writer.write(f"HTTP/1.1 200 OK\r\nContent-Length: {len(text)}\r\n\r\n{text}".encode())
        await writer.drain()
    writer.close()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base) as client:
        r = await client.get("/hello")
        print(r.status_code, r.text, r.headers["content-type"])
        for path in ["/status/404", "/status/500", "/redirect"]:
            r = await client.get(path)
            try:
                r.raise_for_status()
            except httpx.HTTPStatusError as e:
                print(type(e).__name__, str(e).replace(str(port), "PORT"))
        r = await client.get("/redirect", follow_redirects=True)
        print(r.status_code, str(r.url).replace(str(port), "PORT"), r.text)
        r = await client.get("/chunked")
        print(r.status_code, r.text)
        r = await client.post("/echo", params={"q": "a b"}, json={"k": [1, 2]})
        print(r.text)
        rs = await asyncio.gather(*[client.get("/hello") for _ in range(20)])
        print(sum([r.status_code for r in rs]))
    print("connections", connections <= 20)
    server.close()
    await server.wait_closed()
    async with httpx.AsyncClient() as client:
        try:
            await client.get(f"http://127.0.0.1:{port}/")
        except httpx.ConnectError as e:
            print("ConnectError", e)


asyncio.run(main())
