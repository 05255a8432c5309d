class ConfigError(Exception):
    pass


def load(name: str) -> None:
    raise ConfigError(f"bad config: {name!r}")


print("loading")
load("app.toml")
