#!/bin/sh
# Installs what aioc needs on Debian 12 (TOOLCHAIN.md lists why each is here).
# Safe to run again: it only calls apt-get when a package is missing.
set -eu
PKGS="cmake ninja-build make g++ antlr4 libantlr4-runtime-dev uuid-dev
libcurl4-openssl-dev llvm-16-dev libzstd-dev clang-16 libclang-rt-16-dev
lld-16 googletest libgtest-dev libgmock-dev libbenchmark-dev
python3 python3-httpx python3-aiofiles python3-requests clang-format
libicu-dev libmimalloc-dev"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
