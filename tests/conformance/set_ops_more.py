a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.issuperset({1, 2}), a.isdisjoint({9}), {1, 2} <= a, {1, 2} < a)
c = set([5, 5, 6])
c.add(7)
c.remove(5)
print(c, len(c), 6 in c)
seen: set[int] = set()
dups: list[int] = []
for x in [1, 2, 1, 3, 2]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(seen, dups, sorted({x * x for x in range(-3, 4)}))
