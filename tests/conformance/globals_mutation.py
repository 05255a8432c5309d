counter = 0
log: list[str] = []


def bump(by: int) -> None:
    global counter
    counter += by
    log.append(f"bump {by}")


for i in range(3):
    bump(i + 1)
print(counter, log)
