for i, j in x:
    pass
else:
    pass
