# int/float arithmetic with Python's floor division, modulo and promotion.
a = 17
b = -5
print(a + b, a - b, a * b, a // b, a % b, a / b)
print(-17 // 5, -17 % 5, 17 // -5, 2 ** 10, 7 / 2)
x = 3
y = 2.5
print(x + y, x * y, x - y, y / x, y // 1, y % 2)
print(abs(-4), abs(-2.5), round(2.5), round(3.5), round(2.675, 2))
print(divmod(17, 5), divmod(-17, 5))
print(max(3, 9, 4), min(3, 9, 4), max(1.5, 2.0), sum([1, 2, 3]))
print(1 << 10, 1024 >> 3, 6 & 3, 6 | 3, 6 ^ 3, ~5)
print(10 / 4, 1e16, 1e-5, 0.1 + 0.2, 1 / 3, 2.0, -0.0)
print(int("42") + 1, float("2.5") * 2, int(3.9), int(-3.9))
print(True + True, 3 > 2 > 1, 1 < 2 < 1, 5 == 5.0)
