f = lambda a, *b, c=1, **d: a
g = lambda: 0
