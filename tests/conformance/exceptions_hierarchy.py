def risky(kind: str) -> None:
    if kind == "value":
        raise ValueError("bad value")
    if kind == "key":
        raise KeyError("k")
    if kind == "type":
        raise TypeError("bad type")
    if kind == "runtime":
        raise NotImplementedError("todo")


for kind in ["value", "key", "type", "runtime", "none"]:
    try:
        risky(kind)
        print(kind, "ok")
    except LookupError as e:
        print(kind, "lookup:", e)
    except (ValueError, TypeError) as e:
        print(kind, "value/type:", e, type(e).__name__)
    except RuntimeError as e:
        print(kind, "runtime:", repr(e))
    finally:
        print("checked", kind)
try:
    try:
        risky("value")
    finally:
        print("inner finally")
except Exception as e:
    print("outer caught", e)
