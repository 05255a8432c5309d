// Lowers a type-checked module to one C++20 translation unit that includes
// only the runtime's public headers. Output is deterministic (same input,
// same bytes) and carries #line directives back to the script.
#pragma once

#include "ast/AST.h"
#include "sema/Sema.h"

#include <string>

namespace aioc::codegen {

struct Options {
  std::string scriptPath; // for #line and debug-mode locations
  bool lineDirectives = true;
};

// Precondition: sema::check() returned true for `m`.
std::string generate(Module *m, const sema::SemaResult &sema,
                     sema::TypeContext &types, const Options &opts);

// A C++ string literal (with explicit length) holding exactly `bytes`.
std::string cppStringLiteral(const std::string &bytes);

} // namespace aioc::codegen
