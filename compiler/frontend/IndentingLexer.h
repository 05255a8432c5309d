// The generated Python lexer plus what a context-free lexer cannot do:
// INDENT/DEDENT from leading whitespace, NEWLINE dropped inside brackets and
// on blank lines, the `match` soft keyword, and CPython's tokenizer errors.
// The reference implementation: the front end parses with Tokenizer (the
// same token stream, hand-written), which the tests and the fuzz target
// compare against this one. Internal to the front end (ANTLR types stop
// here).
#pragma once

#include "LexError.h"
#include "PythonLexer.h"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace aioc::frontend {
// One DFA and prediction-context cache per thread and per recognizer class
// (Recognizer = the generated lexer or parser): ANTLR's shared static DFA
// races between threads (antlr4 issue #3332, fixed only in 4.10).
template <class Recognizer> struct ThreadDFACache {
  std::vector<antlr4::dfa::DFA> dfa;
  antlr4::atn::PredictionContextCache contexts;
  explicit ThreadDFACache(const antlr4::atn::ATN &atn) {
    dfa.reserve(atn.getNumberOfDecisions());
    for (size_t i = 0; i < atn.getNumberOfDecisions(); ++i)
      dfa.emplace_back(atn.getDecisionState(i), i);
  }
  static ThreadDFACache &get(const antlr4::atn::ATN &atn) {
    thread_local ThreadDFACache cache(atn);
    return cache;
  }
};

class IndentingLexer : public gen::PythonLexer {
public:
  // Uses this thread's own DFA cache (see threadLocalInterpreter in the .cpp).
  explicit IndentingLexer(antlr4::CharStream *input);

  std::unique_ptr<antlr4::Token> nextToken() override;

  // For f-string replacement fields: start inside a bracket so newlines are
  // insignificant, as CPython does by wrapping the text in parentheses.
  void startInsideBrackets() {
    depth_ = 1;
    fstring_ = true;
  }

  const std::vector<LexError> &errors() const { return errors_; }

private:
  std::unique_ptr<antlr4::Token> raw();
  std::unique_ptr<antlr4::Token> make(size_t type, size_t line, size_t col,
                                      size_t index, const char *text);
  void indentation(antlr4::Token &t);
  bool isMatchStatement();
  void badChar(antlr4::Token &t);
  void finish(antlr4::Token &eof);
  void error(size_t index, size_t end, std::string msg);

  std::deque<std::unique_ptr<antlr4::Token>> pending_;   // to hand out
  std::deque<std::unique_ptr<antlr4::Token>> lookahead_; // raw, unprocessed
  std::vector<int> indents_{0}, altIndents_{0};
  std::vector<std::pair<char, size_t>> brackets_; // kind, index
  int depth_ = 0;
  bool atLineStart_ = true;
  bool fstring_ = false;
  bool stopped_ = false; // after a fatal tokenizer error
  std::vector<LexError> errors_;
};

} // namespace aioc::frontend
