#!/usr/bin/python3
"""Writes a ~300-line aioc script (classes, async functions, comprehensions,
f-strings) used by bench_compile.sh to time `aioc compile`."""
import sys

out = ["import asyncio", "from dataclasses import dataclass", ""]
for i in range(12):
    out += [
        "@dataclass",
        f"class Rec{i}:",
        "    key: str",
        "    value: int",
        "",
        f"    def score(self) -> int:",
        f"        return self.value * {i + 1} + len(self.key)",
        "",
        "",
        f"async def stage{i}(xs: list[int]) -> list[int]:",
        "    out: list[int] = []",
        "    for x in xs:",
        "        await asyncio.sleep(0)",
        f"        if x % {i + 2} == 0:",
        f"            out.append(x * {i + 1})",
        "        else:",
        "            out.append(x + 1)",
        "    return out",
        "",
        "",
    ]
out += ["async def main() -> None:", "    data = list(range(20))"]
for i in range(12):
    out += [
        f"    data = await stage{i}(data)",
        f"    r{i} = Rec{i}(f\"k{{len(data)}}\", sum(data) % 1000)",
        f"    print(r{i}, r{i}.score(), {{x: x * x for x in data[:3]}})",
    ]
out += ["", "", "asyncio.run(main())"]
sys.stdout.write("\n".join(out) + "\n")
