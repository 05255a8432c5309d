// Typed AST -> C++20. The rules that keep the output correct on both clang
// and g++ (TOOLCHAIN.md): every `await` becomes its own statement
// (`auto t3 = co_await ...;`), no co_await inside a catch handler (handlers
// only capture std::exception_ptr; the Python handler body runs after), and
// no capturing lambda is ever a coroutine. Names are prefixed (v_ locals,
// g_ globals, fn_ functions, cls_ classes, f_ fields, m_ methods) so no
// Python identifier can collide with C++ keywords or runtime names.
#include "codegen/Codegen.h"
#include "codegen/CodegenIO.h"

#include <llvm/Support/Casting.h>

#include <functional>
#include <map>
#include <set>
#include <sstream>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace aioc::codegen {

using sema::ClassInfo;
using sema::FuncInfo;
using sema::Symbol;
using sema::Type;
using TK = sema::TypeKind;

std::string cppStringLiteral(const std::string &bytes) {
  // Octal escapes for everything outside printable ASCII: they stop after
  // three digits, unlike \x, so a following digit cannot join them. `?` is
  // escaped against trigraphs; `*/` is harmless inside a literal.
  std::string s = "\"";
  for (unsigned char c : bytes) {
    if (c == '"' || c == '\\' || c == '?') {
      s += '\\';
      s += char(c);
    } else if (c >= 0x20 && c < 0x7f) {
      s += char(c);
    } else {
      char buf[8];
      snprintf(buf, sizeof buf, "\\%03o", c);
      s += buf;
    }
  }
  s += "\"";
  return s;
}

namespace {

bool containsAwait(const Node *n);

bool anyAwait(const ExprList &l) {
  for (auto *e : l)
    if (e && containsAwait(e))
      return true;
  return false;
}

bool containsAwait(const Node *n) {
  if (!n)
    return false;
  switch (n->kind()) {
  case Node::Kind::Await:
    return true;
  case Node::Kind::Lambda:
  case Node::Kind::ListComp:
  case Node::Kind::SetComp:
  case Node::Kind::DictComp:
  case Node::Kind::GeneratorExp:
    return false; // their own scope; sema rejects await there
  case Node::Kind::BoolOp:
    return anyAwait(cast<BoolOp>(n)->values);
  case Node::Kind::BinOp:
    return containsAwait(cast<BinOp>(n)->left) ||
           containsAwait(cast<BinOp>(n)->right);
  case Node::Kind::UnaryOp:
    return containsAwait(cast<UnaryOp>(n)->operand);
  case Node::Kind::IfExp: {
    auto *i = cast<IfExp>(n);
    return containsAwait(i->test) || containsAwait(i->body) ||
           containsAwait(i->orelse);
  }
  case Node::Kind::Dict:
    return anyAwait(cast<Dict>(n)->keys) || anyAwait(cast<Dict>(n)->values);
  case Node::Kind::Set:
    return anyAwait(cast<Set>(n)->elts);
  case Node::Kind::List:
    return anyAwait(cast<List>(n)->elts);
  case Node::Kind::Tuple:
    return anyAwait(cast<Tuple>(n)->elts);
  case Node::Kind::Compare:
    return containsAwait(cast<Compare>(n)->left) ||
           anyAwait(cast<Compare>(n)->comparators);
  case Node::Kind::Call: {
    auto *c = cast<Call>(n);
    if (containsAwait(c->func) || anyAwait(c->args))
      return true;
    for (auto *k : c->keywords)
      if (containsAwait(k->value))
        return true;
    return false;
  }
  case Node::Kind::FormattedValue:
    return containsAwait(cast<FormattedValue>(n)->value) ||
           containsAwait(cast<FormattedValue>(n)->format_spec);
  case Node::Kind::JoinedStr:
    return anyAwait(cast<JoinedStr>(n)->values);
  case Node::Kind::Attribute:
    return containsAwait(cast<Attribute>(n)->value);
  case Node::Kind::Subscript:
    return containsAwait(cast<Subscript>(n)->value) ||
           containsAwait(cast<Subscript>(n)->slice);
  case Node::Kind::Starred:
    return containsAwait(cast<Starred>(n)->value);
  case Node::Kind::Slice: {
    auto *s = cast<Slice>(n);
    return containsAwait(s->lower) || containsAwait(s->upper) ||
           containsAwait(s->step);
  }
  default:
    return false;
  }
}

// Builtin exception classes that take their message as repr(arg).
bool reprMessage(const ClassInfo *c) {
  for (; c; c = c->base)
    if (c->isBuiltin)
      return c->name == "KeyError";
  return false;
}

class Gen {
public:
  Gen(Module *m, const sema::SemaResult &s, sema::TypeContext &t,
      const Options &o)
      : mod_(m), S(s), T(t), O(o),
        io_({t, [this](Expr *e) { return expr(e); },
             [this](Expr *e, const Type *x) { return exprAs(e, x); },
             [this](const Type *x) { return cppType(x); }}) {}
  std::string run();

private:
  Module *mod_;
  const sema::SemaResult &S;
  sema::TypeContext &T;
  Options O;
  IOGen io_; // httpx, aiofiles, subprocesses, streams (CodegenIO.cpp)

  // Output pieces, assembled in run().
  std::string literals_, protos_, bodies_;
  std::map<std::string, std::string> strLits_;
  std::map<std::string, std::string> strLitOrder_;
  int tmp_ = 0;

  // Current function state.
  std::string *buf_ = nullptr;
  int ind_ = 0;
  std::vector<std::string> *pre_ = nullptr;
  FuncInfo *fn_ = nullptr;
  bool inCoro_ = false;
  bool inLambdaBody_ = false;
  struct Cleanup {
    int id;
  };
  std::vector<Cleanup> cleanups_;
  struct Loop {
    size_t cleanupDepth;
  };
  std::vector<Loop> loops_;
  struct Handler {
    std::string ep;
  };
  std::vector<Handler> handlers_;
  std::string retVar_; // "_rv" when a return crosses a finally

  std::string fresh(const char *p = "_t") { return p + std::to_string(++tmp_); }
  void line(const std::string &s) {
    buf_->append(ind_ * 2, ' ');
    *buf_ += s;
    *buf_ += '\n';
  }
  void lineDirective(const Node *n) {
    if (O.lineDirectives && n->range.begin.line)
      *buf_ += "#line " + std::to_string(n->range.begin.line) + " " +
               cppStringLiteral(O.scriptPath) + "\n";
  }
  void flushPre(std::vector<std::string> &p) {
    for (auto &s : p)
      line(s);
    p.clear();
  }

  // ------------------------------------------------------------ types
  std::string cppType(const Type *t);
  std::string retType(const Type *t) {
    return t->is(TK::None) ? "void" : cppType(t);
  }
  std::string funcRetType(const FuncInfo *f) {
    if (f->genType)
      return cppType(f->genType);
    std::string r = retType(f->ret);
    return f->isAsync ? "aioc::Coro<" + r + ">" : r;
  }
  std::string excCpp(const ClassInfo *c) { return c->cppName; }

  // ------------------------------------------------------------ exprs
  std::string strLit(const std::string &s);
  std::string expr(Expr *e);
  std::string exprAs(Expr *e, const Type *to);
  std::string convert(const std::string &v, const Type *from, const Type *to);
  std::string hoist(const std::string &v) {
    std::string t = fresh();
    pre_->push_back("auto " + t + " = " + v + ";");
    return t;
  }
  std::vector<std::string> exprList(const std::vector<Expr *> &es,
                                    const std::vector<const Type *> &to);
  std::string name(Name *n);
  std::string attribute(Attribute *a);
  std::string call(Call *c);
  std::string builtinCall(const std::string &name, Call *c);
  std::string moduleCall(const std::string &qn, Call *c);
  std::string methodCall(Attribute *a, Call *c);
  // CodegenAsyncio.inc: "" when not an asyncio extension.
  std::string asyncioCall(const std::string &qn, Call *c);
  std::string asyncioMethod(Attribute *a, Call *c, const std::string &recv);
  std::string asyncioAttribute(Attribute *a);
  std::string userCall(const FuncInfo *f, Call *c, size_t skip,
                       const std::string &callee);
  std::string classCall(const ClassInfo *ci, Call *c);
  std::string binop(BinOp *b);
  std::string binopValues(OperatorKind op, const std::string &l, const Type *lt,
                          const std::string &r, const Type *rt, const Type *res,
                          Expr *rightE);
  std::string compare(Compare *c);
  std::string cmpOne(CmpOpKind op, const std::string &l, const Type *lt,
                     const std::string &r, const Type *rt);
  std::string subscript(Subscript *s);
  std::string joined(JoinedStr *j);
  std::string comprehension(Expr *e);
  std::string lambda(Lambda *l);
  std::string keyExpr(Expr *k) {
    if (k->type && k->type->is(TK::Builtin))
      return "[](const auto &x_) { return py::" + k->type->name + "(x_); }";
    return expr(k);
  }
  std::string truthy(Expr *e) {
    std::string v = expr(e);
    if (e->type->is(TK::Bool))
      return v;
    return "py::truthy(" + v + ")";
  }
  std::string awaitExpr(Await *a);
  bool discardAwait_ = false; // the statement's awaited value is unused
  std::string coroOf(Expr *e);
  std::string sliceArg(Slice *s);
  std::string makeExc(const ClassInfo *ci, Call *c);

  // ------------------------------------------------------------ stmts
  void block(const StmtList &b);
  void stmt(Stmt *s);
  void assign(Expr *target, const std::string &v, const Type *vt);
  void forStmt(For *f);
  void tryStmt(Try *t);
  void withStmt(With *w);
  void emitReturn(Expr *value);
  void emitJump(bool isBreak);
  void raiseStmt(Raise *r);

  // ------------------------------------------------------------ decls
  void emitFunction(FuncInfo *f);
  std::string signature(const FuncInfo *f, const std::string &qual,
                        bool defaults);
  void declareLocals(FuncInfo *f);
  void emitClass(ClassInfo *c, std::string &out);
  void emitMethodBodies(ClassInfo *c);
  std::string nestedFunction(FuncInfo *f);

  // CodegenLang.inc: generators, async for, del, walrus.
  void yieldStmt(Yield *y);
  void asyncForStmt(For *f);
  void deleteStmt(Delete *d);
  std::string namedExpr(NamedExpr *n);
  void tryStarHandlers(Try *t, const std::string &sid);
  std::string percent(BinOp *b);
  int cellBlocks_ = 0;
  void cellParams(FuncInfo *f);
  void cellLocal(Symbol *s);
  std::string captureCells(FuncInfo *f);
  void closeCellBlocks() {
    for (; cellBlocks_ > 0; --cellBlocks_)
      line("}");
  }
};

// ------------------------------------------------------------ types

std::string Gen::cppType(const Type *t) {
  switch (t->kind) {
  case TK::Int:
    return "py::Int";
  case TK::Float:
    return "py::Float";
  case TK::Bool:
    return "bool";
  case TK::Str:
    return "py::Str";
  case TK::Bytes:
    return "py::Bytes";
  case TK::None:
    return "py::None";
  case TK::List:
    return "py::List<" + cppType(t->args[0]) + ">";
  case TK::Set:
    return "py::Set<" + cppType(t->args[0]) + ">";
  case TK::Dict:
    return "py::Dict<" + cppType(t->args[0]) + ", " + cppType(t->args[1]) + ">";
  case TK::Tuple: {
    std::string s = "py::Tuple<";
    for (size_t i = 0; i < t->args.size(); ++i)
      s += (i ? ", " : "") + cppType(t->args[i]);
    return s + ">";
  }
  case TK::Optional:
    return "py::Optional<" + cppType(t->args[0]) + ">";
  case TK::Callable: {
    std::string s = "std::function<" + retType(t->ret) + "(";
    for (size_t i = 0; i < t->args.size(); ++i)
      s += (i ? ", " : "") + cppType(t->args[i]);
    return s + ")>";
  }
  case TK::Class:
    if (t->cls->isException)
      return "ExcRef<" + t->cls->cppName + ">";
    return "std::shared_ptr<" + t->cls->cppName + ">";
  case TK::Coroutine:
    return "aioc::Coro<" + retType(t->args[0]) + ">";
  case TK::Task:
    return "aioc::Task<" + retType(t->args[0]) + ">";
  case TK::Future:
    return "aioc::Future<" + retType(t->args[0]) + ">";
  case TK::Range:
    return "py::Range";
  case TK::Generator:
    return "py::Generator<" + cppType(t->args[0]) + ">";
  case TK::AsyncGenerator:
    return "py::AsyncGenerator<" + cppType(t->args[0]) + ">";
  case TK::Unknown:
    return "py::None";
  case TK::Builtin:
    if (t->name == "asyncio.loop")
      return "aioc::EventLoop *";
    if (t->name == "asyncio.AnyTask")
      return "AnyTask";
    return "/*unsupported type " + t->str() + "*/ void";
  case TK::Queue:
    return "std::shared_ptr<aioc::" + t->name + "<" + cppType(t->args[0]) +
           ">>";
  case TK::Prim:
    return "std::shared_ptr<aioc::" + t->name + ">";
  case TK::TaskGroup:
    return "aioc::TaskGroup *";
  case TK::Timeout:
    return "aioc::Timeout *";
  case TK::IO:
    return io_.cppType(t);
  default:
    return "/*unsupported type " + t->str() + "*/ void";
  }
}

std::string Gen::convert(const std::string &v, const Type *from,
                         const Type *to) {
  if (!to || from == to || to->is(TK::Error))
    return v;
  if (to->is(TK::Float) && (from->is(TK::Int) || from->is(TK::Bool)))
    return "py::Float(" + v + ")";
  if (to->is(TK::Int) && from->is(TK::Bool))
    return "py::Int(" + v + ")";
  if (to->is(TK::Optional)) {
    if (from->is(TK::None))
      return cppType(to) + "()";
    if (from->is(TK::Optional))
      return v;
    return cppType(to) + "(" + convert(v, from, to->args[0]) + ")";
  }
  if (sema::hasUnknown(from) || to->is(TK::Class))
    return cppType(to) + "(" + v + ")";
  return v;
}

std::string Gen::exprAs(Expr *e, const Type *to) {
  // Empty literals take their type from the context.
  if (to && sema::hasUnknown(e->type)) {
    if (isa<List>(e) || isa<Set>(e) || isa<Dict>(e))
      return cppType(to) + "()";
    if (auto *c = dyn_cast<Call>(e); c && c->args.empty())
      return cppType(to) + "()";
  }
  if (to && to->is(TK::Optional) && e->type->is(TK::None))
    return cppType(to) + "()";
  return convert(expr(e), e->type, to);
}

std::string Gen::strLit(const std::string &s) {
  auto it = strLits_.find(s);
  if (it != strLits_.end())
    return it->second;
  std::string n = "s_" + std::to_string(strLits_.size());
  strLits_[s] = n;
  size_t cps = 0;
  for (unsigned char c : s)
    cps += (c & 0xC0) != 0x80;
  literals_ += "static const py::Str " + n + "(std::string(" +
               cppStringLiteral(s) + ", " + std::to_string(s.size()) + "), " +
               std::to_string(cps) + ");\n";
  return n;
}

// ------------------------------------------------------------ expressions

std::vector<std::string> Gen::exprList(const std::vector<Expr *> &es,
                                       const std::vector<const Type *> &to) {
  // Python evaluates left to right: when a later operand awaits, the
  // earlier ones are computed into temporaries first.
  size_t lastAwait = 0;
  bool any = false;
  for (size_t i = 0; i < es.size(); ++i)
    if (containsAwait(es[i])) {
      lastAwait = i;
      any = true;
    }
  std::vector<std::string> out;
  for (size_t i = 0; i < es.size(); ++i) {
    std::string v = exprAs(es[i], i < to.size() ? to[i] : nullptr);
    // A call of a None-returning function is `void` in C++: as a value
    // (print(xs.clear())) it is None.
    if (isa<Call>(es[i]) && es[i]->type && es[i]->type->is(TK::None) &&
        (i >= to.size() || !to[i] || to[i]->is(TK::None)) && v != "py::none")
      v = "(" + v + ", py::none)";
    if (any && i < lastAwait && !isa<Constant>(es[i]))
      v = hoist(v);
    out.push_back(v);
  }
  return out;
}

std::string Gen::expr(Expr *e) {
  switch (e->kind()) {
  case Node::Kind::Constant: {
    auto *c = cast<Constant>(e);
    switch (c->valueKind) {
    case Constant::ValueKind::None:
      return "py::none";
    case Constant::ValueKind::True:
      return "true";
    case Constant::ValueKind::False:
      return "false";
    case Constant::ValueKind::Int:
      if (c->intValue == INT64_MIN)
        return "py::Int(INT64_MIN)";
      return "py::Int(" + std::to_string(c->intValue) + ")";
    case Constant::ValueKind::Float: {
      char buf[64];
      snprintf(buf, sizeof buf, "%.17g", c->floatValue);
      std::string s = buf;
      if (s == "inf")
        return "py::Float(HUGE_VAL)";
      if (s.find_first_of(".en") == std::string::npos)
        s += ".0";
      return "py::Float(" + s + ")";
    }
    case Constant::ValueKind::Str:
      return strLit(c->str);
    case Constant::ValueKind::Bytes:
      return "py::Bytes(std::string(" + cppStringLiteral(c->str) + ", " +
             std::to_string(c->str.size()) + "))";
    default:
      return "/*unsupported constant*/";
    }
  }
  case Node::Kind::Name:
    return name(cast<Name>(e));
  case Node::Kind::Attribute:
    return attribute(cast<Attribute>(e));
  case Node::Kind::Call:
    return call(cast<Call>(e));
  case Node::Kind::BinOp:
    return binop(cast<BinOp>(e));
  case Node::Kind::Compare:
    return compare(cast<Compare>(e));
  case Node::Kind::Subscript:
    return subscript(cast<Subscript>(e));
  case Node::Kind::UnaryOp: {
    auto *u = cast<UnaryOp>(e);
    if (u->op == UnaryOpKind::Not)
      return "(!" + truthy(u->operand) + ")";
    std::string v = convert(expr(u->operand), u->operand->type, e->type);
    switch (u->op) {
    case UnaryOpKind::USub:
      return e->type->is(TK::Int) ? "py::neg(" + v + ")" : "(-" + v + ")";
    case UnaryOpKind::UAdd:
      return v;
    case UnaryOpKind::Invert:
      return "(~" + v + ")";
    default:
      return v;
    }
  }
  case Node::Kind::BoolOp: {
    auto *b = cast<BoolOp>(e);
    bool isAnd = b->op == BoolOpKind::And;
    // Python returns the deciding operand itself, not a bool.
    std::string r = fresh();
    pre_->push_back(cppType(e->type) + " " + r + ";");
    // Lower to nested ifs so awaits in later operands stay conditional.
    std::vector<std::string> closers;
    std::vector<std::string> *outer = pre_;
    for (size_t i = 0; i < b->values.size(); ++i) {
      Expr *v = b->values[i];
      std::string val = exprAs(v, e->type);
      pre_->push_back(r + " = " + val + ";");
      if (i + 1 < b->values.size()) {
        std::string test = e->type->is(TK::Bool) ? r : "py::truthy(" + r + ")";
        pre_->push_back(std::string("if (") + (isAnd ? "" : "!") + test +
                        ") {");
        closers.push_back("}");
      }
    }
    for (auto &c : closers)
      outer->push_back(c);
    return r;
  }
  case Node::Kind::IfExp: {
    auto *i = cast<IfExp>(e);
    if (!containsAwait(i->body) && !containsAwait(i->orelse))
      return "(" + truthy(i->test) + " ? " + exprAs(i->body, e->type) + " : " +
             exprAs(i->orelse, e->type) + ")";
    std::string r = fresh();
    pre_->push_back(cppType(e->type) + " " + r + ";");
    pre_->push_back("if (" + truthy(i->test) + ") {");
    pre_->push_back(r + " = " + exprAs(i->body, e->type) + ";");
    pre_->push_back("} else {");
    pre_->push_back(r + " = " + exprAs(i->orelse, e->type) + ";");
    pre_->push_back("}");
    return r;
  }
  case Node::Kind::List:
  case Node::Kind::Set: {
    ExprList &elts = isa<List>(e) ? cast<List>(e)->elts : cast<Set>(e)->elts;
    const Type *el = e->type->args[0];
    std::vector<const Type *> to(elts.size(), el);
    auto vs = exprList(elts, to);
    std::string s = cppType(e->type) + "{";
    for (size_t i = 0; i < vs.size(); ++i)
      s += (i ? ", " : "") + vs[i];
    return s + "}";
  }
  case Node::Kind::Dict: {
    auto *d = cast<Dict>(e);
    std::vector<Expr *> all;
    std::vector<const Type *> to;
    for (size_t i = 0; i < d->keys.size(); ++i) {
      all.push_back(d->keys[i]);
      all.push_back(d->values[i]);
      to.push_back(e->type->args[0]);
      to.push_back(e->type->args[1]);
    }
    auto vs = exprList(all, to);
    std::string s = cppType(e->type) + "{";
    for (size_t i = 0; i < vs.size(); i += 2)
      s += std::string(i ? ", " : "") + "{" + vs[i] + ", " + vs[i + 1] + "}";
    return s + "}";
  }
  case Node::Kind::Tuple: {
    auto *t = cast<Tuple>(e);
    auto vs = exprList(t->elts, e->type->args);
    std::string s = cppType(e->type) + "(";
    for (size_t i = 0; i < vs.size(); ++i)
      s += (i ? ", " : "") + vs[i];
    return s + ")";
  }
  case Node::Kind::JoinedStr:
    return joined(cast<JoinedStr>(e));
  case Node::Kind::Await:
    return awaitExpr(cast<Await>(e));
  case Node::Kind::Lambda:
    return lambda(cast<Lambda>(e));
  case Node::Kind::ListComp:
  case Node::Kind::SetComp:
  case Node::Kind::DictComp:
  case Node::Kind::GeneratorExp:
    return comprehension(e);
  case Node::Kind::NamedExpr:
    return namedExpr(cast<NamedExpr>(e));
  default:
    return "/*unsupported expression*/";
  }
}

std::string Gen::name(Name *n) {
  auto it = S.nameSymbols.find(n);
  if (it == S.nameSymbols.end()) {
    if (std::string r = io_.name(n); !r.empty())
      return r;
    if (n->id == "__name__")
      return strLit("__main__");
    return "/*unresolved " + n->id + "*/";
  }
  Symbol *s = it->second;
  std::string v;
  switch (s->kind) {
  case Symbol::Kind::Local:
  case Symbol::Kind::Param:
    if (s->name == "self" && s->owner && s->owner->isMethod &&
        s->type == s->owner->owner->instance)
      v = "this->self_()";
    else
      v = "v_" + s->name + s->suffix;
    break;
  case Symbol::Kind::Global:
    v = "g_" + s->name + s->suffix;
    break;
  case Symbol::Kind::Function:
    v = s->func->parent ? "v_" + s->name : s->func->cppName;
    break;
  default:
    return "/*" + s->name + "*/";
  }
  // Narrowed Optional: read the value.
  if (s->type && s->type->is(TK::Optional) && n->type &&
      !n->type->is(TK::Optional))
    v = v + ".value()";
  // Exception narrowed by isinstance() to a subclass: view it as that.
  if (const Type *st =
          s->type && s->type->is(TK::Optional) ? s->type->args[0] : s->type;
      st && n->type && st != n->type && st->is(TK::Class) &&
      n->type->is(TK::Class) && st->cls->isException &&
      n->type->cls->isException)
    v = "excDown<" + n->type->cls->cppName + ">(" + v + ")";
  return v;
}

std::string Gen::attribute(Attribute *a) {
  if (std::string r = io_.attribute(a); !r.empty())
    return r;
  const Type *vt = a->value->type;
  if (std::string r = asyncioAttribute(a); !r.empty())
    return r;
  if (vt && vt->is(TK::Class)) {
    if (auto *n = dyn_cast<Name>(a->value);
        n && n->id == "self" && fn_ && !vt->cls->isException)
      return "this->f_" + a->attr;
    if (vt->cls->isException) {
      if (a->attr == "__name__")
        return "py::Str(" + expr(a->value) + ".p->typeName())";
      if (a->attr == "args")
        return "py::Tuple<py::Str>(py::Str(" + expr(a->value) +
               ".p->message()))";
      if (a->attr == "exceptions")
        return "excGroupMembers(" + expr(a->value) + ")";
      if (a->attr == "message")
        return "py::Str(" + expr(a->value) + ".p->groupMessage())";
      if (auto *n = dyn_cast<Name>(a->value); n && n->id == "self")
        return "this->f_" + a->attr;
    }
    return expr(a->value) + "->f_" + a->attr;
  }
  if (vt && vt->is(TK::Builtin) && vt->name == "type")
    return "py::Str(" + expr(a->value) + ")";
  std::string qn;
  for (Expr *x = a; x;) {
    if (auto *aa = dyn_cast<Attribute>(x)) {
      qn = "." + aa->attr + qn;
      x = aa->value;
    } else if (auto *n = dyn_cast<Name>(x)) {
      qn = n->id + qn;
      break;
    } else
      break;
  }
  if (qn == "sys.argv")
    return "g_sys_argv";
  if (qn == "math.pi")
    return "py::Float(3.141592653589793)";
  if (qn == "math.e")
    return "py::Float(2.718281828459045)";
  if (qn == "math.inf")
    return "py::Float(HUGE_VAL)";
  return "/*unsupported attribute " + a->attr + "*/";
}

std::string Gen::binop(BinOp *b) {
  if (b->op == OperatorKind::Mod && b->left->type->is(TK::Str))
    return percent(b);
  auto vs = exprList({b->left, b->right}, {});
  return binopValues(b->op, vs[0], b->left->type, vs[1], b->right->type,
                     b->type, b->right);
}

std::string Gen::binopValues(OperatorKind op, const std::string &l,
                             const Type *lt, const std::string &r,
                             const Type *rt, const Type *res, Expr *rightE) {
  if (lt->isNumeric() && rt->isNumeric()) {
    bool fl = lt->is(TK::Float) || rt->is(TK::Float);
    if (op == OperatorKind::Div) {
      if (fl)
        return "py::truediv(" + convert(l, lt, T.floatT) + ", " +
               convert(r, rt, T.floatT) + ")";
      return "py::truediv(" + convert(l, lt, T.intT) + ", " +
             convert(r, rt, T.intT) + ")";
    }
    const Type *ot = fl ? T.floatT : T.intT;
    if (res->is(TK::Bool))
      ot = T.boolT;
    std::string L = convert(l, lt, ot), R = convert(r, rt, ot);
    switch (op) {
    case OperatorKind::Add:
      return fl ? "(" + L + " + " + R + ")" : "py::add(" + L + ", " + R + ")";
    case OperatorKind::Sub:
      return fl ? "(" + L + " - " + R + ")" : "py::sub(" + L + ", " + R + ")";
    case OperatorKind::Mult:
      return fl ? "(" + L + " * " + R + ")" : "py::mul(" + L + ", " + R + ")";
    case OperatorKind::FloorDiv:
      return "py::floordiv(" + L + ", " + R + ")";
    case OperatorKind::Mod:
      return "py::mod(" + L + ", " + R + ")";
    case OperatorKind::Pow:
      if (fl)
        return "py::pow(" + L + ", " + R + ")";
      if (res->is(TK::Float))
        return "py::powIntNeg(" + L + ", " + R + ")";
      return "py::powInt(" + L + ", " + R + ")";
    case OperatorKind::LShift:
      return "py::lshift(" + L + ", " + R + ")";
    case OperatorKind::RShift:
      return "py::rshift(" + L + ", " + R + ")";
    case OperatorKind::BitAnd:
      return "(" + L + " & " + R + ")";
    case OperatorKind::BitOr:
      return "(" + L + " | " + R + ")";
    case OperatorKind::BitXor:
      return "(" + L + " ^ " + R + ")";
    default:
      return "/*unsupported op*/";
    }
  }
  (void)rightE;
  if (op == OperatorKind::Mult) {
    if (rt->is(TK::Int) || rt->is(TK::Bool))
      return l + ".repeat(" + r + ")";
    return r + ".repeat(" + l + ")";
  }
  if (op == OperatorKind::Add && lt->is(TK::Tuple))
    return "tupleCat(" + l + ", " + r + ")";
  if (op == OperatorKind::Add && (sema::hasUnknown(lt) || sema::hasUnknown(rt)))
    return "(" + convert(l, lt, res) + " + " + convert(r, rt, res) + ")";
  return "(" + l + " " + spelling(op) + " " + r + ")";
}

std::string Gen::cmpOne(CmpOpKind op, const std::string &l, const Type *lt,
                        const std::string &r, const Type *rt) {
  switch (op) {
  case CmpOpKind::Is:
  case CmpOpKind::IsNot: {
    std::string neg = op == CmpOpKind::IsNot ? "!" : "";
    if (rt->is(TK::None)) {
      if (lt->is(TK::Optional))
        return "(" + neg + l + ".isNone())";
      return lt->is(TK::None) ? (neg.empty() ? "true" : "false")
                              : (neg.empty() ? "false" : "true");
    }
    if (lt->is(TK::None)) {
      if (rt->is(TK::Optional))
        return "(" + neg + r + ".isNone())";
      return neg.empty() ? "false" : "true";
    }
    if (lt->is(TK::Class) && lt->cls->isException)
      return "(" + l + ".p " + (neg.empty() ? "==" : "!=") + " " + r + ".p)";
    if (lt->is(TK::List) || lt->is(TK::Dict) || lt->is(TK::Set))
      return "(" + neg + l + ".is(" + r + "))";
    if (lt != rt && lt->is(TK::Optional))
      return "(" + l + (neg.empty() ? " == " : " != ") + convert(r, rt, lt) +
             ")";
    if (lt != rt && rt->is(TK::Optional))
      return "(" + convert(l, lt, rt) + (neg.empty() ? " == " : " != ") + r +
             ")";
    return "(" + l + (neg.empty() ? " == " : " != ") + r + ")";
  }
  case CmpOpKind::In:
  case CmpOpKind::NotIn: {
    std::string neg = op == CmpOpKind::NotIn ? "!" : "";
    std::string lv = l;
    if (rt->is(TK::Tuple))
      return "(" + neg + "tupleContains(" + r + ", " + lv + "))";
    const Type *el = rt->is(TK::Str)     ? T.strT
                     : rt->is(TK::Range) ? T.intT
                                         : rt->args[0];
    return "(" + neg + r + ".contains(" + convert(lv, lt, el) + "))";
  }
  default:
    break;
  }
  const char *sp = spelling(op);
  if (lt->isNumeric() && rt->isNumeric()) {
    if (lt != rt) {
      const Type *ct =
          (lt->is(TK::Float) || rt->is(TK::Float)) ? T.floatT : T.intT;
      return "(" + convert(l, lt, ct) + " " + sp + " " + convert(r, rt, ct) +
             ")";
    }
    return "(" + l + " " + sp + " " + r + ")";
  }
  if ((op == CmpOpKind::Eq || op == CmpOpKind::NotEq)) {
    if (lt->is(TK::Optional) && rt->is(TK::None))
      return "(" + std::string(op == CmpOpKind::Eq ? "" : "!") + l +
             ".isNone())";
    if (lt->is(TK::Class) && rt->is(TK::Class) && !lt->cls->isException &&
        lt->cls->isDataclass)
      return "(" + std::string(op == CmpOpKind::Eq ? "" : "!") + "(*" + l +
             " == *" + r + "))";
    if (lt != rt && lt->is(TK::Optional))
      return "(" + l + " " + sp + " " + convert(r, rt, lt) + ")";
    if (lt != rt && rt->is(TK::Optional))
      return "(" + convert(l, lt, rt) + " " + sp + " " + r + ")";
    if (lt != rt && (sema::hasUnknown(lt) || sema::hasUnknown(rt)))
      return "(" + convert(l, lt, sema::hasUnknown(lt) ? rt : lt) + " " + sp +
             " " + convert(r, rt, sema::hasUnknown(lt) ? rt : lt) + ")";
  }
  return "(" + l + " " + sp + " " + r + ")";
}

std::string Gen::compare(Compare *c) {
  std::vector<Expr *> all{c->left};
  for (auto *x : c->comparators)
    all.push_back(x);
  if (c->ops.size() == 1) {
    auto vs = exprList(all, {});
    return cmpOne(c->ops[0], vs[0], c->left->type, vs[1],
                  c->comparators[0]->type);
  }
  // a < b < c: each middle operand evaluated once, later ones only when
  // the earlier comparisons hold.
  std::string r = fresh();
  pre_->push_back("bool " + r + " = false;");
  std::string prev = expr(c->left);
  if (!isa<Constant>(c->left) && !isa<Name>(c->left))
    prev = hoist(prev);
  const Type *prevT = c->left->type;
  int opened = 0;
  for (size_t i = 0; i < c->ops.size(); ++i) {
    Expr *x = c->comparators[i];
    std::string v = expr(x);
    if (!isa<Constant>(x) && !isa<Name>(x))
      v = hoist(v);
    std::string test = cmpOne(c->ops[i], prev, prevT, v, x->type);
    if (i + 1 == c->ops.size()) {
      pre_->push_back(r + " = " + test + ";");
    } else {
      pre_->push_back("if (" + test + ") {");
      ++opened;
    }
    prev = v;
    prevT = x->type;
  }
  for (int i = 0; i < opened; ++i)
    pre_->push_back("}");
  return r;
}

std::string Gen::sliceArg(Slice *s) {
  auto part = [&](Expr *x) -> std::string {
    if (!x)
      return "std::nullopt";
    if (x->type->is(TK::Optional))
      return "([&]() -> std::optional<py::Int> { auto _o = " + expr(x) +
             "; if (_o.isNone()) return std::nullopt; return _o.value(); "
             "}())";
    if (x->type->is(TK::None))
      return "std::nullopt";
    return "std::optional<py::Int>(" + convert(expr(x), x->type, T.intT) + ")";
  };
  return "py::Slice{" + part(s->lower) + ", " + part(s->upper) + ", " +
         part(s->step) + "}";
}

std::string Gen::subscript(Subscript *s) {
  if (std::string r = io_.subscript(s); !r.empty())
    return r;
  const Type *t = s->value->type;
  if (auto ts = S.tupleSlices.find(s); ts != S.tupleSlices.end()) {
    // Tuple slice with constant bounds: the picked elements.
    std::string v = hoist(expr(s->value)), r = cppType(s->type) + "(";
    for (size_t i = 0; i < ts->second.size(); ++i)
      r += (i ? ", " : "") + std::string("py::get<") +
           std::to_string(ts->second[i]) + ">(" + v + ")";
    return r + ")";
  }
  if (auto *sl = dyn_cast<Slice>(s->slice))
    return expr(s->value) + ".slice(" + sliceArg(sl) + ")";
  if (t->is(TK::Tuple)) {
    auto *c = dyn_cast<Constant>(s->slice);
    auto *u = dyn_cast<UnaryOp>(s->slice);
    int64_t idx;
    if (c && c->valueKind == Constant::ValueKind::Int)
      idx = c->intValue;
    else if (u && u->op == UnaryOpKind::USub && isa<Constant>(u->operand))
      idx = -cast<Constant>(u->operand)->intValue;
    else
      return "tupleIndex(" + expr(s->value) + ", " + expr(s->slice) + ")";
    if (idx < 0)
      idx += t->args.size();
    return "py::get<" + std::to_string(idx) + ">(" + expr(s->value) + ")";
  }
  auto vs = exprList({s->value, s->slice},
                     {nullptr, t->is(TK::Dict) ? t->args[0] : T.intT});
  if (t->is(TK::Dict))
    return vs[0] + "[" + vs[1] + "]";
  if (t->is(TK::List))
    return "py::detail::Stored<" + cppType(t->args[0]) + ">::ref(" + vs[0] +
           "[" + vs[1] + "])";
  return vs[0] + "[" + vs[1] + "]";
}

std::string Gen::joined(JoinedStr *j) {
  std::string r = fresh("_f");
  std::vector<std::string> parts;
  for (Expr *v : j->values) {
    if (auto *c = dyn_cast<Constant>(v)) {
      parts.push_back(r + " += " + cppStringLiteral(c->str) + ";");
      continue;
    }
    auto *f = cast<FormattedValue>(v);
    std::string x = expr(f->value);
    if (containsAwait(f->value))
      x = hoist(x);
    if (f->conversion == 'r' || f->conversion == 'a')
      x = "py::repr(" + x + ")";
    else if (f->conversion == 's')
      x = "py::str(" + x + ")";
    if (!f->format_spec) {
      parts.push_back("strTo(" + r + ", " + x + ");");
      continue;
    }
    auto *spec = cast<JoinedStr>(f->format_spec);
    std::string specStr;
    bool constant = true;
    for (auto *sv : spec->values)
      if (auto *sc = dyn_cast<Constant>(sv))
        specStr += sc->str;
      else
        constant = false;
    std::string sp =
        constant ? cppStringLiteral(specStr) : joined(spec) + ".view()";
    const Type *xt = (f->conversion == 'r' || f->conversion == 's')
                         ? T.strT
                         : f->value->type;
    if (xt->is(TK::Int) || xt->is(TK::Float) || xt->is(TK::Str) ||
        xt->is(TK::Bool))
      parts.push_back("formatTo(" + r + ", " + x + ", " + sp + ");");
    else
      parts.push_back("formatTo(" + r + ", " + x + ", " + sp + ", " +
                      cppStringLiteral(xt->str()) + ");");
  }
  pre_->push_back("std::string " + r + ";");
  for (auto &p : parts)
    pre_->push_back(p);
  return "py::Str(std::move(" + r + "))";
}

std::string Gen::awaitExpr(Await *a) {
  // Only the statement's own await may drop its value, not nested ones.
  bool discard = discardAwait_;
  discardAwait_ = false;
  std::string v;
  const Type *t = a->value->type;
  // asyncio.sleep awaited directly uses the runtime's awaiter (no frame).
  if (auto *c = dyn_cast<Call>(a->value);
      c && c->func->type && c->func->type->is(TK::Builtin) &&
      c->func->type->name == "asyncio.sleep" && c->args.size() == 1) {
    v = "aioc::sleep(" + convert(expr(c->args[0]), c->args[0]->type, T.floatT) +
        ")";
  } else if (auto *c = dyn_cast<Call>(a->value);
             c && c->func->type && c->func->type->is(TK::Builtin) &&
             c->func->type->name == "asyncio.gather") {
    // The gather object lives in a variable across the await (it owns the
    // children's handles); its result becomes a Python list.
    std::string args;
    bool retExc = false;
    for (auto *k : c->keywords)
      if (auto *cv = dyn_cast<Constant>(k->value);
          k->arg == "return_exceptions" && cv &&
          cv->valueKind == Constant::ValueKind::True)
        retExc = true;
    if (retExc)
      args = "aioc::returnExceptions, ";
    if (c->args.size() == 1 && isa<Starred>(c->args[0])) {
      Expr *lv = cast<Starred>(c->args[0])->value;
      // A comprehension's list is a temporary no one else holds: move its
      // handles instead of copying them.
      args += std::string(isa<ListComp>(lv) ? "listToVectorMove("
                                            : "listToVector(") +
              expr(lv) + ")";
    } else {
      for (size_t i = 0; i < c->args.size(); ++i)
        args += (i ? ", " : "") + coroOf(c->args[i]);
    }
    if (retExc && c->args.empty())
      args = "";
    std::string g = fresh("_g");
    if (c->args.empty()) {
      return cppType(a->type) + "()";
    }
    pre_->push_back("auto " + g + " = aioc::gather(" + args + ");");
    if (fn_)
      pre_->push_back("AIOC_AT(" + cppStringLiteral(fn_->name) + ", " +
                      cppStringLiteral(O.scriptPath) + ", " +
                      std::to_string(a->range.begin.line) + ");");
    if (discard) {
      pre_->push_back("co_await " + g + ";");
      return "py::none";
    }
    std::string tmp = fresh();
    if (retExc)
      pre_->push_back("auto " + tmp + " = noneOutcomesToList(co_await " + g +
                      ");");
    else
      pre_->push_back("auto " + tmp + " = toPyList<" +
                      cppType(a->type->args[0]) + ">(co_await " + g + ");");
    return tmp;
  } else {
    v = expr(a->value);
  }
  if (fn_)
    pre_->push_back("AIOC_AT(" + cppStringLiteral(fn_->name) + ", " +
                    cppStringLiteral(O.scriptPath) + ", " +
                    std::to_string(a->range.begin.line) + ");");
  const Type *r = a->type;
  (void)t;
  if (r->is(TK::None)) {
    pre_->push_back("co_await " + v + ";");
    return "py::none";
  }
  std::string tmp = fresh();
  pre_->push_back("auto " + tmp + " = co_await " + v + ";");
  return tmp;
}

// A value of Coroutine type as an aioc::Coro (sleep needs wrapping).
std::string Gen::coroOf(Expr *e) {
  if (auto *c = dyn_cast<Call>(e); c && c->func->type &&
                                   c->func->type->is(TK::Builtin) &&
                                   c->func->type->name == "asyncio.sleep") {
    if (c->args.size() == 1)
      return "sleepCoro(" +
             convert(expr(c->args[0]), c->args[0]->type, T.floatT) + ")";
  }
  return expr(e);
}

std::string Gen::lambda(Lambda *l) {
  FuncInfo *f = S.funcOf.at(l);
  // By value: a lambda may outlive the frame that made it (make_adder).
  std::string s = "[=](";
  for (size_t i = 0; i < f->paramNames.size(); ++i)
    s += (i ? ", " : "") + cppType(f->paramTypes[i]) + " v_" + f->paramNames[i];
  s += ") -> " + retType(f->ret) + " {\n";
  s += captureCells(f);
  std::vector<std::string> pre;
  auto *savedPre = pre_;
  pre_ = &pre;
  std::string v = expr(l->body);
  pre_ = savedPre;
  for (auto &p : pre)
    s += p + "\n";
  if (f->ret->is(TK::None))
    s += v + ";\n}";
  else
    s += "return " + v + ";\n}";
  return s;
}

std::string Gen::comprehension(Expr *e) {
  FuncInfo *f = S.funcOf.at(e);
  std::vector<Comprehension *> gens;
  if (auto *l = dyn_cast<ListComp>(e))
    gens = l->generators;
  else if (auto *s = dyn_cast<SetComp>(e))
    gens = s->generators;
  else if (auto *d = dyn_cast<DictComp>(e))
    gens = d->generators;
  else
    gens = cast<GeneratorExp>(e)->generators;
  // The first iterable is evaluated outside (Python semantics).
  std::string firstIter = expr(gens[0]->iter);
  std::string it0 = hoist(firstIter);
  std::string body;
  std::string *savedBuf = buf_;
  int savedInd = ind_;
  std::vector<std::string> *savedPre = pre_;
  buf_ = &body;
  ind_ = 1;
  std::string rt = cppType(e->type);
  line(rt + " _r;");
  for (auto &[name, sym] : f->scope)
    if (sym->type)
      line(cppType(sym->type) + " v_" + name + "{};");
  int opened = 0;
  for (size_t i = 0; i < gens.size(); ++i) {
    std::vector<std::string> pre;
    pre_ = &pre;
    std::string it = i == 0 ? it0 : expr(gens[i]->iter);
    flushPre(pre);
    std::string el = fresh("_e");
    line("for (auto &&" + el + " : " + it + ") {");
    ++ind_;
    ++opened;
    pre_ = &pre;
    assign(gens[i]->target, el, gens[i]->target->type);
    for (auto *cond : gens[i]->ifs) {
      std::string c = truthy(cond);
      flushPre(pre);
      line("if (!" + c + ") continue;");
    }
  }
  std::vector<std::string> pre;
  pre_ = &pre;
  if (auto *l = dyn_cast<ListComp>(e)) {
    std::string v = exprAs(l->elt, e->type->args[0]);
    flushPre(pre);
    line("_r.append(" + v + ");");
  } else if (auto *g = dyn_cast<GeneratorExp>(e)) {
    std::string v = exprAs(g->elt, e->type->args[0]);
    flushPre(pre);
    line("_r.append(" + v + ");");
  } else if (auto *s = dyn_cast<SetComp>(e)) {
    std::string v = exprAs(s->elt, e->type->args[0]);
    flushPre(pre);
    line("_r.add(" + v + ");");
  } else {
    auto *d = cast<DictComp>(e);
    std::string k = exprAs(d->key, e->type->args[0]);
    std::string v = exprAs(d->value, e->type->args[1]);
    flushPre(pre);
    line("_r.setitem(" + k + ", " + v + ");");
  }
  for (int i = 0; i < opened; ++i) {
    --ind_;
    line("}");
  }
  line("return _r;");
  buf_ = savedBuf;
  ind_ = savedInd;
  pre_ = savedPre;
  return "[&]() {\n" + body + "}()";
}

// ------------------------------------------------------------ calls

std::string Gen::makeExc(const ClassInfo *ci, Call *c) {
  // The C++ exception object for `E(args)`.
  if (ci->isBuiltin || (!ci->findMethod("__init__") ||
                        ci->findMethod("__init__")->owner->isBuiltin)) {
    if (c->args.empty())
      return ci->cppName + "()";
    if (ci->name == "ExceptionGroup" && c->args.size() == 2) {
      auto vs = exprList(c->args, {T.strT, c->args[1]->type});
      return ci->cppName + "(" + vs[0] + ".bytes(), excPtrs(" + vs[1] + "))";
    }
    std::string a = expr(c->args[0]);
    std::string msg = reprMessage(ci) ? "py::repr(" + a + ").bytes()"
                                      : "py::str(" + a + ").bytes()";
    return ci->cppName + "(" + msg + ")";
  }
  FuncInfo *init = ci->findMethod("__init__");
  std::string e = fresh("_x");
  std::string args = userCall(init, c, 0, "");
  pre_->push_back(ci->cppName + " " + e + ";");
  pre_->push_back(e + ".m___init__" + args + ";");
  return "std::move(" + e + ")";
}

std::string Gen::userCall(const FuncInfo *f, Call *c, size_t skip,
                          const std::string &callee) {
  // Bind arguments to parameters (sema checked them) in parameter order.
  size_t n = f->paramNames.size();
  std::vector<Expr *> bound(n, nullptr);
  std::vector<Expr *> extra;
  size_t pi = 0;
  for (size_t i = skip; i < c->args.size(); ++i) {
    if (pi < n)
      bound[pi++] = c->args[i];
    else
      extra.push_back(c->args[i]);
  }
  for (auto *k : c->keywords) {
    auto it = std::find(f->paramNames.begin(), f->paramNames.end(), k->arg);
    if (it != f->paramNames.end())
      bound[it - f->paramNames.begin()] = k->value;
  }
  std::vector<Expr *> es;
  std::vector<const Type *> ts;
  for (size_t i = 0; i < n; ++i) {
    es.push_back(bound[i] ? bound[i] : f->defaults[i]);
    ts.push_back(f->paramTypes[i]);
  }
  auto vs = exprList(es, ts);
  std::string s = callee + "(";
  for (size_t i = 0; i < vs.size(); ++i)
    s += (i ? ", " : "") + vs[i];
  if (f->varargType) {
    std::vector<const Type *> et(extra.size(), f->varargType);
    auto xs = exprList(extra, et);
    s += std::string(n ? ", " : "") + cppType(T.list(f->varargType)) + "{";
    for (size_t i = 0; i < xs.size(); ++i)
      s += (i ? ", " : "") + xs[i];
    s += "}";
  }
  return s + ")";
}

std::string Gen::classCall(const ClassInfo *ci, Call *c) {
  if (ci->isException)
    return "makeExc(" + makeExc(ci, c) + ")";
  if (FuncInfo *init = ci->findMethod("__init__"))
    return userCall(init, c, 0, ci->cppName + "::make");
  if (ci->isDataclass) {
    auto fields = ci->allFields();
    std::vector<Expr *> bound(fields.size(), nullptr);
    size_t pi = 0;
    for (auto *a : c->args)
      bound[pi++] = a;
    for (auto *k : c->keywords)
      for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i]->name == k->arg)
          bound[i] = k->value;
    std::vector<Expr *> es;
    std::vector<const Type *> ts;
    for (size_t i = 0; i < fields.size(); ++i) {
      es.push_back(bound[i] ? bound[i] : fields[i]->init);
      ts.push_back(fields[i]->type);
    }
    auto vs = exprList(es, ts);
    std::string s = ci->cppName + "::make(";
    for (size_t i = 0; i < vs.size(); ++i)
      s += (i ? ", " : "") + vs[i];
    return s + ")";
  }
  return ci->cppName + "::make()";
}

std::string Gen::call(Call *c) {
  // super().method(...)
  if (auto *a = dyn_cast<Attribute>(c->func)) {
    if (auto *sc = dyn_cast<Call>(a->value)) {
      if (auto *n = dyn_cast<Name>(sc->func); n && n->id == "super") {
        ClassInfo *b = fn_->owner->base;
        if (a->attr == "__init__" && b->isException &&
            !b->findMethod("__init__")) {
          if (c->args.empty())
            return "(void)0";
          std::string msg = reprMessage(b)
                                ? "py::repr(" + expr(c->args[0]) + ")"
                                : "py::str(" + expr(c->args[0]) + ")";
          return "(void)(this->message_ = " + msg + ".bytes())";
        }
        FuncInfo *m = b->findMethod(a->attr);
        return userCall(m, c, 0,
                        "this->" + m->owner->cppName + "::m_" + a->attr);
      }
    }
  }
  const Type *ft = c->func->type;
  if (ft && ft->is(TK::Builtin) && ft->name != "method") {
    const std::string &nm = ft->name;
    if (nm.find('.') != std::string::npos)
      return moduleCall(nm, c);
    return builtinCall(nm, c);
  }
  if (ft && ft->is(TK::ClassRef))
    return classCall(ft->cls, c);
  if (auto *a = dyn_cast<Attribute>(c->func))
    return methodCall(a, c);
  if (auto *n = dyn_cast<Name>(c->func)) {
    auto it = S.nameSymbols.find(n);
    if (it != S.nameSymbols.end() &&
        it->second->kind == Symbol::Kind::Function) {
      FuncInfo *f = it->second->func;
      return userCall(f, c, 0, f->parent ? "v_" + f->name : f->cppName);
    }
  }
  // A callable value.
  std::string callee = expr(c->func);
  auto vs = exprList(c->args, ft->args);
  std::string s = callee + "(";
  for (size_t i = 0; i < vs.size(); ++i)
    s += (i ? ", " : "") + vs[i];
  return s + ")";
}

std::string Gen::builtinCall(const std::string &nm, Call *c) {
  if (std::string r = io_.call(nm, c); !r.empty())
    return r;
  auto kw = [&](const char *k) -> Keyword * {
    for (auto *x : c->keywords)
      if (x->arg == k)
        return x;
    return nullptr;
  };
  auto args = [&](std::vector<const Type *> to = {}) {
    return exprList(c->args, to);
  };
  auto join = [](const std::vector<std::string> &v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i)
      s += (i ? ", " : "") + v[i];
    return s;
  };
  if (nm == "print") {
    auto vs = args();
    if (c->keywords.empty())
      return "py::print(" + join(vs) + ")";
    std::string opts = "py::PrintOptions{";
    Keyword *sep = kw("sep"), *end = kw("end"), *file = kw("file"),
            *flush = kw("flush");
    opts += sep ? "py::Optional<py::Str>(" + expr(sep->value) + ")"
                : std::string("py::Optional<py::Str>()");
    opts += ", ";
    opts += end ? "py::Optional<py::Str>(" + expr(end->value) + ")"
                : std::string("py::Optional<py::Str>()");
    opts += ", ";
    bool err = false;
    if (file) {
      auto *a = dyn_cast<Attribute>(file->value);
      err = a && a->attr == "stderr";
    }
    opts += err ? "py::File::Stderr" : "py::File::Stdout";
    opts += ", ";
    opts += flush ? expr(flush->value) : std::string("false");
    opts += "}";
    return "py::printWith(" + opts + (vs.empty() ? "" : ", ") + join(vs) + ")";
  }
  if (nm == "len")
    return "py::len(" + join(args()) + ")";
  if (nm == "range")
    return "py::Range(" + join(args({T.intT, T.intT, T.intT})) + ")";
  if (nm == "str") {
    if (c->args.empty())
      return "py::Str()";
    return "py::str(" + join(args()) + ")";
  }
  if (nm == "repr")
    return "py::repr(" + join(args()) + ")";
  if (nm == "int") {
    auto vs = args();
    if (vs.empty())
      return "py::Int(0)";
    return "py::int_(" + join(vs) + ")";
  }
  if (nm == "float") {
    auto vs = args();
    if (vs.empty())
      return "py::Float(0.0)";
    return "py::float_(" + join(vs) + ")";
  }
  if (nm == "bool") {
    if (c->args.empty())
      return "false";
    return truthy(c->args[0]);
  }
  if (nm == "abs")
    return "py::abs(" + convert(expr(c->args[0]), c->args[0]->type, c->type) +
           ")";
  if (nm == "round") {
    auto vs = args();
    return "py::round(" + join(vs) + ")";
  }
  if (nm == "min" || nm == "max" || nm == "sorted" || nm == "sum") {
    Keyword *key = kw("key"), *rev = kw("reverse"), *dflt = kw("default");
    if (nm == "sum") {
      if (c->args.size() == 2)
        return "py::sum(" + expr(c->args[0]) + ", " +
               convert(expr(c->args[1]), c->args[1]->type, c->type) + ")";
      return "py::sum(" + expr(c->args[0]) + ")";
    }
    if (c->args.size() > 1) {
      std::vector<const Type *> to(c->args.size(), c->type);
      return "py::" + nm + "Args(" + join(args(to)) + ")";
    }
    std::string it = expr(c->args[0]);
    if (nm == "sorted") {
      std::string s = "py::sorted(" + it;
      if (key)
        s += ", " + keyExpr(key->value);
      if (rev)
        s += ", " + truthy(rev->value);
      return s + ")";
    }
    if (key)
      return "py::" + nm + "Key(" + it + ", " + keyExpr(key->value) + ")";
    if (dflt)
      return "py::" + nm + "Default(" + it + ", " +
             exprAs(dflt->value, c->type) + ")";
    return "py::" + nm + "(" + it + ")";
  }
  if (nm == "reversed" || nm == "any" || nm == "all" || nm == "zip")
    return "py::" + nm + "(" + join(args()) + ")";
  if (nm == "enumerate") {
    std::string s = "py::enumerate(" + join(args());
    if (Keyword *st = kw("start"))
      s += ", " + expr(st->value);
    return s + ")";
  }
  if (nm == "isinstance") {
    const Type *ct = c->args[1]->type;
    const Type *vt = c->args[0]->type;
    if (ct->is(TK::ClassRef)) {
      if (vt->is(TK::Optional))
        return "isInstanceOpt<" + ct->cls->cppName + ">(" + expr(c->args[0]) +
               ")";
      if (vt->is(TK::Class) && sema::isSubclass(vt->cls, ct->cls))
        return "((void)" + expr(c->args[0]) + ", true)";
      if (vt->cls->isException)
        return "(dynamic_cast<" + ct->cls->cppName + " *>(" + expr(c->args[0]) +
               ".p) != nullptr)";
      return "(std::dynamic_pointer_cast<" + ct->cls->cppName + ">(" +
             expr(c->args[0]) + ") != nullptr)";
    }
    bool same = (ct->name == "int" && (vt->is(TK::Int) || vt->is(TK::Bool))) ||
                (ct->name == "float" && vt->is(TK::Float)) ||
                (ct->name == "str" && vt->is(TK::Str)) ||
                (ct->name == "bool" && vt->is(TK::Bool));
    return "((void)" + expr(c->args[0]) + ", " + (same ? "true" : "false") +
           ")";
  }
  if (nm == "ord" || nm == "chr" || nm == "hex" || nm == "bin" || nm == "oct" ||
      nm == "divmod")
    return "py::" + nm + "(" + join(args()) + ")";
  if (nm == "format") {
    auto vs = args();
    if (vs.size() == 1)
      return "py::format(" + vs[0] + ")";
    return "py::format(" + vs[0] + ", " + vs[1] + ".view())";
  }
  if (nm == "type")
    return "typeName(" + expr(c->args[0]) + ")";
  if (nm == "list" || nm == "set") {
    if (c->args.empty())
      return cppType(c->type) + "()";
    return cppType(c->type) + "::from(" + expr(c->args[0]) + ")";
  }
  if (nm == "dict") {
    if (c->args.empty())
      return cppType(c->type) + "()";
    return expr(c->args[0]) + ".copy()";
  }
  return "/*unsupported builtin " + nm + "*/";
}

std::string Gen::moduleCall(const std::string &qn, Call *c) {
  if (std::string r = io_.call(qn, c); !r.empty())
    return r;
  auto kw = [&](const char *k) -> Keyword * {
    for (auto *x : c->keywords)
      if (x->arg == k)
        return x;
    return nullptr;
  };
  if (std::string r = asyncioCall(qn, c); !r.empty())
    return r;
  if (qn == "asyncio.run") {
    std::string dbg = "false";
    if (Keyword *k = kw("debug"))
      dbg = truthy(k->value);
    return "aioc::run(" + expr(c->args[0]) + ", " + dbg + ")";
  }
  if (qn == "asyncio.sleep") {
    std::string d = convert(expr(c->args[0]), c->args[0]->type, T.floatT);
    if (c->args.size() == 2)
      return "aioc::sleep(" + d + ", " + expr(c->args[1]) + ")";
    return "sleepCoro(" + d + ")";
  }
  if (qn == "asyncio.create_task" || qn == "asyncio.ensure_future") {
    std::string co = coroOf(c->args[0]);
    if (Keyword *k = kw("name"))
      return "aioc::createTask(" + co + ", " + expr(k->value) +
             ".bytes(), true)";
    return "aioc::createTask(" + co + ")";
  }
  if (qn == "asyncio.wait_for") {
    std::string t;
    if (c->args.size() == 2)
      t = exprAs(c->args[1], T.optional(T.floatT));
    else
      for (auto *k : c->keywords)
        if (k->arg == "timeout")
          t = exprAs(k->value, T.optional(T.floatT));
    return "aioc::waitFor(" + coroOf(c->args[0]) + ", optDouble(" + t + "))";
  }
  if (qn == "asyncio.get_running_loop")
    return "(&aioc::getRunningLoop())";
  if (qn == "asyncio.timeout")
    return "aioc::timeout(optDouble(" +
           exprAs(c->args[0], T.optional(T.floatT)) + "))";
  if (qn == "asyncio.shield")
    return "aioc::shield(" + coroOf(c->args[0]) + ")";
  if (qn == "asyncio.Queue" || qn == "asyncio.LifoQueue" ||
      qn == "asyncio.PriorityQueue") {
    std::string m = "0";
    if (!c->args.empty())
      m = expr(c->args[0]);
    if (Keyword *k = kw("maxsize"))
      m = expr(k->value);
    return "std::make_shared<aioc::" + qn.substr(8) + "<" +
           cppType(c->type->args[0]) + ">>(" + m + ")";
  }
  if (qn == "asyncio.Lock" || qn == "asyncio.Event" ||
      qn == "asyncio.Condition" || qn == "asyncio.Semaphore" ||
      qn == "asyncio.BoundedSemaphore") {
    std::string a = c->args.empty() ? "" : expr(c->args[0]);
    return "std::make_shared<aioc::" + qn.substr(8) + ">(" + a + ")";
  }
  if (qn == "asyncio.to_thread") {
    auto *fnName = cast<Name>(c->args[0]);
    FuncInfo *f = S.nameSymbols.at(fnName)->func;
    std::string callArgs = userCall(f, c, 1, "");
    // userCall gives "(a, b)": the function and its bound arguments.
    std::string inner = callArgs.substr(1, callArgs.size() - 2);
    return "toThreadCoro(" + f->cppName + (inner.empty() ? "" : ", ") + inner +
           ")";
  }
  if (qn == "time.sleep")
    return "blockingSleep(" +
           convert(expr(c->args[0]), c->args[0]->type, T.floatT) + ")";
  if (qn == "random.seed")
    return "randomSeed(" + expr(c->args[0]) + ")";
  if (qn == "random.random")
    return "randomFloat()";
  if (qn == "random.randint")
    return "randomInt(" + expr(c->args[0]) + ", " + expr(c->args[1]) + ")";
  if (qn == "sys.exit") {
    std::string code = c->args.empty() ? "0" : expr(c->args[0]);
    return "throw aioc::SystemExit(int(" + code + "))";
  }
  if (qn == "time.perf_counter" || qn == "time.monotonic")
    return "monotonicSeconds()";
  if (qn == "time.time")
    return "wallSeconds()";
  if (qn == "math.sqrt")
    return "std::sqrt(" +
           convert(expr(c->args[0]), c->args[0]->type, T.floatT) + ")";
  if (qn == "math.floor" || qn == "math.ceil")
    return "py::int_(std::" + qn.substr(5) + "(" +
           convert(expr(c->args[0]), c->args[0]->type, T.floatT) + "))";
  if (qn == "os.environ.get") {
    std::string k = expr(c->args[0]);
    if (c->args.size() == 2)
      return "envGet(" + k + ", " + expr(c->args[1]) + ")";
    return "envGet(" + k + ")";
  }
  return "/*unsupported " + qn + "*/";
}

std::string Gen::methodCall(Attribute *a, Call *c) {
  const Type *rt = a->value->type;
  const std::string &m = a->attr;
  auto kw = [&](const char *k) -> Keyword * {
    for (auto *x : c->keywords)
      if (x->arg == k)
        return x;
    return nullptr;
  };
  if (rt->is(TK::Class) && !rt->cls->isException) {
    FuncInfo *f = rt->cls->findMethod(m);
    std::string recv;
    if (auto *n = dyn_cast<Name>(a->value); n && n->id == "self")
      recv = "this";
    else
      recv = expr(a->value);
    if (containsAwait(c) && !isa<Name>(a->value))
      recv = hoist(recv);
    return userCall(f, c, 0, recv + "->m_" + m);
  }
  if (rt->is(TK::ClassRef)) {
    FuncInfo *f = rt->cls->findMethod(m);
    return userCall(f, c, 0, rt->cls->cppName + "::m_" + m);
  }
  std::string recv = expr(a->value);
  if (containsAwait(c) && !isa<Name>(a->value))
    recv = hoist(recv);
  if (rt->is(TK::IO))
    return io_.methodCall(a, c, recv);
  if (std::string r = asyncioMethod(a, c, recv); !r.empty())
    return r;
  if (rt->is(TK::Builtin) && rt->name == "asyncio.loop") {
    if (m == "time")
      return "py::Float(" + recv + "->time())";
    auto *fnName = cast<Name>(c->args[1]);
    FuncInfo *f = S.nameSymbols.at(fnName)->func;
    std::string callArgs = userCall(f, c, 2, "");
    std::string inner = callArgs.substr(1, callArgs.size() - 2);
    return "aioc::runInExecutor(*" + recv + ", " + f->cppName +
           (inner.empty() ? "" : ", ") + inner + ")";
  }
  std::vector<const Type *> to;
  std::string meth = m;
  switch (rt->kind) {
  case TK::List:
    if (m == "append" || m == "remove" || m == "index" || m == "count")
      to = {rt->args[0]};
    else if (m == "insert")
      to = {T.intT, rt->args[0]};
    if (m == "sort") {
      std::string s = recv + ".sort(";
      Keyword *key = kw("key"), *rev = kw("reverse");
      if (key)
        s += keyExpr(key->value);
      if (rev)
        s += std::string(key ? ", " : "") + truthy(rev->value);
      return s + ")";
    }
    break;
  case TK::Set:
    if (m == "union")
      meth = "union_";
    if (m == "add" || m == "discard" || m == "remove")
      to = {rt->args[0]};
    break;
  case TK::Dict:
    if (m == "get" || m == "pop" || m == "setdefault")
      to = {rt->args[0], rt->args[1]};
    break;
  case TK::Str:
    if (m == "format") {
      auto vs = exprList(c->args, {});
      std::string r = "py::strFormat(" + recv;
      for (auto &v : vs)
        r += ", " + v;
      return r + ")";
    }
    if (m == "split" || m == "rsplit") {
      std::string sep = "py::Optional<py::Str>()";
      std::string maxs = "-1";
      if (!c->args.empty())
        sep = exprAs(c->args[0], T.optional(T.strT));
      if (c->args.size() > 1)
        maxs = expr(c->args[1]);
      if (Keyword *k = kw("sep"))
        sep = exprAs(k->value, T.optional(T.strT));
      if (Keyword *k = kw("maxsplit"))
        maxs = expr(k->value);
      if (c->args.empty() && c->keywords.empty())
        return recv + "." + m + "()";
      return recv + "." + m + "(" + sep + ", " + maxs + ")";
    }
    if (m == "join" && !c->args[0]->type->is(TK::List))
      return recv + ".join(py::List<py::Str>::from(" + expr(c->args[0]) + "))";
    if (m == "encode")
      return recv + ".encode()";
    break;
  case TK::Bytes:
    if (m == "decode")
      return recv + ".decode()";
    break;
  case TK::Queue:
  case TK::Prim:
  case TK::TaskGroup:
  case TK::Timeout: {
    static const std::map<std::string, std::string> renames = {
        {"put_nowait", "putNowait"}, {"get_nowait", "getNowait"},
        {"task_done", "taskDone"},   {"is_set", "isSet"},
        {"notify_all", "notifyAll"}, {"create_task", "createTask"},
        {"wait_for", "waitFor"}};
    auto it = renames.find(m);
    if (it != renames.end())
      meth = it->second;
    if (rt->is(TK::Queue) && m == "put")
      to = {rt->args[0]};
    if (rt->is(TK::Queue) && m == "put_nowait")
      to = {rt->args[0]};
    if (rt->is(TK::TaskGroup) && m == "create_task") {
      std::string s = recv + "->createTask(" + coroOf(c->args[0]);
      if (Keyword *k = kw("name"))
        s += ", std::optional<std::string>(" + expr(k->value) + ".bytes())";
      return s + ")";
    }
    if (rt->is(TK::Timeout) && m == "reschedule")
      return recv + "->reschedule(optDouble(" +
             exprAs(c->args[0], T.optional(T.floatT)) + "))";
    auto vs = exprList(c->args, to);
    std::string s = recv + "->" + meth + "(";
    for (size_t i = 0; i < vs.size(); ++i)
      s += (i ? ", " : "") + vs[i];
    s += ")";
    // The runtime counts in size_t/long; Python's are ints.
    if (c->type->is(TK::Int))
      return "py::Int(" + s + ")";
    return s;
  }
  case TK::Task:
    if (m == "get_name")
      return "py::Str(" + recv + ".getName())";
    if (m == "cancel") {
      if (Keyword *k = kw("msg"))
        return recv + ".cancel(" + expr(k->value) + ".bytes())";
      if (!c->args.empty())
        return recv + ".cancel(" + expr(c->args[0]) + ".bytes())";
      return recv + ".cancel()";
    }
    break;
  default:
    break;
  }
  auto vs = exprList(c->args, to);
  std::string s = recv + "." + meth + "(";
  for (size_t i = 0; i < vs.size(); ++i)
    s += (i ? ", " : "") + vs[i];
  return s + ")";
}

// ------------------------------------------------------------ statements

void Gen::assign(Expr *target, const std::string &v, const Type *vt) {
  if (auto *n = dyn_cast<Name>(target)) {
    auto it = S.nameSymbols.find(n);
    if (it == S.nameSymbols.end())
      return;
    Symbol *s = it->second;
    std::string lhs =
        (s->kind == Symbol::Kind::Global ? "g_" : "v_") + s->name + s->suffix;
    line(lhs + " = " + convert(v, vt, s->type) + ";");
    return;
  }
  if (isa<Tuple>(target) || isa<List>(target)) {
    ExprList &elts = isa<Tuple>(target) ? cast<Tuple>(target)->elts
                                        : cast<List>(target)->elts;
    std::string t = fresh();
    line("auto " + t + " = " + v + ";");
    if (vt->is(TK::Tuple)) {
      for (size_t i = 0; i < elts.size(); ++i)
        assign(elts[i], "py::get<" + std::to_string(i) + ">(" + t + ")",
               vt->args[i]);
    } else {
      line("unpackCheck(" + t + ".len(), " + std::to_string(elts.size()) +
           ");");
      for (size_t i = 0; i < elts.size(); ++i)
        assign(elts[i], t + "[" + std::to_string(i) + "]", vt->args[0]);
    }
    return;
  }
  if (auto *a = dyn_cast<Attribute>(target)) {
    std::string lhs;
    if (auto *n = dyn_cast<Name>(a->value); n && n->id == "self")
      lhs = "this->f_" + a->attr;
    else {
      std::vector<std::string> pre;
      auto *saved = pre_;
      pre_ = &pre;
      std::string obj = expr(a->value);
      pre_ = saved;
      flushPre(pre);
      lhs = obj + (a->value->type->is(TK::Class) ? "->f_" : ".f_") + a->attr;
    }
    line(lhs + " = " + convert(v, vt, a->type) + ";");
    return;
  }
  if (auto *s = dyn_cast<Subscript>(target)) {
    std::vector<std::string> pre;
    auto *saved = pre_;
    pre_ = &pre;
    std::string obj = expr(s->value);
    if (auto *sl = dyn_cast<Slice>(s->slice)) {
      std::string sa = sliceArg(sl);
      pre_ = saved;
      flushPre(pre);
      line(obj + ".setslice(" + sa + ", " + convert(v, vt, s->type) + ");");
      return;
    }
    std::string idx =
        exprAs(s->slice,
               s->value->type->is(TK::Dict) ? s->value->type->args[0] : T.intT);
    pre_ = saved;
    flushPre(pre);
    line(obj + ".setitem(" + idx + ", " + convert(v, vt, s->type) + ");");
    return;
  }
  line("/* unsupported assignment target */");
}

void Gen::block(const StmtList &b) {
  for (Stmt *s : b)
    stmt(s);
}

void Gen::emitReturn(Expr *value) {
  std::vector<std::string> pre;
  pre_ = &pre;
  std::string v;
  if (value && fn_)
    v = exprAs(value, fn_->ret);
  flushPre(pre);
  if (value && fn_->ret->is(TK::None) && !v.empty() && v != "py::none")
    line(v + ";");
  const char *kw = inCoro_ ? "co_return" : "return";
  if (!cleanups_.empty()) {
    // Run the enclosing finally blocks first (flag 1 = return).
    if (value && !fn_->ret->is(TK::None))
      line("_rv = " + v + ";");
    int id = cleanups_.back().id;
    line("{ _fl" + std::to_string(id) + " = 1; goto _fin" + std::to_string(id) +
         "; }");
    return;
  }
  if (!value || fn_->ret->is(TK::None))
    line(std::string(kw) + ";");
  else
    line(std::string(kw) + " " + v + ";");
}

void Gen::emitJump(bool isBreak) {
  if (!loops_.empty() && cleanups_.size() > loops_.back().cleanupDepth) {
    int id = cleanups_.back().id;
    line("{ _fl" + std::to_string(id) + " = " + (isBreak ? "2" : "3") +
         "; goto _fin" + std::to_string(id) + "; }");
    return;
  }
  line(isBreak ? "break;" : "continue;");
}

void Gen::raiseStmt(Raise *r) {
  std::vector<std::string> pre;
  pre_ = &pre;
  if (!r->exc) {
    flushPre(pre);
    if (!handlers_.empty())
      line("std::rethrow_exception(" + handlers_.back().ep + ");");
    else
      line("throw aioc::RuntimeError(\"No active exception to reraise\");");
    return;
  }
  const Type *t = r->exc->type;
  std::string thrown;
  if (t->is(TK::ClassRef)) {
    thrown = "throw " + t->cls->cppName + "()";
  } else if (auto *c = dyn_cast<Call>(r->exc);
             c && c->func->type && c->func->type->is(TK::ClassRef)) {
    thrown = "throw " + makeExc(c->func->type->cls, c);
  } else {
    thrown = "std::rethrow_exception(" + expr(r->exc) + ".ep)";
  }
  flushPre(pre);
  line(thrown + ";");
}

void Gen::stmt(Stmt *s) {
  lineDirective(s);
  std::vector<std::string> pre;
  pre_ = &pre;
  switch (s->kind()) {
  case Node::Kind::ExprStmt: {
    Expr *v = cast<ExprStmt>(s)->value;
    if (auto *y = dyn_cast<Yield>(v))
      return yieldStmt(y);
    // `await gather(...)` as a statement: its result list is never built.
    discardAwait_ = isa<Await>(v);
    std::string x = expr(v);
    discardAwait_ = false;
    flushPre(pre);
    // An awaited value was already computed into a temporary.
    if (x != "py::none" && !isa<Constant>(v) && !isa<Name>(v) && !isa<Await>(v))
      line(x + ";");
    return;
  }
  case Node::Kind::Pass:
    return;
  case Node::Kind::Break:
    emitJump(true);
    return;
  case Node::Kind::Continue:
    emitJump(false);
    return;
  case Node::Kind::Assign: {
    auto *a = cast<Assign>(s);
    const Type *vt = a->value->type;
    std::string v;
    // Empty literals take the target's type.
    if (sema::hasUnknown(vt) && a->targets.size() == 1)
      v = exprAs(a->value, a->targets[0]->type);
    else
      v = expr(a->value);
    flushPre(pre);
    if (a->targets.size() > 1) {
      std::string t = fresh();
      line("auto " + t + " = " + v + ";");
      v = t;
    }
    for (auto *t : a->targets)
      assign(t, v, sema::hasUnknown(vt) ? t->type : vt);
    return;
  }
  case Node::Kind::AnnAssign: {
    auto *a = cast<AnnAssign>(s);
    if (!a->value)
      return;
    std::string v = exprAs(a->value, a->target->type);
    flushPre(pre);
    assign(a->target, v, a->target->type ? a->target->type : a->value->type);
    return;
  }
  case Node::Kind::AugAssign: {
    auto *a = cast<AugAssign>(s);
    const Type *tt = a->target->type;
    if (auto *n = dyn_cast<Name>(a->target)) {
      std::string cur = name(n);
      std::string v = expr(a->value);
      flushPre(pre);
      // Narrowed optionals were type-checked as their value type.
      const Type *rt = tt;
      if (tt->isNumeric() && a->value->type->is(TK::Float))
        rt = T.floatT;
      if (a->op == OperatorKind::Div)
        rt = T.floatT;
      std::string r =
          binopValues(a->op, cur, tt, v, a->value->type, rt, a->value);
      if ((tt->is(TK::List) || tt->is(TK::Set)) &&
          a->op != OperatorKind::Mult) {
        line(cur + " " + spelling(a->op) + "= " + v + ";");
        return;
      }
      Symbol *sym = S.nameSymbols.at(n);
      std::string lhs =
          sym->kind == Symbol::Kind::Global ? "g_" + n->id : "v_" + n->id;
      line(lhs + " = " + convert(r, rt, sym->type) + ";");
      return;
    }
    if (auto *at = dyn_cast<Attribute>(a->target)) {
      std::string obj;
      if (auto *n = dyn_cast<Name>(at->value); n && n->id == "self")
        obj = "this";
      else
        obj = hoist(expr(at->value));
      std::string lhs = obj + "->f_" + at->attr;
      std::string v = expr(a->value);
      flushPre(pre);
      if (tt->is(TK::List) && a->op == OperatorKind::Add) {
        line(lhs + " += " + v + ";");
        return;
      }
      const Type *rt = (tt->is(TK::Float) || a->value->type->is(TK::Float) ||
                        a->op == OperatorKind::Div)
                           ? T.floatT
                           : tt;
      line(lhs + " = " +
           convert(binopValues(a->op, lhs, tt, v, a->value->type, rt, a->value),
                   rt, tt) +
           ";");
      return;
    }
    if (auto *sub = dyn_cast<Subscript>(a->target)) {
      std::string obj = hoist(expr(sub->value));
      const Type *ct = sub->value->type;
      std::string idx =
          hoist(exprAs(sub->slice, ct->is(TK::Dict) ? ct->args[0] : T.intT));
      std::string v = expr(a->value);
      flushPre(pre);
      std::string cur = ct->is(TK::List)
                            ? "py::detail::Stored<" + cppType(tt) + ">::ref(" +
                                  obj + "[" + idx + "])"
                            : obj + "[" + idx + "]";
      const Type *rt = (tt->is(TK::Float) || a->value->type->is(TK::Float) ||
                        a->op == OperatorKind::Div)
                           ? T.floatT
                           : tt;
      line(obj + ".setitem(" + idx + ", " +
           convert(binopValues(a->op, cur, tt, v, a->value->type, rt, a->value),
                   rt, tt) +
           ");");
      return;
    }
    return;
  }
  case Node::Kind::Return:
    emitReturn(cast<Return>(s)->value);
    return;
  case Node::Kind::If: {
    auto *i = cast<If>(s);
    std::string c = truthy(i->test);
    flushPre(pre);
    line("if (" + c + ") {");
    ++ind_;
    block(i->body);
    --ind_;
    if (!i->orelse.empty()) {
      line("} else {");
      ++ind_;
      block(i->orelse);
      --ind_;
    }
    line("}");
    return;
  }
  case Node::Kind::While: {
    auto *w = cast<While>(s);
    std::string c = truthy(w->test);
    loops_.push_back({cleanups_.size()});
    if (pre.empty()) {
      line("while (" + c + ") {");
      ++ind_;
    } else {
      line("while (true) {");
      ++ind_;
      flushPre(pre);
      line("if (!" + c + ") break;");
    }
    block(w->body);
    --ind_;
    line("}");
    loops_.pop_back();
    return;
  }
  case Node::Kind::For:
    forStmt(cast<For>(s));
    return;
  case Node::Kind::Try:
    tryStmt(cast<Try>(s));
    return;
  case Node::Kind::With:
    withStmt(cast<With>(s));
    return;
  case Node::Kind::Raise:
    raiseStmt(cast<Raise>(s));
    return;
  case Node::Kind::Assert: {
    auto *a = cast<Assert>(s);
    std::string c = truthy(a->test);
    flushPre(pre);
    line("if (!" + c + ") {");
    ++ind_;
    if (a->msg) {
      std::vector<std::string> p2;
      pre_ = &p2;
      std::string m = expr(a->msg);
      flushPre(p2);
      line("throw aioc::AssertionError(py::str(" + m + ").bytes());");
    } else {
      line("throw aioc::AssertionError();");
    }
    --ind_;
    line("}");
    return;
  }
  case Node::Kind::FunctionDef: {
    auto *fd = cast<FunctionDef>(s);
    FuncInfo *f = S.funcOf.at(fd);
    if (f->parent)
      line("v_" + f->name + " = " + nestedFunction(f) + ";");
    return;
  }
  case Node::Kind::Delete:
    deleteStmt(cast<Delete>(s));
    return;
  default:
    return;
  }
}

std::string Gen::nestedFunction(FuncInfo *f) {
  std::string body;
  std::string *savedBuf = buf_;
  int savedInd = ind_;
  FuncInfo *savedFn = fn_;
  bool savedCoro = inCoro_;
  auto savedCleanups = std::move(cleanups_);
  auto savedLoops = std::move(loops_);
  cleanups_.clear();
  loops_.clear();
  buf_ = &body;
  ind_ = 1;
  fn_ = f;
  inCoro_ = false;
  int savedCellBlocks = cellBlocks_;
  cellBlocks_ = 0;
  *buf_ += captureCells(f);
  declareLocals(f);
  block(f->def->body);
  if (!f->ret->is(TK::None))
    line("return {};");
  closeCellBlocks();
  cellBlocks_ = savedCellBlocks;
  buf_ = savedBuf;
  ind_ = savedInd;
  fn_ = savedFn;
  inCoro_ = savedCoro;
  cleanups_ = std::move(savedCleanups);
  loops_ = std::move(savedLoops);
  std::string s = "[=](";
  for (size_t i = 0; i < f->paramNames.size(); ++i)
    s += (i ? ", " : "") + cppType(f->paramTypes[i]) + " v_" + f->paramNames[i];
  return s + ") -> " + retType(f->ret) + " {\n" + body + "}";
}

void Gen::forStmt(For *f) {
  // aiofiles files (TK::IO) are CodegenIO's; the rest is CodegenLang's.
  if (f->isAsync && !f->iter->type->is(TK::IO))
    return asyncForStmt(f);
  std::vector<std::string> pre;
  pre_ = &pre;
  std::string it = expr(f->iter);
  flushPre(pre);
  std::string el = fresh("_e");
  if (std::string next, elemOf; io_.loop(f, "_it" + el, next, elemOf)) {
    // Files: pull lines until EOF (nullopt).
    line("auto _it" + el + " = " + it + ";");
    loops_.push_back({cleanups_.size()});
    line("while (true) {");
    ++ind_;
    line("auto " + el + " = " + next + ";");
    line("if (!" + el + ") break;");
    assign(f->target, elemOf + "(std::move(*" + el + "))", f->target->type);
    block(f->body);
    --ind_;
    line("}");
    loops_.pop_back();
    return;
  }
  loops_.push_back({cleanups_.size()});
  // dict.keys()/values()/items() views and lists iterate live containers.
  line("for (auto &&" + el + " : " + it + ") {");
  ++ind_;
  const Type *elT = f->target->type;
  if (!elT) {
    const Type *t = f->iter->type;
    elT = t->is(TK::Str) ? T.strT : t->is(TK::Range) ? T.intT : t->args[0];
  }
  assign(f->target, el, elT);
  block(f->body);
  --ind_;
  line("}");
  loops_.pop_back();
}

void Gen::tryStmt(Try *t) {
  int id = ++tmp_;
  std::string sid = std::to_string(id);
  bool hasFinally = !t->finalbody.empty();
  line("{");
  ++ind_;
  if (hasFinally) {
    line("int _fl" + sid + " = 0;");
    line("std::exception_ptr _fe" + sid + ";");
    line("try {");
    ++ind_;
    cleanups_.push_back({id});
  }
  std::string ep = "_ep" + sid;
  if (t->isStar) {
    tryStarHandlers(t, sid);
  } else if (!t->handlers.empty()) {
    line("std::exception_ptr " + ep + ";");
    line("try {");
    ++ind_;
    block(t->body);
    --ind_;
    line("} catch (...) {");
    line("  " + ep + " = std::current_exception();");
    line("}");
    line("if (" + ep + ") {");
    ++ind_;
    // Which handler matches: decided inside catch clauses, run outside them
    // (a handler body may await).
    line("int _h" + sid + " = -1;");
    line("try {");
    line("  std::rethrow_exception(" + ep + ");");
    std::vector<std::string> binds;
    for (size_t i = 0; i < t->handlers.size(); ++i) {
      ExceptHandler *h = t->handlers[i];
      std::vector<Expr *> types;
      if (h->type) {
        if (auto *tu = dyn_cast<Tuple>(h->type))
          types = tu->elts;
        else
          types.push_back(h->type);
      }
      std::string bind;
      if (!h->name.empty()) {
        auto hs = S.handlerSymbols.find(h);
        if (hs != S.handlerSymbols.end() && hs->second->type->is(TK::Class)) {
          Symbol *sym = hs->second;
          std::string var = (sym->kind == Symbol::Kind::Global ? "g_" : "v_") +
                            h->name + sym->suffix;
          bind = var + " = " + cppType(sym->type) + "{" + ep + ", &_x};";
        }
      }
      if (types.empty()) {
        line("} catch (...) {");
        line("  _h" + sid + " = " + std::to_string(i) + ";");
        break;
      }
      for (auto *te : types) {
        line("} catch (" + te->type->cls->cppName + " &_x) {");
        line("  _h" + sid + " = " + std::to_string(i) + ";");
        if (!bind.empty())
          line("  " + bind);
        else
          line("  (void)_x;");
      }
    }
    line("} catch (...) {");
    line("}");
    for (size_t i = 0; i < t->handlers.size(); ++i) {
      line(std::string(i ? "} else if" : "if") + " (_h" + sid +
           " == " + std::to_string(i) + ") {");
      ++ind_;
      handlers_.push_back({ep});
      block(t->handlers[i]->body);
      handlers_.pop_back();
      --ind_;
    }
    line("} else {");
    line("  std::rethrow_exception(" + ep + ");");
    line("}");
    --ind_;
    if (!t->orelse.empty()) {
      line("} else {");
      ++ind_;
      block(t->orelse);
      --ind_;
    }
    line("}");
  } else {
    line("{");
    ++ind_;
    block(t->body);
    block(t->orelse);
    --ind_;
    line("}");
  }
  if (hasFinally) {
    cleanups_.pop_back();
    --ind_;
    line("} catch (...) {");
    line("  _fe" + sid + " = std::current_exception();");
    line("}");
    line("_fin" + sid + ":;");
    block(t->finalbody);
    line("if (_fe" + sid + ") std::rethrow_exception(_fe" + sid + ");");
    line("if (_fl" + sid + " == 1) {");
    ++ind_;
    if (!cleanups_.empty()) {
      int outer = cleanups_.back().id;
      line("_fl" + std::to_string(outer) + " = 1; goto _fin" +
           std::to_string(outer) + ";");
    } else if (fn_ && !fn_->ret->is(TK::None)) {
      line(std::string(inCoro_ ? "co_return" : "return") + " std::move(_rv);");
    } else {
      line(inCoro_ ? "co_return;" : "return;");
    }
    --ind_;
    line("}");
    if (!loops_.empty()) {
      line("if (_fl" + sid + " == 2) {");
      ++ind_;
      emitJump(true);
      --ind_;
      line("}");
      line("if (_fl" + sid + " == 3) {");
      ++ind_;
      emitJump(false);
      --ind_;
      line("}");
    }
  }
  --ind_;
  line("}");
}

void Gen::withStmt(With *w) {
  // Only async context managers reach here: user classes with
  // __aenter__/__aexit__, and Lock/Semaphore/Condition.
  for (size_t k = 0; k < w->items.size(); ++k) {
    WithItem *item = w->items[k];
    std::vector<std::string> pre;
    pre_ = &pre;
    std::string cm = expr(item->context_expr);
    flushPre(pre);
    int id = ++tmp_;
    std::string sid = std::to_string(id);
    std::string cmv = "_cm" + sid;
    line("{");
    ++ind_;
    const Type *t = item->context_expr->type;
    bool user = t->is(TK::Class);
    std::string enter, exitOk, exitErr, bindVal;
    IOGen::With iw;
    if (io_.with(item, cm, cmv, sid, w->isAsync, iw)) {
      line(iw.decl);
      enter = iw.enter;
      bindVal = iw.bindVal;
      exitOk = iw.exitOk;
      exitErr = iw.exitErr;
    } else if (t->is(TK::TaskGroup)) {
      // TaskGroup.__aexit__ re-raises what CPython would; when it returns,
      // the exception (if any) was handled.
      line("aioc::TaskGroup " + cmv + ";");
      enter = cmv + ".enter();";
      bindVal = "&" + cmv;
      exitOk = "co_await " + cmv + ".exit(nullptr);";
      exitErr = "co_await " + cmv + ".exit(_fe" + sid + "); bool _sup" + sid +
                " = true;";
    } else if (t->is(TK::Timeout)) {
      line("auto " + cmv + " = " + cm + ";");
      enter = cmv + "->enter();";
      bindVal = cmv + ".get()";
      exitOk = cmv + "->exit(nullptr);";
      exitErr = cmv + "->exit(_fe" + sid + "); bool _sup" + sid + " = true;";
    } else {
      line("auto " + cmv + " = " + cm + ";");
    }
    if (!enter.empty()) {
    } else if (user) {
      FuncInfo *ae =
          t->cls->findMethod(w->isAsync ? "__aenter__" : "__enter__");
      const char *aw = w->isAsync ? "co_await " : "";
      if (ae->ret->is(TK::None) || !item->optional_vars)
        enter = std::string(aw) + cmv + "->m_" + ae->name + "();";
      else
        enter = "auto _v" + sid + " = " + aw + cmv + "->m_" + ae->name + "();";
      FuncInfo *ax = t->cls->findMethod(w->isAsync ? "__aexit__" : "__exit__");
      std::string call = std::string(aw) + cmv + "->m_" + ax->name;
      exitOk = call + "(py::Optional<ExcRef<aioc::BaseException>>(), "
                      "py::Optional<ExcRef<aioc::BaseException>>(), "
                      "py::Optional<ExcRef<aioc::BaseException>>());";
      exitErr = "bool _sup" + sid + " = py::truthy(" + call + "(excArg(_fe" +
                sid + "), excArg(_fe" + sid + "), excArg(_fe" + sid + ")));";
      if (ax->ret->is(TK::None))
        exitErr = call + "(excArg(_fe" + sid + "), excArg(_fe" + sid +
                  "), excArg(_fe" + sid + ")); bool _sup" + sid + " = false;";
    } else {
      enter = "co_await " + cmv + "->acquire();";
      exitOk = cmv + "->release();";
      exitErr = cmv + "->release(); bool _sup" + sid + " = false;";
    }
    line(enter);
    if (!bindVal.empty() && item->optional_vars)
      assign(item->optional_vars, bindVal, item->optional_vars->type);
    if (user && item->optional_vars &&
        !t->cls->findMethod(w->isAsync ? "__aenter__" : "__enter__")
             ->ret->is(TK::None))
      assign(item->optional_vars, "_v" + sid, item->optional_vars->type);
    line("int _fl" + sid + " = 0;");
    line("std::exception_ptr _fe" + sid + ";");
    line("try {");
    ++ind_;
    cleanups_.push_back({id});
    if (k + 1 == w->items.size())
      block(w->body);
    --ind_;
    line("} catch (...) {");
    line("  _fe" + sid + " = std::current_exception();");
    line("}");
    cleanups_.pop_back();
    line("_fin" + sid + ":;");
    line("if (_fe" + sid + ") {");
    line("  " + exitErr);
    line("  if (!_sup" + sid + ") std::rethrow_exception(_fe" + sid + ");");
    line("} else {");
    line("  " + exitOk);
    line("}");
    line("if (_fl" + sid + " == 1) {");
    ++ind_;
    if (!cleanups_.empty()) {
      int outer = cleanups_.back().id;
      line("_fl" + std::to_string(outer) + " = 1; goto _fin" +
           std::to_string(outer) + ";");
    } else if (fn_ && !fn_->ret->is(TK::None)) {
      line(std::string(inCoro_ ? "co_return" : "return") + " std::move(_rv);");
    } else {
      line(inCoro_ ? "co_return;" : "return;");
    }
    --ind_;
    line("}");
    if (!loops_.empty()) {
      line("if (_fl" + sid + " == 2) {");
      ++ind_;
      emitJump(true);
      --ind_;
      line("}");
      line("if (_fl" + sid + " == 3) {");
      ++ind_;
      emitJump(false);
      --ind_;
      line("}");
    }
    --ind_;
    line("}");
  }
}

// ------------------------------------------------------------ functions

std::string Gen::signature(const FuncInfo *f, const std::string &qual, bool) {
  std::string s = funcRetType(f) + " " + qual + "(";
  for (size_t i = 0; i < f->paramNames.size(); ++i)
    s += (i ? ", " : "") + cppType(f->paramTypes[i]) + " v_" + f->paramNames[i];
  if (f->varargType)
    s += std::string(f->paramNames.empty() ? "" : ", ") +
         cppType(T.list(f->varargType)) + " v_" + f->varargName;
  return s + ")";
}

void Gen::declareLocals(FuncInfo *f) {
  cellParams(f);
  for (Symbol *s : f->locals)
    if (s->cell && s->type && !s->type->is(TK::Error))
      cellLocal(s);
    else if (s->type && !s->type->is(TK::Error))
      line(cppType(s->type) + " v_" + s->name + s->suffix + "{};");
  // Nested functions live in cells too, so closures (and the function
  // itself, when recursive) see the definition made after they were built.
  for (FuncInfo *n : f->nested) {
    std::string t = cppType(n->type);
    line("auto c_" + n->name + " = std::make_shared<" + t + ">();");
    line(t + " &v_" + n->name + " = *c_" + n->name + ";");
  }
  if (!f->ret->is(TK::None))
    line(cppType(f->ret) + " _rv{};");
  else
    line("[[maybe_unused]] py::None _rv;");
}

void Gen::emitFunction(FuncInfo *f) {
  std::string qual =
      f->owner ? f->owner->cppName + "::m_" + f->name : f->cppName;
  std::string body;
  buf_ = &body;
  ind_ = 1;
  fn_ = f;
  inCoro_ = f->isAsync || f->genType;
  cleanups_.clear();
  loops_.clear();
  if (inCoro_ && f->isMethod && !f->owner->isException)
    line("auto _keep = this->self_(); // the frame keeps `self` alive");
  declareLocals(f);
  block(f->def->body);
  if (inCoro_)
    line(f->ret->is(TK::None) ? "co_return;"
                              : "co_return " + cppType(f->ret) + "{};");
  else if (!f->ret->is(TK::None))
    line("return " + cppType(f->ret) + "{};");
  closeCellBlocks();
  bodies_ += signature(f, qual, false) + " {\n" + body + "}\n\n";
  fn_ = nullptr;
}

void Gen::emitClass(ClassInfo *c, std::string &out) {
  std::string base;
  if (c->isException)
    base = c->base->cppName;
  else if (c->base)
    base = c->base->cppName;
  else
    base = "Object";
  out += "struct " + c->cppName + " : " + base + " {\n";
  for (auto &f : c->fields)
    out += "  " + cppType(f.type) + " f_" + f.name + "{};\n";
  if (c->isException) {
    out += "  " + c->cppName + "() = default;\n";
    out += "  explicit " + c->cppName +
           "(std::string m) { this->message_ = std::move(m); }\n";
    out += "  const char *typeName() const override { return " +
           cppStringLiteral(c->name) + "; }\n";
  } else {
    out += "  std::shared_ptr<" + c->cppName + "> self_() {\n";
    out += "    return std::static_pointer_cast<" + c->cppName +
           ">(this->shared_from_this());\n  }\n";
    out += "  const char *typeName_() const override { return " +
           cppStringLiteral(c->name) + "; }\n";
  }
  for (FuncInfo *m : c->methodOrder) {
    std::string sig = signature(m, "m_" + m->name, true);
    if (m->isStatic)
      out += "  static " + sig + ";\n";
    else if (m->name == "__init__")
      out += "  " + sig + ";\n";
    else
      out += "  virtual " + sig + ";\n";
  }
  if (!c->isException) {
    // Construction: Python's C(...) = allocate, then __init__.
    FuncInfo *init = c->findMethod("__init__");
    if (init) {
      std::string params, args;
      for (size_t i = 0; i < init->paramNames.size(); ++i) {
        params += (i ? ", " : "") + cppType(init->paramTypes[i]) + " a" +
                  std::to_string(i);
        args += (i ? ", " : "") + std::string("std::move(a") +
                std::to_string(i) + ")";
      }
      out += "  static std::shared_ptr<" + c->cppName + "> make(" + params +
             ") {\n";
      out += "    auto o = std::make_shared<" + c->cppName + ">();\n";
      out += "    o->initDefaults_();\n";
      out += "    o->m___init__(" + args + ");\n    return o;\n  }\n";
    } else if (c->isDataclass) {
      auto fields = c->allFields();
      std::string params;
      for (size_t i = 0; i < fields.size(); ++i)
        params += (i ? ", " : "") + cppType(fields[i]->type) + " a" +
                  std::to_string(i);
      out += "  static std::shared_ptr<" + c->cppName + "> make(" + params +
             ") {\n";
      out += "    auto o = std::make_shared<" + c->cppName + ">();\n";
      for (size_t i = 0; i < fields.size(); ++i)
        out += "    o->f_" + fields[i]->name + " = std::move(a" +
               std::to_string(i) + ");\n";
      out += "    return o;\n  }\n";
    } else {
      out += "  static std::shared_ptr<" + c->cppName + "> make() {\n";
      out += "    auto o = std::make_shared<" + c->cppName + ">();\n";
      out += "    o->initDefaults_();\n    return o;\n  }\n";
    }
    out += "  void initDefaults_();\n";
    if (c->isDataclass) {
      out += "  friend bool operator==(const " + c->cppName + " &a, const " +
             c->cppName + " &b) {\n    return true";
      for (auto *f : c->allFields())
        out += " && a.f_" + f->name + " == b.f_" + f->name;
      out += ";\n  }\n";
    }
    if (c->isOrdered) {
      // order=True: fields compared as a tuple, first difference decides.
      out += "  friend bool operator<(const " + c->cppName + " &a, const " +
             c->cppName + " &b) {\n";
      for (auto *f : c->allFields())
        out += "    if (!(a.f_" + f->name + " == b.f_" + f->name +
               ")) return a.f_" + f->name + " < b.f_" + f->name + ";\n";
      out += "    return false;\n  }\n";
    }
  }
  out += "};\n\n";
}

void Gen::emitMethodBodies(ClassInfo *c) {
  if (!c->isException) {
    // Class-body defaults of plain classes (dataclasses get them through
    // make()'s arguments).
    std::string body;
    buf_ = &body;
    ind_ = 1;
    fn_ = nullptr;
    if (c->base && !c->base->isBuiltin)
      line(c->base->cppName + "::initDefaults_();");
    if (!c->isDataclass)
      for (auto &f : c->fields)
        if (f.init) {
          std::vector<std::string> pre;
          pre_ = &pre;
          std::string v = exprAs(f.init, f.type);
          flushPre(pre);
          line("this->f_" + f.name + " = " + v + ";");
        }
    bodies_ += "void " + c->cppName + "::initDefaults_() {\n" + body + "}\n\n";
  }
  for (FuncInfo *m : c->methodOrder)
    emitFunction(m);
}

std::string Gen::run() {
  std::string classes;
  for (ClassInfo *c : S.userClasses)
    emitClass(c, classes);
  // repr()/str() of user objects, found by ADL from the runtime's print.
  std::string reprs;
  // Ordered dataclasses compare by value, also inside sorted()/min()/max()
  // (a non-template operator beats std's shared_ptr comparison).
  for (ClassInfo *c : S.userClasses) {
    if (!c->isOrdered)
      continue;
    std::string p = "const std::shared_ptr<" + c->cppName + "> &";
    reprs +=
        "inline bool operator<(" + p + "a, " + p + "b) { return *a < *b; }\n";
    reprs +=
        "inline bool operator>(" + p + "a, " + p + "b) { return *b < *a; }\n";
    reprs += "inline bool operator<=(" + p + "a, " + p +
             "b) { return !(*b < *a); }\n";
    reprs += "inline bool operator>=(" + p + "a, " + p +
             "b) { return !(*a < *b); }\n";
  }
  for (ClassInfo *c : S.userClasses) {
    if (c->isException)
      continue;
    std::string p = "const std::shared_ptr<" + c->cppName + "> &o";
    FuncInfo *rp = c->findMethod("__repr__");
    FuncInfo *st = c->findMethod("__str__");
    reprs += "inline void reprTo(std::string &out, " + p + ") {\n";
    if (rp)
      reprs += "  out += o->m___repr__().bytes();\n";
    else if (c->isDataclass) {
      reprs += "  out += " + cppStringLiteral(c->name + "(") + ";\n";
      auto fields = c->allFields();
      for (size_t i = 0; i < fields.size(); ++i) {
        reprs += "  out += " +
                 cppStringLiteral((i ? ", " : "") + fields[i]->name + "=") +
                 ";\n";
        reprs += "  reprTo(out, o->f_" + fields[i]->name + ");\n";
      }
      reprs += "  out += ')';\n";
    } else
      reprs += "  objectRepr(out, o.get());\n";
    reprs += "}\n";
    reprs += "inline void strTo(std::string &out, " + p + ") {\n";
    if (st)
      reprs += "  out += o->m___str__().bytes();\n";
    else
      reprs += "  reprTo(out, o);\n";
    reprs += "}\n";
  }
  // Prototypes for every module function.
  for (FuncInfo *f : S.moduleFuncs)
    protos_ += signature(f, f->cppName, false) + ";\n";
  std::string globals;
  for (Symbol *g : S.globals)
    if (g->type && !g->type->is(TK::Error))
      globals += cppType(g->type) + " g_" + g->name + g->suffix + "{};\n";
  for (ClassInfo *c : S.userClasses)
    emitMethodBodies(c);
  for (FuncInfo *f : S.moduleFuncs)
    emitFunction(f);
  // Module top level.
  std::string body;
  buf_ = &body;
  ind_ = 1;
  fn_ = nullptr;
  inCoro_ = false;
  cleanups_.clear();
  loops_.clear();
  for (Stmt *s : mod_->body) {
    if (isa<FunctionDef>(s) || isa<ClassDef>(s) || isa<Import>(s) ||
        isa<ImportFrom>(s))
      continue;
    stmt(s);
  }
  std::string out;
  out += "// Generated by aioc from " + O.scriptPath + ". Do not edit.\n";
  out += "#include <aioc/gen/support.h>\n";
  if (S.usesIO)
    out += "#include <aioc/io/pybind.h>\n";
  out += "\n";
  out += "namespace aioc_user {\n";
  out += "using namespace aioc::gen;\n";
  // Beside the user-type overloads below, so unqualified calls see both.
  out += "using aioc::py::formatTo;\nusing aioc::py::reprTo;\n"
         "using aioc::py::strTo;\nusing aioc::gen::reprTo;\n"
         "using aioc::gen::strTo;\n\n";
  out += literals_ + "\n";
  std::string fwd;
  for (ClassInfo *c : S.userClasses)
    fwd += "struct " + c->cppName + ";\n";
  out += fwd + "\n" + classes + reprs + "\n";
  out += "py::List<py::Str> g_sys_argv;\n" + globals + "\n";
  out += protos_ + "\n" + bodies_;
  out +=
      "void moduleMain() {\n[[maybe_unused]] py::None _rv;\n" + body + "}\n\n";
  out += "} // namespace aioc_user\n\n";
  out += "int main(int argc, char **argv) {\n";
  out += "  aioc_user::g_sys_argv = aioc::gen::argvList(argc, argv);\n";
  out += "  return aioc::py::runMain(aioc_user::moduleMain);\n}\n";
  return out;
}

#include "codegen/CodegenAsyncio.inc"
#include "codegen/CodegenLang.inc"

} // namespace

std::string generate(Module *m, const sema::SemaResult &sema,
                     sema::TypeContext &types, const Options &opts) {
  Gen g(m, sema, types, opts);
  return g.run();
}

} // namespace aioc::codegen
