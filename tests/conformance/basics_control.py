# loops, break/continue, while, nested functions and defaults.
def classify(n: int) -> str:
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"


def total(xs: list[int], start: int = 0, scale: int = 1) -> int:
    t = start
    for x in xs:
        if x > 100:
            break
        if x < 0:
            continue
        t += x * scale
    return t


for i in range(-1, 4):
    print(i, classify(i))
print(total([1, 2, -3, 4, 200, 5]), total([1, 2], 10), total([1, 2], scale=3))
n = 10
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("steps", steps)
for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("xy", start=1):
    print(i, ch)
for a, b in zip([1, 2, 3], ["x", "y"]):
    print(a, b)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
print(list(reversed([1, 2, 3])), any([False, True]), all([]))
