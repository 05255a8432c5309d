#!/usr/bin/env python3
"""Findings removed and added between two realworld/run.sh output
directories, with the source line of each.
    diff.py OLDDIR NEWDIR [SKIPCODES=CODE,CODE]"""
import sys,json,glob
def load(d):
    s={}
    for p in glob.glob(d+"/*.json"):
        for l in open(p):
            x=json.loads(l); s[(x['file'],x['line'],x['code'])]=x
    return s
a=load(sys.argv[1]); b=load(sys.argv[2])
skip=set(sys.argv[3].split(',')) if len(sys.argv)>3 else set()
for k in sorted(set(a)-set(b)):
    if k[2] in skip: continue
    src=open(k[0],errors='replace').read().splitlines()
    print("REMOVED",k[2],k[0].split('/')[-2:],k[1],"|",src[k[1]-1].strip()[:100])
for k in sorted(set(b)-set(a)):
    src=open(k[0],errors='replace').read().splitlines()
    print("ADDED",k[2],k[0].split('/')[-2:],k[1],"|",src[k[1]-1].strip()[:100])
