def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def hanoi(n: int, src: str, dst: str, via: str, moves: list[str]) -> None:
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(f"{src}->{dst}")
    hanoi(n - 1, via, dst, src, moves)


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


print([fib(i) for i in range(15)])
m: list[str] = []
hanoi(4, "A", "C", "B", m)
print(len(m), m[:5])
print(gcd(1071, 462), gcd(17, 5))
