match = case = _ = 1
match match:
    case case if case:
        pass
    case _:
        match(case)
