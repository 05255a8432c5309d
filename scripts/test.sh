#!/bin/sh
# The whole test suite: the plain build's ctest (every label), then the
# ASan+UBSan build (unit suites + a bounded libFuzzer run), then the TSan builds
# of the runtime suite and of the linter's parallel test. Each step prints
# ctest's summary line.
set -eu
BUILD=${1:-build}
JOBS=$(nproc)
CMAKE_COMMON="-G Ninja -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16"
start=$(date +%s)

echo "== plain build: all tests"
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"

echo "== ASan+UBSan build: unit suites and fuzzing"
cmake -S . -B build-asan $CMAKE_COMMON -DCMAKE_BUILD_TYPE=Debug \
  -DAIOC_SANITIZE=address,undefined -DAIOC_FUZZ=ON >/dev/null
cmake --build build-asan -j "$JOBS"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$JOBS" -L "unit|fuzz"

echo "== TSan build: runtime suite"
cmake -S . -B build-tsan $CMAKE_COMMON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DAIOC_SANITIZE=thread -DAIOC_RUNTIME_ONLY=ON >/dev/null
cmake --build build-tsan -j "$JOBS"
ctest --test-dir build-tsan --output-on-failure -j "$JOBS" -L unit

# The linter parses and checks on threads (addFiles, Linter::run): its
# parallel test under TSan. Only lint_test is built (the front end and the
# lint library, no runtime or codegen); ccache makes reruns cheap.
echo "== TSan build: lint parallel test"
cmake -S . -B build-tsan-lint $CMAKE_COMMON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DAIOC_SANITIZE=thread >/dev/null
cmake --build build-tsan-lint -j "$JOBS" --target lint_test
TSAN_OPTIONS=halt_on_error=1 \
  ctest --test-dir build-tsan-lint --output-on-failure -R '^LintParallel\.'

echo "== all suites passed in $(( $(date +%s) - start )) s"
