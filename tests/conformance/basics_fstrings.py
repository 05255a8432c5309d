# f-strings with format specs and conversions.
name = "aioc"
n = 1234567
f = 3.14159265
print(f"{name!r} {name:>8} {name:<8}| {name:^9}|")
print(f"{n:,} {n:_} {n:>12,} {n:08d} {n:x} {n:X} {n:o} {n:b}")
print(f"{f:.2f} {f:10.3f}| {f:<10.1f}| {f:e} {f:.3e} {f:g} {f:%}")
print(f"{-f:+.2f} {f:+.2f} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
print(f"{n}{f}{name}", f"{{literal}}", f"{n * 2 + 1}")
width = 7
print(f"[{name:>{width}}]", f"[{f:.{width - 4}f}]")
items = [1, 2, 3]
print(f"{items} {len(items)} {items[0]!r}")
print(f"{'nested'} {True} {None} {1e20} {1/3}")
