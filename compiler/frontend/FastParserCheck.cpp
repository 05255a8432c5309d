#include "frontend/FastParserCheck.h"

#include "ast/ASTDump.h"
#include "frontend/Frontend.h"

namespace aioc::frontend {

FastParserCheck checkFastParser(std::string_view text) {
  FastParserCheck c;
  SourceManager sm;
  unsigned id = sm.addFile("check.py", std::string(text));
  std::vector<Diagnostic> refErrs, fastErrs;
  ParseResult ref = parseFile(sm, id, refErrs, ParserChoice::Reference);
  ParseResult fast = parseFile(sm, id, fastErrs, ParserChoice::FastOnly);
  c.referenceOk = ref.ok();
  c.fastOk = fast.ok();
  if (c.fastOk && !c.referenceOk) {
    c.difference = "the fast parser accepts what the reference rejects (" +
                   (refErrs.empty() ? std::string("no message")
                                    : refErrs.front().message) +
                   ")";
  } else if (c.fastOk && c.referenceOk) {
    std::string a = dumpASTWithPositions(ref.module);
    std::string b = dumpASTWithPositions(fast.module);
    if (a != b) {
      size_t i = 0;
      while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
      size_t from = i > 120 ? i - 120 : 0;
      c.difference = "AST dumps differ at byte " + std::to_string(i) +
                     "\n  reference: ..." + a.substr(from, 240) +
                     "\n  fast:      ..." + b.substr(from, 240);
    }
  }
  return c;
}

} // namespace aioc::frontend
