// The hand-written tokenizer (see Tokenizer.h).
//
// Why hand-written rather than the ANTLR-generated lexer (a deliberate
// choice, measured 2026-11-26): ANTLR 4.9's C++ lexer walks a shared DFA
// behind a read lock and a hash lookup per character, converts the input to
// UTF-32 and allocates every token; it was a third of the parse profile.
// With this tokenizer (scanning the UTF-8 directly, tokens from an arena,
// text read in place) `aioc parse` over the 809k-line stdlib went from
// 18.9-20.1 s to 10.7-11.5 s of CPU and `aioc lint --jobs=1` from 16.2-18.8 s
// to 11.3-12.8 s; the tokenizer is now about 3% of the parse profile
// (bench/parse/RESULTS.md).
//
// It follows the lexer rules of grammar/Python.g4 literally (ANTLR's
// longest match, first rule on a tie) and then does what IndentingLexer does
// to the raw tokens, statement for statement; tests/frontend's differential
// tests hold both to identical token streams.
#include "Tokenizer.h"

#include "BuilderSupport.h"

#include "PythonLexer.h"
#include "PythonParser.h"

#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/Unicode.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cstring>

using antlr4::Token;
using L = aioc::gen::PythonLexer;
using P = aioc::gen::PythonParser;

namespace aioc::frontend {

namespace {
// CPython's tokenizer limits (Parser/tokenizer.h): MAXINDENT, MAXLEVEL.
constexpr size_t kMaxIndent = 100;
constexpr size_t kMaxLevel = 200;

char closerFor(char open) {
  return open == '(' ? ')' : open == '[' ? ']' : '}';
}

bool isDigit(unsigned char c) { return static_cast<unsigned>(c - '0') < 10; }

// Length of the UTF-8 sequence led by `c` (1 for a stray byte, so that bad
// input only ever advances).
size_t seqLen(unsigned char c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

uint32_t decode(const unsigned char *p, const unsigned char *end, size_t &len) {
  len = std::min<size_t>(seqLen(*p), static_cast<size_t>(end - p));
  if (len == 1)
    return *p;
  uint32_t cp = *p & (0x7F >> len);
  for (size_t i = 1; i < len; ++i)
    cp = (cp << 6) | (p[i] & 0x3F);
  return cp;
}

// The grammar's ID_START and ID_CONTINUE, taken from the generated lexer's
// ATN so that they are exactly the sets ANTLR matches (the tool's Unicode
// version, not ICU's).
struct IdentifierSets {
  using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;
  Ranges start, cont;
  bool asciiStart[128] = {}, asciiCont[128] = {};

  static bool in(const Ranges &r, uint32_t cp) {
    auto it = std::upper_bound(
        r.begin(), r.end(), cp,
        [](uint32_t c, const std::pair<uint32_t, uint32_t> &x) {
          return c < x.first;
        });
    return it != r.begin() && cp <= std::prev(it)->second;
  }

  IdentifierSets() {
    antlr4::ANTLRInputStream none("");
    gen::PythonLexer lexer(&none);
    const antlr4::atn::ATN &atn = lexer.getATN();
    const auto &names = lexer.getRuleNames();
    auto collect = [&](const char *rule) {
      size_t idx = std::find(names.begin(), names.end(), rule) - names.begin();
      antlr4::misc::IntervalSet set;
      // The labels of the transitions reachable from the rule's start by
      // epsilon moves (each rule here is a single set).
      std::vector<antlr4::atn::ATNState *> todo{atn.ruleToStartState[idx]};
      std::vector<antlr4::atn::ATNState *> seen;
      while (!todo.empty()) {
        antlr4::atn::ATNState *s = todo.back();
        todo.pop_back();
        if (std::find(seen.begin(), seen.end(), s) != seen.end())
          continue;
        seen.push_back(s);
        for (size_t i = 0; i < s->transitions.size(); ++i) {
          antlr4::atn::Transition *t = s->transitions[i];
          if (t->isEpsilon())
            todo.push_back(t->target);
          else
            set.addAll(t->label());
        }
      }
      Ranges r;
      for (const antlr4::misc::Interval &i : set.getIntervals())
        r.push_back({static_cast<uint32_t>(i.a), static_cast<uint32_t>(i.b)});
      return r;
    };
    start = collect("ID_START");
    cont = collect("ID_CONTINUE");
    for (uint32_t c = 0; c < 128; ++c) {
      asciiStart[c] = in(start, c);
      asciiCont[c] = in(cont, c);
    }
  }
};

const IdentifierSets &idSets() {
  static const IdentifierSets sets;
  return sets;
}

// A token that reads its text from the tokenizer's input instead of owning
// a copy, allocated from the tokenizer's arena (so deleting it only runs the
// destructor).
class FastToken final : public antlr4::CommonToken {
public:
  FastToken(const Tokenizer::Raw &r,
            std::pair<antlr4::TokenSource *, antlr4::CharStream *> source)
      : CommonToken(r.type), text_(r.text), len_(r.len) {
    _source = source;
    _line = r.line;
    _charPositionInLine = r.col;
    _start = r.start;
    _stop = r.stop;
  }
  std::string getText() const override {
    if (!_text.empty()) // set by someone after creation
      return _text;
    return std::string(text_, len_);
  }
  static void operator delete(void *) noexcept {}

private:
  const char *text_;
  size_t len_;
};
} // namespace

// ------------------------------------------------------------ CharStream

Utf8CharStream::Utf8CharStream(std::string_view text) : text_(text) {
  ascii_ = isAscii(text_);
  size_t cont = 0;
  if (!ascii_)
    for (unsigned char c : text_)
      cont += (c & 0xC0) == 0x80;
  size_ = text_.size() - cont;
}

size_t Utf8CharStream::byteOffset(size_t cp) const {
  if (ascii_)
    return std::min(cp, text_.size());
  if (cpToByte_.empty()) {
    cpToByte_.reserve(size_ + 1);
    for (size_t i = 0; i < text_.size(); ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80)
        cpToByte_.push_back(static_cast<uint32_t>(i));
    cpToByte_.push_back(static_cast<uint32_t>(text_.size()));
  }
  return cp < cpToByte_.size() ? cpToByte_[cp] : text_.size();
}

void Utf8CharStream::consume() {
  if (p_ >= size_)
    throw antlr4::IllegalStateException("cannot consume EOF");
  ++p_;
}

size_t Utf8CharStream::LA(ssize_t i) {
  if (i == 0)
    return 0;
  ssize_t pos = static_cast<ssize_t>(p_);
  if (i < 0) {
    ++i;
    if (pos + i - 1 < 0)
      return antlr4::IntStream::EOF;
  }
  if (pos + i - 1 >= static_cast<ssize_t>(size_))
    return antlr4::IntStream::EOF;
  size_t at = byteOffset(static_cast<size_t>(pos + i - 1)), len;
  const auto *b = reinterpret_cast<const unsigned char *>(text_.data());
  return decode(b + at, b + text_.size(), len);
}

std::string Utf8CharStream::getSourceName() const {
  return antlr4::IntStream::UNKNOWN_SOURCE_NAME;
}

// As ANTLRInputStream::getText: clipped to the input, "" when empty.
std::string Utf8CharStream::getText(const antlr4::misc::Interval &interval) {
  if (interval.a < 0 || interval.b < 0)
    return "";
  size_t start = static_cast<size_t>(interval.a);
  size_t stop = static_cast<size_t>(interval.b);
  if (stop >= size_)
    stop = size_ - 1;
  if (start >= size_ || stop + 1 <= start)
    return "";
  size_t b = byteOffset(start), e = byteOffset(stop + 1);
  return text_.substr(b, e - b);
}

// ------------------------------------------------------------- scanning

Tokenizer::Tokenizer(Utf8CharStream *input)
    : input_(input), source_(this, input),
      b_(reinterpret_cast<const uc *>(input->text().data())),
      e_(b_ + input->text().size()), p_(b_) {
  (void)idSets();
  pending_.reserve(16);
  lookahead_.reserve(16);
}

Tokenizer::~Tokenizer() = default;

antlr4::TokenFactory<antlr4::CommonToken> *Tokenizer::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

// Moves to `q`, counting code points and lines as ANTLR does (a line ends
// at \n only).
void Tokenizer::advanceTo(const uc *q) {
  for (; p_ < q; ++p_) {
    uc c = *p_;
    if ((c & 0xC0) == 0x80) {
      ++cont_;
    } else if (c == '\n') {
      ++line_;
      lineStartByte_ = static_cast<size_t>(p_ + 1 - b_);
      lineStartCp_ = lineStartByte_ - cont_;
    }
  }
}

// NUMBER: IMAG_NUMBER | FLOAT_NUMBER | INTEGER, longest match; `s` is a
// digit, or a '.' followed by one.
const Tokenizer::uc *Tokenizer::number(const uc *s) const {
  const uc *e = e_;
  // DIGIT_PART: DIGIT ('_'? DIGIT)*, greedy (nothing that may follow it is
  // a digit or '_', so the longest one is the only useful one).
  auto digitPart = [e](const uc *x) -> const uc * {
    if (x >= e || !isDigit(*x))
      return nullptr;
    ++x;
    for (;;) {
      if (x < e && isDigit(*x))
        ++x;
      else if (x + 1 < e && *x == '_' && isDigit(x[1]))
        x += 2;
      else
        return x;
    }
  };
  const uc *best = nullptr;
  auto take = [&](const uc *x) {
    if (x && (!best || x > best))
      best = x;
  };
  const uc *dp = digitPart(s);
  if (dp) {
    if (*s != '0') {
      take(dp); // NON_ZERO_DIGIT ('_'? DIGIT)*
    } else {
      // '0'+ ('_'? '0')*
      const uc *z = s + 1;
      for (;;) {
        if (z < e && *z == '0')
          ++z;
        else if (z + 1 < e && *z == '_' && z[1] == '0')
          z += 2;
        else
          break;
      }
      take(z);
      // '0' [oOxXbB] ('_'? RADIX_DIGIT)+
      if (s + 1 < e) {
        uc k = s[1] | 0x20;
        auto inRadix = [k](uc c) {
          if (k == 'o')
            return c >= '0' && c <= '7';
          if (k == 'b')
            return c == '0' || c == '1';
          return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
        };
        if (k == 'o' || k == 'x' || k == 'b') {
          const uc *r = s + 2, *last = nullptr;
          for (;;) {
            if (r < e && inRadix(*r))
              last = ++r;
            else if (r + 1 < e && *r == '_' && inRadix(r[1]))
              last = r += 2;
            else
              break;
          }
          take(last);
        }
      }
    }
  }
  // POINT_FLOAT: DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.'
  const uc *pf = nullptr;
  if (dp && dp < e && *dp == '.') {
    pf = dp + 1;
    if (const uc *f = digitPart(dp + 1))
      pf = f;
  } else if (!dp && *s == '.') {
    pf = digitPart(s + 1);
  }
  take(pf);
  // EXPONENT_FLOAT: (DIGIT_PART | POINT_FLOAT) [eE] [+-]? DIGIT_PART
  auto exponent = [&](const uc *m) -> const uc * {
    if (!m || m >= e || (*m | 0x20) != 'e')
      return nullptr;
    const uc *x = m + 1;
    if (x < e && (*x == '+' || *x == '-'))
      ++x;
    return digitPart(x);
  };
  const uc *ea = exponent(dp), *ep = exponent(pf);
  take(ea);
  take(ep);
  // IMAG_NUMBER: (FLOAT_NUMBER | DIGIT_PART) [jJ]
  for (const uc *m : {dp, pf, ea, ep})
    if (m && m < e && (*m | 0x20) == 'j')
      take(m + 1);
  return best;
}

// The end of the STRING whose quote is at `q` (any prefix is before it), or
// nullptr when there is none.
const Tokenizer::uc *Tokenizer::stringEnd(const uc *q) const {
  const uc *e = e_;
  uc quote = *q;
  if (q + 2 < e && q[1] == quote && q[2] == quote) {
    // LONG_STRING: the item loop is non-greedy, so the first closing triple
    // quote ends it; an escape takes the character after the backslash.
    for (const uc *r = q + 3; r < e;) {
      if (*r == '\\') {
        if (r + 1 >= e)
          break;
        r += 2;
      } else if (*r == quote && r + 2 < e && r[1] == quote && r[2] == quote) {
        return r + 3;
      } else {
        ++r;
      }
    }
    // Unterminated: SHORT_STRING still matches the empty '' in front.
    return q + 2;
  }
  // SHORT_STRING: no line ends, except escaped ones (\r\n as one escape).
  for (const uc *r = q + 1; r < e;) {
    uc c = *r;
    if (c == quote)
      return r + 1;
    if (c == '\n' || c == '\r')
      return nullptr;
    if (c == '\\') {
      if (r + 1 >= e)
        return nullptr;
      r += r + 2 < e && r[1] == '\r' && r[2] == '\n' ? 3 : 2;
    } else {
      ++r;
    }
  }
  return nullptr;
}

size_t Tokenizer::keyword(const uc *s, size_t n) const {
  struct KW {
    const char *text;
    size_t type;
  };
  static const KW k2[] = {{"as", L::AS},
                          {"if", L::IF},
                          {"in", L::IN},
                          {"is", L::IS},
                          {"or", L::OR}};
  static const KW k3[] = {{"and", L::AND}, {"def", L::DEF}, {"del", L::DEL},
                          {"for", L::FOR}, {"not", L::NOT}, {"try", L::TRY}};
  static const KW k4[] = {{"None", L::NONE}, {"True", L::TRUE},
                          {"elif", L::ELIF}, {"else", L::ELSE},
                          {"from", L::FROM}, {"pass", L::PASS},
                          {"with", L::WITH}};
  static const KW k5[] = {{"False", L::FALSE}, {"async", L::ASYNC},
                          {"await", L::AWAIT}, {"break", L::BREAK},
                          {"class", L::CLASS}, {"raise", L::RAISE},
                          {"while", L::WHILE}, {"yield", L::YIELD}};
  static const KW k6[] = {{"assert", L::ASSERT}, {"except", L::EXCEPT},
                          {"global", L::GLOBAL}, {"import", L::IMPORT},
                          {"lambda", L::LAMBDA}, {"return", L::RETURN}};
  static const KW k7[] = {{"finally", L::FINALLY}};
  static const KW k8[] = {{"continue", L::CONTINUE}, {"nonlocal", L::NONLOCAL}};
  auto find = [&](const auto &table) -> size_t {
    for (const KW &k : table)
      if (k.text[0] == static_cast<char>(s[0]) && !memcmp(k.text, s, n))
        return k.type;
    return L::NAME;
  };
  switch (n) {
  case 2:
    return find(k2);
  case 3:
    return find(k3);
  case 4:
    return find(k4);
  case 5:
    return find(k5);
  case 6:
    return find(k6);
  case 7:
    return find(k7);
  case 8:
    return find(k8);
  default:
    return L::NAME;
  }
}

// The generated lexer's nextToken(): skips SKIP_WS, COMMENT and LINE_JOIN.
Tokenizer::Raw Tokenizer::scan() {
  const IdentifierSets &ids = idSets();
  for (;;) {
    const uc *s = p_, *q = s + 1, *e = e_;
    Raw r;
    r.start = cpIndex();
    r.line = line_;
    r.col = r.start - lineStartCp_;
    r.lineByte = lineStartByte_;
    r.text = reinterpret_cast<const char *>(s);
    if (s == e) {
      r.type = Token::EOF;
      r.stop = r.start - 1;
      r.len = 0;
      return r;
    }
    uc c = *s;
    size_t type = L::ERROR_CHAR;
    switch (c) {
    case ' ':
    case '\t':
    case '\f':
      while (q < e && (*q == ' ' || *q == '\t' || *q == '\f'))
        ++q;
      advanceTo(q);
      continue;
    case '#':
      while (q < e && *q != '\n' && *q != '\r')
        ++q;
      advanceTo(q);
      continue;
    case '\\':
      if (q < e && (*q == '\n' || *q == '\r')) {
        q += *q == '\r' && q + 1 < e && q[1] == '\n' ? 2 : 1;
        advanceTo(q);
        continue;
      }
      break; // ERROR_CHAR
    case '\n':
      type = L::NEWLINE;
      break;
    case '\r':
      if (q < e && *q == '\n')
        ++q;
      type = L::NEWLINE;
      break;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      q = number(s);
      type = L::NUMBER;
      break;
    case '.':
      if (q < e && isDigit(*q)) {
        q = number(s);
        type = L::NUMBER;
      } else if (q + 1 < e && q[0] == '.' && q[1] == '.') {
        q += 2;
        type = L::ELLIPSIS;
      } else {
        type = L::DOT;
      }
      break;
    case '\'':
    case '"':
      if (const uc *end = stringEnd(s)) {
        q = end;
        type = L::STRING;
      }
      break;
    case '(':
      type = L::OPEN_PAREN;
      break;
    case ')':
      type = L::CLOSE_PAREN;
      break;
    case '[':
      type = L::OPEN_BRACK;
      break;
    case ']':
      type = L::CLOSE_BRACK;
      break;
    case '{':
      type = L::OPEN_BRACE;
      break;
    case '}':
      type = L::CLOSE_BRACE;
      break;
    case ',':
      type = L::COMMA;
      break;
    case ';':
      type = L::SEMI;
      break;
    case '~':
      type = L::NOT_OP;
      break;
    case ':':
      type = L::COLON;
      if (q < e && *q == '=')
        ++q, type = L::WALRUS;
      break;
    case '=':
      type = L::ASSIGN;
      if (q < e && *q == '=')
        ++q, type = L::EQUALS;
      break;
    case '!':
      if (q < e && *q == '=')
        ++q, type = L::NOT_EQ;
      break;
    case '+':
      type = L::ADD;
      if (q < e && *q == '=')
        ++q, type = L::ADD_ASSIGN;
      break;
    case '-':
      type = L::MINUS;
      if (q < e && *q == '=')
        ++q, type = L::SUB_ASSIGN;
      else if (q < e && *q == '>')
        ++q, type = L::ARROW;
      break;
    case '@':
      type = L::AT;
      if (q < e && *q == '=')
        ++q, type = L::AT_ASSIGN;
      break;
    case '%':
      type = L::MOD;
      if (q < e && *q == '=')
        ++q, type = L::MOD_ASSIGN;
      break;
    case '&':
      type = L::AND_OP;
      if (q < e && *q == '=')
        ++q, type = L::AND_ASSIGN;
      break;
    case '|':
      type = L::OR_OP;
      if (q < e && *q == '=')
        ++q, type = L::OR_ASSIGN;
      break;
    case '^':
      type = L::XOR;
      if (q < e && *q == '=')
        ++q, type = L::XOR_ASSIGN;
      break;
    case '*':
    case '/':
    case '<':
    case '>': {
      // X, X=, XX, XX= (with ** // << >>), and <= >= for the comparisons.
      static const size_t one[4] = {L::STAR, L::DIV, L::LESS_THAN,
                                    L::GREATER_THAN};
      static const size_t oneEq[4] = {L::MULT_ASSIGN, L::DIV_ASSIGN, L::LT_EQ,
                                      L::GT_EQ};
      static const size_t two[4] = {L::POWER, L::IDIV, L::LEFT_SHIFT,
                                    L::RIGHT_SHIFT};
      static const size_t twoEq[4] = {L::POWER_ASSIGN, L::IDIV_ASSIGN,
                                      L::LEFT_SHIFT_ASSIGN,
                                      L::RIGHT_SHIFT_ASSIGN};
      int k = c == '*' ? 0 : c == '/' ? 1 : c == '<' ? 2 : 3;
      if (q < e && *q == c) {
        ++q;
        type = two[k];
        if (q < e && *q == '=')
          ++q, type = twoEq[k];
      } else if (q < e && *q == '=') {
        ++q;
        type = oneEq[k];
      } else {
        type = one[k];
      }
      break;
    }
    default: {
      size_t len = 1;
      uint32_t cp = c < 0x80 ? c : decode(s, e, len);
      q = s + len;
      if (c < 0x80 ? !ids.asciiStart[c] : !IdentifierSets::in(ids.start, cp))
        break; // ERROR_CHAR: one code point
      // NAME: ID_START ID_CONTINUE*
      while (q < e) {
        uc d = *q;
        if (d < 0x80) {
          if (!ids.asciiCont[d])
            break;
          ++q;
        } else {
          size_t n;
          if (!IdentifierSets::in(ids.cont, decode(q, e, n)))
            break;
          q += n;
        }
      }
      size_t n = static_cast<size_t>(q - s);
      // A string prefix and a quote: the STRING is longer than the NAME.
      if (n <= 2 && q < e && (*q == '\'' || *q == '"')) {
        auto is = [](uc x, char a) { return (x | 0x20) == a; };
        bool prefix =
            n == 1 ? strchr("rRuUbBfF", c) != nullptr
                   : ((is(c, 'b') || is(c, 'f')) && is(s[1], 'r')) ||
                         (is(c, 'r') && (is(s[1], 'b') || is(s[1], 'f')));
        if (prefix) {
          if (const uc *end = stringEnd(q)) {
            q = end;
            type = L::STRING;
            break;
          }
        }
      }
      type = keyword(s, n);
      break;
    }
    }
    advanceTo(q);
    r.type = type;
    r.stop = cpIndex() - 1;
    r.len = static_cast<size_t>(q - s);
    return r;
  }
}

// --------------------------------------------------------------- layout
// What IndentingLexer does, on raw tokens.

Tokenizer::Raw Tokenizer::raw() {
  if (lookaheadHead_ < lookahead_.size()) {
    Raw t = lookahead_[lookaheadHead_++];
    if (lookaheadHead_ == lookahead_.size()) {
      lookahead_.clear();
      lookaheadHead_ = 0;
    }
    return t;
  }
  return scan();
}

// An empty token at `at`'s position (stop < start, as ANTLR does for EOF).
// Its text is what CommonToken::getText() gives for one made by
// IndentingLexer: `text` if not empty, else the (empty) input text between
// start and stop, or "<EOF>" when that interval is outside the input.
Tokenizer::Raw Tokenizer::make(size_t type, const Raw &at, const char *text) {
  Raw r = at;
  r.type = type;
  r.stop = r.start - 1;
  size_t n = input_->size();
  if (!*text && !(r.start < n && r.stop < n))
    text = "<EOF>";
  r.text = text;
  r.len = strlen(text);
  return r;
}

void Tokenizer::error(size_t index, size_t end, std::string msg) {
  errors_.push_back({index, end, std::move(msg)});
}

void Tokenizer::finish(const Raw &eof) {
  if (!fstring_ && !stopped_ && !brackets_.empty()) {
    auto [c, at] = brackets_.front();
    errors_.push_back(
        {at, at + 1, std::string("'") + c + "' was never closed", true});
  }
  if (!fstring_) {
    if (!atLineStart_)
      pending_.push_back(make(P::NEWLINE, eof, ""));
    for (size_t i = 1; i < indents_.size(); ++i)
      pending_.push_back(make(P::DEDENT, eof, ""));
  }
  indents_.assign(1, 0);
  altIndents_.assign(1, 0);
  atLineStart_ = true;
  pending_.push_back(make(Token::EOF, eof, "<EOF>"));
}

// Leading whitespace of the first token of a logical line, measured as
// CPython does twice (tabs to multiples of 8, and tabs as 1 column) so that
// ambiguous mixes of tabs and spaces are rejected. Like IndentingLexer, it
// counts the bytes from ANTLR's line start (the last \n) to the token.
void Tokenizer::indentation(const Raw &t) {
  int col = 0, alt = 0;
  const uc *ws = b_ + t.lineByte;
  const uc *end = reinterpret_cast<const uc *>(t.text);
  for (; ws < end; ++ws) {
    uc c = *ws;
    if (c == ' ') {
      ++col;
      ++alt;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
      ++alt;
    } else if (c == '\f') {
      col = alt = 0;
    } else {
      ++col;
      ++alt;
    }
  }
  size_t start = t.start;
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
    pending_.push_back(make(P::INDENT, t, ""));
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      altIndents_.pop_back();
      pending_.push_back(make(P::DEDENT, t, ""));
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
bool Tokenizer::isMatchStatement() {
  int depth = 0;
  size_t last = 0, count = 0;
  for (size_t i = lookaheadHead_;; ++i) {
    if (i == lookahead_.size())
      lookahead_.push_back(scan());
    size_t type = lookahead_[i].type;
    if (type == Token::EOF || type == L::ERROR_CHAR)
      break;
    if (type == L::NEWLINE) {
      if (depth <= 0)
        break;
      continue;
    }
    if (type == L::OPEN_PAREN || type == L::OPEN_BRACK || type == L::OPEN_BRACE)
      ++depth;
    else if (type == L::CLOSE_PAREN || type == L::CLOSE_BRACK ||
             type == L::CLOSE_BRACE)
      --depth;
    last = type;
    ++count;
    if (count == 1 && (type == L::ASSIGN || type == L::DOT ||
                       type == L::COLON || type == L::COMMA || type == L::SEMI))
      return false;
  }
  return count >= 2 && last == L::COLON;
}

void Tokenizer::badChar(const Raw &t) {
  size_t at = t.start;
  std::string text(t.text, t.len);
  stopped_ = true;
  if (text == "'" || text == "\"") {
    // A `'''` without its end lexes as `''` + `'`: report the triple quote.
    const uc *q = reinterpret_cast<const uc *>(t.text);
    size_t begin = at;
    const uc *bq = q;
    bool triple = q - b_ >= 2 && q[-1] == *q && q[-2] == *q;
    if (triple) {
      begin -= 2;
      bq -= 2;
    }
    // Include a string prefix (letters right before the quote).
    // (strchr also finds the NUL, as IndentingLexer's test does.)
    while (begin > 0 && bq > b_ && bq[-1] < 0x80 &&
           strchr("rRbBuUfF", bq[-1])) {
      --begin;
      --bq;
    }
    // "detected at line N": the last line a string could have reached.
    size_t line = t.line;
    if (triple) {
      line += static_cast<size_t>(std::count(q, e_, '\n'));
      if (e_[-1] == '\n')
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

std::unique_ptr<Token> Tokenizer::emit(const Raw &t) {
  void *mem = arena_.Allocate(sizeof(FastToken), alignof(FastToken));
  return std::unique_ptr<Token>(new (mem) FastToken(t, source_));
}

std::unique_ptr<Token> Tokenizer::nextToken() {
  for (;;) {
    if (pendingHead_ < pending_.size()) {
      Raw t = pending_[pendingHead_++];
      if (pendingHead_ == pending_.size()) {
        pending_.clear();
        pendingHead_ = 0;
      }
      return emit(t);
    }
    Raw t = raw();
    size_t type = t.type;
    if (stopped_ && type != Token::EOF) {
      // After a fatal tokenizer error the rest of the file is not read, as
      // in CPython: end the token stream here.
      finish(t);
      continue;
    }
    if (type == L::ERROR_CHAR) {
      badChar(t);
      continue;
    }
    if (type == L::NEWLINE) {
      if (depth_ > 0 || atLineStart_)
        continue; // implicit line joining, or a blank/comment-only line
      atLineStart_ = true;
      return emit(t);
    }
    if (type == Token::EOF) {
      finish(t);
      continue;
    }
    if (atLineStart_ && depth_ == 0 && !fstring_) {
      indentation(t);
      if (type == L::NAME && t.len == 5 && !memcmp(t.text, "match", 5) &&
          isMatchStatement())
        t.type = P::MATCH;
    }
    atLineStart_ = false;
    switch (type) {
    case L::OPEN_PAREN:
    case L::OPEN_BRACK:
    case L::OPEN_BRACE:
      if (brackets_.size() >= kMaxLevel) {
        error(t.start, t.start + 1, "too many nested parentheses");
        stopped_ = true;
        finish(t);
        continue;
      }
      brackets_.push_back({t.text[0], t.start});
      ++depth_;
      break;
    case L::CLOSE_PAREN:
    case L::CLOSE_BRACK:
    case L::CLOSE_BRACE: {
      char c = t.text[0];
      size_t at = t.start;
      if (brackets_.empty()) {
        error(at, at + 1, std::string("unmatched '") + c + "'");
        stopped_ = true;
        finish(t);
        continue;
      }
      char open = brackets_.back().first;
      if (closerFor(open) != c) {
        error(at, at + 1,
              std::string("closing parenthesis '") + c +
                  "' does not match opening parenthesis '" + open + "'");
        stopped_ = true;
        finish(t);
        continue;
      }
      brackets_.pop_back();
      --depth_;
      break;
    }
    default:
      break;
    }
    if (pendingHead_ < pending_.size()) {
      pending_.push_back(t);
      continue;
    }
    return emit(t);
  }
}

} // namespace aioc::frontend
