t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-1], t[:2], t[3:], t[-2:], t[::2], t[1:-1], t[10:], t[:-10])
mixed = ("a", 1, 2.5, True)
head = mixed[:2]
print(head, mixed[1:], mixed[::-2], len(mixed[1:3]))
name, n = head
print(name * n)
empty = t[3:1]
print(empty, len(empty))
print(t[-1:-4:-1], t[4:0:-2])
nested = ((1, 2), (3, 4), (5, 6))
print(nested[1:], nested[0][1:])
print((1, 2) + t[3:])
