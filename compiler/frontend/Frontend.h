// The front end's only public interface: text in, AST out. Syntax errors are
// reported through the DiagnosticEngine (several per file where recovery
// allows); the AST is returned only for a file without syntax errors.
// Nothing here exposes ANTLR.
#pragma once

#include "ast/AST.h"
#include "support/Diagnostics.h"

#include <memory>

namespace aioc {

struct ParseResult {
  std::unique_ptr<ASTContext> context; // owns every node
  Module *module = nullptr;            // nullptr when the file had errors
  bool ok() const { return module != nullptr; }
};

// Parses one file already loaded into the SourceManager as Python 3.11.
ParseResult parseFile(SourceManager &sm, unsigned fileId,
                      DiagnosticEngine &diags);

// The same, returning the syntax errors instead of printing them. Safe to call
// from several threads at once (each thread has its own ANTLR DFA cache), as
// long as nobody adds files to `sm` meanwhile.
ParseResult parseFile(const SourceManager &sm, unsigned fileId,
                      std::vector<Diagnostic> &errors);

} // namespace aioc
