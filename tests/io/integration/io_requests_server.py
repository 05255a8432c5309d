# The blocking requests calls against the fixture server (URL in argv[1]).
import sys

import requests


def main(base: str) -> None:
    r = requests.get(base + "/hello")
    print(r.status_code, repr(r.text), r.ok)
    r = requests.get(base + "/status/404")
    print(r.status_code, r.ok)
    try:
        r.raise_for_status()
    except requests.HTTPError as e:
        print("HTTPError", str(e).replace(base, "BASE"))
    stats: dict[str, int] = requests.get(base + "/stats").json()
    print(sorted(stats.keys()))
    r = requests.post(base + "/status/201", data="payload")
    print(r.status_code, len(r.content))
    try:
        requests.get("http://127.0.0.1:1/")
    except requests.ConnectionError as e:
        print("ConnectionError", type(e).__name__)


main(sys.argv[1])
