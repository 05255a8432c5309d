// libFuzzer target: any bytes through parseFile (and, when they parse, the
// AST dumper). A crash, sanitizer report or hang here is a front end bug:
// bad input must only ever produce diagnostics.
#include "ast/ASTDump.h"
#include "frontend/Frontend.h"

#include <llvm/Support/raw_ostream.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  aioc::SourceManager sm;
  std::string sink;
  llvm::raw_string_ostream os(sink);
  aioc::DiagnosticEngine diags(sm, os, /*color=*/false);
  unsigned id = sm.addFile(
      "fuzz.py", std::string(reinterpret_cast<const char *>(data), size));
  aioc::ParseResult r = aioc::parseFile(sm, id, diags);
  if (r.ok())
    (void)aioc::dumpAST(r.module);
  return 0;
}
