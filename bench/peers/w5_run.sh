#!/bin/sh
# W5: 10,000 GETs of a 1 KiB file from a local nginx, at most 100 in flight.
# Starts its own nginx on a free 127.0.0.1 port, builds the C/C++ peers,
# runs every peer once on the same URL and prints req/s with the ratio of
# aioc to each. Usage: bench/peers/w5_run.sh [RUNTIME_BUILD_DIR] [N]
# RUNTIME_BUILD_DIR must hold a Release build of the runtime
# (cmake -DCMAKE_BUILD_TYPE=Release -DAIOC_RUNTIME_ONLY=ON).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build-io-rel}
N=${2:-10000}
PY=/usr/bin/python3
HERE=$ROOT/bench/peers
TMP=$(mktemp -d /tmp/aioc-w5-XXXXXX)
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$TMP/www" "$TMP/tmp"
# nginx workers run as an unprivileged user: let them read the file.
chmod 755 "$TMP" "$TMP/www"
head -c 1024 /dev/urandom > "$TMP/www/1k"
chmod 644 "$TMP/www/1k"
cat > "$TMP/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $TMP/tmp; proxy_temp_path $TMP/tmp;
  fastcgi_temp_path $TMP/tmp; uwsgi_temp_path $TMP/tmp; scgi_temp_path $TMP/tmp;
  server { listen 127.0.0.1:$PORT backlog=4096; root $TMP/www; }
}
CONF
/usr/sbin/nginx -c "$TMP/nginx.conf" -e "$TMP/error.log" &
NGINX_PID=$!
URL="http://127.0.0.1:$PORT/1k"
for _ in 1 2 3 4 5 6 7 8 9 10; do
  curl -sf -o /dev/null "$URL" && break
  sleep 0.2
done

CXX=clang++-16
$CXX -O2 -std=c++20 -I"$ROOT/runtime/include" "$HERE/w5_aioc.cpp" \
  "$BUILD/runtime/libaioc_runtime.a" -lcurl -lpthread -o "$TMP/w5_aioc"
clang-16 -O2 "$HERE/w5_curl_multi.c" -lcurl -o "$TMP/w5_curl_multi"
if command -v go >/dev/null; then
  (cd "$TMP" && GOCACHE="$TMP/gocache" GO111MODULE=off go build -o w5_go "$HERE/w5_go.go")
fi

run() { # name command...
  name=$1
  shift
  # CPU time too: under a loaded machine wall-clock req/s is noisy, CPU
  # microseconds per request are not.
  line=$(/usr/bin/time -f "%U %S" -o "$TMP/$name.time" "$@" 2>"$TMP/$name.err" | tail -1) || line=""
  cpu=$(awk -v n="$N" '{printf "%.0f", ($1 + $2) * 1e6 / n}' "$TMP/$name.time" 2>/dev/null || echo "?")
  rps=$(echo "$line" | awk '{print $(NF-1)}')
  # Every response must be the 1 KiB file, or the run does not count.
  bytes=$(echo "$line" | awk '{print $3}')
  [ "$bytes" = "$((N * 1024))" ] || { line="WRONG BYTES: $line"; rps=0; }
  [ -n "$rps" ] || rps=0
  echo "$name $rps" >> "$TMP/results"
  printf '%-18s %-60s cpu %s us/req\n' "$name" "${line:-FAILED: $(head -c 300 "$TMP/$name.err")}" "$cpu"
}

echo "W5: $N GETs of 1 KiB from nginx (1 worker) at $URL, <=100 in flight, $(nproc) cores"
run aioc "$TMP/w5_aioc" "$URL" "$N"
run c-libcurl-multi "$TMP/w5_curl_multi" "$URL" "$N"
# The same request head as aioc/httpx (libcurl formats it byte by byte).
run c-curl-httpx-hdrs "$TMP/w5_curl_multi" "$URL" "$N" httpx-headers
[ -x "$TMP/w5_go" ] && run go-net-http "$TMP/w5_go" "$URL" "$N"
command -v node >/dev/null && run node-fetch node "$HERE/w5_node.mjs" "$URL" "$N"
$PY -c 'import aiohttp' 2>/dev/null && run aiohttp $PY "$HERE/w5_aiohttp.py" "$URL" "$N"
run httpx $PY "$HERE/w5_fetch.py" "$URL" "$N"

echo "ratios (aioc req/s / peer req/s):"
awk 'NR==1 {a=$2} NR>1 && $2>0 {printf "  aioc / %-18s %.2fx\n", $1, a/$2}' "$TMP/results"
