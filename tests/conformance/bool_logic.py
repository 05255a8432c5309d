def check(x: int) -> bool:
    print("check", x)
    return x > 0


print(check(1) and check(-1) and check(2))
print(check(-1) or check(3) or check(4))
print(not check(0))
x = 5
print(0 < x < 10, x < 0 or x > 3, not (x == 5))
name = ""
print(name or "default", "set" or "x", 0 or 7, 3 and 4)
items: list[int] = []
print(bool(items), bool([0]), bool(0.0), bool("0"))
print(True == 1, False < True, True + 1)
