// ast.dump() in C++: same field order, same omission of None-valued optional
// fields, and Python's repr() for constants.
#include "ast/ASTDump.h"

#include <llvm/Support/Casting.h>
#include <llvm/Support/Unicode.h>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace aioc {

using llvm::cast;

namespace {

// Decodes one UTF-8 sequence leniently (surrogates are kept, as the front end
// stores "\ud800" escapes in their 3-byte form); returns bytes consumed.
size_t decodeUTF8(const std::string &s, size_t i, uint32_t &cp) {
  unsigned char c = s[i];
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > s.size() || (c >= 0x80 && c < 0xC0)) {
    cp = c;
    return 1;
  }
  if (n == 1)
    cp = c;
  else if (n == 2)
    cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
  else if (n == 3)
    cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
  else
    cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) |
         ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
  return n;
}

// Python's str.isprintable() for one non-ASCII code point. LLVM's table is
// close to Python's (both exclude controls, formats, separators, unassigned).
bool isPrintableCP(uint32_t cp) {
  if (cp >= 0xD800 && cp <= 0xDFFF)
    return false;
  if (cp == 0xA0 || cp == 0xAD || cp == 0x1680 ||
      (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
      (cp >= 0x205F && cp <= 0x2064) || cp == 0x3000 || cp == 0xFEFF)
    return false;
  return llvm::sys::unicode::isPrintable(static_cast<int>(cp));
}

void hex(std::string &out, const char *prefix, uint32_t v, int width) {
  char buf[16];
  snprintf(buf, sizeof buf, "%s%0*x", prefix, width, v);
  out += buf;
}

} // namespace

std::string reprStr(const std::string &s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char q = hasSingle && !hasDouble ? '"' : '\'';
  std::string out(1, q);
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    i += decodeUTF8(s, i, cp);
    if (cp == static_cast<uint32_t>(q) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      hex(out, "\\x", cp, 2);
    } else if (cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (isPrintableCP(cp)) {
      // Re-encode (the input may have been decoded leniently).
      char buf[4];
      size_t n;
      if (cp < 0x800) {
        buf[0] = static_cast<char>(0xC0 | (cp >> 6));
        buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 2;
      } else if (cp < 0x10000) {
        buf[0] = static_cast<char>(0xE0 | (cp >> 12));
        buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 3;
      } else {
        buf[0] = static_cast<char>(0xF0 | (cp >> 18));
        buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 4;
      }
      out.append(buf, n);
    } else if (cp <= 0xFF) {
      hex(out, "\\x", cp, 2);
    } else if (cp <= 0xFFFF) {
      hex(out, "\\u", cp, 4);
    } else {
      hex(out, "\\U", cp, 8);
    }
  }
  out += q;
  return out;
}

std::string reprBytes(const std::string &s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char q = hasSingle && !hasDouble ? '"' : '\'';
  std::string out = "b";
  out += q;
  for (unsigned char c : s) {
    if (c == q || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      hex(out, "\\x", c, 2);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += q;
  return out;
}

// repr(float): the shortest round-tripping digits, fixed notation for
// exponents in [-4, 16), scientific otherwise (Python's 'r' format).
std::string reprFloat(double v, bool addDotZero) {
  if (std::isnan(v))
    return "nan";
  if (std::isinf(v))
    return v < 0 ? "-inf" : "inf";
  char buf[64];
  auto res =
      std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  std::string sign;
  if (!sci.empty() && sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.')
      digits += c;
  std::string out;
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      out = "0." + std::string(-exp - 1, '0') + digits;
    } else if (static_cast<int>(digits.size()) <= exp + 1) {
      out = digits + std::string(exp + 1 - digits.size(), '0');
      if (addDotZero)
        out += ".0";
    } else {
      out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1)
      out += "." + digits.substr(1);
    char eb[16];
    snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+',
             exp < 0 ? -exp : exp);
    out += eb;
  }
  return sign + out;
}

namespace {

class Dumper {
public:
  std::string out;
  bool positions = false; // dumpASTWithPositions

  void pos(const char *k, SourceRange r) {
    key(k);
    out += std::to_string(r.begin.line) + ':' + std::to_string(r.begin.col) +
           '-' + std::to_string(r.end.line) + ':' + std::to_string(r.end.col);
  }
  // Every node's range, and the name/attribute ranges diagnostics use.
  void positionFields(const Node *n) {
    pos("pos", n->range);
    if (auto *f = llvm::dyn_cast<FunctionDef>(n))
      pos("name_pos", f->nameRange);
    else if (auto *c = llvm::dyn_cast<ClassDef>(n))
      pos("name_pos", c->nameRange);
    else if (auto *a = llvm::dyn_cast<Attribute>(n))
      pos("attr_pos", a->attrRange);
  }

  void node(const Node *n);
  void expr(const Expr *e) { node(e); }

  template <class T> void list(const std::vector<T *> &v) {
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i)
        out += ", ";
      if (v[i])
        node(v[i]);
      else
        out += "None";
    }
    out += ']';
  }
  void strList(const std::vector<std::string> &v) {
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i)
        out += ", ";
      out += reprStr(v[i]);
    }
    out += ']';
  }

  // Field helpers: `first` tracks the separator.
  bool first = true;
  void open(const char *name) {
    out += name;
    out += '(';
    first = true;
  }
  void close() {
    out += ')';
    first = false;
  }
  void key(const char *k) {
    if (!first)
      out += ", ";
    first = false;
    out += k;
    out += '=';
  }
  void field(const char *k, const Node *n) {
    key(k);
    node(n);
  }
  void optField(const char *k, const Node *n) {
    if (n)
      field(k, n);
  }
  template <class T> void listField(const char *k, const std::vector<T *> &v) {
    key(k);
    list(v);
  }
  void strField(const char *k, const std::string &s) {
    key(k);
    out += reprStr(s);
  }
  void rawField(const char *k, const std::string &s) {
    key(k);
    out += s;
  }
  void ctx(ExprContext c) {
    key("ctx");
    out += name(c);
    out += "()";
  }
  void constant(const Constant *c);
  void kModule(const Node *n);
  void kFunctionDef(const Node *n);
  void kClassDef(const Node *n);
  void kReturn(const Node *n);
  void kDelete(const Node *n);
  void kAssign(const Node *n);
  void kAugAssign(const Node *n);
  void kAnnAssign(const Node *n);
  void kFor(const Node *n);
  void kWhile(const Node *n);
  void kIf(const Node *n);
  void kWith(const Node *n);
  void kMatch(const Node *n);
  void kRaise(const Node *n);
  void kTry(const Node *n);
  void kAssert(const Node *n);
  void kImport(const Node *n);
  void kImportFrom(const Node *n);
  void kGlobal(const Node *n);
  void kNonlocal(const Node *n);
  void kExprStmt(const Node *n);
  void kPass(const Node *n);
  void kBreak(const Node *n);
  void kContinue(const Node *n);
  void kBoolOp(const Node *n);
  void kNamedExpr(const Node *n);
  void kBinOp(const Node *n);
  void kUnaryOp(const Node *n);
  void kLambda(const Node *n);
  void kIfExp(const Node *n);
  void kDict(const Node *n);
  void kSet(const Node *n);
  void kListComp(const Node *n);
  void kSetComp(const Node *n);
  void kDictComp(const Node *n);
  void kGeneratorExp(const Node *n);
  void kAwait(const Node *n);
  void kYield(const Node *n);
  void kYieldFrom(const Node *n);
  void kCompare(const Node *n);
  void kCall(const Node *n);
  void kFormattedValue(const Node *n);
  void kJoinedStr(const Node *n);
  void kConstant(const Node *n);
  void kAttribute(const Node *n);
  void kSubscript(const Node *n);
  void kStarred(const Node *n);
  void kName(const Node *n);
  void kList(const Node *n);
  void kTuple(const Node *n);
  void kSlice(const Node *n);
  void kMatchValue(const Node *n);
  void kMatchSingleton(const Node *n);
  void kMatchSequence(const Node *n);
  void kMatchMapping(const Node *n);
  void kMatchClass(const Node *n);
  void kMatchStar(const Node *n);
  void kMatchAs(const Node *n);
  void kMatchOr(const Node *n);
  void kComprehension(const Node *n);
  void kExceptHandler(const Node *n);
  void kArguments(const Node *n);
  void kArg(const Node *n);
  void kKeyword(const Node *n);
  void kAlias(const Node *n);
  void kWithItem(const Node *n);
  void kMatchCase(const Node *n);
};

void Dumper::constant(const Constant *c) {
  using VK = Constant::ValueKind;
  switch (c->valueKind) {
  case VK::None:
    out += "None";
    break;
  case VK::True:
    out += "True";
    break;
  case VK::False:
    out += "False";
    break;
  case VK::Ellipsis:
    out += "Ellipsis";
    break;
  case VK::Int:
    out += c->intDigits.empty() ? std::to_string(c->intValue) : c->intDigits;
    break;
  case VK::Float:
    out += reprFloat(c->floatValue, true);
    break;
  case VK::Complex:
    out += reprFloat(c->floatValue, false) + "j";
    break;
  case VK::Str:
    out += reprStr(c->str);
    break;
  case VK::Bytes:
    out += reprBytes(c->str);
    break;
  }
}

void Dumper::node(const Node *n) {
  using K = Node::Kind;
  // Nested calls reset `first`; save it so the parent's separators survive.
  bool savedFirst = first;
  // One small function per kind: a single big switch has a frame of
  // several KB at -O0 (more under ASan), too much for deep ASTs.
  switch (n->kind()) {
  case K::Module:
    kModule(n);
    break;
  case K::FunctionDef:
    kFunctionDef(n);
    break;
  case K::ClassDef:
    kClassDef(n);
    break;
  case K::Return:
    kReturn(n);
    break;
  case K::Delete:
    kDelete(n);
    break;
  case K::Assign:
    kAssign(n);
    break;
  case K::AugAssign:
    kAugAssign(n);
    break;
  case K::AnnAssign:
    kAnnAssign(n);
    break;
  case K::For:
    kFor(n);
    break;
  case K::While:
    kWhile(n);
    break;
  case K::If:
    kIf(n);
    break;
  case K::With:
    kWith(n);
    break;
  case K::Match:
    kMatch(n);
    break;
  case K::Raise:
    kRaise(n);
    break;
  case K::Try:
    kTry(n);
    break;
  case K::Assert:
    kAssert(n);
    break;
  case K::Import:
    kImport(n);
    break;
  case K::ImportFrom:
    kImportFrom(n);
    break;
  case K::Global:
    kGlobal(n);
    break;
  case K::Nonlocal:
    kNonlocal(n);
    break;
  case K::ExprStmt:
    kExprStmt(n);
    break;
  case K::Pass:
    kPass(n);
    break;
  case K::Break:
    kBreak(n);
    break;
  case K::Continue:
    kContinue(n);
    break;
  case K::BoolOp:
    kBoolOp(n);
    break;
  case K::NamedExpr:
    kNamedExpr(n);
    break;
  case K::BinOp:
    kBinOp(n);
    break;
  case K::UnaryOp:
    kUnaryOp(n);
    break;
  case K::Lambda:
    kLambda(n);
    break;
  case K::IfExp:
    kIfExp(n);
    break;
  case K::Dict:
    kDict(n);
    break;
  case K::Set:
    kSet(n);
    break;
  case K::ListComp:
    kListComp(n);
    break;
  case K::SetComp:
    kSetComp(n);
    break;
  case K::DictComp:
    kDictComp(n);
    break;
  case K::GeneratorExp:
    kGeneratorExp(n);
    break;
  case K::Await:
    kAwait(n);
    break;
  case K::Yield:
    kYield(n);
    break;
  case K::YieldFrom:
    kYieldFrom(n);
    break;
  case K::Compare:
    kCompare(n);
    break;
  case K::Call:
    kCall(n);
    break;
  case K::FormattedValue:
    kFormattedValue(n);
    break;
  case K::JoinedStr:
    kJoinedStr(n);
    break;
  case K::Constant:
    kConstant(n);
    break;
  case K::Attribute:
    kAttribute(n);
    break;
  case K::Subscript:
    kSubscript(n);
    break;
  case K::Starred:
    kStarred(n);
    break;
  case K::Name:
    kName(n);
    break;
  case K::List:
    kList(n);
    break;
  case K::Tuple:
    kTuple(n);
    break;
  case K::Slice:
    kSlice(n);
    break;
  case K::MatchValue:
    kMatchValue(n);
    break;
  case K::MatchSingleton:
    kMatchSingleton(n);
    break;
  case K::MatchSequence:
    kMatchSequence(n);
    break;
  case K::MatchMapping:
    kMatchMapping(n);
    break;
  case K::MatchClass:
    kMatchClass(n);
    break;
  case K::MatchStar:
    kMatchStar(n);
    break;
  case K::MatchAs:
    kMatchAs(n);
    break;
  case K::MatchOr:
    kMatchOr(n);
    break;
  case K::Comprehension:
    kComprehension(n);
    break;
  case K::ExceptHandler:
    kExceptHandler(n);
    break;
  case K::Arguments:
    kArguments(n);
    break;
  case K::Arg:
    kArg(n);
    break;
  case K::Keyword:
    kKeyword(n);
    break;
  case K::Alias:
    kAlias(n);
    break;
  case K::WithItem:
    kWithItem(n);
    break;
  case K::MatchCase:
    kMatchCase(n);
    break;
  }
  if (positions)
    positionFields(n);
  close();
  first = savedFirst;
  (void)first;
}

void Dumper::kModule(const Node *n) {
  auto *m = cast<Module>(n);
  open("Module");
  listField("body", m->body);
  rawField("type_ignores", "[]");
}

void Dumper::kFunctionDef(const Node *n) {
  auto *f = cast<FunctionDef>(n);
  open(f->isAsync ? "AsyncFunctionDef" : "FunctionDef");
  strField("name", f->name);
  field("args", f->args);
  listField("body", f->body);
  listField("decorator_list", f->decorator_list);
  optField("returns", f->returns);
}

void Dumper::kClassDef(const Node *n) {
  auto *c = cast<ClassDef>(n);
  open("ClassDef");
  strField("name", c->name);
  listField("bases", c->bases);
  listField("keywords", c->keywords);
  listField("body", c->body);
  listField("decorator_list", c->decorator_list);
}

void Dumper::kReturn(const Node *n) {
  open("Return");
  optField("value", cast<Return>(n)->value);
}

void Dumper::kDelete(const Node *n) {
  open("Delete");
  listField("targets", cast<Delete>(n)->targets);
}

void Dumper::kAssign(const Node *n) {
  auto *a = cast<Assign>(n);
  open("Assign");
  listField("targets", a->targets);
  field("value", a->value);
}

void Dumper::kAugAssign(const Node *n) {
  auto *a = cast<AugAssign>(n);
  open("AugAssign");
  field("target", a->target);
  rawField("op", std::string(name(a->op)) + "()");
  field("value", a->value);
}

void Dumper::kAnnAssign(const Node *n) {
  auto *a = cast<AnnAssign>(n);
  open("AnnAssign");
  field("target", a->target);
  field("annotation", a->annotation);
  optField("value", a->value);
  rawField("simple", a->simple ? "1" : "0");
}

void Dumper::kFor(const Node *n) {
  auto *f = cast<For>(n);
  open(f->isAsync ? "AsyncFor" : "For");
  field("target", f->target);
  field("iter", f->iter);
  listField("body", f->body);
  listField("orelse", f->orelse);
}

void Dumper::kWhile(const Node *n) {
  auto *w = cast<While>(n);
  open("While");
  field("test", w->test);
  listField("body", w->body);
  listField("orelse", w->orelse);
}

void Dumper::kIf(const Node *n) {
  auto *i = cast<If>(n);
  open("If");
  field("test", i->test);
  listField("body", i->body);
  listField("orelse", i->orelse);
}

void Dumper::kWith(const Node *n) {
  auto *w = cast<With>(n);
  open(w->isAsync ? "AsyncWith" : "With");
  listField("items", w->items);
  listField("body", w->body);
}

void Dumper::kMatch(const Node *n) {
  auto *m = cast<Match>(n);
  open("Match");
  field("subject", m->subject);
  listField("cases", m->cases);
}

void Dumper::kRaise(const Node *n) {
  auto *r = cast<Raise>(n);
  open("Raise");
  optField("exc", r->exc);
  optField("cause", r->cause);
}

void Dumper::kTry(const Node *n) {
  auto *t = cast<Try>(n);
  open(t->isStar ? "TryStar" : "Try");
  listField("body", t->body);
  listField("handlers", t->handlers);
  listField("orelse", t->orelse);
  listField("finalbody", t->finalbody);
}

void Dumper::kAssert(const Node *n) {
  auto *a = cast<Assert>(n);
  open("Assert");
  field("test", a->test);
  optField("msg", a->msg);
}

void Dumper::kImport(const Node *n) {
  open("Import");
  listField("names", cast<Import>(n)->names);
}

void Dumper::kImportFrom(const Node *n) {
  auto *i = cast<ImportFrom>(n);
  open("ImportFrom");
  if (!i->module.empty())
    strField("module", i->module);
  listField("names", i->names);
  rawField("level", std::to_string(i->level));
}

void Dumper::kGlobal(const Node *n) {
  open("Global");
  key("names");
  strList(cast<Global>(n)->names);
}

void Dumper::kNonlocal(const Node *n) {
  open("Nonlocal");
  key("names");
  strList(cast<Nonlocal>(n)->names);
}

void Dumper::kExprStmt(const Node *n) {
  open("Expr");
  field("value", cast<ExprStmt>(n)->value);
}

void Dumper::kPass(const Node *n) { open("Pass"); }

void Dumper::kBreak(const Node *n) { open("Break"); }

void Dumper::kContinue(const Node *n) { open("Continue"); }

void Dumper::kBoolOp(const Node *n) {
  auto *b = cast<BoolOp>(n);
  open("BoolOp");
  rawField("op", std::string(name(b->op)) + "()");
  listField("values", b->values);
}

void Dumper::kNamedExpr(const Node *n) {
  auto *e = cast<NamedExpr>(n);
  open("NamedExpr");
  field("target", e->target);
  field("value", e->value);
}

void Dumper::kBinOp(const Node *n) {
  auto *b = cast<BinOp>(n);
  open("BinOp");
  field("left", b->left);
  rawField("op", std::string(name(b->op)) + "()");
  field("right", b->right);
}

void Dumper::kUnaryOp(const Node *n) {
  auto *u = cast<UnaryOp>(n);
  open("UnaryOp");
  rawField("op", std::string(name(u->op)) + "()");
  field("operand", u->operand);
}

void Dumper::kLambda(const Node *n) {
  auto *l = cast<Lambda>(n);
  open("Lambda");
  field("args", l->args);
  field("body", l->body);
}

void Dumper::kIfExp(const Node *n) {
  auto *i = cast<IfExp>(n);
  open("IfExp");
  field("test", i->test);
  field("body", i->body);
  field("orelse", i->orelse);
}

void Dumper::kDict(const Node *n) {
  auto *d = cast<Dict>(n);
  open("Dict");
  listField("keys", d->keys);
  listField("values", d->values);
}

void Dumper::kSet(const Node *n) {
  open("Set");
  listField("elts", cast<Set>(n)->elts);
}

void Dumper::kListComp(const Node *n) {
  auto *c = cast<ListComp>(n);
  open("ListComp");
  field("elt", c->elt);
  listField("generators", c->generators);
}

void Dumper::kSetComp(const Node *n) {
  auto *c = cast<SetComp>(n);
  open("SetComp");
  field("elt", c->elt);
  listField("generators", c->generators);
}

void Dumper::kDictComp(const Node *n) {
  auto *c = cast<DictComp>(n);
  open("DictComp");
  field("key", c->key);
  field("value", c->value);
  listField("generators", c->generators);
}

void Dumper::kGeneratorExp(const Node *n) {
  auto *c = cast<GeneratorExp>(n);
  open("GeneratorExp");
  field("elt", c->elt);
  listField("generators", c->generators);
}

void Dumper::kAwait(const Node *n) {
  open("Await");
  field("value", cast<Await>(n)->value);
}

void Dumper::kYield(const Node *n) {
  open("Yield");
  optField("value", cast<Yield>(n)->value);
}

void Dumper::kYieldFrom(const Node *n) {
  open("YieldFrom");
  field("value", cast<YieldFrom>(n)->value);
}

void Dumper::kCompare(const Node *n) {
  auto *c = cast<Compare>(n);
  open("Compare");
  field("left", c->left);
  key("ops");
  out += '[';
  for (size_t i = 0; i < c->ops.size(); ++i) {
    if (i)
      out += ", ";
    out += name(c->ops[i]);
    out += "()";
  }
  out += ']';
  listField("comparators", c->comparators);
}

void Dumper::kCall(const Node *n) {
  auto *c = cast<Call>(n);
  open("Call");
  field("func", c->func);
  listField("args", c->args);
  listField("keywords", c->keywords);
}

void Dumper::kFormattedValue(const Node *n) {
  auto *f = cast<FormattedValue>(n);
  open("FormattedValue");
  field("value", f->value);
  rawField("conversion", std::to_string(f->conversion));
  optField("format_spec", f->format_spec);
}

void Dumper::kJoinedStr(const Node *n) {
  open("JoinedStr");
  listField("values", cast<JoinedStr>(n)->values);
}

void Dumper::kConstant(const Node *n) {
  auto *c = cast<Constant>(n);
  open("Constant");
  key("value");
  constant(c);
  if (c->isUnicodeKindU)
    rawField("kind", "'u'");
}

void Dumper::kAttribute(const Node *n) {
  auto *a = cast<Attribute>(n);
  open("Attribute");
  field("value", a->value);
  strField("attr", a->attr);
  ctx(a->ctx);
}

void Dumper::kSubscript(const Node *n) {
  auto *s = cast<Subscript>(n);
  open("Subscript");
  field("value", s->value);
  field("slice", s->slice);
  ctx(s->ctx);
}

void Dumper::kStarred(const Node *n) {
  auto *s = cast<Starred>(n);
  open("Starred");
  field("value", s->value);
  ctx(s->ctx);
}

void Dumper::kName(const Node *n) {
  auto *nm = cast<Name>(n);
  open("Name");
  strField("id", nm->id);
  ctx(nm->ctx);
}

void Dumper::kList(const Node *n) {
  auto *l = cast<List>(n);
  open("List");
  listField("elts", l->elts);
  ctx(l->ctx);
}

void Dumper::kTuple(const Node *n) {
  auto *t = cast<Tuple>(n);
  open("Tuple");
  listField("elts", t->elts);
  ctx(t->ctx);
}

void Dumper::kSlice(const Node *n) {
  auto *s = cast<Slice>(n);
  open("Slice");
  optField("lower", s->lower);
  optField("upper", s->upper);
  optField("step", s->step);
}

void Dumper::kMatchValue(const Node *n) {
  open("MatchValue");
  field("value", cast<MatchValue>(n)->value);
}

void Dumper::kMatchSingleton(const Node *n) {
  auto v = cast<MatchSingleton>(n)->value;
  open("MatchSingleton");
  rawField("value", v == Constant::ValueKind::True    ? "True"
                    : v == Constant::ValueKind::False ? "False"
                                                      : "None");
}

void Dumper::kMatchSequence(const Node *n) {
  open("MatchSequence");
  listField("patterns", cast<MatchSequence>(n)->patterns);
}

void Dumper::kMatchMapping(const Node *n) {
  auto *m = cast<MatchMapping>(n);
  open("MatchMapping");
  listField("keys", m->keys);
  listField("patterns", m->patterns);
  if (!m->rest.empty())
    strField("rest", m->rest);
}

void Dumper::kMatchClass(const Node *n) {
  auto *m = cast<MatchClass>(n);
  open("MatchClass");
  field("cls", m->cls);
  listField("patterns", m->patterns);
  key("kwd_attrs");
  strList(m->kwd_attrs);
  listField("kwd_patterns", m->kwd_patterns);
}

void Dumper::kMatchStar(const Node *n) {
  auto *m = cast<MatchStar>(n);
  open("MatchStar");
  if (!m->name.empty())
    strField("name", m->name);
}

void Dumper::kMatchAs(const Node *n) {
  auto *m = cast<MatchAs>(n);
  open("MatchAs");
  optField("pattern", m->pattern);
  if (!m->name.empty())
    strField("name", m->name);
}

void Dumper::kMatchOr(const Node *n) {
  open("MatchOr");
  listField("patterns", cast<MatchOr>(n)->patterns);
}

void Dumper::kComprehension(const Node *n) {
  auto *c = cast<Comprehension>(n);
  open("comprehension");
  field("target", c->target);
  field("iter", c->iter);
  listField("ifs", c->ifs);
  rawField("is_async", c->is_async ? "1" : "0");
}

void Dumper::kExceptHandler(const Node *n) {
  auto *h = cast<ExceptHandler>(n);
  open("ExceptHandler");
  optField("type", h->type);
  if (!h->name.empty())
    strField("name", h->name);
  listField("body", h->body);
}

void Dumper::kArguments(const Node *n) {
  auto *a = cast<Arguments>(n);
  open("arguments");
  listField("posonlyargs", a->posonlyargs);
  listField("args", a->args);
  optField("vararg", a->vararg);
  listField("kwonlyargs", a->kwonlyargs);
  listField("kw_defaults", a->kw_defaults);
  optField("kwarg", a->kwarg);
  listField("defaults", a->defaults);
}

void Dumper::kArg(const Node *n) {
  auto *a = cast<Arg>(n);
  open("arg");
  strField("arg", a->arg);
  optField("annotation", a->annotation);
}

void Dumper::kKeyword(const Node *n) {
  auto *k = cast<Keyword>(n);
  open("keyword");
  if (k->hasArg)
    strField("arg", k->arg);
  field("value", k->value);
}

void Dumper::kAlias(const Node *n) {
  auto *a = cast<Alias>(n);
  open("alias");
  strField("name", a->name);
  if (!a->asname.empty())
    strField("asname", a->asname);
}

void Dumper::kWithItem(const Node *n) {
  auto *w = cast<WithItem>(n);
  open("withitem");
  field("context_expr", w->context_expr);
  optField("optional_vars", w->optional_vars);
}

void Dumper::kMatchCase(const Node *n) {
  auto *m = cast<MatchCase>(n);
  open("match_case");
  field("pattern", m->pattern);
  optField("guard", m->guard);
  listField("body", m->body);
}

} // namespace

std::string dumpAST(const Node *node) {
  if (!node)
    return "None";
  Dumper d;
  d.node(node);
  return d.out;
}

std::string dumpASTWithPositions(const Node *node) {
  if (!node)
    return "None";
  Dumper d;
  d.positions = true;
  d.node(node);
  return d.out;
}

} // namespace aioc
