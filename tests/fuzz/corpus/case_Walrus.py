if (n := len(a)) > 10:
    pass
[y := f(x), y**2]
