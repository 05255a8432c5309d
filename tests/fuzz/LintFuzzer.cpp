// libFuzzer target for the linter: any bytes as Python files (NUL-separated,
// up to three) through the whole Linter (parse, index, every rule) and all
// three output formats into a null stream. A crash, sanitizer report or hang is
// a linter bug: the linter must cope with any file the parser accepts (SPEC §5:
// "any Python file").
#include "lint/Lint.h"

#include <llvm/Support/raw_ostream.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  aioc::SourceManager sm;
  llvm::raw_null_ostream null;
  aioc::DiagnosticEngine diags(sm, null, /*color=*/false);
  // A user-defined blocking call too, so the --blocking path is exercised.
  aioc::lint::LintOptions opts;
  opts.blocking.push_back({"mod.block", ""});
  aioc::lint::Linter linter(sm, diags, opts);
  // NUL bytes split the input into up to three modules a, b and c, so that
  // imports and call chains across files (one call graph over the project)
  // are fuzzed too; a file that does not parse is skipped, as in `aioc lint`.
  std::string_view in(reinterpret_cast<const char *>(data), size);
  static const char *const names[] = {"a.py", "b.py", "c.py"};
  for (const char *name : names) {
    size_t nul = name == names[2] ? std::string_view::npos : in.find('\0');
    (void)linter.addSource(name, std::string(in.substr(0, nul)));
    if (nul == std::string_view::npos)
      break;
    in.remove_prefix(nul + 1);
  }
  std::vector<aioc::lint::Finding> findings = linter.run();
  aioc::DiagnosticEngine textDiags(sm, null, /*color=*/false);
  aioc::lint::printText(sm, textDiags, findings);
  aioc::lint::printJSON(sm, null, findings);
  aioc::lint::printSARIF(sm, null, findings);
  return 0;
}
