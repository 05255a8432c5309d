# Big ints within 64 bits behave as in Python.
x = 2 ** 62
print(x, x + (x - 1), -x - x)
print(9223372036854775807, -9223372036854775807 - 1)
print(10 ** 18, 3 ** 39, (2 ** 31) * (2 ** 31))
f = 1
for i in range(1, 21):
    f *= i
print("20! =", f)
print(2 ** 0, 0 ** 0, (-3) ** 3, 2 ** -1)
