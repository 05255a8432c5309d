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
  switch (n->kind()) {
  case K::Module: {
    auto *m = cast<Module>(n);
    open("Module");
    listField("body", m->body);
    rawField("type_ignores", "[]");
    break;
  }
  case K::FunctionDef: {
    auto *f = cast<FunctionDef>(n);
    open(f->isAsync ? "AsyncFunctionDef" : "FunctionDef");
    strField("name", f->name);
    field("args", f->args);
    listField("body", f->body);
    listField("decorator_list", f->decorator_list);
    optField("returns", f->returns);
    break;
  }
  case K::ClassDef: {
    auto *c = cast<ClassDef>(n);
    open("ClassDef");
    strField("name", c->name);
    listField("bases", c->bases);
    listField("keywords", c->keywords);
    listField("body", c->body);
    listField("decorator_list", c->decorator_list);
    break;
  }
  case K::Return:
    open("Return");
    optField("value", cast<Return>(n)->value);
    break;
  case K::Delete:
    open("Delete");
    listField("targets", cast<Delete>(n)->targets);
    break;
  case K::Assign: {
    auto *a = cast<Assign>(n);
    open("Assign");
    listField("targets", a->targets);
    field("value", a->value);
    break;
  }
  case K::AugAssign: {
    auto *a = cast<AugAssign>(n);
    open("AugAssign");
    field("target", a->target);
    rawField("op", std::string(name(a->op)) + "()");
    field("value", a->value);
    break;
  }
  case K::AnnAssign: {
    auto *a = cast<AnnAssign>(n);
    open("AnnAssign");
    field("target", a->target);
    field("annotation", a->annotation);
    optField("value", a->value);
    rawField("simple", a->simple ? "1" : "0");
    break;
  }
  case K::For: {
    auto *f = cast<For>(n);
    open(f->isAsync ? "AsyncFor" : "For");
    field("target", f->target);
    field("iter", f->iter);
    listField("body", f->body);
    listField("orelse", f->orelse);
    break;
  }
  case K::While: {
    auto *w = cast<While>(n);
    open("While");
    field("test", w->test);
    listField("body", w->body);
    listField("orelse", w->orelse);
    break;
  }
  case K::If: {
    auto *i = cast<If>(n);
    open("If");
    field("test", i->test);
    listField("body", i->body);
    listField("orelse", i->orelse);
    break;
  }
  case K::With: {
    auto *w = cast<With>(n);
    open(w->isAsync ? "AsyncWith" : "With");
    listField("items", w->items);
    listField("body", w->body);
    break;
  }
  case K::Match: {
    auto *m = cast<Match>(n);
    open("Match");
    field("subject", m->subject);
    listField("cases", m->cases);
    break;
  }
  case K::Raise: {
    auto *r = cast<Raise>(n);
    open("Raise");
    optField("exc", r->exc);
    optField("cause", r->cause);
    break;
  }
  case K::Try: {
    auto *t = cast<Try>(n);
    open(t->isStar ? "TryStar" : "Try");
    listField("body", t->body);
    listField("handlers", t->handlers);
    listField("orelse", t->orelse);
    listField("finalbody", t->finalbody);
    break;
  }
  case K::Assert: {
    auto *a = cast<Assert>(n);
    open("Assert");
    field("test", a->test);
    optField("msg", a->msg);
    break;
  }
  case K::Import:
    open("Import");
    listField("names", cast<Import>(n)->names);
    break;
  case K::ImportFrom: {
    auto *i = cast<ImportFrom>(n);
    open("ImportFrom");
    if (!i->module.empty())
      strField("module", i->module);
    listField("names", i->names);
    rawField("level", std::to_string(i->level));
    break;
  }
  case K::Global:
    open("Global");
    key("names");
    strList(cast<Global>(n)->names);
    break;
  case K::Nonlocal:
    open("Nonlocal");
    key("names");
    strList(cast<Nonlocal>(n)->names);
    break;
  case K::ExprStmt:
    open("Expr");
    field("value", cast<ExprStmt>(n)->value);
    break;
  case K::Pass:
    open("Pass");
    break;
  case K::Break:
    open("Break");
    break;
  case K::Continue:
    open("Continue");
    break;
  case K::BoolOp: {
    auto *b = cast<BoolOp>(n);
    open("BoolOp");
    rawField("op", std::string(name(b->op)) + "()");
    listField("values", b->values);
    break;
  }
  case K::NamedExpr: {
    auto *e = cast<NamedExpr>(n);
    open("NamedExpr");
    field("target", e->target);
    field("value", e->value);
    break;
  }
  case K::BinOp: {
    auto *b = cast<BinOp>(n);
    open("BinOp");
    field("left", b->left);
    rawField("op", std::string(name(b->op)) + "()");
    field("right", b->right);
    break;
  }
  case K::UnaryOp: {
    auto *u = cast<UnaryOp>(n);
    open("UnaryOp");
    rawField("op", std::string(name(u->op)) + "()");
    field("operand", u->operand);
    break;
  }
  case K::Lambda: {
    auto *l = cast<Lambda>(n);
    open("Lambda");
    field("args", l->args);
    field("body", l->body);
    break;
  }
  case K::IfExp: {
    auto *i = cast<IfExp>(n);
    open("IfExp");
    field("test", i->test);
    field("body", i->body);
    field("orelse", i->orelse);
    break;
  }
  case K::Dict: {
    auto *d = cast<Dict>(n);
    open("Dict");
    listField("keys", d->keys);
    listField("values", d->values);
    break;
  }
  case K::Set:
    open("Set");
    listField("elts", cast<Set>(n)->elts);
    break;
  case K::ListComp: {
    auto *c = cast<ListComp>(n);
    open("ListComp");
    field("elt", c->elt);
    listField("generators", c->generators);
    break;
  }
  case K::SetComp: {
    auto *c = cast<SetComp>(n);
    open("SetComp");
    field("elt", c->elt);
    listField("generators", c->generators);
    break;
  }
  case K::DictComp: {
    auto *c = cast<DictComp>(n);
    open("DictComp");
    field("key", c->key);
    field("value", c->value);
    listField("generators", c->generators);
    break;
  }
  case K::GeneratorExp: {
    auto *c = cast<GeneratorExp>(n);
    open("GeneratorExp");
    field("elt", c->elt);
    listField("generators", c->generators);
    break;
  }
  case K::Await:
    open("Await");
    field("value", cast<Await>(n)->value);
    break;
  case K::Yield:
    open("Yield");
    optField("value", cast<Yield>(n)->value);
    break;
  case K::YieldFrom:
    open("YieldFrom");
    field("value", cast<YieldFrom>(n)->value);
    break;
  case K::Compare: {
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
    break;
  }
  case K::Call: {
    auto *c = cast<Call>(n);
    open("Call");
    field("func", c->func);
    listField("args", c->args);
    listField("keywords", c->keywords);
    break;
  }
  case K::FormattedValue: {
    auto *f = cast<FormattedValue>(n);
    open("FormattedValue");
    field("value", f->value);
    rawField("conversion", std::to_string(f->conversion));
    optField("format_spec", f->format_spec);
    break;
  }
  case K::JoinedStr:
    open("JoinedStr");
    listField("values", cast<JoinedStr>(n)->values);
    break;
  case K::Constant: {
    auto *c = cast<Constant>(n);
    open("Constant");
    key("value");
    constant(c);
    if (c->isUnicodeKindU)
      rawField("kind", "'u'");
    break;
  }
  case K::Attribute: {
    auto *a = cast<Attribute>(n);
    open("Attribute");
    field("value", a->value);
    strField("attr", a->attr);
    ctx(a->ctx);
    break;
  }
  case K::Subscript: {
    auto *s = cast<Subscript>(n);
    open("Subscript");
    field("value", s->value);
    field("slice", s->slice);
    ctx(s->ctx);
    break;
  }
  case K::Starred: {
    auto *s = cast<Starred>(n);
    open("Starred");
    field("value", s->value);
    ctx(s->ctx);
    break;
  }
  case K::Name: {
    auto *nm = cast<Name>(n);
    open("Name");
    strField("id", nm->id);
    ctx(nm->ctx);
    break;
  }
  case K::List: {
    auto *l = cast<List>(n);
    open("List");
    listField("elts", l->elts);
    ctx(l->ctx);
    break;
  }
  case K::Tuple: {
    auto *t = cast<Tuple>(n);
    open("Tuple");
    listField("elts", t->elts);
    ctx(t->ctx);
    break;
  }
  case K::Slice: {
    auto *s = cast<Slice>(n);
    open("Slice");
    optField("lower", s->lower);
    optField("upper", s->upper);
    optField("step", s->step);
    break;
  }
  case K::MatchValue:
    open("MatchValue");
    field("value", cast<MatchValue>(n)->value);
    break;
  case K::MatchSingleton: {
    auto v = cast<MatchSingleton>(n)->value;
    open("MatchSingleton");
    rawField("value", v == Constant::ValueKind::True    ? "True"
                      : v == Constant::ValueKind::False ? "False"
                                                        : "None");
    break;
  }
  case K::MatchSequence:
    open("MatchSequence");
    listField("patterns", cast<MatchSequence>(n)->patterns);
    break;
  case K::MatchMapping: {
    auto *m = cast<MatchMapping>(n);
    open("MatchMapping");
    listField("keys", m->keys);
    listField("patterns", m->patterns);
    if (!m->rest.empty())
      strField("rest", m->rest);
    break;
  }
  case K::MatchClass: {
    auto *m = cast<MatchClass>(n);
    open("MatchClass");
    field("cls", m->cls);
    listField("patterns", m->patterns);
    key("kwd_attrs");
    strList(m->kwd_attrs);
    listField("kwd_patterns", m->kwd_patterns);
    break;
  }
  case K::MatchStar: {
    auto *m = cast<MatchStar>(n);
    open("MatchStar");
    if (!m->name.empty())
      strField("name", m->name);
    break;
  }
  case K::MatchAs: {
    auto *m = cast<MatchAs>(n);
    open("MatchAs");
    optField("pattern", m->pattern);
    if (!m->name.empty())
      strField("name", m->name);
    break;
  }
  case K::MatchOr:
    open("MatchOr");
    listField("patterns", cast<MatchOr>(n)->patterns);
    break;
  case K::Comprehension: {
    auto *c = cast<Comprehension>(n);
    open("comprehension");
    field("target", c->target);
    field("iter", c->iter);
    listField("ifs", c->ifs);
    rawField("is_async", c->is_async ? "1" : "0");
    break;
  }
  case K::ExceptHandler: {
    auto *h = cast<ExceptHandler>(n);
    open("ExceptHandler");
    optField("type", h->type);
    if (!h->name.empty())
      strField("name", h->name);
    listField("body", h->body);
    break;
  }
  case K::Arguments: {
    auto *a = cast<Arguments>(n);
    open("arguments");
    listField("posonlyargs", a->posonlyargs);
    listField("args", a->args);
    optField("vararg", a->vararg);
    listField("kwonlyargs", a->kwonlyargs);
    listField("kw_defaults", a->kw_defaults);
    optField("kwarg", a->kwarg);
    listField("defaults", a->defaults);
    break;
  }
  case K::Arg: {
    auto *a = cast<Arg>(n);
    open("arg");
    strField("arg", a->arg);
    optField("annotation", a->annotation);
    break;
  }
  case K::Keyword: {
    auto *k = cast<Keyword>(n);
    open("keyword");
    if (k->hasArg)
      strField("arg", k->arg);
    field("value", k->value);
    break;
  }
  case K::Alias: {
    auto *a = cast<Alias>(n);
    open("alias");
    strField("name", a->name);
    if (!a->asname.empty())
      strField("asname", a->asname);
    break;
  }
  case K::WithItem: {
    auto *w = cast<WithItem>(n);
    open("withitem");
    field("context_expr", w->context_expr);
    optField("optional_vars", w->optional_vars);
    break;
  }
  case K::MatchCase: {
    auto *m = cast<MatchCase>(n);
    open("match_case");
    field("pattern", m->pattern);
    optField("guard", m->guard);
    listField("body", m->body);
    break;
  }
  }
  close();
  first = savedFirst;
  (void)first;
}

} // namespace

std::string dumpAST(const Node *node) {
  if (!node)
    return "None";
  Dumper d;
  d.node(node);
  return d.out;
}

} // namespace aioc
