match a, b:
    case x, y:
        pass
