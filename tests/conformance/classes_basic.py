# classes: __init__ fields, methods, inheritance, __str__/__repr__.
class Animal:
    def __init__(self, name: str, legs: int) -> None:
        self.name = name
        self.legs = legs

    def speak(self) -> str:
        return "..."

    def describe(self) -> str:
        return f"{self.name} has {self.legs} legs and says {self.speak()}"


class Dog(Animal):
    def __init__(self, name: str) -> None:
        super().__init__(name, 4)
        self.tricks: list[str] = []

    def speak(self) -> str:
        return "woof"

    def learn(self, trick: str) -> None:
        self.tricks.append(trick)


class Counter:
    count: int = 0

    def incr(self, by: int = 1) -> int:
        self.count += by
        return self.count

    def __str__(self) -> str:
        return f"Counter({self.count})"


a = Animal("snake", 0)
d = Dog("rex")
d.learn("sit")
d.learn("roll")
print(a.describe())
print(d.describe(), d.tricks)
animals: list[Animal] = [a, d]
for x in animals:
    print(x.name, x.speak(), isinstance(x, Dog))
c = Counter()
c.incr()
c.incr(5)
print(c, c.count, str(c))
