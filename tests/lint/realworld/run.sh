#!/bin/bash
# `aioc lint` over real code, one process per top-level package (a per-process
# timeout of 600 s; every process must exit 0 or 1: no crash, no hang):
# the pyenv site-packages, CPython's test_asyncio and Debian's dist-packages.
#   bash tests/lint/realworld/run.sh AIOC OUTDIR
# then: python3 tests/lint/realworld/show.py OUTDIR CODE [N] [CONTEXT]
#       python3 tests/lint/realworld/diff.py OLDDIR NEWDIR [SKIPCODES]
# The triage of the findings is in README.md here.
set -u
AIOC=$1; OUT=$2; mkdir -p $OUT
: > $OUT/status.txt
run() { # name path
  local n=$1 p=$2
  /usr/bin/time -f "%e %M" -o $OUT/$n.time timeout 600 $AIOC lint --no-config --jobs=2 --format=json "$p" > $OUT/$n.json 2> $OUT/$n.err
  echo "$? $n $p" >> $OUT/status.txt
}
SP=/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages
for e in $SP/*; do
  case $e in *.dist-info|*.egg-info|*.pth|*__pycache__*) continue;; esac
  [ -d $e ] || [[ $e == *.py ]] || continue
  run sp_$(basename $e) $e
done
run test_asyncio /work/stdlib-full/test/test_asyncio
for e in /usr/lib/python3/dist-packages/*; do
  case $e in *.dist-info|*.egg-info|*.pth|*__pycache__*) continue;; esac
  [ -d $e ] || [[ $e == *.py ]] || continue
  run dp_$(basename $e) $e
done
echo ALLDONE >> $OUT/status.txt
awk '$1 != 0 && $1 != 1 && $1 != "ALLDONE" { bad = 1; print "FAILED (exit " $1 "): " $3 }
     END { exit bad }' $OUT/status.txt
