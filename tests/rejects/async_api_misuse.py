# expect: 18:44: error: asyncio.wait() needs a list or set of tasks, not `list[Coroutine[Any, Any, int]]`
# expect: 19:15: error: the task from current_task()/all_tasks() has no method `result` in aioc (its result type is unknown statically)
# expect: 20:11: error: gather(return_exceptions=True) is supported by aioc only for awaitables that return None (the result would mix values and exceptions)
# expect: 21:5: error: json.loads() needs the type of its result: assign it to an annotated variable (`data: dict[str, int] = json.loads(s)`)
# expect: 22:29: error: json.loads() into `tuple[int, int]` is not supported by aioc (JSON gives int, float, bool, str, None, lists and str-keyed dicts)
import asyncio
import json


async def one() -> int:
    return 1


async def main() -> None:
    cs = [one() for _ in range(2)]
    t = asyncio.current_task()
    if t is not None:
        done, pending = await asyncio.wait(cs)
        print(t.result())
    await asyncio.gather(one(), return_exceptions=True)
    json.loads("[1]")
    pair: tuple[int, int] = json.loads("[1, 2]")
    print(pair)


asyncio.run(main())
