// The front end's tokenizer: a hand-written scanner that produces exactly the
// token stream of the ANTLR-generated PythonLexer + IndentingLexer (the
// reference, kept for the differential tests), much faster. Internal to the
// front end (ANTLR types stop here).
#pragma once

#include "LexError.h"

#include <antlr4-runtime.h>
#include <llvm/Support/Allocator.h>

#include <string>
#include <string_view>
#include <vector>

namespace aioc::frontend {

// A CharStream over UTF-8 text that indexes by code point, as
// ANTLRInputStream does, without converting the whole text to UTF-32: the
// parser only asks it for the text of error messages.
class Utf8CharStream : public antlr4::CharStream {
public:
  explicit Utf8CharStream(std::string_view text);

  const std::string &text() const { return text_; }
  // Byte offset of code point `cp` (text().size() past the end).
  size_t byteOffset(size_t cp) const;

  void consume() override;
  size_t LA(ssize_t i) override;
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return p_; }
  void seek(size_t index) override { p_ = std::min(index, size_); }
  size_t size() override { return size_; }
  std::string getSourceName() const override;
  std::string getText(const antlr4::misc::Interval &interval) override;
  std::string toString() const override { return text_; }

private:
  std::string text_;
  size_t size_ = 0; // in code points
  size_t p_ = 0;
  mutable std::vector<uint32_t> cpToByte_; // built on first use, non-ASCII
  bool ascii_ = true;
};

class Tokenizer : public antlr4::TokenSource {
public:
  explicit Tokenizer(Utf8CharStream *input);
  ~Tokenizer() override;

  // Tokens live in this tokenizer's arena: destroy them (the token stream)
  // before the tokenizer.
  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return cpIndex() - lineStartCp_; }
  antlr4::CharStream *getInputStream() override { return input_; }
  std::string getSourceName() override { return input_->getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override;

  // For f-string replacement fields: start inside a bracket so newlines are
  // insignificant, as CPython does by wrapping the text in parentheses.
  void startInsideBrackets() {
    depth_ = 1;
    fstring_ = true;
  }

  const std::vector<LexError> &errors() const { return errors_; }

  // One token before layout processing, as the generated lexer emits it.
  struct Raw {
    size_t type;
    size_t start, stop; // code points, inclusive (stop < start: empty)
    size_t line, col;   // ANTLR's: col counts code points since the last \n
    const char *text;   // into the input (or a literal for made tokens)
    size_t len;
    size_t lineByte; // byte offset where ANTLR's line of the token starts
  };

private:
  using uc = unsigned char;
  Raw scan();
  Raw raw();
  Raw make(size_t type, const Raw &at, const char *text);
  void advanceTo(const uc *q);
  size_t cpIndex() const { return static_cast<size_t>(p_ - b_) - cont_; }
  const uc *number(const uc *s) const;
  const uc *stringEnd(const uc *quote) const;
  size_t keyword(const uc *s, size_t n) const;
  void indentation(const Raw &t);
  bool isMatchStatement();
  void badChar(const Raw &t);
  void finish(const Raw &eof);
  void error(size_t index, size_t end, std::string msg);
  std::unique_ptr<antlr4::Token> emit(const Raw &t);

  Utf8CharStream *input_;
  std::pair<antlr4::TokenSource *, antlr4::CharStream *> source_;
  const uc *b_, *e_, *p_;
  size_t cont_ = 0; // UTF-8 continuation bytes before p_
  size_t line_ = 1, lineStartCp_ = 0, lineStartByte_ = 0;

  // FIFO queues as vectors with a read index (emptied often, so reused).
  std::vector<Raw> pending_, lookahead_;
  size_t pendingHead_ = 0, lookaheadHead_ = 0;
  std::vector<int> indents_{0}, altIndents_{0};
  std::vector<std::pair<char, size_t>> brackets_; // kind, index
  int depth_ = 0;
  bool atLineStart_ = true;
  bool fstring_ = false;
  bool stopped_ = false; // after a fatal tokenizer error
  std::vector<LexError> errors_;
  llvm::BumpPtrAllocator arena_; // the tokens handed out
};

// The parser's token stream over a Tokenizer: all tokens are read up front
// (the parser reads them all anyway) into a vector reserved from the size of
// the text, and since every Tokenizer token is on the default channel,
// looking ahead is indexing instead of CommonTokenStream's channel walk.
class TokenBuffer : public antlr4::CommonTokenStream {
public:
  TokenBuffer(Tokenizer *source, size_t textBytes) : CommonTokenStream(source) {
    // Python averages 7 to 8 bytes a token.
    _tokens.reserve(textBytes / 6 + 16);
    fill();
  }
  antlr4::Token *LT(ssize_t k) override {
    if (k <= 0)
      return CommonTokenStream::LT(k);
    size_t i = _p + static_cast<size_t>(k) - 1;
    return _tokens[std::min(i, _tokens.size() - 1)].get();
  }
  size_t LA(ssize_t i) override { return LT(i)->getType(); }

protected:
  // BufferedTokenStream::fetch without its dynamic_cast per token (every
  // token here is a CommonToken): ~5% of a parse on the stdlib.
  size_t fetch(size_t n) override {
    if (_fetchedEOF)
      return 0;
    size_t i = 0;
    while (i < n) {
      std::unique_ptr<antlr4::Token> t = _tokenSource->nextToken();
      static_cast<antlr4::CommonToken *>(t.get())->setTokenIndex(
          _tokens.size());
      bool eof = t->getType() == antlr4::Token::EOF;
      _tokens.push_back(std::move(t));
      ++i;
      if (eof) {
        _fetchedEOF = true;
        break;
      }
    }
    return i;
  }

public:
  void consume() override {
    if (_p + 1 >= _tokens.size())
      throw antlr4::IllegalStateException("cannot consume EOF");
    ++_p;
  }
};

} // namespace aioc::frontend
