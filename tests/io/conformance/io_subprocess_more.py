# Subprocess streams read line by line, terminate(), DEVNULL / STDOUT, and
# subprocess.run with text=True, check=True and a non-zero exit.
import asyncio
import subprocess


async def main() -> None:
    p = await asyncio.create_subprocess_exec(
        "sh", "-c", "echo one; echo two >&2; echo three",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    while True:
        line = await p.stdout.readline()
        if not line:
            break
        print("got", sorted([line.decode().strip()]))
    print("exit", await p.wait(), p.returncode)
    q = await asyncio.create_subprocess_exec(
        "sh", "-c", "echo hidden; exit 5", stdout=asyncio.subprocess.DEVNULL)
    print("devnull exit", await q.wait())
    s = await asyncio.create_subprocess_exec("sleep", "30")
    print("before", s.returncode)
    s.terminate()
    print("terminated", await s.wait())
    args = ["cat"]
    c = await asyncio.create_subprocess_exec(
        *args, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await c.communicate("héllo".encode())
    print(out.decode(), err, c.returncode)
    cp = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 2"],
                        capture_output=True, text=True)
    print(cp.returncode, repr(cp.stdout), repr(cp.stderr))
    print(repr(subprocess.check_output(["echo", "text"], text=True)))
    plain = subprocess.run("exit 0", shell=True)
    print(plain.returncode, plain.stdout)
    try:
        subprocess.run(["sh", "-c", "exit 4"], check=True)
    except subprocess.CalledProcessError as e:
        print("CalledProcessError", e.returncode, e)


asyncio.run(main())
