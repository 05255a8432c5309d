# expect: 3:14: error: `items` is `list[int]`; cannot append `str`
items = [1, 2, 3]
items.append("four")
