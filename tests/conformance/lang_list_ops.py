xs = [5, 3, 8, 1]
xs.append(7)
xs.insert(0, 9)
xs.extend([2, 2])
print(xs, len(xs), xs.count(2), xs.index(8))
xs.remove(2)
print(xs.pop(), xs.pop(0), xs)
xs.sort()
print(xs)
xs.reverse()
print(xs, xs[::-1], xs[1:-1], xs[-2:])
ys = xs.copy()
ys[0] = 100
print(xs[0], ys[0])
xs[1:3] = [0, 0, 0]
print(xs)
print([1, 2] + [3], [0] * 3, 3 in xs, 42 not in xs)
words = ["banana", "Apple", "cherry"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower(), reverse=True)
print(words)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
print(list(range(5)), list("abc"), [x * x for x in range(6) if x % 2 == 0])
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], xs.clear(), xs)
