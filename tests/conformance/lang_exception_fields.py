class AppError(Exception):
    def __init__(self, code: int, detail: str) -> None:
        super().__init__(f"error {code}: {detail}")
        self.code = code
        self.detail = detail


class NotFound(AppError):
    def __init__(self, what: str) -> None:
        super().__init__(404, what + " not found")
        self.what = what


def lookup(k: str) -> int:
    if k == "x":
        return 1
    raise NotFound(k)


for key in ["x", "y"]:
    try:
        print(lookup(key))
    except NotFound as e:
        print("NotFound:", e.code, e.what, e, repr(e.detail))
    except AppError as e:
        print("other", e)
    finally:
        print("done", key)

try:
    try:
        lookup("z")
    except AppError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as r:
    print(r, type(r).__name__)

try:
    raise ValueError("bad")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e, e.args)
lookup("q")
