#include "BuilderSupport.h"

#include <llvm/Support/Casting.h>
#include <llvm/Support/Unicode.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstring>
#include <type_traits>

namespace aioc::frontend {

void appendUTF8(std::string &out, uint32_t cp) {
  // Lone surrogates (from "\ud800") keep their 3-byte form, as the dumper
  // expects.
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t codePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    n += (c & 0xC0) != 0x80;
  return n;
}

int hexVal(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::string toDecimal(const std::string &digits, int base) {
  std::vector<uint32_t> limbs; // base 1e9, little endian
  for (char c : digits) {
    uint64_t carry = static_cast<uint64_t>(hexVal(c));
    for (uint32_t &l : limbs) {
      uint64_t v = static_cast<uint64_t>(l) * base + carry;
      l = static_cast<uint32_t>(v % 1000000000);
      carry = v / 1000000000;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000));
      carry /= 1000000000;
    }
  }
  if (limbs.empty())
    return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  return out;
}

std::string ident(const std::string &text) {
  bool ascii = true;
  for (unsigned char c : text)
    ascii &= c < 0x80;
  if (ascii)
    return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status))
    return text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString n = nfkc->normalize(u, status);
  if (U_FAILURE(status))
    return text;
  std::string out;
  n.toUTF8String(out);
  return out;
}

void applyContext(Expr *e, ExprContext ctx,
                  llvm::function_ref<void(Expr *bad)> bad) {
  switch (e->kind()) {
  case Node::Kind::Name:
    llvm::cast<Name>(e)->ctx = ctx;
    return;
  case Node::Kind::Attribute:
    llvm::cast<Attribute>(e)->ctx = ctx;
    return;
  case Node::Kind::Subscript:
    llvm::cast<Subscript>(e)->ctx = ctx;
    return;
  case Node::Kind::Starred:
    if (ctx == ExprContext::Del) {
      bad(e);
      return;
    }
    llvm::cast<Starred>(e)->ctx = ctx;
    applyContext(llvm::cast<Starred>(e)->value, ctx, bad);
    return;
  case Node::Kind::Tuple:
    llvm::cast<Tuple>(e)->ctx = ctx;
    for (Expr *x : llvm::cast<Tuple>(e)->elts)
      applyContext(x, ctx, bad);
    return;
  case Node::Kind::List:
    llvm::cast<List>(e)->ctx = ctx;
    for (Expr *x : llvm::cast<List>(e)->elts)
      applyContext(x, ctx, bad);
    return;
  default:
    bad(e);
  }
}

Constant *makeNumber(ASTContext &ctx, SourceRange r, std::string_view tok) {
  auto *k = ctx.make<Constant>(r);
  std::string text;
  for (char ch : tok)
    if (ch != '_')
      text += ch;
  char last = text.back();
  if (last == 'j' || last == 'J') {
    k->valueKind = Constant::ValueKind::Complex;
    text.pop_back();
    k->floatValue = std::strtod(text.c_str(), nullptr);
    return k;
  }
  bool isFloat = false;
  if (text.size() > 1 && text[0] == '0' && std::strchr("xXoObB", text[1])) {
    int base = std::strchr("xX", text[1])   ? 16
               : std::strchr("oO", text[1]) ? 8
                                            : 2;
    k->valueKind = Constant::ValueKind::Int;
    k->intDigits = toDecimal(text.substr(2), base);
  } else {
    for (char ch : text)
      if (ch == '.' || ch == 'e' || ch == 'E')
        isFloat = true;
    if (isFloat) {
      k->valueKind = Constant::ValueKind::Float;
      k->floatValue = std::strtod(text.c_str(), nullptr);
      return k;
    }
    k->valueKind = Constant::ValueKind::Int;
    size_t nz = text.find_first_not_of('0');
    k->intDigits = nz == std::string::npos ? "0" : text.substr(nz);
  }
  // intValue when it fits in int64.
  const std::string &d = k->intDigits;
  k->intFits = d.size() < 19 || (d.size() == 19 && d <= "9223372036854775807");
  k->intValue = k->intFits ? std::stoll(d) : 0;
  return k;
}

StrTok splitString(std::string_view text) {
  StrTok s;
  size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') {
    char ch = static_cast<char>(std::tolower(text[i]));
    s.raw |= ch == 'r';
    s.bytes |= ch == 'b';
    s.fstr |= ch == 'f';
    s.u |= ch == 'u';
    ++i;
  }
  size_t q =
      text.size() - i >= 6 && text[i] == text[i + 1] && text[i] == text[i + 2]
          ? 3
          : 1;
  s.bodyOffset = i + q;
  s.body = text.substr(i + q, text.size() - i - 2 * q);
  return s;
}

bool decodeEscapes(std::string_view in, bool raw, bool bytes, std::string &out,
                   std::string &err) {
  for (size_t i = 0; i < in.size(); ++i) {
    char ch = in[i];
    if (ch == '\r') {
      out += '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n')
        ++i;
      continue;
    }
    if (bytes && static_cast<unsigned char>(ch) >= 0x80) {
      err = "bytes can only contain ASCII literal characters";
      return false;
    }
    if (ch != '\\' || raw) {
      out += ch;
      if (raw && ch == '\\' && i + 1 < in.size()) {
        // In a raw string a backslash still protects the next character
        // (it cannot end the literal); both are kept.
        char nx = in[i + 1];
        if (nx == '\r') {
          continue;
        }
        out += nx;
        ++i;
      }
      continue;
    }
    if (i + 1 >= in.size()) {
      out += '\\';
      break;
    }
    char e = in[++i];
    switch (e) {
    case '\n':
      break;
    case '\r':
      if (i + 1 < in.size() && in[i + 1] == '\n')
        ++i;
      break;
    case '\\':
      out += '\\';
      break;
    case '\'':
      out += '\'';
      break;
    case '"':
      out += '"';
      break;
    case 'a':
      out += '\a';
      break;
    case 'b':
      out += '\b';
      break;
    case 'f':
      out += '\f';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 't':
      out += '\t';
      break;
    case 'v':
      out += '\v';
      break;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      uint32_t v = e - '0';
      for (int k = 0;
           k < 2 && i + 1 < in.size() && in[i + 1] >= '0' && in[i + 1] <= '7';
           ++k)
        v = v * 8 + (in[++i] - '0');
      if (bytes)
        out += static_cast<char>(v & 0xFF);
      else
        appendUTF8(out, v);
      break;
    }
    case 'x': {
      if (i + 2 >= in.size() + 0 || hexVal(in[i + 1]) < 0 ||
          i + 2 >= in.size() + 1 || hexVal(in[i + 2]) < 0) {
        err = bytes ? "(value error) invalid \\x escape"
                    : "(unicode error) 'unicodeescape' codec can't decode "
                      "bytes: truncated \\xXX escape";
        return false;
      }
      uint32_t v = hexVal(in[i + 1]) * 16 + hexVal(in[i + 2]);
      i += 2;
      if (bytes)
        out += static_cast<char>(v);
      else
        appendUTF8(out, v);
      break;
    }
    case 'u':
    case 'U':
    case 'N': {
      if (bytes) {
        out += '\\';
        out += e;
        break;
      }
      if (e == 'N') {
        size_t close = in.find('}', i);
        if (i + 1 >= in.size() || in[i + 1] != '{' ||
            close == std::string_view::npos) {
          err = "(unicode error) 'unicodeescape' codec can't decode bytes: "
                "malformed \\N character escape";
          return false;
        }
        std::string name(in.substr(i + 2, close - i - 2));
        auto cp = llvm::sys::unicode::nameToCodepointStrict(name);
        if (!cp) {
          auto loose = llvm::sys::unicode::nameToCodepointLooseMatching(name);
          if (loose)
            cp = loose->CodePoint;
        }
        if (!cp) {
          err = "(unicode error) 'unicodeescape' codec can't decode bytes: "
                "unknown Unicode character name";
          return false;
        }
        appendUTF8(out, *cp);
        i = close;
        break;
      }
      size_t n = e == 'u' ? 4 : 8;
      uint32_t v = 0;
      for (size_t k = 1; k <= n; ++k) {
        if (i + k >= in.size() || hexVal(in[i + k]) < 0) {
          err = std::string("(unicode error) 'unicodeescape' codec can't "
                            "decode bytes: truncated \\") +
                e + (n == 4 ? "XXXX" : "XXXXXXXX") + " escape";
          return false;
        }
        v = v * 16 + hexVal(in[i + k]);
      }
      if (v > 0x10FFFF) {
        err = "(unicode error) 'unicodeescape' codec can't decode bytes: "
              "illegal Unicode character";
        return false;
      }
      i += n;
      appendUTF8(out, v);
      break;
    }
    default:
      // Unknown escapes keep the backslash (a warning in CPython).
      out += '\\';
      out += e;
    }
  }
  return true;
}

namespace {

// Parses the inside of one f-string (3.11 rules: no backslash or '#' in the
// expression part, no reuse of the outer quote) into JoinedStr values.
struct FStringParser {
  ASTContext &ctx;
  const PosMap &pm;
  std::vector<SyntaxErr> &errs;
  const FieldParser &parseField;
  size_t tokStart;       // code point index of the STRING token
  std::string_view text; // its text
  bool raw;
  bool ok = true;

  SourceLoc locAt(size_t byteOfs) {
    size_t cp = tokStart + codePoints(text.substr(0, byteOfs));
    return pm.at(cp);
  }
  void fail(size_t at, std::string msg) {
    if (!ok)
      return;
    ok = false;
    SourceLoc l = locAt(at);
    errs.push_back({{l, {l.line, l.col + 1}}, "f-string: " + msg});
  }

  // Parses text[i, end) at nesting `depth`; stops at an unmatched '}' when
  // `inSpec` (returns its position).
  size_t parse(size_t i, size_t end, int depth, bool inSpec,
               std::vector<Expr *> &out, std::string &lit, SourceRange whole) {
    size_t litStart = i;
    auto emitLiteral = [&](size_t to) {
      std::string err;
      if (!decodeEscapes(text.substr(litStart, to - litStart), raw, false, lit,
                         err))
        fail(litStart, err);
    };
    auto flushTo = [&]() {
      if (lit.empty())
        return;
      auto *k = ctx.make<Constant>(whole);
      k->valueKind = Constant::ValueKind::Str;
      k->str = std::move(lit);
      lit.clear();
      out.push_back(k);
    };
    while (i < end && ok) {
      char ch = text[i];
      if (!raw && ch == '\\' && i + 1 < end && text[i + 1] == 'N' &&
          i + 2 < end && text[i + 2] == '{') {
        size_t close = text.find('}', i);
        i = close == std::string::npos ? end : close + 1;
        continue;
      }
      if (!raw && ch == '\\' && i + 1 < end) {
        i += 2;
        continue;
      }
      if (ch == '{') {
        if (!inSpec && i + 1 < end && text[i + 1] == '{') {
          emitLiteral(i + 1);
          i += 2;
          litStart = i;
          continue;
        }
        emitLiteral(i);
        if (depth >= 2) {
          fail(i, "expressions nested too deeply");
          return end;
        }
        i = field(i + 1, end, depth, out, lit, whole, flushTo);
        litStart = i;
        continue;
      }
      if (ch == '}') {
        if (inSpec) {
          emitLiteral(i);
          flushTo();
          return i;
        }
        if (i + 1 < end && text[i + 1] == '}') {
          emitLiteral(i + 1);
          i += 2;
          litStart = i;
          continue;
        }
        fail(i, "single '}' is not allowed");
        return end;
      }
      ++i;
    }
    if (ok)
      emitLiteral(std::min(i, end));
    if (inSpec) {
      fail(end, "expecting '}'");
      return end;
    }
    return end;
  }

  template <class F>
  size_t field(size_t i, size_t end, int depth, std::vector<Expr *> &out,
               std::string &lit, SourceRange whole, F &flushTo) {
    size_t exprStart = i;
    std::vector<char> nest;
    char quote = 0;
    size_t quoteLen = 0;
    for (; i < end; ++i) {
      char ch = text[i];
      if (ch == '\\') {
        // 3.11: not even inside a string within the expression.
        fail(i, "f-string expression part cannot include a backslash");
        return end;
      }
      if (quote) {
        if (ch == quote &&
            (quoteLen == 1 ||
             (i + 2 < end && text[i + 1] == quote && text[i + 2] == quote))) {
          i += quoteLen - 1;
          quote = 0;
        }
        continue;
      }
      if (ch == '\\') {
        fail(i, "f-string expression part cannot include a backslash");
        return end;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        quoteLen =
            i + 2 < end && text[i + 1] == ch && text[i + 2] == ch ? 3 : 1;
        i += quoteLen - 1;
        continue;
      }
      if (ch == '#') {
        fail(i, "f-string expression part cannot include '#'");
        return end;
      }
      if (ch == '(' || ch == '[' || ch == '{') {
        nest.push_back(ch);
        continue;
      }
      if (ch == ')' || ch == ']' || (ch == '}' && !nest.empty())) {
        if (nest.empty()) {
          fail(i, std::string("unmatched '") + ch + "'");
          return end;
        }
        nest.pop_back();
        continue;
      }
      if (!nest.empty())
        continue;
      if (ch == '}' || ch == ':')
        break;
      if (ch == '!' && i + 1 < end && text[i + 1] != '=')
        break;
      if ((ch == '!' || ch == '<' || ch == '>' || ch == '=') && i + 1 < end &&
          text[i + 1] == '=') {
        ++i;
        continue;
      }
      if (ch == '=')
        break;
    }
    if (quote) {
      fail(i, "unterminated string");
      return end;
    }
    if (i >= end) {
      fail(exprStart, "expecting '}'");
      return end;
    }
    std::string_view exprText = text.substr(exprStart, i - exprStart);
    if (exprText.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
      fail(i, "empty expression not allowed");
      return end;
    }
    SourceLoc base = locAt(exprStart);
    Expr *value = parseField(exprText, base, depth + 1);
    if (!value) {
      ok = false;
      return end;
    }
    auto *fv = ctx.make<FormattedValue>(whole);
    fv->value = value;
    if (text[i] == '=') {
      // Debug form: the text (with its spacing) goes before the value.
      size_t j = i + 1;
      while (j < end && std::strchr(" \t\r\n\f", text[j]))
        ++j;
      lit += std::string(text.substr(exprStart, j - exprStart));
      i = j;
      if (i < end && text[i] != '!' && text[i] != ':' && text[i] != '}') {
        fail(i, "expecting '}'");
        return end;
      }
      if (i < end && text[i] != '!' && text[i] != ':')
        fv->conversion = 'r';
      else if (i < end && text[i] == ':')
        fv->conversion = -1;
      else
        fv->conversion = 'r';
    }
    if (i < end && text[i] == '!') {
      if (i + 1 >= end || !std::strchr("sra", text[i + 1]) ||
          text[i + 1] == 0) {
        fail(i, "invalid conversion character: expected 's', 'r', or 'a'");
        return end;
      }
      fv->conversion = text[i + 1];
      i += 2;
      if (i >= end || (text[i] != ':' && text[i] != '}')) {
        fail(i, "expecting '}'");
        return end;
      }
    }
    flushTo();
    if (i < end && text[i] == ':') {
      auto *spec = ctx.make<JoinedStr>(whole);
      std::string specLit;
      i = parse(i + 1, end, depth + 1, true, spec->values, specLit, whole);
      fv->format_spec = spec;
      if (!ok)
        return end;
    }
    if (i >= end || text[i] != '}') {
      fail(i, "expecting '}'");
      return end;
    }
    out.push_back(fv);
    return i + 1;
  }
};

} // namespace

Expr *buildStrings(ASTContext &ctx, const PosMap &pm,
                   const std::vector<StringPiece> &toks, SourceRange r,
                   std::vector<SyntaxErr> &errs, const FieldParser &field) {
  auto make = [&](auto *tag, SourceRange rr) {
    return ctx.make<std::remove_pointer_t<decltype(tag)>>(rr);
  };
  auto error = [&](SourceRange rr, std::string msg) {
    errs.push_back({rr, std::move(msg)});
  };
  bool anyF = false, anyBytes = false, allBytes = true;
  for (const StringPiece &t : toks) {
    StrTok s = splitString(t.text);
    anyF |= s.fstr;
    anyBytes |= s.bytes;
    allBytes &= s.bytes;
  }
  if (anyBytes && !allBytes) {
    error(r, "cannot mix bytes and nonbytes literals");
    return make((Constant *)nullptr, r);
  }
  if (!anyF) {
    auto *k = make((Constant *)nullptr, r);
    k->valueKind =
        allBytes ? Constant::ValueKind::Bytes : Constant::ValueKind::Str;
    bool first = true;
    for (const StringPiece &t : toks) {
      StrTok s = splitString(t.text);
      if (first)
        k->isUnicodeKindU = s.u;
      first = false;
      std::string err;
      if (!decodeEscapes(s.body, s.raw, s.bytes, k->str, err)) {
        error(t.range, err);
        break;
      }
    }
    return k;
  }
  auto *j = make((JoinedStr *)nullptr, r);
  std::string lit;
  for (const StringPiece &t : toks) {
    StrTok s = splitString(t.text);
    if (!s.fstr) {
      std::string err;
      if (!decodeEscapes(s.body, s.raw, false, lit, err))
        error(t.range, err);
      continue;
    }
    FStringParser fp{ctx, pm, errs, field, t.startCp, t.text, s.raw};
    // Literal text carries across tokens (adjacent pieces merge).
    fp.parse(s.bodyOffset, s.bodyOffset + s.body.size(), 0, false, j->values,
             lit, r);
    if (!fp.ok)
      break;
  }
  if (!lit.empty()) {
    auto *k = make((Constant *)nullptr, r);
    k->valueKind = Constant::ValueKind::Str;
    k->str = std::move(lit);
    j->values.push_back(k);
  }
  // Merge adjacent constants that arrived separately.
  ExprList merged;
  for (Expr *v : j->values) {
    auto *k = llvm::dyn_cast<Constant>(v);
    if (k && !merged.empty())
      if (auto *prev = llvm::dyn_cast<Constant>(merged.back())) {
        prev->str += k->str;
        continue;
      }
    merged.push_back(v);
  }
  j->values = std::move(merged);
  return j;
}

} // namespace aioc::frontend
