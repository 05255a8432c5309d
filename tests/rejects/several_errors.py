# expect: 3:5: error: name `nope` is not defined
# expect: 5:9: error: `total` is `int`; cannot assign `str`
x = nope
total = 1
total = "s"
