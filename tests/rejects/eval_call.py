# expect: 2:1: error: builtin `eval` is not supported by aioc
eval("1 + 1")
