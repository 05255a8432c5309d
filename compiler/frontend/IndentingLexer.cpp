#include "IndentingLexer.h"

#include "PythonParser.h"

#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/Unicode.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>

using antlr4::Token;
using P = aioc::gen::PythonParser;

namespace aioc::frontend {

namespace {
// CPython's tokenizer limits (Parser/tokenizer.h): MAXINDENT, MAXLEVEL.
constexpr size_t kMaxIndent = 100;
constexpr size_t kMaxLevel = 200;

char closerFor(char open) {
  return open == '(' ? ')' : open == '[' ? ']' : '}';
}
} // namespace

// ANTLR 4.9's C++ runtime shares one static DFA per grammar between all
// instances; sharing it between threads has known data races (antlr4 issue
// #3332: DFA::s0 and counters written without a lock, fixed only in 4.10).
// So each thread gets its own DFA and context cache. Warming one up costs
// little: a cold pass over the stdlib is as fast as a warm one.
IndentingLexer::IndentingLexer(antlr4::CharStream *input) : PythonLexer(input) {
  auto &cache = ThreadDFACache<PythonLexer>::get(getATN());
  delete _interpreter;
  _interpreter = new antlr4::atn::LexerATNSimulator(this, getATN(), cache.dfa,
                                                    cache.contexts);
}

std::unique_ptr<Token> IndentingLexer::raw() {
  if (!lookahead_.empty()) {
    auto t = std::move(lookahead_.front());
    lookahead_.pop_front();
    return t;
  }
  return PythonLexer::nextToken();
}

std::unique_ptr<Token> IndentingLexer::make(size_t type, size_t line,
                                            size_t col, size_t index,
                                            const char *text) {
  // With a source, so ANTLR's error recovery can build tokens next to it.
  // An empty token at `index` (stop < start, as ANTLR does for EOF).
  auto t = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource *, antlr4::CharStream *>(this, _input),
      type, Token::DEFAULT_CHANNEL, index, index - 1);
  t->setText(text);
  t->setLine(line);
  t->setCharPositionInLine(col);
  return t;
}

void IndentingLexer::error(size_t index, size_t end, std::string msg) {
  errors_.push_back({index, end, std::move(msg)});
}

void IndentingLexer::finish(Token &eof) {
  size_t line = eof.getLine(), col = eof.getCharPositionInLine();
  size_t index = eof.getStartIndex();
  if (!fstring_ && !stopped_ && !brackets_.empty()) {
    auto [c, at] = brackets_.front();
    errors_.push_back(
        {at, at + 1, std::string("'") + c + "' was never closed", true});
  }
  if (!fstring_) {
    if (!atLineStart_)
      pending_.push_back(make(P::NEWLINE, line, col, index, ""));
    for (size_t i = 1; i < indents_.size(); ++i)
      pending_.push_back(make(P::DEDENT, line, col, index, ""));
  }
  indents_.assign(1, 0);
  altIndents_.assign(1, 0);
  atLineStart_ = true;
  pending_.push_back(make(Token::EOF, line, col, index, "<EOF>"));
}

// Leading whitespace of the first token of a logical line, measured as
// CPython does twice (tabs to multiples of 8, and tabs as 1 column) so that
// ambiguous mixes of tabs and spaces are rejected.
void IndentingLexer::indentation(Token &t) {
  size_t start = t.getStartIndex();
  size_t lineStart = start - t.getCharPositionInLine();
  int col = 0, alt = 0;
  std::string ws =
      start > lineStart
          ? _input->getText(antlr4::misc::Interval(lineStart, start - 1))
          : std::string();
  for (char c : ws) {
    if (c == ' ') {
      ++col;
      ++alt;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
      ++alt;
    } else if (c == '\f') {
      col = alt = 0;
    } else {
      // A line continuation at the start of a line; CPython measures the
      // physical line the token is on, which we approximate as it is.
      ++col;
      ++alt;
    }
  }
  size_t line = t.getLine(), tcol = t.getCharPositionInLine();
  if (col == indents_.back()) {
    if (alt != altIndents_.back())
      error(start, start, "inconsistent use of tabs and spaces in indentation");
  } else if (col > indents_.back()) {
    if (indents_.size() > kMaxIndent) {
      error(start, start, "too many levels of indentation");
      stopped_ = true;
      return;
    }
    if (alt <= altIndents_.back())
      error(start, start, "inconsistent use of tabs and spaces in indentation");
    indents_.push_back(col);
    altIndents_.push_back(alt);
    pending_.push_back(make(P::INDENT, line, tcol, start, ""));
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      altIndents_.pop_back();
      pending_.push_back(make(P::DEDENT, line, tcol, start, ""));
    }
    if (col != indents_.back()) {
      error(start, start,
            "unindent does not match any outer indentation level");
      stopped_ = true;
    } else if (alt != altIndents_.back()) {
      error(start, start, "inconsistent use of tabs and spaces in indentation");
    }
  }
}

// `match` is a keyword only for a statement `match SUBJECT:` followed by a
// block: a logical line starting with `match` whose last token is ':' can be
// nothing else.
bool IndentingLexer::isMatchStatement() {
  int depth = 0;
  size_t last = 0, count = 0;
  for (size_t i = 0;; ++i) {
    if (i == lookahead_.size())
      lookahead_.push_back(PythonLexer::nextToken());
    Token &t = *lookahead_[i];
    size_t type = t.getType();
    if (type == Token::EOF || type == P::ERROR_CHAR)
      break;
    if (type == P::NEWLINE) {
      if (depth <= 0)
        break;
      continue;
    }
    if (type == P::OPEN_PAREN || type == P::OPEN_BRACK || type == P::OPEN_BRACE)
      ++depth;
    else if (type == P::CLOSE_PAREN || type == P::CLOSE_BRACK ||
             type == P::CLOSE_BRACE)
      --depth;
    last = type;
    ++count;
    if (count == 1 && (type == P::ASSIGN || type == P::DOT ||
                       type == P::COLON || type == P::COMMA || type == P::SEMI))
      return false;
  }
  return count >= 2 && last == P::COLON;
}

void IndentingLexer::badChar(Token &t) {
  size_t at = t.getStartIndex();
  std::string text = t.getText();
  stopped_ = true;
  if (text == "'" || text == "\"") {
    // A `'''` without its end lexes as `''` + `'`: report the triple quote.
    size_t begin = at;
    bool triple = false;
    if (at >= 2) {
      std::string before =
          _input->getText(antlr4::misc::Interval(at - 2, at - 1));
      triple = before == text + text;
      if (triple)
        begin = at - 2;
    }
    // Include a string prefix (letters right before the quote).
    while (begin > 0) {
      std::string p =
          _input->getText(antlr4::misc::Interval(begin - 1, begin - 1));
      if (p.size() != 1 || !strchr("rRbBuUfF", p[0]))
        break;
      --begin;
    }
    // "detected at line N": the last line a string could have reached.
    size_t line = t.getLine();
    if (triple) {
      std::string rest = _input->getText(
          antlr4::misc::Interval(at, _input->size() ? _input->size() - 1 : 0));
      for (char c : rest)
        line += c == '\n';
      if (!rest.empty() && rest.back() == '\n')
        --line;
    }
    error(begin, begin + 1,
          std::string(triple ? "unterminated triple-quoted string literal"
                             : "unterminated string literal") +
              " (detected at line " + std::to_string(line) + ")");
    return;
  }
  if (text == "\\") {
    error(at, at + 1, "unexpected character after line continuation character");
    return;
  }
  // One code point: decode it for the message.
  const llvm::UTF8 *p = reinterpret_cast<const llvm::UTF8 *>(text.data());
  llvm::UTF32 cp = 0;
  llvm::UTF32 *out = &cp;
  if (text.size() > 1 &&
      llvm::ConvertUTF8toUTF32(&p, p + text.size(), &out, out + 1,
                               llvm::strictConversion) == llvm::conversionOK) {
    std::string msg;
    llvm::raw_string_ostream os(msg);
    if (llvm::sys::unicode::isPrintable(static_cast<int>(cp)))
      os << "invalid character '" << text << "' (U+"
         << llvm::format_hex_no_prefix(cp, 4, true) << ")";
    else
      os << "invalid non-printable character U+"
         << llvm::format_hex_no_prefix(cp, 4, true);
    error(at, at + 1, os.str());
    return;
  }
  unsigned char c = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
  if (c == 0) {
    error(at, at + 1, "source code cannot contain null bytes");
    return;
  }
  if (c < 0x20 || c == 0x7f) {
    std::string msg;
    llvm::raw_string_ostream os(msg);
    os << "invalid non-printable character U+"
       << llvm::format_hex_no_prefix(c, 4, true);
    error(at, at + 1, os.str());
    return;
  }
  error(at, at + 1, "invalid syntax");
}

std::unique_ptr<Token> IndentingLexer::nextToken() {
  for (;;) {
    if (!pending_.empty()) {
      auto t = std::move(pending_.front());
      pending_.pop_front();
      return t;
    }
    auto t = raw();
    size_t type = t->getType();
    if (stopped_ && type != Token::EOF) {
      // After a fatal tokenizer error the rest of the file is not read, as
      // in CPython: end the token stream here.
      finish(*t);
      continue;
    }
    if (type == P::ERROR_CHAR) {
      badChar(*t);
      continue;
    }
    if (type == P::NEWLINE) {
      if (depth_ > 0 || atLineStart_)
        continue; // implicit line joining, or a blank/comment-only line
      atLineStart_ = true;
      return t;
    }
    if (type == Token::EOF) {
      finish(*t);
      continue;
    }
    if (atLineStart_ && depth_ == 0 && !fstring_) {
      indentation(*t);
      if (type == P::NAME && t->getText() == "match" && isMatchStatement())
        static_cast<antlr4::CommonToken &>(*t).setType(P::MATCH);
    }
    atLineStart_ = false;
    switch (type) {
    case P::OPEN_PAREN:
    case P::OPEN_BRACK:
    case P::OPEN_BRACE:
      if (brackets_.size() >= kMaxLevel) {
        error(t->getStartIndex(), t->getStartIndex() + 1,
              "too many nested parentheses");
        stopped_ = true;
        finish(*t);
        continue;
      }
      brackets_.push_back({t->getText()[0], t->getStartIndex()});
      ++depth_;
      break;
    case P::CLOSE_PAREN:
    case P::CLOSE_BRACK:
    case P::CLOSE_BRACE: {
      char c = t->getText()[0];
      size_t at = t->getStartIndex();
      if (brackets_.empty()) {
        error(at, at + 1, std::string("unmatched '") + c + "'");
        stopped_ = true;
        finish(*t);
        continue;
      }
      char open = brackets_.back().first;
      if (closerFor(open) != c) {
        error(at, at + 1,
              std::string("closing parenthesis '") + c +
                  "' does not match opening parenthesis '" + open + "'");
        stopped_ = true;
        finish(*t);
        continue;
      }
      brackets_.pop_back();
      --depth_;
      break;
    }
    default:
      break;
    }
    if (!pending_.empty()) {
      pending_.push_back(std::move(t));
      continue;
    }
    return t;
  }
}

} // namespace aioc::frontend
