a, b = 1, 2
(c, d), e = (3, 4), 5
print(a, b, c, d, e)
first, second, third = "xyz"[0], "xyz"[1], "xyz"[2]
print(first, second, third)
xs = [10, 20]
p, q = xs
print(p + q)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
try:
    m, n = [1, 2, 3]
except ValueError as err:
    print(err)
