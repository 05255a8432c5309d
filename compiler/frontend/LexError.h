// A tokenizer error, as both IndentingLexer (the ANTLR reference) and
// Tokenizer (the hand-written one the front end uses) report it.
#pragma once

#include <cstddef>
#include <string>

namespace aioc::frontend {

struct LexError {
  size_t index;    // code point index into the lexer's input
  size_t endIndex; // one past the end (== index for a point)
  std::string message;
  bool atEOF = false; // found only at the end of input (unclosed bracket)
};

inline bool operator==(const LexError &a, const LexError &b) {
  return a.index == b.index && a.endIndex == b.endIndex &&
         a.message == b.message && a.atEOF == b.atEOF;
}

} // namespace aioc::frontend
