from typing import Iterator


def risky(n: int) -> Iterator[int]:
    for i in range(n):
        if i == 2:
            raise ValueError(f"bad item {i}")
        yield i * 10


for v in risky(5):
    print(v)
