# json.dumps with its default spelling, and json.loads into annotated
# targets (json= and Response.json() in httpx use the same spelling).
import json

data: dict[str, list[int]] = {"a": [1, 2], "é": []}
text = json.dumps(data)
print(text)
print(json.dumps(["x\ty", "quote\"", "😀", "\x00é"]))
print(json.dumps([1.5, 10.0, float("inf")]), json.dumps([True, None]))
print(json.dumps((1, 2)), json.dumps(-0.0), json.dumps(1e100))
back: dict[str, list[int]] = json.loads(text)
print(back, back == data)
nums: list[float] = json.loads("[1.5, 2e3, -0.25]")
print(nums)
opt: list[str | None] = json.loads('["a", null, "\\u00e9\\ud83d\\ude00"]')
print(opt)
nested: dict[str, dict[str, bool]] = json.loads('{"k": {"t": true, "f": false}}')
print(nested)
try:
    bad: list[int] = json.loads("[1, 2")
    print(bad)
except ValueError as e:
    print("ValueError", e)
