#!/usr/bin/env python3
"""Every blocking callable issue 5 lists (and ruff's ASYNC2xx lists) is
flagged by `aioc lint` inside a coroutine, under the expected code, with a
fix that contains `await`. One small file per callable, linted in one run.

    callables_test.py AIOC
"""
import json
import os
import subprocess
import sys
import tempfile

AIOC = sys.argv[1]
# (expected code or prefix, setup lines, call)
cases = []
def add(code, imp, call):
    cases.append((code, imp, call))
for m in ["get","post","put","delete","patch","head","options","request"]:
    add("ASYNC210", "import requests", f"requests.{m}('u')")
for m in ["get","post","put","delete","patch","head","options","request","stream"]:
    add("ASYNC210", "import httpx", f"httpx.{m}('u')")
add("ASYNC210", "import urllib.request", "urllib.request.urlopen('u')")
add("ASYNC210", "from urllib.request import urlopen", "urlopen('u')")
add("ASYNC210", "import urllib3", "urllib3.request('GET','u')")
for m in ["get","post","request","send","stream"]:
    add("ASYNC212", "import httpx\nc = httpx.Client()", f"c.{m}('u')")
for m in ["get","post","request"]:
    add("ASYNC210", "import requests\ns = requests.Session()", f"s.{m}('u')")
add("ASYNC220", "import subprocess", "subprocess.Popen(['x'])")
add("ASYNC220", "import os", "os.popen('x')")
add("ASYNC221", "import os", "os.posix_spawn('x', [], {})")  # as ruff
for m in ["run","call","check_call","check_output","getoutput","getstatusoutput"]:
    add("ASYNC221", "import subprocess", f"subprocess.{m}(['x'])")
add("ASYNC221", "import os", "os.system('x')")
for m in ["spawnl","spawnv","spawnlp","spawnvp"]:
    add("ASYNC221", "import os", f"os.{m}(os.P_WAIT, 'x', 'x')")
for m in ["wait","wait3","wait4","waitid","waitpid"]:
    add("ASYNC222", "import os", f"os.{m}(0)")
add("ASYNC230", "", "open('f')")
add("ASYNC230", "import io", "io.open('f')")
add("ASYNC230", "import io", "io.open_code('f')")
add("ASYNC230", "import codecs", "codecs.open('f')")
add("ASYNC230", "import pathlib", "pathlib.Path('f').open()")
for m in ["read","write","readline","readlines","seek","tell","flush"]:
    add("ASYNC232", "f = open('x')", f"f.{m}()")
for m in ["exists","isfile","isdir","getsize","getmtime","islink","ismount","samefile","realpath","abspath"]:
    add("ASYNC240", "import os", f"os.path.{m}('x')")
for m in ["read_text","read_bytes","write_text","write_bytes","exists","is_file","is_dir","stat","mkdir","unlink","iterdir","glob","rglob","touch","rmdir","resolve"]:
    add("ASYNC240", "import pathlib", f"pathlib.Path('x').{m}()")
for m in ["remove","rename","listdir","stat","makedirs","walk","unlink","mkdir","rmdir","scandir","replace"]:
    add("ASYNC240", "import os", f"os.{m}('x')")
for m in ["copy","copyfile","copytree","rmtree","move","copy2","make_archive","disk_usage","which"]:
    add("ASYNC240", "import shutil", f"shutil.{m}('x')")
add("ASYNC250", "", "input()")
add("ASYNC251", "import time", "time.sleep(1)")
add("ASYNC251", "import time as t", "t.sleep(1)")
add("ASYNC251", "from time import sleep", "sleep(1)")
add("ASYNC210", "from requests import get", "get('u')")
# socket methods
for m in ["recv","send","sendall","accept","connect","recvfrom","sendto","recv_into"]:
    add("AIO110", "import socket\ns = socket.socket()", f"s.{m}(b'x')")
add("AIO110", "import socket", "socket.create_connection(('h', 1))")
add("AIO110", "import socket", "socket.getaddrinfo('h', 1)")
add("AIO110", "import socket", "socket.gethostbyname('h')")
add("AIO111", "import sqlite3", "sqlite3.connect('x')")
add("AIO111", "import sqlite3\nc = sqlite3.connect('x')", "c.execute('x')")
add("AIO112", "import threading\nl = threading.Lock()", "l.acquire()")
add("AIO112", "import threading\nl = threading.RLock()", "l.acquire()")
add("AIO112", "import threading\ne = threading.Event()", "e.wait()")
add("AIO112", "import queue\nq = queue.Queue()", "q.get()")
add("AIO112", "import queue\nq = queue.Queue(1)", "q.put(1)")
add("AIO112", "import threading\nt = threading.Thread(target=print)", "t.join()")
add("AIO112", "import concurrent.futures\nf = concurrent.futures.Future()", "f.result()")
add("AIO112", "import concurrent.futures\nex = concurrent.futures.ThreadPoolExecutor()\nf = ex.submit(print)", "f.result()")
add("ASYNC210", "import requests\ns = requests.Session()", "s.put('u')")


def main():
    with tempfile.TemporaryDirectory() as d:
        for i, (code, setup, call) in enumerate(cases):
            with open(os.path.join(d, f"c{i:03}.py"), "w") as f:
                f.write(f"{setup}\n\n\nasync def main():\n    {call}\n")
        r = subprocess.run([AIOC, "lint", "--no-config", "--format=json",
                            "--ignore", "ASYNC124", d],
                           capture_output=True, text=True)
        if r.returncode != 1:
            print(f"FAIL: exit {r.returncode}: {r.stderr}")
            return 1
        got = {}
        for line in r.stdout.splitlines():
            x = json.loads(line)
            got.setdefault(os.path.basename(x["file"]), []).append(x)
    bad = 0
    for i, (code, setup, call) in enumerate(cases):
        fs = got.get(f"c{i:03}.py", [])
        hit = [x for x in fs if x["code"].startswith(code)]
        if not hit or not all("await" in x.get("fix", "") for x in hit):
            bad += 1
            print(f"FAIL: {call!r} after {setup!r}: expected {code}, got "
                  + str([(x["code"], x.get("fix")) for x in fs]))
    print(f"{len(cases) - bad} of {len(cases)} callables flagged as expected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
