# expect: 12:9: error: `yield` inside `try ... finally` or `with` is not supported by aioc (when the generator is not run to the end, CPython runs the cleanup later, from aclose()/close()); move the yield out of it
# expect: 17:18: error: a generator needs its return type annotated as `Iterator[T]` or `Generator[T, None, None]`
# expect: 22:9: error: using the value of `yield` (generator.send) is not supported by aioc; write `yield` as a statement
# expect: 27:14: error: `async for` in comprehensions is not supported by aioc; use an `async for` loop
# expect: 27:29: error: `AsyncGenerator[str, None]` is an async iterator; loop over it with `async for`
import asyncio
from typing import AsyncIterator, Iterator


async def lines() -> AsyncIterator[str]:
    try:
        yield "a"
    finally:
        print("closed")


def numbers() -> list[int]:
    yield 1


def echo() -> Iterator[int]:
    x = yield 1
    print(x)


async def main() -> None:
    print([s async for s in lines()])
    async for n in numbers():
        print(n)


asyncio.run(main())
