match p:
    case 1 | 2:
        pass
    case [a, *rest]:
        pass
    case {'k': v, **r}:
        pass
    case Point(x=0, y=_) as pt if pt:
        pass
    case -1 | 1+2j | 'a' | None | True:
        pass
    case (a, b):
        pass
    case _:
        pass
