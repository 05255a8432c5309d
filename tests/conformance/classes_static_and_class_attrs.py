class MathUtil:
    @staticmethod
    def clamp(x: int, lo: int, hi: int) -> int:
        return max(lo, min(x, hi))


class Stack:
    def __init__(self) -> None:
        self.items: list[int] = []

    def push(self, x: int) -> None:
        self.items.append(x)

    def pop(self) -> int:
        return self.items.pop()

    def __len__(self) -> int:
        return len(self.items)

    def is_empty(self) -> bool:
        return not self.items


print(MathUtil.clamp(15, 0, 10), MathUtil.clamp(-3, 0, 10))
st = Stack()
for i in range(5):
    st.push(i * i)
print(st.pop(), st.pop(), st.items, st.is_empty())
while not st.is_empty():
    st.pop()
print(st.is_empty())
