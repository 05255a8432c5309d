# An uncaught exception: last traceback line and exit status 1.
def parse(s: str) -> int:
    return int(s)


print("before")
print(parse("12"))
print(parse("x1"))
print("never")
