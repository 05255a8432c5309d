import asyncio


async def fail(kind: str, delay: float) -> None:
    await asyncio.sleep(delay)
    if kind == "value":
        raise ValueError("bad value")
    if kind == "type":
        raise TypeError("bad type")
    raise KeyError(kind)


async def ok() -> int:
    await asyncio.sleep(0.001)
    return 1


async def both() -> None:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("value", 0.01))
            tg.create_task(fail("type", 0.01))
            tg.create_task(ok())
    except* ValueError as eg:
        print("values:", eg, [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("types:", eg.message, len(eg.exceptions))
    print("both handled")


async def partial() -> None:
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail("value", 0.01))
                tg.create_task(fail("k", 0.01))
        except* ValueError:
            print("handled the ValueError only")
    except ExceptionGroup as rest:
        print("rest:", rest, [repr(e) for e in rest.exceptions])


def naked() -> None:
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("wrapped:", eg, eg.exceptions[0])
    try:
        try:
            raise KeyError("k")
        except* ValueError:
            print("not reached")
    except KeyError as e:
        print("unchanged:", repr(e))


def built() -> None:
    try:
        raise ExceptionGroup("many", [ValueError("a"), TypeError("b"), ValueError("c")])
    except* ValueError as eg:
        print(eg)
        for e in eg.exceptions:
            print(" ", repr(e))
    except* TypeError as eg:
        print(eg)
    else:
        print("no else")
    finally:
        print("finally")
    try:
        try:
            raise ExceptionGroup("outer", [ValueError("x"), ExceptionGroup("inner", [TypeError("y"), ValueError("z")])])
        except* TypeError:
            raise RuntimeError("converted")
    except ExceptionGroup as eg:
        print("result:", eg)
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)
    try:
        try:
            raise ExceptionGroup("g", [ValueError("1"), TypeError("2")])
        except* ValueError:
            raise
    except ExceptionGroup as eg:
        print("reraised:", eg, len(eg.exceptions))
    try:
        try:
            raise ExceptionGroup("h", [TypeError("only")])
        except* TypeError:
            raise ValueError("replacement")
    except ValueError as e:
        print("single new:", repr(e))


asyncio.run(both())
asyncio.run(partial())
naked()
built()
try:
    raise ExceptionGroup("top", [KeyError("key"), ValueError("v")])
except ExceptionGroup as top:
    print(repr(top))
