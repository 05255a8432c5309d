a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
a.add(10)
a.discard(99)
a.remove(1)
print(sorted(a), len(a), 2 in a, 5 not in a)
print(a.issubset({2, 3, 10, 11}), a.issuperset({2}), a.isdisjoint({7}))
c = set([1, 1, 2])
print(c, {x % 3 for x in range(10)}, set("hello") == set("olhe"))
words = {"b", "a"}
print(sorted(words), sorted(words | {"c"}))
empty: set[int] = set()
print(empty, len(empty), bool(empty))
u = a.union(b)
print(sorted(u), sorted(a.intersection(b)), sorted(a.difference(b)))
a |= {42}
print(sorted(a))
