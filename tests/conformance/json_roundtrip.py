import json


def main() -> None:
    data: dict[str, list[int]] = {"a": [1, 2, 3], "b": [], "ü": [-7]}
    text = json.dumps(data)
    print(text)
    back: dict[str, list[int]] = json.loads(text)
    print(back)
    print(back == data)
    print(json.dumps([1.5, 2.0, 1e100, -0.0, 1 / 3]))
    print(json.dumps(["quote \" backslash \\ tab \t nl \n", "é€😀", None]))
    print(json.dumps([True, False]), json.dumps(None), json.dumps(3))
    print(json.dumps((1, "two", None)))
    print(json.dumps({1: "one", 2: "two"}))
    print(json.dumps(""))
    doc = '{"name": "aioc", "tags": ["x", "y"], "score": 9.5, "ok": true, "extra": null}'
    name: dict[str, str | None] = json.loads('{"k": "v", "n": null}')
    print(name)
    nums: list[float] = json.loads("[1.0, 2.5e3, -0.125, 1E-3]")
    print(nums)
    s: str = json.loads('"\\u00e9\\ud83d\\ude00\\n"')
    print(repr(s))
    opt: list[int | None] = json.loads("[1, null, 3]")
    print(opt)
    nested: list[dict[str, list[bool]]] = json.loads(' [ {"a" : [true, false]} , {} ] ')
    print(nested)
    print(len(doc))
    for bad in ["", "[1, 2", "{\"a\" 1}", "[1] x", "{1: 2}", "nul", '"abc']:
        try:
            v: list[int] = json.loads(bad)
            print("parsed", v)
        except ValueError as e:
            print("ValueError:", e)


main()
