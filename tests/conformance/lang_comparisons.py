a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 == True, 1 <= a <= 1 < b)
print("a" < "b" < "c", [1] < [1, 0], (1, 2) < (1, 3), (2, 0) > (1, 9))
x: int | None = None
print(x is None, x is not None)
y = 5
print(0 < y < 10 and y != 7, not (y > 3), y if y > 3 else -y)
print(1 == 1.0, 2 > 1.5, True + True, 3 != 3.0)
def f(v: int) -> int:
    print("eval", v)
    return v
print(f(1) < f(2) < f(0) < f(3))
print(f(5) > f(1) or f(2) > 0)
flag = False
count = 3
if flag or count:
    print("truthy mix ok")
while not (flag or count - 3):
    count -= 1
    print("loop", count)
    if count < 2:
        break
