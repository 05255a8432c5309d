# expect: 3:9: error: `count` is `int`; cannot assign `str`
count = 0
count = "many"
