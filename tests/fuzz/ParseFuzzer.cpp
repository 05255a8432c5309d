// libFuzzer target: any bytes through parseFile (and, when they parse, the
// AST dumper). A crash, sanitizer report or hang here is a front end bug:
// bad input must only ever produce diagnostics. Valid UTF-8 input is also
// tokenized by the hand-written Tokenizer and the ANTLR reference lexer,
// which must agree token for token. Every input also goes through the
// hand-written FastParser and the ANTLR reference path alone: the fast parser
// must bail whenever the reference rejects the input, and otherwise build the
// same AST, positions included.
#include "ast/ASTDump.h"
#include "frontend/FastParserCheck.h"
#include "frontend/Frontend.h"
#include "frontend/TokenizerCheck.h"

#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/raw_ostream.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
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
  auto check = aioc::frontend::checkFastParser(
      std::string_view(reinterpret_cast<const char *>(data), size));
  if (!check.difference.empty()) {
    llvm::errs() << "fast parser differs from the reference: "
                 << check.difference << "\n";
    abort();
  }
  // The lexers see the text after parseFile's BOM strip. ANTLRInputStream
  // drops a leading BOM itself, so the reference cannot be compared on a
  // text (an f-string field) that still starts with one.
  std::string_view text(reinterpret_cast<const char *>(data), size);
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3);
  const auto *b = reinterpret_cast<const llvm::UTF8 *>(text.data());
  if (llvm::isLegalUTF8String(&b, b + text.size()) &&
      text.substr(0, 3) != "\xEF\xBB\xBF") {
    for (bool fstring : {false, true}) {
      std::string diff = aioc::frontend::compareWithReference(text, fstring);
      if (!diff.empty()) {
        llvm::errs() << "tokenizer differs from the reference lexer"
                     << (fstring ? " (f-string field)" : "") << ": " << diff
                     << "\n";
        abort();
      }
    }
  }
  return 0;
}
