x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
x **= 3
print(x)
y = 7.0
y /= 2
y += 1
print(y)
s = "ab"
s *= 3
s += "!"
print(s)
lst = [1]
lst += [2, 3]
lst *= 2
print(lst)
d = {"k": 1}
d["k"] += 10
d["k"] *= 2
print(d)
bits = 0b1010
bits |= 0b0101
bits &= 0b1100
bits ^= 1
bits <<= 2
bits >>= 1
print(bits)
