# Subprocess fan-out: checksum every file with one child each, at most four
# at a time, collecting stdout through pipes.
#   python3 subprocess_fanout.py FILE [FILE...]
import asyncio
import sys


async def checksum(sem: asyncio.Semaphore, path: str) -> str:
    async with sem:
        proc = await asyncio.create_subprocess_exec(
            "sha256sum", path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        if proc.returncode != 0:
            return f"error {proc.returncode}: {err.decode().strip()}"
        return out.decode().split()[0][:16]


async def main(paths: list[str]) -> None:
    sem = asyncio.Semaphore(4)
    sums = await asyncio.gather(*[checksum(sem, p) for p in paths])
    for p, s in zip(paths, sums):
        print(f"{s}  {p}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
