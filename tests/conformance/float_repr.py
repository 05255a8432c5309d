vals = [0.1, 1.0, 1e22, 1e-7, 123456789.123, 2.5e-300, 1 / 7, 100.0, 1e16, 12345678901234567.0]
for v in vals:
    print(v, repr(v), str(v), f"{v:.3g}", f"{v:.4e}")
print(float("inf"), -float("inf"), float("1e500"), 3.0 * 2, 7.0 // 2, -7.5 % 2)
print(round(0.5), round(1.5), round(-0.5), round(2.345, 2), round(1234.5678, -2))
print(int(1e15), float(10), 1e100)
