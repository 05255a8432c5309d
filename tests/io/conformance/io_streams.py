# TCP echo with start_server / open_connection, readexactly, readuntil,
# IncompleteReadError and a refused connection.
import asyncio


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.decode().upper().encode())
        await writer.drain()
    writer.close()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\nworld\npartial")
    await writer.drain()
    print(await reader.readline())
    print(await reader.readexactly(3), await reader.readuntil(b"\n"))
    writer.write_eof()
    print(await reader.read())
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("ConnectionRefusedError", str(e).replace(str(port), "PORT"))


asyncio.run(main())
