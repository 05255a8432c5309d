name = "Ada"
age = 36
print("{} is {} years old".format(name, age))
print("{1} before {0}".format("a", "b"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:.3f} {:e} {:,} {:x} {:08.2f}".format(3.14159, 12345.678, 1234567, 255, -3.5))
print("{!r} {!s}".format("q", 1.5))
print("{{}} {}".format("braces"))
print("{0}{0}{1}".format("ab", "!"))
tmpl = "[{:>5}]"
for w in ["a", "bb", "ccc"]:
    print(tmpl.format(w))
try:
    print("{} {}".format("only"))
except IndexError as e:
    print("IndexError:", e)
