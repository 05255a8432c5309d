# The two commands of the README:
#   make demo   installs what is missing, builds everything, runs a sample
#   make test   installs what is missing, builds, runs the whole test suite
# (plain, then the sanitizer builds and a bounded fuzz run).
CXX_COMPILER ?= clang++-16
C_COMPILER   ?= clang-16
JOBS         ?= $(shell nproc)
BUILD        ?= build
CMAKE_COMMON  = -G Ninja -DCMAKE_C_COMPILER=$(C_COMPILER) -DCMAKE_CXX_COMPILER=$(CXX_COMPILER)

.PHONY: all deps build demo test test-plain test-asan test-tsan fuzz bench clean format

all: build

deps:
	@sh scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	sh scripts/demo.sh $(BUILD)

test: build
	sh scripts/test.sh $(BUILD)

bench: build
	sh scripts/bench.sh $(BUILD)

format:
	git ls-files '*.h' '*.cpp' | grep -v '^tests/lint/fixtures' | xargs clang-format -i

clean:
	rm -rf build build-asan build-tsan
