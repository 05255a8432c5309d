global a, b
nonlocal c
