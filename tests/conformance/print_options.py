import sys

print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued")
print(1, 2.5, True, None, [1], (2,), {3: "x"}, sep=" | ", end=" <\n")
print("to stderr", file=sys.stderr)
print()
print("", "")
print("flushed", flush=True)
