# expect: 2:10: error: mixed types `int` and `str` are not supported by aioc (a value has one static type)
xs = [1, "two"]
