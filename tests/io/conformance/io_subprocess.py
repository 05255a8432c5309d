# Subprocesses on the loop, and the blocking subprocess.run.
import asyncio
import subprocess


async def main() -> None:
    p1 = await asyncio.create_subprocess_exec(
        "printf", "pear\\napple\\nfig\\n", stdout=asyncio.subprocess.PIPE)
    data = await p1.stdout.read()
    p2 = await asyncio.create_subprocess_exec(
        "sort", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, err = await p2.communicate(data)
    print(out.decode().split(), err, await p1.wait(), p2.returncode)
    p3 = await asyncio.create_subprocess_shell(
        "echo hi; exit 3", stdout=asyncio.subprocess.PIPE)
    out, _ = await p3.communicate()
    print(out, p3.returncode)
    p4 = await asyncio.create_subprocess_exec("sleep", "30")
    p4.kill()
    print("killed", await p4.wait())
    cp = subprocess.run(["echo", "blocking"], capture_output=True)
    print(cp.returncode, cp.stdout)
    try:
        subprocess.check_output(["false"])
    except subprocess.CalledProcessError as e:
        print(e)
    try:
        await asyncio.create_subprocess_exec("aioc-no-such-program")
    except FileNotFoundError as e:
        print("FileNotFoundError", e)


asyncio.run(main())
