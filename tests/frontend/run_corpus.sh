#!/bin/sh
# run_corpus.sh TESTER WORKDIR DIR...: CPython's verdicts, then ours.
set -e
tester=$1 work=$2
shift 2
: > "$work/oracle.tsv"
for d in "$@"; do
  [ -d "$d" ] || continue
  /usr/bin/python3 "$(dirname "$0")/corpus_oracle.py" "$d" "$work/oracle.part"
  cat "$work/oracle.part" >> "$work/oracle.tsv"
done
exec "$tester" "$work/oracle.tsv" ${AIOC_CORPUS_FLAGS:-}
