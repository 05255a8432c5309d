match = 1
match.x = 2
match(a)
case = 3
_ = 4
