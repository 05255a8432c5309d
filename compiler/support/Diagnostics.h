// Clang-style diagnostics for every stage (front end, sema, lint):
// `file:line:col: error: message [code]`, the source line, a caret under the
// range, fix-it hints and notes, coloured on a terminal. Built on
// llvm::SourceMgr; lines with non-ASCII text (where SourceMgr prints no caret)
// are printed by our own code with code-point columns.
#pragma once

#include "ast/AST.h"

#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/raw_ostream.h>

#include <string>
#include <string_view>
#include <vector>

namespace aioc {

enum class Severity { Error, Warning, Note, Remark };

struct FixIt {
  SourceRange range;       // replaced text (empty range = insertion)
  std::string replacement; // UTF-8
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceRange range; // range.begin is the reported location
  std::string message;
  std::string code; // "E0001", "ASYNC251", "AIO101"...; printed as [code]
  std::vector<FixIt> fixits;
  std::vector<Diagnostic> notes; // attached notes (same file)
  // false: print only `file:line:col: kind: message`, no source line or
  // caret (for a note about the line just shown, such as a suggested fix).
  bool showSource = true;
};

// Holds the text of every file of a run; ids are stable for the run.
class SourceManager {
public:
  // The buffer is copied; a UTF-8 BOM stays in the text (columns count it,
  // as CPython's tokenizer does not: the front end skips it).
  unsigned addFile(std::string path, std::string contents);
  // Reads a file; returns ~0u and sets `error` on failure.
  unsigned loadFile(const std::string &path, std::string &error);

  const std::string &path(unsigned id) const;
  std::string_view text(unsigned id) const;
  // The text of 1-based line `line`, without its newline.
  std::string_view lineText(unsigned id, uint32_t line) const;
  llvm::SourceMgr &llvm() { return sm_; }
  llvm::SMLoc toSMLoc(unsigned id, SourceLoc loc) const;

private:
  llvm::SourceMgr sm_;
  std::vector<std::string> paths_;
};

class DiagnosticEngine {
public:
  DiagnosticEngine(SourceManager &sm, llvm::raw_ostream &os, bool color);

  // Prints at once (so output order is report order).
  void report(unsigned fileId, const Diagnostic &d);
  // Convenience for the common case.
  void error(unsigned fileId, SourceRange r, std::string message,
             std::string code = {});

  unsigned errorCount() const { return errors_; }
  unsigned warningCount() const { return warnings_; }
  SourceManager &sources() { return sm_; }

private:
  void print(unsigned fileId, const Diagnostic &d);
  SourceManager &sm_;
  llvm::raw_ostream &os_;
  bool color_;
  unsigned errors_ = 0, warnings_ = 0;
};

} // namespace aioc
