# expect: 2:9: error: cannot infer the element type of an empty collection; annotate it, e.g. `items: list[int] = []`
items = []
print(items)
