#!/bin/sh
# parser_env.sh AIOC DIR...: `aioc parse --dump-ast` of every .py under the
# directories, with the default parser and with AIOC_PARSER=antlr (the
# reference path), must print the same ASTs and the same diagnostics.
set -e
aioc=$1
shift
[ -x "$aioc" ] || { echo "$aioc: not built"; exit 1; }
files=$(find "$@" -name '*.py' | sort)
[ -n "$files" ] || { echo "no .py files"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Files with errors make the command fail: compare the output, not the status.
"$aioc" parse --dump-ast $files > "$tmp/default" 2>&1 || true
AIOC_PARSER=antlr "$aioc" parse --dump-ast $files > "$tmp/antlr" 2>&1 || true
grep -q "Module(" "$tmp/default" || { echo "no AST printed"; exit 1; }
if ! cmp -s "$tmp/default" "$tmp/antlr"; then
  diff "$tmp/antlr" "$tmp/default" | head -20
  exit 1
fi
echo "$(echo "$files" | wc -l) files: same output with AIOC_PARSER=antlr"
