import json

try:
    v: list[int] = json.loads("[1, 2")
except json.JSONDecodeError as e:
    print(type(e).__name__, e)
w: dict[str, int] = json.loads("{bad")
print(w)
