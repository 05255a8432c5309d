"""Writes CPython's verdict on every .py file under a directory, one line per
file: path, 'ok' or 'reject', and the SHA-1 of ast.dump() (ok files only).
Run with /usr/bin/python3 (the CPython 3.11 oracle)."""
import ast
import hashlib
import os
import sys
import warnings

root, out = sys.argv[1], sys.argv[2]
warnings.simplefilter("ignore")
rows = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    if "site-packages" in dirpath or "dist-packages" in dirpath:
        continue
    for name in sorted(filenames):
        if not name.endswith(".py"):
            continue
        path = os.path.join(dirpath, name)
        try:
            with open(path, "rb") as f:
                src = f.read()
        except OSError:
            continue
        try:
            tree = ast.parse(src)
            digest = hashlib.sha1(ast.dump(tree).encode("utf-8", "surrogatepass")).hexdigest()
            rows.append(f"{path}\tok\t{digest}\n")
        except (SyntaxError, ValueError):
            rows.append(f"{path}\treject\t-\n")
        except (RecursionError, MemoryError):
            rows.append(f"{path}\treject\t-\n")
with open(out, "w") as f:
    f.writelines(rows)
