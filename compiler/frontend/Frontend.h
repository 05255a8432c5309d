// The front end's only public interface: text in, AST out. Syntax errors are
// reported through the DiagnosticEngine (several per file where recovery
// allows); the AST is returned only for a file without syntax errors.
// Nothing here exposes ANTLR.
#pragma once

#include "ast/AST.h"
#include "support/Diagnostics.h"

#include <atomic>
#include <cstdint>
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

// Which parser builds the AST. Default: the hand-written fast parser, falling
// back to the ANTLR reference path on anything it does not take (unless
// AIOC_PARSER=antlr is set). The others are for the front end's tests:
// Reference is the ANTLR path alone; FastOnly the fast parser alone (no
// module when it bails, or when the tokenizer reported errors).
enum class ParserChoice { Default, Reference, FastOnly };
ParseResult parseFile(const SourceManager &sm, unsigned fileId,
                      std::vector<Diagnostic> &errors, ParserChoice choice);

// CPU time (thread clock, nanoseconds) spent in each front-end stage, summed
// over every thread; filled only while `enabled` is set (aioc lint
// --time-stages). Lexing is timed apart from parsing by filling the token
// stream before the parse starts.
struct FrontendTimes {
  std::atomic<bool> enabled{false};
  std::atomic<uint64_t> lexNs{0}, parseNs{0}, buildNs{0}, freeNs{0};
};
FrontendTimes &frontendTimes();

// The calling thread's CPU time in nanoseconds.
uint64_t threadCPUTimeNs();

} // namespace aioc
