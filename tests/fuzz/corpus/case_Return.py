def f():
    return
    return 1, 2
