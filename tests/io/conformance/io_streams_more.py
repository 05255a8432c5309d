# start_server as an async context manager with serve_forever in a task,
# peername/sockname, writelines, a subprocess fed through proc.stdin, and
# communicate() with DEVNULL.
import asyncio


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    host, port = writer.get_extra_info("peername")
    print("client from", host, port > 0)
    data = await reader.readuntil(b"END")
    writer.writelines([b"got ", str(len(data)).encode(), b"\n"])
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        serving = asyncio.create_task(server.serve_forever())
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        host, p = writer.get_extra_info("sockname")
        print("local", host, p != port)
        writer.write(b"payload END")
        await writer.drain()
        print(await reader.read())
        print(reader.at_eof())
        writer.close()
        await writer.wait_closed()
        serving.cancel()
        try:
            await serving
        except asyncio.CancelledError:
            print("serve_forever cancelled")
    print("serving", server.is_serving())
    proc = await asyncio.create_subprocess_exec(
        "tr", "a-z", "A-Z", stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE)
    proc.stdin.write(b"shout\n")
    await proc.stdin.drain()
    proc.stdin.close()
    print(await proc.stdout.readline(), await proc.wait())
    quiet = await asyncio.create_subprocess_exec(
        "echo", "x", stdout=asyncio.subprocess.DEVNULL)
    out, err = await quiet.communicate()
    print(out, err, quiet.returncode)


asyncio.run(main())
