class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None


a = Node(1)
b = Node(2)
c = Node(3)
a.next = b
b.next = c
cur: Node | None = a
vals: list[int] = []
while cur is not None:
    vals.append(cur.value)
    cur = cur.next
print(vals)
alias = a
alias.value = 100
print(a.value, alias is a, a is b, a.next is b)
