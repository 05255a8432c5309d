# list operations with reference semantics.
xs = [5, 3, 8, 1]
ys = xs
ys.append(9)
print(xs, len(xs), xs[-1], xs[1:3], xs[::-1])
xs.sort()
print(xs, ys)
xs.insert(0, 100)
print(xs.pop(), xs.pop(0), xs)
xs.extend([7, 7])
print(xs.count(7), xs.index(8), 8 in xs, 42 in xs)
xs.remove(7)
xs.reverse()
print(xs, sorted(xs), sorted(xs, reverse=True))
zs = xs + [0] * 3
print(zs, zs == xs, [1, 2] < [1, 3])
words = ["pear", "fig", "banana", "kiwi"]
print(sorted(words, key=len), sorted(words, key=lambda w: w[-1]))
words.sort(key=lambda w: (len(w), w))
print(words)
xs[0] = -1
print(xs, min(xs), max(xs), sum(xs))
nested: list[list[int]] = [[1, 2], [3]]
nested[1].append(4)
print(nested, len(nested[0]))
empty: list[str] = []
print(empty, len(empty), bool(empty))
