import os
import random
import sys
import time


def main() -> None:
    random.seed(42)
    xs = [random.randint(1, 6) for _ in range(100)]
    print("dice in range:", all([1 <= x <= 6 for x in xs]))
    f = random.random()
    print("random in [0, 1):", 0.0 <= f < 1.0)
    items = ["a", "b", "c", "d"]
    pick = random.choice(items)
    print("choice is a member:", pick in items)
    deck = list(range(10))
    random.shuffle(deck)
    print("shuffle keeps the elements:", sorted(deck) == list(range(10)))
    try:
        empty: list[int] = []
        random.choice(empty)
    except IndexError as e:
        print("IndexError:", e)
    print("HOME set:", os.environ.get("HOME") is not None)
    print("missing:", os.environ.get("AIOC_SURELY_UNSET_VARIABLE"))
    print("default:", os.environ.get("AIOC_SURELY_UNSET_VARIABLE", "fallback"))
    print("argv length:", len(sys.argv), sys.argv[1:])
    t0 = time.perf_counter()
    m0 = time.monotonic()
    time.sleep(0.01)
    print("perf_counter advances:", time.perf_counter() - t0 >= 0.009)
    print("monotonic advances:", time.monotonic() >= m0)
    print("time is after 2020:", time.time() > 1577836800.0)


main()
