# sets of ints iterate in CPython's hash order; tuples compare and unpack.
s = {3, 1, 2}
s.add(10)
s.add(1)
print(s, len(s), 2 in s)
t = {2, 3, 4}
print(s | t, s & t, s - t, s ^ t)
s.discard(10)
print(sorted(s), s.issubset({1, 2, 3, 4}))
p = (1, "one", 1.0)
print(p, p[0], p[1], p[-1], len(p))
a, b, c = p
print(a, b, c)
pairs = [(2, "b"), (1, "z"), (2, "a")]
print(sorted(pairs), max(pairs), (1, 2) < (1, 3))
x, y = 1, 2
x, y = y, x
print(x, y, (5,))
