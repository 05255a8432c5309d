// The driver: script -> C++ (front end, sema, codegen) -> native binary
// (clang++-16 invoked directly, never through a shell), and the per-user
// content-hash cache behind `aioc run`.
#pragma once

#include <string>
#include <vector>

namespace aioc::driver {

// Parses, checks and lowers `script`. Diagnostics go to stderr. Returns
// false when the script is rejected (exit status 1).
bool translate(const std::string &script, std::string &cpp);

struct CxxOptions {
  int optLevel = 0;
};

// Compiles generated C++ to an executable at `out`. On a C++ compiler error
// prints "internal compiler error" with its diagnostics; returns false.
bool buildBinary(const std::string &cpp, const std::string &cppPath,
                 const std::string &out, const CxxOptions &opts);

// The cached binary of `aioc run` for this script (RunCommand.cpp); empty
// with `err` set when the script is unreadable or there is no cache.
std::string runCachePath(const char *script, std::string &err);

// ~/.cache/aioc (or $XDG_CACHE_HOME/aioc), created with mode 0700.
std::string cacheDir();

} // namespace aioc::driver
