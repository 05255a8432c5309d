# I/O objects behave as Python objects without __eq__: `==`, `in`, sets
# and dict keys use identity; ordering raises TypeError.
import asyncio


async def main() -> None:
    p = await asyncio.create_subprocess_exec("true")
    q = await asyncio.create_subprocess_exec("true")
    procs = [p, q]
    print(p == p, p == q, p in procs, len({p, q, p}))
    waits = {p: "first", q: "second"}
    print(waits[q], await p.wait(), await q.wait())
    try:
        print(sorted(procs))
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
