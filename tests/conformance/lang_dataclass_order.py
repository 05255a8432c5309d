from dataclasses import dataclass


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tag: str = ""


@dataclass(eq=True, order=False)
class Named:
    name: str


vs = [Version(1, 2), Version(1, 0), Version(0, 9, "rc"), Version(1, 0, "a")]
print(sorted(vs))
print(Version(1, 0) < Version(1, 1), Version(2) > Version(1, 9), Version(1) <= Version(1), Version(1, 1) >= Version(1, 2))
print(max(vs), min(vs), sorted(vs, reverse=True)[0])
print(Version(1, 2) == Version(1, 2), Named("x") == Named("x"), Named("a"))
