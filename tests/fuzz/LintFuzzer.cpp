// libFuzzer target for the linter: any bytes as a Python file through the
// whole Linter (parse, index, every rule) and all three output formats into
// a null stream. A crash, sanitizer report or hang is a linter bug: the linter
// must cope with any file the parser accepts (SPEC §5: "any Python file").
#include "lint/Lint.h"

#include <llvm/Support/raw_ostream.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  aioc::SourceManager sm;
  llvm::raw_null_ostream null;
  aioc::DiagnosticEngine diags(sm, null, /*color=*/false);
  // A user-defined blocking call too, so the --blocking path is exercised.
  aioc::lint::LintOptions opts;
  opts.blocking.push_back({"mod.block", ""});
  aioc::lint::Linter linter(sm, diags, opts);
  if (!linter.addSource(
          "fuzz.py", std::string(reinterpret_cast<const char *>(data), size)))
    return 0;
  std::vector<aioc::lint::Finding> findings = linter.run();
  aioc::DiagnosticEngine textDiags(sm, null, /*color=*/false);
  aioc::lint::printText(sm, textDiags, findings);
  aioc::lint::printJSON(sm, null, findings);
  aioc::lint::printSARIF(sm, null, findings);
  return 0;
}
