for n in range(-2, 3):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign, abs(n) if n else 100)
vals = [x if x % 2 else -x for x in range(6)]
print(vals)
