def minmax(xs: list[int]) -> tuple[int, int]:
    return min(xs), max(xs)


lo, hi = minmax([4, 2, 9])
print(lo, hi, minmax([1]))
pts = [(1, 2), (3, 4), (5, 6)]
for x, y in pts:
    print(x * y, end=" ")
print()
t = (1, 2) + (3,)
print(t, len(t), t[1], t[-1], 2 in t)
records = [("bob", 30), ("amy", 25), ("cat", 30)]
print(sorted(records, key=lambda r: (-r[1], r[0])))
d = {(1, 2): "a", (3, 4): "b"}
print(d[(1, 2)], (3, 4) in d)
