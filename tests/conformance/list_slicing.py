xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7], xs[::3], xs[8:2:-2], xs[::-1][:3])
print(xs[100:], xs[-100:2], "abcdef"[1:4], "abcdef"[::-2], "abc"[5:])
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])
s = "hello world"
print(s[:5].upper() + s[5:])
