// Leaf helpers shared by the front end's two AST builders: the ANTLR parse
// tree Builder (Frontend.cpp, the reference) and the hand-written FastParser.
// Positions, identifiers, number/string/bytes literals and f-strings are
// decoded here once, so both produce the same values. No ANTLR in here.
#pragma once

#include "ast/AST.h"

#include <llvm/ADT/STLFunctionalExtras.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace aioc::frontend {

struct SyntaxErr {
  SourceRange range;
  std::string message;
};

// ------------------------------------------------------------- positions

// No byte >= 0x80 (checked eight bytes at a time).
inline bool isAscii(std::string_view s) {
  size_t i = 0;
  for (uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ull)
      return false;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80)
      return false;
  return true;
}

// Maps ANTLR's code point indices to Python's (line, UTF-8 byte column).
// For an f-string replacement field parsed on its own, `base` is where its
// text starts in the file.
class PosMap {
public:
  PosMap(std::string_view text, SourceLoc base = {1, 0}) : base_(base) {
    if (!isAscii(text)) {
      cpToByte_.reserve(text.size() + 1);
      for (size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
          cpToByte_.push_back(static_cast<uint32_t>(i));
      cpToByte_.push_back(static_cast<uint32_t>(text.size()));
    }
    lineStarts_.push_back(0);
    for (const char *p = text.data(), *e = p + text.size();
         (p = static_cast<const char *>(std::memchr(p, '\n', e - p)));)
      lineStarts_.push_back(static_cast<uint32_t>(++p - text.data()));
    size_ = text.size();
  }

  SourceLoc at(size_t cpIndex) const {
    size_t byte = cpIndex;
    if (!cpToByte_.empty())
      byte = cpIndex < cpToByte_.size() ? cpToByte_[cpIndex] : size_;
    byte = std::min(byte, size_);
    // The builder asks in near source order: try the last line found and the
    // next one before a binary search over the whole file.
    size_t n = lineStarts_.size(), ln = hint_;
    auto onLine = [&](size_t l) {
      return l < n && lineStarts_[l] <= byte &&
             (l + 1 == n || byte < lineStarts_[l + 1]);
    };
    if (!onLine(ln)) {
      if (onLine(ln + 1))
        ++ln;
      else
        ln = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), byte) -
             lineStarts_.begin() - 1;
      hint_ = ln;
    }
    uint32_t line = static_cast<uint32_t>(ln + 1);
    uint32_t col = static_cast<uint32_t>(byte - lineStarts_[line - 1]);
    if (line == 1)
      col += base_.col;
    return {line + base_.line - 1, col};
  }
  // Byte offset of code point `cp` in the text.
  size_t byteOffset(size_t cp) const {
    if (cpToByte_.empty())
      return std::min(cp, size_);
    return cp < cpToByte_.size() ? cpToByte_[cp] : size_;
  }
  // Token: antlr4::Token (or anything with its start/stop index getters).
  template <class Token> SourceLoc begin(const Token *t) const {
    return at(t->getStartIndex());
  }
  template <class Token> SourceLoc end(const Token *t) const {
    // EOF and synthesized tokens have stop < start.
    if (t->getStopIndex() + 1 < t->getStartIndex() + 1)
      return at(t->getStartIndex());
    return at(t->getStopIndex() + 1);
  }
  template <class Token>
  SourceRange range(const Token *a, const Token *b) const {
    return {begin(a), end(b ? b : a)};
  }
  template <class Ctx> SourceRange range(Ctx *c) const {
    return range(c->getStart(), c->getStop());
  }

private:
  SourceLoc base_;
  std::vector<uint32_t> cpToByte_;
  std::vector<uint32_t> lineStarts_;
  mutable size_t hint_ = 0; // index of the line of the last lookup
  size_t size_ = 0;
};

void appendUTF8(std::string &out, uint32_t cp);
size_t codePoints(std::string_view s);
int hexVal(char c);
// Digits of an integer literal in `base`, converted to decimal (any size).
std::string toDecimal(const std::string &digits, int base);
// Identifiers are NFKC-normalized, as CPython does (PEP 3131).
std::string ident(const std::string &text);

// Sets the context of an assignment or `del` target (recursively through
// tuples, lists and starred); calls `bad` on each node that cannot be one
// (and on a starred `del` target).
void applyContext(Expr *e, ExprContext ctx,
                  llvm::function_ref<void(Expr *bad)> bad);

// A NUMBER token's value.
Constant *makeNumber(ASTContext &ctx, SourceRange r, std::string_view text);

// One string literal token, split into prefix flags and body.
struct StrTok {
  bool raw = false, bytes = false, fstr = false, u = false;
  std::string_view body; // between the quotes, undecoded
  size_t bodyOffset = 0; // byte offset of body in the token text
};
StrTok splitString(std::string_view text);

// Decodes escapes of a (non-raw) literal piece; CRLF/CR become LF as in
// CPython's tokenizer. Returns false with `err` set on a bad escape.
bool decodeEscapes(std::string_view in, bool raw, bool bytes, std::string &out,
                   std::string &err);

// Parses an f-string replacement field's expression text (which starts at
// `base` in the file) at nesting `depth`; nullptr after reporting an error.
using FieldParser = llvm::function_ref<Expr *(std::string_view text,
                                              SourceLoc base, int depth)>;

// One STRING token of an implicitly concatenated literal.
struct StringPiece {
  std::string_view text; // the token's text, prefix and quotes included
  size_t startCp;        // its code point index (for PosMap)
  SourceRange range;
};

// The Constant or JoinedStr for adjacent STRING tokens spanning `r`. Errors
// go to `errs` (the node returned is then incomplete).
Expr *buildStrings(ASTContext &ctx, const PosMap &pm,
                   const std::vector<StringPiece> &toks, SourceRange r,
                   std::vector<SyntaxErr> &errs, const FieldParser &field);

} // namespace aioc::frontend
