from typing import Generator, Iterator


def count_up(n: int) -> Iterator[int]:
    i = 0
    while i < n:
        print("  producing", i)
        yield i
        i += 1


def fib() -> Generator[int, None, None]:
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def evens(xs: list[int]) -> Iterator[int]:
    for x in xs:
        if x % 2:
            continue
        yield x
    if not xs:
        return
    yield -1


def labels(prefix: str) -> Iterator[str]:
    for i in range(3):
        yield f"{prefix}{i}"


for v in count_up(3):
    print("consumed", v)

for f in fib():
    if f > 50:
        break
    print(f, end=" ")
print()

print([x for x in evens([1, 2, 3, 4, 6])])
total = 0
for x in evens([]):
    total += x
print(total)
g = labels("L")
for s in g:
    print(s)
    break
for s in g:
    print("rest", s)
print(sorted(labels("z"), reverse=True))
