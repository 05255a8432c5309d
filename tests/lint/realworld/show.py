#!/usr/bin/env python3
"""Prints a sample (fixed seed) of the findings of one code from a
realworld/run.sh output directory, each with its source context.
    show.py OUTDIR CODE [N=12] [CONTEXT=3]"""
import sys, json, glob, random, collections
d = sys.argv[1]; code = sys.argv[2]; n = int(sys.argv[3]) if len(sys.argv) > 3 else 12
fs = []
for p in sorted(glob.glob(d + "/*.json")):
    for l in open(p):
        x = json.loads(l)
        if x["code"] == code: fs.append(x)
random.seed(1)
sample = fs if len(fs) <= n else random.sample(fs, n)
print(f"{code}: {len(fs)} findings, showing {len(sample)}")
for i, x in enumerate(sample):
    src = open(x["file"], encoding="utf-8", errors="replace").read().splitlines()
    print(f"--- [{i}] {x['file'].replace('/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages','SP').replace('/usr/lib/python3/dist-packages','DP')}:{x['line']}: {x['message']}")
    if x.get("chain"): print("    chain:", x["chain"])
    ctx = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    for k in range(max(0, x["line"] - 1 - ctx), min(len(src), x["line"] + ctx)):
        print((">> " if k == x["line"] - 1 else "   ") + src[k][:150])
