// compareWithReference: the differential check of Tokenizer against the
// ANTLR lexer + IndentingLexer.
#include "TokenizerCheck.h"

#include "IndentingLexer.h"
#include "Tokenizer.h"

namespace aioc::frontend {

namespace {
std::string describe(antlr4::Token &t) {
  return "type " + std::to_string(t.getType()) + " channel " +
         std::to_string(t.getChannel()) + " at " + std::to_string(t.getLine()) +
         ":" + std::to_string(t.getCharPositionInLine()) + " [" +
         std::to_string(t.getStartIndex()) + "," +
         std::to_string(static_cast<long long>(t.getStopIndex())) + "] text '" +
         t.getText() + "'";
}

std::string describe(const LexError &e) {
  return "[" + std::to_string(e.index) + "," + std::to_string(e.endIndex) +
         "] " + e.message + (e.atEOF ? " (at EOF)" : "");
}
} // namespace

std::string compareWithReference(std::string_view text, bool fstring) {
  antlr4::ANTLRInputStream refInput(text.data(), text.size());
  IndentingLexer ref(&refInput);
  ref.removeErrorListeners();
  Utf8CharStream input(text);
  Tokenizer tok(&input);
  if (fstring) {
    ref.startInsideBrackets();
    tok.startInsideBrackets();
  }
  if (refInput.size() != input.size())
    return "input size " + std::to_string(refInput.size()) + " vs " +
           std::to_string(input.size());
  // Every token of the input, and a layout token or two per line at most.
  size_t limit = 4 * text.size() + 16;
  for (size_t i = 0; i < limit; ++i) {
    std::unique_ptr<antlr4::Token> a = ref.nextToken(), b = tok.nextToken();
    std::string da = describe(*a), db = describe(*b);
    if (da != db)
      return "token " + std::to_string(i) + ": reference " + da +
             ", tokenizer " + db;
    if (a->getType() == antlr4::Token::EOF) {
      const auto &ea = ref.errors(), &eb = tok.errors();
      for (size_t k = 0; k < std::max(ea.size(), eb.size()); ++k) {
        std::string xa = k < ea.size() ? describe(ea[k]) : "none";
        std::string xb = k < eb.size() ? describe(eb[k]) : "none";
        if (xa != xb)
          return "error " + std::to_string(k) + ": reference " + xa +
                 ", tokenizer " + xb;
      }
      return "";
    }
  }
  return "no EOF after " + std::to_string(limit) + " tokens";
}

} // namespace aioc::frontend
