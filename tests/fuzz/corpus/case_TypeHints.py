def f(x: list[int] | None = None) -> dict[str, 'T']:
    y: Callable[..., int]
