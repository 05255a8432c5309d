# try/except/else/finally, custom exceptions, raise from.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key: str) -> None:
        super().__init__(f"missing {key}")
        self.key = key


def lookup(d: dict[str, int], k: str) -> int:
    if k not in d:
        raise NotFound(k)
    return d[k]


d = {"a": 1}
for k in ["a", "b"]:
    try:
        v = lookup(d, k)
    except NotFound as e:
        print("not found:", e, e.key)
    else:
        print("found", v)
    finally:
        print("done", k)
try:
    x = [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    y = d["zz"]
except KeyError as e:
    print("KeyError:", e)
try:
    z = 1 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    raise AppError("base")
except (NotFound, ValueError):
    print("wrong")
except AppError as e:
    print("caught", e)


def f() -> int:
    try:
        return 1
    finally:
        print("finally runs before return")


print(f())
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print("chained:", e)
