// The type checker. One pass over the module in source order; function
// bodies are checked after the module's statements, except that a function
// whose return type must be inferred is checked on first call (recursion
// without an annotation is an error, as SPEC §2 allows).
#include "sema/Sema.h"
#include "sema/SemaIO.h"

#include <llvm/ADT/ScopeExit.h>
#include <llvm/Support/Casting.h>

#include <functional>
#include <set>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace aioc::sema {
namespace {

using TK = TypeKind;

// Builtin exception classes and their bases, as in Python.
const char *const kBuiltinExceptions[][2] = {
    {"BaseException", ""},
    {"Exception", "BaseException"},
    {"KeyboardInterrupt", "BaseException"},
    {"SystemExit", "BaseException"},
    {"CancelledError", "BaseException"},
    {"ArithmeticError", "Exception"},
    {"ZeroDivisionError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"},
    {"AssertionError", "Exception"},
    {"AttributeError", "Exception"},
    {"LookupError", "Exception"},
    {"IndexError", "LookupError"},
    {"KeyError", "LookupError"},
    {"NameError", "Exception"},
    {"RuntimeError", "Exception"},
    {"NotImplementedError", "RuntimeError"},
    {"RecursionError", "RuntimeError"},
    {"StopIteration", "Exception"},
    {"StopAsyncIteration", "Exception"},
    {"TypeError", "Exception"},
    {"ValueError", "Exception"},
    {"UnicodeError", "ValueError"},
    {"OSError", "Exception"},
    {"FileNotFoundError", "OSError"},
    {"PermissionError", "OSError"},
    {"ConnectionError", "OSError"},
    {"TimeoutError", "OSError"},
    {"InvalidStateError", "Exception"},
    {"BrokenBarrierError", "RuntimeError"},
    {"QueueEmpty", "Exception"},
    {"QueueFull", "Exception"},
    {"ExceptionGroup", "Exception"},
};

const std::set<std::string> kBuiltinFuncs = {
    "print",    "len",       "range", "str",  "int",  "float",      "bool",
    "repr",     "abs",       "min",   "max",  "sum",  "round",      "sorted",
    "reversed", "enumerate", "zip",   "any",  "all",  "isinstance", "ord",
    "chr",      "hex",       "type",  "list", "dict", "set",        "tuple",
    "divmod",   "format",    "super", "bin",  "oct",
};

// Modules a script may import; the others are rejected at the import.
const std::set<std::string> kModules = {
    "asyncio", "sys",         "time",       "random",          "json",  "os",
    "typing",  "dataclasses", "__future__", "collections.abc", "types", "math",
};

class TypeChecker {
public:
  // `d` == nullptr: quiet (checkQuiet): nothing is printed and, after the
  // first error, statements and expressions are skipped.
  TypeChecker(Module *m, unsigned file, DiagnosticEngine *d, TypeContext &t,
              SemaResult &r)
      : mod_(m), file_(file), diags_(d), T(t), R(r), io_(ioHost()) {}

  bool run();

private:
  Module *mod_;
  unsigned file_;
  DiagnosticEngine *diags_;
  TypeContext &T;
  SemaResult &R;
  unsigned errors_ = 0;
  // Expression nesting of checkExpr/collectNamedExprs. The parser admits
  // ~4000 levels (`not not ... x`); recursing that deep overflows the stack
  // (under ASan first), so sema refuses past kMaxNesting instead.
  static constexpr unsigned kMaxNesting = 200;
  unsigned nesting_ = 0;
  bool tooDeep(const Node *n) {
    if (nesting_ <= kMaxNesting)
      return false;
    error(n, "expression nested more than " + std::to_string(kMaxNesting) +
                 " levels deep: aioc does not support it (split it with "
                 "intermediate variables)");
    return true;
  }
  // httpx, aiofiles, subprocesses, streams, blocking calls (SemaIO.cpp).
  IOChecker io_;
  IOChecker::Host ioHost() {
    return {T,
            [this](Expr *e, const Type *x) { return checkExpr(e, x); },
            [this](const Node *n, const std::string &m) { error(n, m); },
            [this](const std::string &k) { return exc(k); },
            [this]() {
              FuncInfo *f = cur_;
              while (f && (f->lambda || f->name == "<comprehension>"))
                f = f->parent;
              return f && f->isAsync;
            },
            [this]() { R.usesIO = true; }};
  }

  FuncInfo *cur_ = nullptr; // function being checked; nullptr = module
  ClassInfo *curClass_ = nullptr;
  std::map<std::string, Symbol *> module_;
  std::map<std::string, ClassInfo *> builtinExc_;
  // `from asyncio import sleep` -> "asyncio.sleep"; `import asyncio as aio`.
  std::map<std::string, std::string> aliases_;
  std::vector<std::map<Symbol *, const Type *>> narrow_;
  std::vector<const Type *> *returns_ = nullptr;
  int loopDepth_ = 0;
  int tryFinallyDepth_ = 0;

  // Closures capture by value (codegen), which equals Python's late binding
  // only when the captured variable is bound once, outside any loop, before
  // the closure is defined. Anything else is refused (checkCaptures) rather
  // than compiled to a silently different answer.
  struct Capture {
    Symbol *sym;
    Name *use;
    SourceLoc closureBegin;
  };
  struct Binding {
    SourceLoc at;
    bool inLoop;
  };
  std::vector<Capture> captures_;
  std::map<Symbol *, std::vector<Binding>> bindings_;
  bool bindingForTarget_ = false;
  void noteCapture(Symbol *s, Name *use);
  void checkCaptures();

  // ------------------------------------------------------------ helpers
  void error(const Node *n, const std::string &msg) {
    ++errors_;
    if (diags_)
      diags_->error(file_, n->range, msg);
  }
  void errorAt(SourceRange r, const std::string &msg) {
    ++errors_;
    if (diags_)
      diags_->error(file_, r, msg);
  }
  // Quiet mode after an error: the verdict is known, skip the rest.
  bool bail() const { return !diags_ && errors_; }
  // An asyncio mistake that leaves every type known (a dropped coroutine):
  // an error for compilation, but quiet mode (the linter, which reports it
  // as AIO104) keeps the facts.
  void mistake(const Node *n, const std::string &msg) {
    if (diags_)
      error(n, msg);
  }
  void unsupported(const Node *n, const std::string &what) {
    error(n, what + " not supported by aioc");
  }
  const Type *set(Expr *e, const Type *t) {
    e->type = t;
    return t;
  }
  static std::string q(const std::string &s) { return "`" + s + "`"; }
  static std::string q(const Type *t) { return "`" + t->str() + "`"; }

  Symbol *newSymbol(Symbol::Kind k, const std::string &name, const Type *t) {
    R.symbols.push_back(std::make_unique<Symbol>());
    Symbol *s = R.symbols.back().get();
    s->kind = k;
    s->name = name;
    s->type = t;
    return s;
  }

  ClassInfo *exc(const std::string &n) {
    auto it = builtinExc_.find(n);
    return it == builtinExc_.end() ? nullptr : it->second;
  }

  void setupBuiltins();
  void collectModule();
  void declareFunction(FunctionDef *fd, ClassInfo *owner, FuncInfo *parent);
  void declareClass(ClassDef *cd);
  void collectLocals(FuncInfo *f, const StmtList &body);
  void collectTargets(FuncInfo *f, Expr *t);
  void checkFunction(FuncInfo *f);
  const Type *resolveAnnotation(Expr *e);

  // statements
  void checkBlock(const StmtList &b);
  void checkStmt(Stmt *s);
  void checkAssignTarget(Expr *target, const Type *valueType, Expr *value,
                         const Type *annotated = nullptr);
  void bindName(Name *n, const Type *t, Expr *value, const Type *annotated);
  void checkIf(If *s);
  void checkFor(For *s);
  void checkTry(Try *s);
  void checkWith(With *s);
  bool terminates(const StmtList &b);

  // expressions
  const Type *checkExpr(Expr *e, const Type *expected = nullptr);
  const Type *checkExprAs(Expr *e, const Type *expected, const char *what);
  const Type *checkName(Name *n);
  const Type *checkAttribute(Attribute *a);
  const Type *checkCall(Call *c, const Type *expected);
  const Type *checkBuiltinCall(const std::string &name, Call *c,
                               const Type *expected);
  const Type *checkModuleCall(const std::string &qual, Call *c,
                              const Type *expected);
  const Type *checkMethodCall(Attribute *a, const Type *recv, Call *c);
  // SemaAsyncio.inc: nullptr when not an asyncio extension call.
  const Type *checkAsyncioCall(const std::string &qual, Call *c,
                               const Type *expected);
  const Type *checkJsonCall(const std::string &qual, Call *c,
                            const Type *expected);
  const Type *checkAsyncioMethod(Attribute *a, const Type *recv, Call *c);
  const Type *anyTaskType();
  const Type *checkUserCall(FuncInfo *f, Call *c, size_t skip = 0);
  const Type *checkClassCall(ClassInfo *ci, Call *c);
  const Type *checkBinOp(BinOp *b);
  const Type *checkCompare(Compare *c);
  const Type *checkSubscript(Subscript *s);
  const Type *checkComprehension(Expr *e, const Type *expected);
  const Type *checkLambda(Lambda *l, const Type *expected);
  const Type *iterElem(Expr *iter, const Type *t);
  const Type *unify(const Type *a, const Type *b, Expr *where);
  std::string qualName(Expr *e); // "asyncio.sleep" for module members
  // The leftmost name of an attribute chain, as written (`hx` in hx.get).
  static std::string sourceRoot(Expr *e) {
    while (auto *at = dyn_cast<Attribute>(e))
      e = at->value;
    auto *n = dyn_cast<Name>(e);
    return n ? n->id : std::string();
  }
  bool noKeywords(Call *c, const std::string &what);
  // CPython keeps an int stored where a float is annotated (prints `10`,
  // not `10.0`); aioc's static float would print differently, so the
  // implicit widening of a value the program can observe is an error.
  void noIntToFloat(Expr *e, const Type *from, const Type *to) {
    if (!e || !from || !to)
      return;
    if (to->is(TK::Optional))
      to = to->args[0];
    if (to->is(TK::Float) && (from->is(TK::Int) || from->is(TK::Bool)))
      error(e, "an `int` stored where `float` is expected would print as a "
               "float in aioc but as an int in Python; write a float (e.g. "
               "`1.0`) or convert with `float(...)`");
  }
  void checkKey(Expr *key, const Type *el) {
    // key=: a one-argument callable over the elements, or len/str/abs.
    const Type *kt = checkExpr(key, T.callable({el}, T.unknownT));
    if (kt->is(TK::Builtin) &&
        (kt->name == "len" || kt->name == "str" || kt->name == "abs"))
      return;
    if (kt->is(TK::Error))
      return;
    if (!kt->is(TK::Callable) || kt->args.size() != 1 ||
        !assignable(el, kt->args[0]) || kt->ret->is(TK::None))
      error(key, "key must be a one-argument function of " + q(el) +
                     " returning a value, not " + q(kt));
  }
  bool argCount(Call *c, size_t lo, size_t hi, const std::string &what);
  void narrowFromTest(Expr *test, bool positive);
  // A loop may reassign a narrowed variable before the test runs again:
  // forget the narrowing of every name the body assigns.
  void forgetNarrowing(const StmtList &body) {
    FuncInfo pseudo;
    collectLocals(&pseudo, body);
    for (auto &entry : pseudo.scope) {
      bool cl;
      if (Symbol *s = lookup(entry.first, cl))
        for (auto &m : narrow_)
          m.erase(s);
    }
  }
  const Type *lookupNarrow(Symbol *s);
  Symbol *lookup(const std::string &name, bool &closure);
  const Type *returnTypeOf(FuncInfo *f, Node *at);
  const Type *awaitResult(const Type *t, Node *at);

  // SemaLang.inc: generators, async for, del, walrus.
  bool findYield(const StmtList &body, Node *&cleanupYield);
  void declareGenerator(FuncInfo *f, FunctionDef *fd);
  const Type *generatorAnnotation(const std::string &base,
                                  const std::vector<Expr *> &args, Expr *e);
  void checkYield(Expr *value, Node *at);
  void checkAsyncFor(For *s, const Type *iterType);
  void checkDelete(Delete *d);
  const Type *checkNamedExpr(NamedExpr *n, const Type *expected);
  void collectNamedExprs(FuncInfo *f, Stmt *s);
  struct Deleted {
    Symbol *sym;
    Name *at;
    bool inLoop;
  };
  std::vector<Deleted> deleted_;
  void checkDeletedUses();
  void checkTryStar(Try *s);
  bool bindNonlocal(Symbol *s, Name *n);
  void checkNonlocal(Nonlocal *s);
  const Type *checkPercent(BinOp *b, const Type *args);
  const Type *checkTupleSlice(Subscript *s, Slice *sl, const Type *t);
  // Expressions whose value is only tested for truth (if/while tests, `not`
  // operands): mixing bool/int/float operands there is harmless.
  std::set<const Expr *> truthTests_;
  void noNumericMix(const Type *a, const Type *b, Expr *e, const char *what);
  bool dataclassCall(Expr *d, ClassInfo *c);
};

void TypeChecker::setupBuiltins() {
  for (auto &p : kBuiltinExceptions) {
    R.classes.push_back(std::make_unique<ClassInfo>());
    ClassInfo *c = R.classes.back().get();
    c->name = p[0];
    c->cppName = std::string("aioc::") + p[0];
    c->isBuiltin = true;
    c->isException = true;
    c->base = *p[1] ? exc(p[1]) : nullptr;
    c->instance = T.classInstance(c);
    c->ref = T.classRef(c);
    builtinExc_[c->name] = c;
  }
  for (const IOException &e : ioExceptions()) {
    R.classes.push_back(std::make_unique<ClassInfo>());
    ClassInfo *c = R.classes.back().get();
    c->name = e.name;
    c->cppName = e.cppName;
    c->isBuiltin = true;
    c->isException = true;
    c->base = exc(e.base);
    c->instance = T.classInstance(c);
    c->ref = T.classRef(c);
    builtinExc_[e.key] = c;
  }
}

// ------------------------------------------------------------ annotations

const Type *TypeChecker::resolveAnnotation(Expr *e) {
  if (!e)
    return T.errorT;
  if (auto *c = dyn_cast<Constant>(e)) {
    if (c->valueKind == Constant::ValueKind::None)
      return T.noneT;
    if (c->valueKind == Constant::ValueKind::Str) {
      // A forward reference to a class: "Conn".
      auto it = module_.find(c->str);
      if (it != module_.end() && it->second->kind == Symbol::Kind::Class)
        return it->second->cls->instance;
      error(e, "string annotations other than a class name are not "
               "supported by aioc; write the type");
      return T.errorT;
    }
  }
  std::string qn = qualName(e);
  if (!qn.empty()) {
    static const std::map<std::string, int> simple = {
        {"int", 0}, {"float", 1}, {"bool", 2}, {"str", 3}, {"bytes", 4}};
    auto it = simple.find(qn);
    if (it != simple.end())
      return std::vector<const Type *>{T.intT, T.floatT, T.boolT, T.strT,
                                       T.bytesT}[it->second];
    if (qn == "None")
      return T.noneT;
    if (qn == "asyncio.Lock" || qn == "asyncio.Event" ||
        qn == "asyncio.Semaphore" || qn == "asyncio.BoundedSemaphore" ||
        qn == "asyncio.Condition" || qn == "asyncio.Barrier")
      return T.prim(qn.substr(8));
    if (qn == "asyncio.TaskGroup")
      return T.taskGroup();
    if (const Type *t = io_.annotation(qn))
      return t;
    auto sit = module_.find(qn);
    if (sit != module_.end() && sit->second->kind == Symbol::Kind::Class)
      return sit->second->cls->instance;
    if (ClassInfo *ci = exc(qn.rfind("asyncio.", 0) == 0 ? qn.substr(8) : qn))
      return ci->instance;
    if (qn == "list" || qn == "dict" || qn == "set" || qn == "tuple") {
      error(e, "bare " + q(qn) + " annotation: give the element type, e.g. `" +
                   qn + (qn == "dict" ? "[str, int]`" : "[int]`"));
      return T.errorT;
    }
    if (qn == "typing.Any" || qn == "Any") {
      error(e, "`Any` is not supported by aioc where the type cannot be "
               "inferred; write a concrete type");
      return T.errorT;
    }
    error(e, "unknown type " + q(qn));
    return T.errorT;
  }
  if (auto *b = dyn_cast<BinOp>(e)) {
    if (b->op == OperatorKind::BitOr) {
      const Type *l = resolveAnnotation(b->left);
      const Type *r = resolveAnnotation(b->right);
      if (r->is(TK::None))
        return T.optional(l);
      if (l->is(TK::None))
        return T.optional(r);
      error(e, "union types other than `T | None` are not supported by aioc");
      return T.errorT;
    }
  }
  if (auto *s = dyn_cast<Subscript>(e)) {
    std::string base = qualName(s->value);
    std::vector<Expr *> argsE;
    if (auto *tup = dyn_cast<Tuple>(s->slice))
      argsE = tup->elts;
    else
      argsE.push_back(s->slice);
    auto want = [&](size_t n) {
      if (argsE.size() != n) {
        error(e, q(base) + " takes " + std::to_string(n) + " type argument" +
                     (n == 1 ? "" : "s"));
        return false;
      }
      return true;
    };
    if (base == "list" || base == "typing.List") {
      if (!want(1))
        return T.errorT;
      return T.list(resolveAnnotation(argsE[0]));
    }
    if (base == "set" || base == "typing.Set") {
      if (!want(1))
        return T.errorT;
      return T.set(resolveAnnotation(argsE[0]));
    }
    if (base == "dict" || base == "typing.Dict") {
      if (!want(2))
        return T.errorT;
      return T.dict(resolveAnnotation(argsE[0]), resolveAnnotation(argsE[1]));
    }
    if (base == "tuple" || base == "typing.Tuple") {
      std::vector<const Type *> el;
      for (auto *a : argsE) {
        if (auto *c = dyn_cast<Constant>(a);
            c && c->valueKind == Constant::ValueKind::Ellipsis) {
          error(a, "variable-length tuples are not supported by aioc; use "
                   "`list[T]`");
          return T.errorT;
        }
        el.push_back(resolveAnnotation(a));
      }
      return T.tuple(el);
    }
    if (base == "typing.Optional" || base == "Optional") {
      if (!want(1))
        return T.errorT;
      return T.optional(resolveAnnotation(argsE[0]));
    }
    if (base == "asyncio.Task" || base == "asyncio.Future") {
      if (!want(1))
        return T.errorT;
      const Type *r = resolveAnnotation(argsE[0]);
      return base == "asyncio.Task" ? T.task(r) : T.future(r);
    }
    if (base == "asyncio.Queue" || base == "asyncio.LifoQueue" ||
        base == "asyncio.PriorityQueue") {
      if (!want(1))
        return T.errorT;
      return T.queue(base.substr(8), resolveAnnotation(argsE[0]));
    }
    if (base == "typing.Callable" || base == "Callable" ||
        base == "collections.abc.Callable") {
      if (!want(2))
        return T.errorT;
      auto *params = dyn_cast<List>(argsE[0]);
      if (!params) {
        error(argsE[0], "`Callable` needs a parameter list `[A, B]`");
        return T.errorT;
      }
      std::vector<const Type *> ps;
      for (auto *p : params->elts)
        ps.push_back(resolveAnnotation(p));
      return T.callable(ps, resolveAnnotation(argsE[1]));
    }
    if (base == "typing.Awaitable" || base == "typing.Coroutine" ||
        base == "collections.abc.Awaitable" ||
        base == "collections.abc.Coroutine") {
      const Type *r = resolveAnnotation(argsE.back());
      return T.coroutine(r);
    }
    if (const Type *g = generatorAnnotation(base, argsE, e))
      return g;
    error(e, "unsupported generic type " + q(base));
    return T.errorT;
  }
  error(e, "unsupported type annotation");
  return T.errorT;
}

// "asyncio.sleep" for Name/Attribute chains rooted at an imported module,
// following `import x as y` and `from x import y`; "" otherwise.
std::string TypeChecker::qualName(Expr *e) {
  if (auto *n = dyn_cast<Name>(e)) {
    auto it = aliases_.find(n->id);
    if (it != aliases_.end())
      return it->second;
    return n->id;
  }
  if (auto *a = dyn_cast<Attribute>(e)) {
    std::string b = qualName(a->value);
    if (b.empty())
      return "";
    return b + "." + a->attr;
  }
  return "";
}

// ------------------------------------------------------------ declarations

void TypeChecker::collectTargets(FuncInfo *f, Expr *t) {
  if (auto *n = dyn_cast<Name>(t)) {
    if (std::find(f->globals.begin(), f->globals.end(), n->id) !=
        f->globals.end())
      return;
    if (std::find(f->nonlocals.begin(), f->nonlocals.end(), n->id) !=
        f->nonlocals.end())
      return;
    if (f->scope.count(n->id))
      return;
    Symbol *s = newSymbol(Symbol::Kind::Local, n->id, nullptr);
    s->owner = f;
    f->scope[n->id] = s;
  } else if (auto *tu = dyn_cast<Tuple>(t)) {
    for (auto *e : tu->elts)
      collectTargets(f, e);
  } else if (auto *l = dyn_cast<List>(t)) {
    for (auto *e : l->elts)
      collectTargets(f, e);
  } else if (auto *st = dyn_cast<Starred>(t)) {
    collectTargets(f, st->value);
  }
}

// Python decides locality for the whole function body at once: any name
// assigned anywhere in it (outside nested defs) is local everywhere in it.
void TypeChecker::collectLocals(FuncInfo *f, const StmtList &body) {
  for (Stmt *s : body) {
    collectNamedExprs(f, s);
    switch (s->kind()) {
    case Node::Kind::Global:
      for (auto &n : cast<Global>(s)->names)
        f->globals.push_back(n);
      break;
    case Node::Kind::Nonlocal:
      for (auto &n : cast<Nonlocal>(s)->names)
        f->nonlocals.push_back(n);
      break;
    case Node::Kind::Assign:
      for (auto *t : cast<Assign>(s)->targets)
        collectTargets(f, t);
      break;
    case Node::Kind::AugAssign:
      collectTargets(f, cast<AugAssign>(s)->target);
      break;
    case Node::Kind::AnnAssign:
      collectTargets(f, cast<AnnAssign>(s)->target);
      break;
    case Node::Kind::For: {
      auto *fo = cast<For>(s);
      collectTargets(f, fo->target);
      collectLocals(f, fo->body);
      collectLocals(f, fo->orelse);
      break;
    }
    case Node::Kind::While:
      collectLocals(f, cast<While>(s)->body);
      collectLocals(f, cast<While>(s)->orelse);
      break;
    case Node::Kind::If:
      collectLocals(f, cast<If>(s)->body);
      collectLocals(f, cast<If>(s)->orelse);
      break;
    case Node::Kind::With:
      for (auto *it : cast<With>(s)->items)
        if (it->optional_vars)
          collectTargets(f, it->optional_vars);
      collectLocals(f, cast<With>(s)->body);
      break;
    case Node::Kind::Try: {
      auto *t = cast<Try>(s);
      collectLocals(f, t->body);
      for (auto *h : t->handlers) {
        if (!h->name.empty() &&
            std::find(f->globals.begin(), f->globals.end(), h->name) ==
                f->globals.end() &&
            !f->scope.count(h->name)) {
          Symbol *sym = newSymbol(Symbol::Kind::Local, h->name, nullptr);
          sym->owner = f;
          f->scope[h->name] = sym;
        }
        collectLocals(f, h->body);
      }
      collectLocals(f, t->orelse);
      collectLocals(f, t->finalbody);
      break;
    }
    default:
      break;
    }
  }
}

void TypeChecker::declareFunction(FunctionDef *fd, ClassInfo *owner,
                                  FuncInfo *parent) {
  R.funcs.push_back(std::make_unique<FuncInfo>());
  FuncInfo *f = R.funcs.back().get();
  f->name = fd->name;
  f->def = fd;
  f->isAsync = fd->isAsync;
  f->owner = owner;
  f->parent = parent;
  f->isMethod = owner != nullptr;
  R.funcOf[fd] = f;
  for (auto *d : fd->decorator_list) {
    std::string dn = qualName(d);
    if (owner && dn == "staticmethod") {
      f->isStatic = true;
      f->isMethod = false;
    } else {
      error(d, "decorator " + q(dn.empty() ? "..." : dn) +
                   " is not supported by aioc on functions");
    }
  }
  Arguments *a = fd->args;
  if (!a->posonlyargs.empty())
    error(a->posonlyargs[0], "positional-only parameters are not supported "
                             "by aioc");
  if (a->kwarg)
    error(a->kwarg, "`**kwargs` is not supported by aioc");
  if (!a->kwonlyargs.empty())
    error(a->kwonlyargs[0], "keyword-only parameters are not supported by "
                            "aioc");
  size_t firstDefault = a->args.size() - a->defaults.size();
  for (size_t i = 0; i < a->args.size(); ++i) {
    Arg *p = a->args[i];
    if (i == 0 && f->isMethod) {
      if (p->arg != "self")
        error(p, "the first parameter of a method must be `self`");
      continue;
    }
    f->paramNames.push_back(p->arg);
    if (owner && (fd->name == "__aexit__" || fd->name == "__exit__")) {
      // (exc_type, exc, tb): all three are passed the exception (or None);
      // aioc has no class objects or tracebacks as values.
      f->paramTypes.push_back(T.optional(exc("BaseException")->instance));
    } else if (!p->annotation) {
      error(p, "parameter " + q(p->arg) +
                   " needs a type annotation (aioc compiles statically typed "
                   "code)");
      f->paramTypes.push_back(T.errorT);
    } else {
      f->paramTypes.push_back(resolveAnnotation(p->annotation));
    }
    f->defaults.push_back(i >= firstDefault ? a->defaults[i - firstDefault]
                                            : nullptr);
  }
  if (f->isMethod && a->args.empty())
    error(fd, "a method needs a `self` parameter");
  if (a->vararg) {
    f->varargName = a->vararg->arg;
    f->varargType =
        a->vararg->annotation
            ? resolveAnnotation(a->vararg->annotation)
            : (error(a->vararg, "`*args` needs a type annotation"), T.errorT);
  }
  if (fd->returns) {
    f->ret = resolveAnnotation(fd->returns);
    f->retAnnotated = true;
  }
  std::vector<const Type *> ps = f->paramTypes;
  f->type = nullptr; // computed when the return type is known
  if (owner) {
    owner->methods[f->name] = f;
    owner->methodOrder.push_back(f);
    f->cppName = f->name;
  } else {
    f->cppName = parent ? f->name : "fn_" + f->name;
  }
  // Parameters and locals.
  if (f->isMethod) {
    Symbol *s = newSymbol(Symbol::Kind::Param, "self", owner->instance);
    s->owner = f;
    s->assigned = true;
    f->scope["self"] = s;
  }
  for (size_t i = 0; i < f->paramNames.size(); ++i) {
    Symbol *s =
        newSymbol(Symbol::Kind::Param, f->paramNames[i], f->paramTypes[i]);
    s->owner = f;
    s->assigned = true;
    f->scope[s->name] = s;
  }
  if (!f->varargName.empty()) {
    Symbol *s =
        newSymbol(Symbol::Kind::Param, f->varargName, T.list(f->varargType));
    s->owner = f;
    s->assigned = true;
    f->scope[s->name] = s;
  }
  collectLocals(f, fd->body);
  // Nested functions are declared now (their names are locals of f).
  std::function<void(const StmtList &)> nested = [&](const StmtList &b) {
    for (Stmt *s : b) {
      if (auto *nd = dyn_cast<FunctionDef>(s)) {
        declareFunction(nd, nullptr, f);
        FuncInfo *nf = R.funcOf[nd];
        f->nested.push_back(nf);
        Symbol *sym = newSymbol(Symbol::Kind::Function, nd->name, nullptr);
        sym->func = nf;
        sym->owner = f;
        f->scope[nd->name] = sym;
        if (nd->isAsync)
          error(nd->nameRange.begin.valid() ? (Node *)nd : (Node *)nd,
                "nested `async def` is not supported by aioc; define it at "
                "module level");
      } else if (auto *cd = dyn_cast<ClassDef>(s)) {
        error(cd, "classes defined inside functions are not supported by "
                  "aioc");
      } else if (auto *i = dyn_cast<If>(s)) {
        nested(i->body);
        nested(i->orelse);
      } else if (auto *w = dyn_cast<While>(s)) {
        nested(w->body);
      } else if (auto *fo = dyn_cast<For>(s)) {
        nested(fo->body);
      } else if (auto *t = dyn_cast<Try>(s)) {
        nested(t->body);
        for (auto *h : t->handlers)
          nested(h->body);
        nested(t->finalbody);
      } else if (auto *w = dyn_cast<With>(s)) {
        nested(w->body);
      }
    }
  };
  nested(fd->body);
  declareGenerator(f, fd);
}

void TypeChecker::declareClass(ClassDef *cd) {
  R.classes.push_back(std::make_unique<ClassInfo>());
  ClassInfo *c = R.classes.back().get();
  c->name = cd->name;
  c->cppName = "cls_" + cd->name;
  c->def = cd;
  c->instance = T.classInstance(c);
  c->ref = T.classRef(c);
  R.classOf[cd] = c;
  R.userClasses.push_back(c);
  Symbol *s = newSymbol(Symbol::Kind::Class, cd->name, c->ref);
  s->cls = c;
  s->assigned = true;
  module_[cd->name] = s;
  for (auto *d : cd->decorator_list) {
    std::string dn = qualName(d);
    if (dn == "dataclasses.dataclass")
      c->isDataclass = true;
    else if (dataclassCall(d, c))
      c->isDataclass = true;
    else
      error(d, "class decorator " + q(dn.empty() ? "..." : dn) +
                   " is not supported by aioc");
  }
  if (!cd->keywords.empty())
    error(cd->keywords[0], "class keywords (metaclass=...) are not supported "
                           "by aioc");
  if (cd->bases.size() > 1)
    error(cd->bases[1], "multiple inheritance is not supported by aioc");
  if (!cd->bases.empty()) {
    std::string bn = qualName(cd->bases[0]);
    auto it = module_.find(bn);
    if (it != module_.end() && it->second->kind == Symbol::Kind::Class)
      c->base = it->second->cls;
    else if (ClassInfo *b =
                 exc(bn.rfind("asyncio.", 0) == 0 ? bn.substr(8) : bn))
      c->base = b;
    else if (bn != "object")
      error(cd->bases[0], "unknown base class " + q(bn.empty() ? "..." : bn));
  }
  c->isException = c->base && c->base->isException;
  if (c->isException && c->isDataclass)
    error(cd, "dataclass exceptions are not supported by aioc");
  // Class body: field annotations, methods, docstring, pass.
  for (Stmt *st : cd->body) {
    if (auto *aa = dyn_cast<AnnAssign>(st)) {
      auto *n = dyn_cast<Name>(aa->target);
      if (!n) {
        error(aa->target, "only simple field annotations are supported in a "
                          "class body");
        continue;
      }
      c->fields.push_back(
          {n->id, resolveAnnotation(aa->annotation), aa->value});
    } else if (auto *fd = dyn_cast<FunctionDef>(st)) {
      declareFunction(fd, c, nullptr);
    } else if (isa<Pass>(st)) {
    } else if (auto *es = dyn_cast<ExprStmt>(st);
               es && isa<Constant>(es->value)) {
    } else {
      error(st, "only field annotations and methods are supported in a class "
                "body");
    }
  }
  // Fields assigned in __init__ as `self.x: T = ...` or `self.x = <param>`
  // are found when __init__ is checked (see checkAssignTarget).
  if (c->isException) {
    for (auto &f : c->fields)
      (void)f;
  }
}

void TypeChecker::collectModule() {
  // Imports first so annotations resolve; classes before functions so
  // signatures can name them.
  for (Stmt *s : mod_->body) {
    if (auto *im = dyn_cast<Import>(s)) {
      for (auto *a : im->names) {
        if (!kModules.count(a->name) && !isIOModule(a->name)) {
          error(a, "module " + q(a->name) + " is not supported by aioc");
          continue;
        }
        std::string local = a->asname.empty() ? a->name : a->asname;
        if (a->asname.empty() && a->name.find('.') != std::string::npos)
          local = a->name.substr(0, a->name.find('.'));
        aliases_[local] = a->asname.empty() ? local : a->name;
        Symbol *sym = newSymbol(Symbol::Kind::Module, local, T.module(a->name));
        sym->assigned = true;
        module_[local] = sym;
      }
    } else if (auto *fi = dyn_cast<ImportFrom>(s)) {
      if ((!kModules.count(fi->module) && !isIOModule(fi->module)) ||
          fi->level != 0) {
        error(fi, "module " + q(fi->module) + " is not supported by aioc");
        continue;
      }
      for (auto *a : fi->names) {
        if (a->name == "*") {
          error(a, "`import *` is not supported by aioc");
          continue;
        }
        std::string local = a->asname.empty() ? a->name : a->asname;
        aliases_[local] = fi->module + "." + a->name;
      }
    }
  }
  if (bail())
    return;
  for (Stmt *s : mod_->body)
    if (auto *cd = dyn_cast<ClassDef>(s))
      declareClass(cd);
  for (Stmt *s : mod_->body) {
    if (auto *fd = dyn_cast<FunctionDef>(s)) {
      declareFunction(fd, nullptr, nullptr);
      FuncInfo *f = R.funcOf[fd];
      R.moduleFuncs.push_back(f);
      Symbol *sym = newSymbol(Symbol::Kind::Function, fd->name, nullptr);
      sym->func = f;
      sym->assigned = true;
      module_[fd->name] = sym;
    }
  }
  // Module variables: every name assigned at top level (also inside
  // top-level if/for/while/try blocks).
  FuncInfo pseudo;
  collectLocals(&pseudo, mod_->body);
  for (auto &[name, sym] : pseudo.scope) {
    if (module_.count(name))
      continue;
    Symbol *g = newSymbol(Symbol::Kind::Global, name, nullptr);
    module_[name] = g;
    R.globals.push_back(g);
  }
}

// ------------------------------------------------------------ names

Symbol *TypeChecker::lookup(const std::string &name, bool &closure) {
  closure = false;
  for (FuncInfo *f = cur_; f; f = f->parent) {
    if (std::find(f->globals.begin(), f->globals.end(), name) !=
        f->globals.end())
      break;
    auto it = f->scope.find(name);
    if (it != f->scope.end()) {
      closure = f != cur_;
      return it->second;
    }
  }
  auto it = module_.find(name);
  if (it != module_.end())
    return it->second;
  return nullptr;
}

const Type *TypeChecker::lookupNarrow(Symbol *s) {
  for (auto it = narrow_.rbegin(); it != narrow_.rend(); ++it) {
    auto f = it->find(s);
    if (f != it->end())
      return f->second;
  }
  return nullptr;
}

const Type *TypeChecker::checkName(Name *n) {
  bool closure;
  Symbol *s = lookup(n->id, closure);
  if (s && closure)
    noteCapture(s, n);
  if (!s) {
    auto al = aliases_.find(n->id);
    if (al != aliases_.end()) {
      // `from asyncio import sleep`: a module member used by its bare name.
      std::string qn = al->second;
      if (ClassInfo *c = exc(qn.substr(qn.rfind('.') + 1));
          c && qn.rfind("asyncio.", 0) == 0)
        return set(n, c->ref);
      if (ClassInfo *c = exc(qn); c && qn.find('.') != std::string::npos)
        return set(n, c->ref); // `from httpx import ConnectError`
      if (const Type *t = io_.moduleAttr(qn)) { // `from subprocess import PIPE`
        if (qn.substr(qn.rfind('.') + 1) != n->id)
          error(n, "import " + q(qn) + " under its own name for aioc");
        return set(n, t);
      }
      return set(n, T.builtin(qn));
    }
    if (kBuiltinFuncs.count(n->id))
      return set(n, T.builtin(n->id));
    if (ClassInfo *c = exc(n->id))
      return set(n, c->ref);
    if (n->id == "__name__")
      return set(n, T.strT);
    if (n->id == "open" || n->id == "input")
      return set(n, T.builtin(n->id)); // SemaIO
    static const std::set<std::string> dynamicBuiltins = {
        "eval",       "exec",      "setattr",     "getattr",    "delattr",
        "hasattr",    "globals",   "locals",      "vars",       "compile",
        "__import__", "iter",      "next",        "map",        "filter",
        "id",         "hash",      "callable",    "open",       "input",
        "object",     "frozenset", "bytearray",   "memoryview", "complex",
        "slice",      "property",  "classmethod", "issubclass"};
    if (dynamicBuiltins.count(n->id)) {
      error(n, "builtin " + q(n->id) + " is not supported by aioc");
      return set(n, T.errorT);
    }
    error(n, "name " + q(n->id) + " is not defined");
    return set(n, T.errorT);
  }
  R.nameSymbols[n] = s;
  if (s->kind == Symbol::Kind::Function) {
    FuncInfo *f = s->func;
    if (!f->type) {
      const Type *r = returnTypeOf(f, n);
      f->type = T.callable(f->paramTypes, f->genType   ? f->genType
                                          : f->isAsync ? T.coroutine(r)
                                                       : r);
    }
    return set(n, f->type);
  }
  if (!s->type) {
    error(n, "local variable " + q(n->id) + " is used before it is assigned");
    return set(n, T.errorT);
  }
  if (const Type *nt = lookupNarrow(s))
    return set(n, nt);
  return set(n, s->type);
}

// ------------------------------------------------------------ functions

const Type *TypeChecker::returnTypeOf(FuncInfo *f, Node *at) {
  if (f->ret)
    return f->ret;
  if (f->state == FuncInfo::State::Checking) {
    error(at, "recursive function " + q(f->name) +
                  " needs a return type annotation");
    f->ret = T.errorT;
    return f->ret;
  }
  checkFunction(f);
  return f->ret ? f->ret : T.errorT;
}

void TypeChecker::checkFunction(FuncInfo *f) {
  if (f->state != FuncInfo::State::Pending)
    return;
  f->state = FuncInfo::State::Checking;
  FuncInfo *savedCur = cur_;
  ClassInfo *savedClass = curClass_;
  auto savedNarrow = std::move(narrow_);
  narrow_.clear();
  narrow_.emplace_back();
  auto *savedReturns = returns_;
  int savedLoop = loopDepth_;
  loopDepth_ = 0;
  std::vector<const Type *> rets;
  returns_ = &rets;
  cur_ = f;
  curClass_ = f->owner;
  // Parameter defaults are evaluated in the enclosing scope (codegen
  // evaluates them per call, which is only the same for immutable values).
  for (size_t i = 0; i < f->defaults.size(); ++i)
    if (Expr *d = f->defaults[i]) {
      if (isa<List>(d) || isa<Dict>(d) || isa<Set>(d) || isa<Call>(d) ||
          isa<ListComp>(d) || isa<DictComp>(d) || isa<SetComp>(d))
        error(d, "mutable or computed default values are not supported by "
                 "aioc; use `None` and create the value in the body");
      checkExprAs(d, f->paramTypes[i], "default value");
    }
  if (f->def) {
    checkBlock(f->def->body);
    for (FuncInfo *n : f->nested)
      checkFunction(n);
  }
  if (!f->retAnnotated) {
    const Type *r = nullptr;
    bool fallsOff = !f->def || !terminates(f->def->body);
    for (const Type *t : rets)
      r = r ? unify(r, t, nullptr) : t;
    if (!r)
      r = T.noneT;
    else if (fallsOff && !r->is(TK::None))
      r = T.optional(r);
    if (!f->ret)
      f->ret = r;
  }
  f->type = T.callable(f->paramTypes, f->genType   ? f->genType
                                      : f->isAsync ? T.coroutine(f->ret)
                                                   : f->ret);
  cur_ = savedCur;
  curClass_ = savedClass;
  narrow_ = std::move(savedNarrow);
  returns_ = savedReturns;
  loopDepth_ = savedLoop;
  f->state = FuncInfo::State::Done;
}

// ------------------------------------------------------------ statements

bool TypeChecker::terminates(const StmtList &b) {
  if (b.empty())
    return false;
  Stmt *s = b.back();
  if (isa<Return>(s) || isa<Raise>(s) || isa<Continue>(s) || isa<Break>(s))
    return true;
  if (auto *i = dyn_cast<If>(s))
    return terminates(i->body) && terminates(i->orelse);
  if (auto *w = dyn_cast<While>(s))
    if (auto *c = dyn_cast<Constant>(w->test))
      return c->valueKind == Constant::ValueKind::True;
  if (auto *t = dyn_cast<Try>(s)) {
    if (terminates(t->finalbody))
      return true;
    bool all = terminates(t->orelse.empty() ? t->body : t->orelse);
    for (auto *h : t->handlers)
      all = all && terminates(h->body);
    return all;
  }
  if (auto *w = dyn_cast<With>(s))
    return !w->isAsync && terminates(w->body);
  return false;
}

void TypeChecker::checkBlock(const StmtList &b) {
  for (Stmt *s : b)
    checkStmt(s);
}

void TypeChecker::bindName(Name *n, const Type *t, Expr *value,
                           const Type *annotated) {
  bool closure;
  Symbol *s = lookup(n->id, closure);
  if (!s) {
    error(n, "cannot assign to " + q(n->id));
    return;
  }
  if (closure && !bindNonlocal(s, n))
    return;
  R.nameSymbols[n] = s;
  bindings_[s].push_back({n->range.begin, loopDepth_ > 0 || bindingForTarget_});
  if (s->kind != Symbol::Kind::Local && s->kind != Symbol::Kind::Global &&
      s->kind != Symbol::Kind::Param) {
    error(n, "cannot rebind " + q(n->id));
    return;
  }
  if (annotated) {
    if (s->type && s->type != annotated) {
      error(n, q(n->id) + " was already declared as " + q(s->type));
      return;
    }
    if (!s->type && s->kind == Symbol::Kind::Local && s->owner)
      s->owner->locals.push_back(s);
    s->type = annotated;
  }
  if (t->is(TK::Iterator)) {
    error(value ? (Node *)value : (Node *)n,
          "an iterator (" + q(t) +
              ") can only be looped over directly by "
              "aioc; store `list(...)` of it");
    return;
  }
  if ((t->is(TK::Builtin) && t->name != "asyncio.loop" &&
       t->name != "asyncio.AnyTask") ||
      t->is(TK::ClassRef) || t->is(TK::Module)) {
    error(value ? (Node *)value : (Node *)n,
          "functions, classes and modules as values are not supported by "
          "aioc here");
    return;
  }
  if (!s->type) {
    if (t->is(TK::None)) {
      error(value ? (Node *)value : (Node *)n,
            "cannot infer the type of " + q(n->id) +
                " from `None`; annotate it, e.g. `" + n->id +
                ": int | None = None`");
      s->type = T.errorT;
      return;
    }
    if (hasUnknown(t)) {
      error(value ? (Node *)value : (Node *)n,
            "cannot infer the element type of an empty collection; annotate "
            "it, e.g. `" +
                n->id + ": list[int] = []`");
      s->type = T.errorT;
      return;
    }
    s->type = t;
    if (s->kind == Symbol::Kind::Local && s->owner)
      s->owner->locals.push_back(s);
  } else if (!assignable(t, s->type)) {
    error(value ? (Node *)value : (Node *)n,
          q(n->id) + " is " + q(s->type) + "; cannot assign " + q(t));
  } else {
    noIntToFloat(value, t, s->type);
  }
  n->type = s->type;
  // A fresh assignment ends any narrowing of the name.
  for (auto &m : narrow_)
    m.erase(s);
  if (s->type->is(TK::Optional) && !t->is(TK::None) && !t->is(TK::Optional) &&
      !narrow_.empty())
    narrow_.back()[s] = s->type->args[0];
}

void TypeChecker::checkAssignTarget(Expr *target, const Type *vt, Expr *value,
                                    const Type *annotated) {
  if (auto *n = dyn_cast<Name>(target)) {
    bindName(n, vt, value, annotated);
    return;
  }
  if (isa<Tuple>(target) || isa<List>(target)) {
    ExprList &elts = isa<Tuple>(target) ? cast<Tuple>(target)->elts
                                        : cast<List>(target)->elts;
    if (vt->is(TK::Error))
      return;
    if (vt->is(TK::Tuple)) {
      if (vt->args.size() != elts.size()) {
        error(target, "cannot unpack " + q(vt) + " into " +
                          std::to_string(elts.size()) + " targets");
        return;
      }
      for (size_t i = 0; i < elts.size(); ++i)
        checkAssignTarget(elts[i], vt->args[i], nullptr);
    } else if (vt->is(TK::List)) {
      for (auto *e : elts) {
        if (isa<Starred>(e)) {
          unsupported(e, "starred assignment targets are");
          continue;
        }
        checkAssignTarget(e, vt->args[0], nullptr);
      }
    } else {
      error(target, "cannot unpack " + q(vt));
    }
    target->type = vt;
    return;
  }
  if (auto *a = dyn_cast<Attribute>(target)) {
    // self.x = v inside a method declares field x on first sight.
    if (auto *n = dyn_cast<Name>(a->value);
        n && n->id == "self" && curClass_ && cur_ && cur_->isMethod) {
      ClassInfo *c = curClass_;
      n->type = c->instance;
      const ClassInfo::Field *f = c->findField(a->attr);
      if (!f) {
        if (cur_->name != "__init__") {
          error(a, "field " + q(a->attr) + " of " + q(c->name) +
                       " must be declared in the class body or assigned in "
                       "`__init__`");
          return;
        }
        const Type *ft = annotated ? annotated : vt;
        if (ft->is(TK::None) || hasUnknown(ft)) {
          error(a, "cannot infer the type of field " + q(a->attr) +
                       "; annotate it: `self." + a->attr + ": T = ...`");
          ft = T.errorT;
        }
        c->fields.push_back({a->attr, ft, nullptr});
        a->type = ft;
        if (!assignable(vt, ft))
          error(value ? (Node *)value : (Node *)a,
                "field " + q(a->attr) + " is " + q(ft) + "; cannot assign " +
                    q(vt));
        return;
      }
      a->type = f->type;
      if (!assignable(vt, f->type))
        error(value ? (Node *)value : (Node *)a,
              "field " + q(a->attr) + " is " + q(f->type) + "; cannot assign " +
                  q(vt));
      return;
    }
    const Type *ot = checkExpr(a->value);
    if (ot->is(TK::Class)) {
      const ClassInfo::Field *f = ot->cls->findField(a->attr);
      if (!f) {
        error(a, q(ot->cls->name) + " has no field " + q(a->attr));
        return;
      }
      a->type = f->type;
      if (!assignable(vt, f->type))
        error(value ? (Node *)value : (Node *)a,
              "field " + q(a->attr) + " is " + q(f->type) + "; cannot assign " +
                  q(vt));
      return;
    }
    if (!ot->is(TK::Error))
      error(a, "cannot assign to attribute " + q(a->attr) + " of " + q(ot));
    return;
  }
  if (auto *s = dyn_cast<Subscript>(target)) {
    const Type *ct = checkExpr(s->value);
    if (auto *sl = dyn_cast<Slice>(s->slice)) {
      // l[a:b] = other_list (a slice of a list only).
      for (Expr *x : {sl->lower, sl->upper, sl->step})
        if (x)
          checkExprAs(x, T.optional(T.intT), "slice index");
      if (!ct->is(TK::List)) {
        if (!ct->is(TK::Error))
          error(s, q(ct) + " does not support slice assignment");
      } else if (!assignable(vt, ct)) {
        error(value ? (Node *)value : (Node *)s,
              "slice of " + q(ct) + " needs a list of the same type, not " +
                  q(vt));
      }
      s->type = ct;
      return;
    }
    if (ct->is(TK::List)) {
      checkExprAs(s->slice, T.intT, "list index");
      if (!assignable(vt, ct->args[0]))
        error(value ? (Node *)value : (Node *)s,
              "list is " + q(ct) + "; cannot store " + q(vt));
      s->type = ct->args[0];
    } else if (ct->is(TK::Dict)) {
      checkExprAs(s->slice, ct->args[0], "dict key");
      if (!assignable(vt, ct->args[1]))
        error(value ? (Node *)value : (Node *)s,
              "dict is " + q(ct) + "; cannot store " + q(vt));
      s->type = ct->args[1];
    } else if (!ct->is(TK::Error)) {
      error(s, q(ct) + " does not support item assignment");
    }
    return;
  }
  error(target, "unsupported assignment target");
}

void TypeChecker::checkStmt(Stmt *s) {
  if (bail())
    return;
  switch (s->kind()) {
  case Node::Kind::ExprStmt: {
    Expr *v = cast<ExprStmt>(s)->value;
    if (auto *y = dyn_cast<Yield>(v)) {
      checkYield(y->value, y);
      set(v, T.noneT);
      return;
    }
    const Type *t = checkExpr(v);
    if (t->is(TK::Coroutine) && isa<Call>(v))
      mistake(v, "coroutine is called but never awaited; add `await` or "
                 "schedule it with `asyncio.create_task`");
    return;
  }
  case Node::Kind::Pass:
    return;
  case Node::Kind::Break:
  case Node::Kind::Continue:
    if (!loopDepth_)
      error(s, std::string("`") + (isa<Break>(s) ? "break" : "continue") +
                   "` outside a loop");
    return;
  case Node::Kind::Assign: {
    auto *a = cast<Assign>(s);
    const Type *expected = nullptr;
    if (a->targets.size() == 1) {
      if (auto *n = dyn_cast<Name>(a->targets[0])) {
        bool c;
        if (Symbol *sym = lookup(n->id, c); sym && sym->type)
          expected = sym->type;
      } else if (auto *sub = dyn_cast<Subscript>(a->targets[0])) {
        (void)sub;
      }
    }
    const Type *vt = checkExpr(a->value, expected);
    for (auto *t : a->targets)
      checkAssignTarget(t, vt, a->value);
    return;
  }
  case Node::Kind::AnnAssign: {
    auto *a = cast<AnnAssign>(s);
    const Type *at = resolveAnnotation(a->annotation);
    if (!a->value) {
      if (auto *n = dyn_cast<Name>(a->target)) {
        bool c;
        if (Symbol *sym = lookup(n->id, c)) {
          sym->type = at;
          R.nameSymbols[n] = sym;
          if (sym->kind == Symbol::Kind::Local && sym->owner)
            sym->owner->locals.push_back(sym);
        }
      }
      return;
    }
    const Type *vt = checkExpr(a->value, at);
    if (!assignable(vt, at))
      error(a->value, "cannot assign " + q(vt) + " to " + q(at));
    checkAssignTarget(a->target, vt, a->value, at);
    return;
  }
  case Node::Kind::AugAssign: {
    auto *a = cast<AugAssign>(s);
    // Reuse BinOp typing on (target op value).
    const Type *tt;
    if (auto *n = dyn_cast<Name>(a->target)) {
      n->ctx = ExprContext::Load;
      tt = checkName(n);
      n->ctx = ExprContext::Store;
    } else {
      tt = checkExpr(a->target);
    }
    const Type *vt = checkExpr(a->value);
    if (tt->is(TK::Error) || vt->is(TK::Error))
      return;
    const Type *rt = nullptr;
    if (tt->isNumeric() && vt->isNumeric()) {
      if (a->op == OperatorKind::Div)
        rt = T.floatT;
      else if (tt->is(TK::Float) || vt->is(TK::Float))
        rt = T.floatT;
      else
        rt = T.intT;
    } else if (tt->is(TK::Str) && vt->is(TK::Str) &&
               a->op == OperatorKind::Add) {
      rt = T.strT;
    } else if (tt->is(TK::List) && a->op == OperatorKind::Add &&
               (vt == tt || (vt->is(TK::List) && hasUnknown(vt)))) {
      rt = tt;
    } else if ((tt->is(TK::List) || tt->is(TK::Str)) &&
               a->op == OperatorKind::Mult &&
               (vt->is(TK::Int) || vt->is(TK::Bool))) {
      rt = tt;
    } else if (tt->is(TK::Set) && vt == tt &&
               (a->op == OperatorKind::BitOr || a->op == OperatorKind::BitAnd ||
                a->op == OperatorKind::Sub)) {
      rt = tt;
    }
    if (!rt) {
      error(s, "unsupported operand types for " + std::string(spelling(a->op)) +
                   "=: " + q(tt) + " and " + q(vt));
      return;
    }
    if (!assignable(rt, tt))
      error(s, "result of " + std::string(spelling(a->op)) + "= is " + q(rt) +
                   "; cannot store it in " + q(tt));
    return;
  }
  case Node::Kind::Return: {
    auto *r = cast<Return>(s);
    if (!cur_) {
      error(s, "`return` outside a function");
      return;
    }
    const Type *t =
        r->value ? checkExpr(r->value, cur_->retAnnotated ? cur_->ret : nullptr)
                 : T.noneT;
    if (cur_->retAnnotated) {
      noIntToFloat(r->value, t, cur_->ret);
      if (!assignable(t, cur_->ret))
        error(r->value ? (Node *)r->value : (Node *)r,
              "function " + q(cur_->name) + " returns " + q(cur_->ret) +
                  "; cannot return " + q(t));
    } else if (returns_) {
      returns_->push_back(t);
    }
    return;
  }
  case Node::Kind::If:
    checkIf(cast<If>(s));
    return;
  case Node::Kind::While: {
    auto *w = cast<While>(s);
    forgetNarrowing(w->body);
    truthTests_.insert(w->test);
    checkExpr(w->test);
    narrow_.emplace_back();
    narrowFromTest(w->test, true);
    ++loopDepth_;
    checkBlock(w->body);
    --loopDepth_;
    narrow_.pop_back();
    if (!w->orelse.empty())
      unsupported(w->orelse[0], "`while ... else` is");
    return;
  }
  case Node::Kind::For:
    checkFor(cast<For>(s));
    return;
  case Node::Kind::Try:
    checkTry(cast<Try>(s));
    return;
  case Node::Kind::With:
    checkWith(cast<With>(s));
    return;
  case Node::Kind::Raise: {
    auto *r = cast<Raise>(s);
    if (!r->exc) {
      return; // bare raise: valid inside handlers (checked by Python itself)
    }
    const Type *t = checkExpr(r->exc);
    if (t->is(TK::ClassRef) && t->cls->isException) {
      // `raise ValueError` == `raise ValueError()`
    } else if (!(t->is(TK::Class) && t->cls->isException) &&
               !t->is(TK::Error)) {
      error(r->exc, "exceptions must derive from BaseException, not " + q(t));
    }
    if (r->cause) {
      const Type *c = checkExpr(r->cause);
      if (!(c->is(TK::Class) && c->cls->isException) && !c->is(TK::None) &&
          !c->is(TK::Error))
        error(r->cause, "exception cause must be an exception or None");
    }
    return;
  }
  case Node::Kind::Assert: {
    auto *a = cast<Assert>(s);
    checkExpr(a->test);
    if (a->msg)
      checkExpr(a->msg);
    return;
  }
  case Node::Kind::Import:
  case Node::Kind::ImportFrom:
    if (cur_)
      error(s, "imports inside functions are not supported by aioc");
    return;
  case Node::Kind::Global:
    if (!cur_)
      error(s, "`global` at module level");
    return;
  case Node::Kind::FunctionDef:
    return; // declared up front; checked separately
  case Node::Kind::ClassDef:
    return;
  case Node::Kind::Match:
    error(s, "match statements are not supported by aioc");
    return;
  case Node::Kind::Delete:
    checkDelete(cast<Delete>(s));
    return;
  case Node::Kind::Nonlocal:
    checkNonlocal(cast<Nonlocal>(s));
    return;
  default:
    unsupported(s, std::string(kindName(s->kind())) + " statements are");
  }
}

void TypeChecker::narrowFromTest(Expr *test, bool positive) {
  // x is not None / x is None / x (truthiness of an Optional)
  if (auto *c = dyn_cast<Compare>(test)) {
    if (c->ops.size() != 1)
      return;
    auto *n = dyn_cast<Name>(c->left);
    if (auto *ne = dyn_cast<NamedExpr>(c->left))
      n = dyn_cast<Name>(ne->target); // (x := f()) is not None
    auto *k = dyn_cast<Constant>(c->comparators[0]);
    if (!n || !k || k->valueKind != Constant::ValueKind::None)
      return;
    bool isNot = c->ops[0] == CmpOpKind::IsNot;
    if (!isNot && c->ops[0] != CmpOpKind::Is)
      return;
    bool cl;
    Symbol *s = lookup(n->id, cl);
    if (!s || !s->type || !s->type->is(TK::Optional))
      return;
    if (isNot == positive)
      narrow_.back()[s] = s->type->args[0];
    return;
  }
  if (auto *b = dyn_cast<BoolOp>(test)) {
    if ((b->op == BoolOpKind::And) == positive)
      for (auto *v : b->values)
        narrowFromTest(v, positive);
    return;
  }
  if (auto *u = dyn_cast<UnaryOp>(test); u && u->op == UnaryOpKind::Not) {
    narrowFromTest(u->operand, !positive);
    return;
  }
  if (auto *ne = dyn_cast<NamedExpr>(test))
    test = ne->target;
  if (auto *n = dyn_cast<Name>(test); n && positive) {
    bool cl;
    Symbol *s = lookup(n->id, cl);
    if (s && s->type && s->type->is(TK::Optional))
      narrow_.back()[s] = s->type->args[0];
  }
  // isinstance(e, SomeError) narrows an exception value (also one that may
  // be None: Task.exception(), gather(return_exceptions=True) elements).
  if (auto *c = dyn_cast<Call>(test); c && positive) {
    auto *fn = dyn_cast<Name>(c->func);
    auto *n = c->args.size() == 2 ? dyn_cast<Name>(c->args[0]) : nullptr;
    const Type *ct = n ? c->args[1]->type : nullptr;
    if (!fn || fn->id != "isinstance" || !ct || !ct->is(TK::ClassRef) ||
        !ct->cls->isException)
      return;
    bool cl;
    Symbol *s = lookup(n->id, cl);
    const Type *st = s ? s->type : nullptr;
    if (st && st->is(TK::Optional))
      st = st->args[0];
    if (st && st->is(TK::Class) && st->cls->isException &&
        isSubclass(ct->cls, st->cls))
      narrow_.back()[s] = ct->cls->instance;
  }
}

void TypeChecker::checkIf(If *s) {
  truthTests_.insert(s->test);
  checkExpr(s->test);
  narrow_.emplace_back();
  narrowFromTest(s->test, true);
  checkBlock(s->body);
  narrow_.pop_back();
  narrow_.emplace_back();
  narrowFromTest(s->test, false);
  checkBlock(s->orelse);
  narrow_.pop_back();
  // `if x is None: return` narrows x for the rest of the block.
  if (terminates(s->body) && s->orelse.empty())
    narrowFromTest(s->test, false);
}

const Type *TypeChecker::iterElem(Expr *iter, const Type *t) {
  switch (t->kind) {
  case TK::List:
  case TK::Set:
  case TK::Iterator:
  case TK::Generator:
    return t->args[0];
  case TK::AsyncGenerator:
    error(iter, q(t) + " is an async iterator; loop over it with `async for`");
    return T.errorT;
  case TK::Dict:
    return t->args[0];
  case TK::Str:
    return T.strT;
  case TK::Range:
    return T.intT;
  case TK::Bytes:
    return T.intT;
  case TK::Tuple: {
    for (auto *a : t->args)
      if (a != t->args[0]) {
        error(iter, "iterating a tuple of mixed types " + q(t) +
                        " is not supported by aioc");
        return T.errorT;
      }
    if (t->args.empty())
      return T.errorT;
    return t->args[0];
  }
  case TK::Error:
    return T.errorT;
  default:
    error(iter, q(t) + " is not iterable");
    return T.errorT;
  }
}

void TypeChecker::checkFor(For *s) {
  const Type *it = checkExpr(s->iter);
  // `async for line in f` over an aiofiles file (SemaIO); user async
  // iterators and async generators are SemaLang's.
  const Type *ioEl = io_.iterElem(it, s->isAsync);
  if (s->isAsync && !ioEl)
    return checkAsyncFor(s, it);
  if (s->isAsync && ioEl && !io_.host().inAsync())
    error(s, "`async for` outside an async function");
  forgetNarrowing(s->body);
  const Type *el = ioEl ? ioEl : iterElem(s->iter, it);
  bindingForTarget_ = true;
  checkAssignTarget(s->target, el, nullptr);
  bindingForTarget_ = false;
  ++loopDepth_;
  narrow_.emplace_back();
  checkBlock(s->body);
  narrow_.pop_back();
  --loopDepth_;
  if (!s->orelse.empty())
    unsupported(s->orelse[0], "`for ... else` is");
}

void TypeChecker::checkTry(Try *s) {
  if (s->isStar)
    return checkTryStar(s);
  narrow_.emplace_back();
  checkBlock(s->body);
  narrow_.pop_back();
  for (auto *h : s->handlers) {
    ClassInfo *ct = nullptr;
    if (h->type) {
      std::vector<Expr *> types;
      if (auto *tu = dyn_cast<Tuple>(h->type))
        types = tu->elts;
      else
        types.push_back(h->type);
      for (auto *te : types) {
        const Type *t = checkExpr(te);
        if (t->is(TK::ClassRef) && t->cls->isException)
          ct = types.size() == 1 ? t->cls : exc("BaseException");
        else if (!t->is(TK::Error))
          error(te, "`except` needs an exception class, not " + q(t));
      }
      if (types.size() > 1) {
        // The bound name gets the nearest common base.
        ClassInfo *common = nullptr;
        for (auto *te : types) {
          if (!te->type || !te->type->is(TK::ClassRef))
            continue;
          ClassInfo *c = te->type->cls;
          if (!common)
            common = c;
          else
            while (common && !isSubclass(c, common))
              common = common->base;
        }
        ct = common ? common : exc("BaseException");
      }
    } else {
      ct = exc("BaseException");
    }
    // Python unbinds `e` when the handler ends, so each handler gets its
    // own variable (with its own type).
    Symbol *saved = nullptr;
    std::map<std::string, Symbol *> *scope = cur_ ? &cur_->scope : &module_;
    if (!h->name.empty()) {
      auto it = scope->find(h->name);
      if (it != scope->end())
        saved = it->second;
      Symbol *sym = newSymbol(saved && saved->kind == Symbol::Kind::Global
                                  ? Symbol::Kind::Global
                                  : Symbol::Kind::Local,
                              h->name, ct ? ct->instance : T.errorT);
      sym->owner = cur_;
      sym->suffix = "_h" + std::to_string(R.handlerSymbols.size());
      R.handlerSymbols[h] = sym;
      if (cur_)
        cur_->locals.push_back(sym);
      else
        R.globals.push_back(sym);
      (*scope)[h->name] = sym;
    }
    narrow_.emplace_back();
    checkBlock(h->body);
    narrow_.pop_back();
    if (!h->name.empty()) {
      if (saved)
        (*scope)[h->name] = saved;
      else
        scope->erase(h->name);
    }
  }
  narrow_.emplace_back();
  checkBlock(s->orelse);
  narrow_.pop_back();
  narrow_.emplace_back();
  checkBlock(s->finalbody);
  narrow_.pop_back();
}

void TypeChecker::checkWith(With *s) {
  for (auto *item : s->items) {
    const Type *t = checkExpr(item->context_expr);
    const Type *bound = nullptr;
    if (s->isAsync) {
      if (t->is(TK::TaskGroup))
        bound = t;
      else if (t->is(TK::Timeout))
        bound = t;
      else if (t->is(TK::Prim) &&
               (t->name == "Lock" || t->name == "Semaphore" ||
                t->name == "BoundedSemaphore" || t->name == "Condition"))
        bound = T.noneT;
      else if (t->is(TK::Class) && t->cls->findMethod("__aenter__") &&
               t->cls->findMethod("__aexit__")) {
        FuncInfo *ae = t->cls->findMethod("__aenter__");
        bound = returnTypeOf(ae, item);
        FuncInfo *ax = t->cls->findMethod("__aexit__");
        returnTypeOf(ax, item);
        if (!ae->isAsync || !ax->isAsync)
          error(item, "`__aenter__`/`__aexit__` must be `async def`");
      } else if (const Type *b = io_.withBound(item->context_expr, t, true)) {
        bound = b;
      } else if (!t->is(TK::Error)) {
        error(item->context_expr, q(t) + " is not an async context manager");
        bound = T.errorT;
      }
      if (cur_ && !cur_->isAsync)
        error(s, "`async with` outside an async function");
    } else {
      if (t->is(TK::Class) && t->cls->findMethod("__enter__") &&
          t->cls->findMethod("__exit__")) {
        bound = returnTypeOf(t->cls->findMethod("__enter__"), item);
        returnTypeOf(t->cls->findMethod("__exit__"), item);
      } else if (const Type *b = io_.withBound(item->context_expr, t, false)) {
        bound = b;
      } else if (t->is(TK::Prim) || t->is(TK::TaskGroup)) {
        error(item->context_expr, q(t) + " needs `async with`");
        bound = T.errorT;
      } else if (!t->is(TK::Error)) {
        error(item->context_expr, q(t) + " is not a context manager");
        bound = T.errorT;
      }
    }
    if (!bound && t->is(TK::Error))
      bound = T.errorT; // no "used before assigned" cascade on the target
    if (item->optional_vars && bound)
      checkAssignTarget(item->optional_vars, bound, nullptr);
  }
  checkBlock(s->body);
}

// ------------------------------------------------------------ expressions

const Type *TypeChecker::checkExprAs(Expr *e, const Type *expected,
                                     const char *what) {
  const Type *t = checkExpr(e, expected);
  if (!assignable(t, expected))
    error(e, std::string(what) + " must be " + q(expected) + ", not " + q(t));
  return t;
}

const Type *TypeChecker::unify(const Type *a, const Type *b, Expr *where) {
  if (a == b)
    return a;
  if (a->is(TK::Error) || b->is(TK::Error))
    return T.errorT;
  if (a->is(TK::None))
    return T.optional(b);
  if (b->is(TK::None))
    return T.optional(a);
  if (assignable(a, b) && !hasUnknown(b))
    return b;
  if (assignable(b, a))
    return a;
  if (a->is(TK::Class) && b->is(TK::Class)) {
    for (ClassInfo *c = a->cls; c; c = c->base)
      if (isSubclass(b->cls, c))
        return c->instance;
  }
  if (where)
    error(where, "mixed types " + q(a) + " and " + q(b) +
                     " are not supported by aioc (a value has one static "
                     "type)");
  return T.errorT;
}

const Type *TypeChecker::awaitResult(const Type *t, Node *at) {
  switch (t->kind) {
  case TK::Coroutine:
  case TK::Task:
  case TK::Future:
    return t->args[0];
  case TK::Error:
    return t;
  default:
    error(at, q(t) + " is not awaitable");
    return T.errorT;
  }
}

const Type *TypeChecker::checkExpr(Expr *e, const Type *expected) {
  if (bail())
    return set(e, T.errorT);
  ++nesting_;
  auto unnest = llvm::make_scope_exit([this] { --nesting_; });
  if (tooDeep(e))
    return set(e, T.errorT);
  switch (e->kind()) {
  case Node::Kind::Constant: {
    auto *c = cast<Constant>(e);
    switch (c->valueKind) {
    case Constant::ValueKind::None:
      return set(e, T.noneT);
    case Constant::ValueKind::True:
    case Constant::ValueKind::False:
      return set(e, T.boolT);
    case Constant::ValueKind::Int:
      if (!c->intFits) {
        error(e, "integer constant " + c->intDigits +
                     " does not fit in 64 bits (aioc's int is 64-bit)");
        return set(e, T.errorT);
      }
      return set(e, T.intT);
    case Constant::ValueKind::Float:
      return set(e, T.floatT);
    case Constant::ValueKind::Str:
      return set(e, T.strT);
    case Constant::ValueKind::Bytes:
      return set(e, T.bytesT);
    case Constant::ValueKind::Complex:
      error(e, "complex numbers are not supported by aioc");
      return set(e, T.errorT);
    case Constant::ValueKind::Ellipsis:
      error(e, "`...` is not supported by aioc here");
      return set(e, T.errorT);
    }
    return set(e, T.errorT);
  }
  case Node::Kind::Name:
    return checkName(cast<Name>(e));
  case Node::Kind::Attribute:
    return set(e, checkAttribute(cast<Attribute>(e)));
  case Node::Kind::Call:
    return set(e, checkCall(cast<Call>(e), expected));
  case Node::Kind::BinOp:
    return set(e, checkBinOp(cast<BinOp>(e)));
  case Node::Kind::Compare:
    return set(e, checkCompare(cast<Compare>(e)));
  case Node::Kind::Subscript:
    return set(e, checkSubscript(cast<Subscript>(e)));
  case Node::Kind::UnaryOp: {
    auto *u = cast<UnaryOp>(e);
    if (u->op == UnaryOpKind::Not)
      truthTests_.insert(u->operand);
    const Type *t = checkExpr(u->operand);
    if (u->op == UnaryOpKind::Not)
      return set(e, T.boolT);
    if (t->is(TK::Error))
      return set(e, t);
    if (!t->isNumeric() || (u->op == UnaryOpKind::Invert && t->is(TK::Float))) {
      error(e, "bad operand type for unary operator: " + q(t));
      return set(e, T.errorT);
    }
    return set(e, t->is(TK::Bool) ? T.intT : t);
  }
  case Node::Kind::BoolOp: {
    auto *b = cast<BoolOp>(e);
    const Type *r = nullptr;
    narrow_.emplace_back();
    bool truthOnly = truthTests_.count(e);
    for (auto *v : b->values) {
      if (truthOnly)
        truthTests_.insert(v);
      const Type *t = checkExpr(v, expected);
      narrowFromTest(v, b->op == BoolOpKind::And);
      if (r && !truthOnly)
        noNumericMix(r, t, e, "`and`/`or`");
      r = r ? unify(r, t, e) : t;
    }
    narrow_.pop_back();
    return set(e, r);
  }
  case Node::Kind::IfExp: {
    auto *i = cast<IfExp>(e);
    truthTests_.insert(i->test);
    checkExpr(i->test);
    narrow_.emplace_back();
    narrowFromTest(i->test, true);
    const Type *a = checkExpr(i->body, expected);
    narrow_.pop_back();
    narrow_.emplace_back();
    narrowFromTest(i->test, false);
    const Type *b = checkExpr(i->orelse, expected);
    narrow_.pop_back();
    if (!truthTests_.count(e))
      noNumericMix(a, b, e, "a conditional expression");
    return set(e, unify(a, b, e));
  }
  case Node::Kind::List:
  case Node::Kind::Set: {
    ExprList &elts = isa<List>(e) ? cast<List>(e)->elts : cast<Set>(e)->elts;
    const Type *want =
        expected && (expected->is(TK::List) || expected->is(TK::Set))
            ? expected->args[0]
            : nullptr;
    const Type *el = nullptr;
    for (auto *x : elts) {
      if (isa<Starred>(x)) {
        unsupported(x, "starred elements in literals are");
        continue;
      }
      const Type *t = checkExpr(x, want);
      if (want && assignable(t, want))
        t = want;
      el = el ? unify(el, t, x) : t;
    }
    if (!el)
      el = want && !hasUnknown(want) ? want : T.unknownT;
    return set(e, isa<List>(e) ? T.list(el) : T.set(el));
  }
  case Node::Kind::Dict: {
    auto *d = cast<Dict>(e);
    const Type *wk =
        expected && expected->is(TK::Dict) ? expected->args[0] : nullptr;
    const Type *wv =
        expected && expected->is(TK::Dict) ? expected->args[1] : nullptr;
    const Type *k = nullptr, *v = nullptr;
    for (size_t i = 0; i < d->keys.size(); ++i) {
      if (!d->keys[i]) {
        unsupported(d->values[i], "`**` in dict literals is");
        continue;
      }
      const Type *kt = checkExpr(d->keys[i], wk);
      const Type *vt = checkExpr(d->values[i], wv);
      if (wk && assignable(kt, wk))
        kt = wk;
      if (wv && assignable(vt, wv))
        vt = wv;
      k = k ? unify(k, kt, d->keys[i]) : kt;
      v = v ? unify(v, vt, d->values[i]) : vt;
    }
    if (!k) {
      k = wk && !hasUnknown(wk) ? wk : T.unknownT;
      v = wv && !hasUnknown(wv) ? wv : T.unknownT;
    }
    return set(e, T.dict(k, v));
  }
  case Node::Kind::Tuple: {
    auto *t = cast<Tuple>(e);
    std::vector<const Type *> el;
    for (size_t i = 0; i < t->elts.size(); ++i) {
      const Type *want = expected && expected->is(TK::Tuple) &&
                                 expected->args.size() == t->elts.size()
                             ? expected->args[i]
                             : nullptr;
      if (isa<Starred>(t->elts[i])) {
        unsupported(t->elts[i], "starred elements in tuples are");
        el.push_back(T.errorT);
        continue;
      }
      const Type *x = checkExpr(t->elts[i], want);
      el.push_back(want && assignable(x, want) ? want : x);
    }
    return set(e, T.tuple(el));
  }
  case Node::Kind::JoinedStr: {
    for (auto *v : cast<JoinedStr>(e)->values)
      checkExpr(v);
    return set(e, T.strT);
  }
  case Node::Kind::FormattedValue: {
    auto *f = cast<FormattedValue>(e);
    const Type *t = checkExpr(f->value);
    if (t->is(TK::Coroutine))
      error(f->value, "formatting a coroutine: did you forget `await`?");
    if (f->format_spec)
      checkExpr(f->format_spec);
    return set(e, T.strT);
  }
  case Node::Kind::Await: {
    auto *a = cast<Await>(e);
    if (cur_ && (cur_->lambda || cur_->name == "<comprehension>"))
      error(e, "`await` inside a lambda or comprehension is not supported by "
               "aioc; use a loop");
    else if (!cur_ || !cur_->isAsync)
      error(e, "`await` outside an async function");
    const Type *t = checkExpr(a->value);
    return set(e, awaitResult(t, e));
  }
  case Node::Kind::Lambda:
    return set(e, checkLambda(cast<Lambda>(e), expected));
  case Node::Kind::ListComp:
  case Node::Kind::SetComp:
  case Node::Kind::DictComp:
  case Node::Kind::GeneratorExp:
    return set(e, checkComprehension(e, expected));
  case Node::Kind::Starred:
    error(e, "starred expressions are only supported as `*args` of a call");
    return set(e, T.errorT);
  case Node::Kind::NamedExpr:
    return set(e, checkNamedExpr(cast<NamedExpr>(e), expected));
  case Node::Kind::Yield:
    error(e, "using the value of `yield` (generator.send) is not supported by "
             "aioc; write `yield` as a statement");
    return set(e, T.errorT);
  case Node::Kind::YieldFrom:
    unsupported(e, "`yield from` is");
    return set(e, T.errorT);
  case Node::Kind::Slice:
    error(e, "slice outside a subscript");
    return set(e, T.errorT);
  default:
    unsupported(e, std::string(kindName(e->kind())) + " expressions are");
    return set(e, T.errorT);
  }
}

const Type *TypeChecker::checkLambda(Lambda *l, const Type *expected) {
  R.funcs.push_back(std::make_unique<FuncInfo>());
  FuncInfo *f = R.funcs.back().get();
  f->name = "<lambda>";
  f->lambda = l;
  f->parent = cur_;
  R.funcOf[l] = f;
  Arguments *a = l->args;
  if (a->vararg || a->kwarg || !a->kwonlyargs.empty() || !a->defaults.empty())
    unsupported(l, "lambda defaults and star parameters are");
  const Type *want =
      expected && expected->is(TK::Callable) ? expected : nullptr;
  if (want && want->args.size() != a->args.size()) {
    error(l, "lambda takes " + std::to_string(a->args.size()) +
                 " parameters; " + q(want) + " expected");
    want = nullptr;
  }
  for (size_t i = 0; i < a->args.size(); ++i) {
    f->paramNames.push_back(a->args[i]->arg);
    const Type *pt = want ? want->args[i] : nullptr;
    if (!pt) {
      error(a->args[i], "cannot infer the type of lambda parameter " +
                            q(a->args[i]->arg) +
                            "; pass the lambda where a typed callable is "
                            "expected");
      pt = T.errorT;
    }
    f->paramTypes.push_back(pt);
    f->defaults.push_back(nullptr);
    Symbol *s = newSymbol(Symbol::Kind::Param, a->args[i]->arg, pt);
    s->owner = f;
    s->assigned = true;
    f->scope[s->name] = s;
  }
  FuncInfo *saved = cur_;
  cur_ = f;
  narrow_.emplace_back();
  const Type *r = checkExpr(l->body);
  narrow_.pop_back();
  cur_ = saved;
  f->ret = r;
  f->state = FuncInfo::State::Done;
  f->type = T.callable(f->paramTypes, r);
  return f->type;
}

const Type *TypeChecker::checkComprehension(Expr *e, const Type *expected) {
  std::vector<Comprehension *> *gens;
  if (auto *l = dyn_cast<ListComp>(e))
    gens = &l->generators;
  else if (auto *s = dyn_cast<SetComp>(e))
    gens = &s->generators;
  else if (auto *d = dyn_cast<DictComp>(e))
    gens = &d->generators;
  else
    gens = &cast<GeneratorExp>(e)->generators;
  // Comprehension variables live in their own scope: a pseudo function
  // nested in the current one (codegen emits a lambda).
  R.funcs.push_back(std::make_unique<FuncInfo>());
  FuncInfo *f = R.funcs.back().get();
  f->name = "<comprehension>";
  f->parent = cur_;
  f->isAsync = false;
  R.funcOf[e] = f;
  for (auto *g : *gens)
    collectTargets(f, g->target);
  FuncInfo *saved = cur_;
  narrow_.emplace_back();
  for (size_t i = 0; i < gens->size(); ++i) {
    Comprehension *g = (*gens)[i];
    if (g->is_async)
      error(g, "`async for` in comprehensions is not supported by aioc; use "
               "an `async for` loop");
    // The first iterable is evaluated in the enclosing scope.
    if (i == 0)
      cur_ = saved;
    const Type *it = checkExpr(g->iter);
    cur_ = f;
    checkAssignTarget(g->target, iterElem(g->iter, it), nullptr);
    for (auto *cond : g->ifs) {
      checkExpr(cond);
      narrowFromTest(cond, true);
    }
  }
  cur_ = f;
  const Type *r;
  auto noAwait = [&](Expr *x) {
    (void)x; // awaits inside are rejected by codegen's hoisting rules
  };
  if (auto *l = dyn_cast<ListComp>(e)) {
    noAwait(l->elt);
    const Type *want =
        expected && expected->is(TK::List) ? expected->args[0] : nullptr;
    const Type *t = checkExpr(l->elt, want);
    r = T.list(want && assignable(t, want) ? want : t);
  } else if (auto *s = dyn_cast<SetComp>(e)) {
    const Type *t = checkExpr(s->elt);
    r = T.set(t);
  } else if (auto *d = dyn_cast<DictComp>(e)) {
    const Type *k = checkExpr(d->key);
    const Type *v = checkExpr(d->value);
    r = T.dict(k, v);
  } else {
    // Generator expressions are materialised as lists: they are only
    // accepted where one is consumed at once (sum/any/all/min/max/join...).
    const Type *t = checkExpr(cast<GeneratorExp>(e)->elt);
    r = T.list(t);
  }
  narrow_.pop_back();
  cur_ = saved;
  f->ret = r;
  f->state = FuncInfo::State::Done;
  return r;
}

bool TypeChecker::noKeywords(Call *c, const std::string &what) {
  if (c->keywords.empty())
    return true;
  error(c->keywords[0],
        what + " takes no keyword argument " + q(c->keywords[0]->arg));
  return false;
}

bool TypeChecker::argCount(Call *c, size_t lo, size_t hi,
                           const std::string &what) {
  if (c->args.size() >= lo && c->args.size() <= hi)
    return true;
  std::string want = lo == hi
                         ? std::to_string(lo)
                         : std::to_string(lo) + " to " + std::to_string(hi);
  error(c, what + " takes " + want + " argument" + (hi == 1 ? "" : "s") + " (" +
               std::to_string(c->args.size()) + " given)");
  for (auto *a : c->args)
    checkExpr(a);
  return false;
}

const Type *TypeChecker::checkAttribute(Attribute *a) {
  std::string qn = qualName(a);
  if (!qn.empty() && qn.find('.') != std::string::npos) {
    std::string root = sourceRoot(a); // the local name of `import x as y`
    bool cl;
    Symbol *rs = lookup(root, cl);
    bool isModule = (rs && rs->kind == Symbol::Kind::Module) ||
                    (!rs && aliases_.count(root));
    if (isModule) {
      if (qn == "sys.argv") {
        R.usesSysArgv = true;
        return T.list(T.strT);
      }
      if (qn == "sys.stderr" || qn == "sys.stdout")
        return T.builtin(qn);
      if (qn == "asyncio.CancelledError" || qn == "asyncio.TimeoutError" ||
          qn == "asyncio.QueueEmpty" || qn == "asyncio.QueueFull" ||
          qn == "asyncio.InvalidStateError" ||
          qn == "asyncio.BrokenBarrierError")
        return exc(qn.substr(8))->ref;
      // asyncio.wait's return_when constants are these strings in CPython.
      if (qn == "asyncio.FIRST_COMPLETED" || qn == "asyncio.FIRST_EXCEPTION" ||
          qn == "asyncio.ALL_COMPLETED")
        return T.strT;
      if (qn == "math.pi" || qn == "math.e" || qn == "math.inf")
        return T.floatT;
      if (qn == "os.environ")
        return T.builtin(qn);
      if (const Type *t = io_.moduleAttr(qn))
        return t;
      return T.builtin(qn);
    }
  }
  const Type *t = checkExpr(a->value);
  if (t->is(TK::Error))
    return t;
  if (const Type *r = io_.attribute(a, t))
    return r;
  if (t->is(TK::Class)) {
    if (const ClassInfo::Field *f = t->cls->findField(a->attr))
      return f->type;
    if (t->cls->isException && a->attr == "args")
      return T.tuple({T.strT});
    if (t->cls->name == "ExceptionGroup" && a->attr == "exceptions")
      return T.list(exc("Exception")->instance);
    if (t->cls->name == "ExceptionGroup" && a->attr == "message")
      return T.strT;
    if (t->cls->findMethod(a->attr)) {
      error(a, "bound methods as values are not supported by aioc; call it "
               "or wrap it in a lambda");
      return T.errorT;
    }
    error(a, q(t->cls->name) + " has no attribute " + q(a->attr));
    return T.errorT;
  }
  if (t->is(TK::Builtin) && t->name == "type")
    return T.strT;
  if (t->is(TK::Queue) && a->attr == "maxsize")
    return T.intT;
  if (t->is(TK::Prim) && t->name == "Barrier" &&
      (a->attr == "parties" || a->attr == "n_waiting"))
    return T.intT;
  if (t->is(TK::Prim) && t->name == "Barrier" && a->attr == "broken")
    return T.boolT;
  error(a, q(t) + " has no attribute " + q(a->attr) +
               " (or it is not supported by aioc)");
  return T.errorT;
}

const Type *TypeChecker::checkBinOp(BinOp *b) {
  const Type *l = checkExpr(b->left);
  const Type *r = checkExpr(b->right);
  if (l->is(TK::Error) || r->is(TK::Error))
    return T.errorT;
  OperatorKind op = b->op;
  auto bad = [&]() {
    error(b, std::string("unsupported operand types for ") + spelling(op) +
                 ": " + q(l) + " and " + q(r));
    return T.errorT;
  };
  if (l->isNumeric() && r->isNumeric()) {
    bool fl = l->is(TK::Float) || r->is(TK::Float);
    switch (op) {
    case OperatorKind::Div:
      return T.floatT;
    case OperatorKind::Add:
    case OperatorKind::Sub:
    case OperatorKind::Mult:
    case OperatorKind::Mod:
    case OperatorKind::FloorDiv:
      return fl ? T.floatT : T.intT;
    case OperatorKind::Pow:
      if (fl)
        return T.floatT;
      // int ** negative int is a float in Python: only literal exponents
      // are known statically.
      if (auto *c = dyn_cast<UnaryOp>(b->right);
          c && c->op == UnaryOpKind::USub)
        return T.floatT;
      return T.intT;
    case OperatorKind::LShift:
    case OperatorKind::RShift:
    case OperatorKind::BitAnd:
    case OperatorKind::BitOr:
    case OperatorKind::BitXor:
      if (fl)
        return bad();
      if (l->is(TK::Bool) && r->is(TK::Bool) &&
          (op == OperatorKind::BitAnd || op == OperatorKind::BitOr ||
           op == OperatorKind::BitXor))
        return T.boolT;
      return T.intT;
    default:
      return bad();
    }
  }
  if (op == OperatorKind::Add && l == r &&
      (l->is(TK::Str) || l->is(TK::List) || l->is(TK::Bytes)))
    return l;
  if (op == OperatorKind::Add && l->is(TK::List) && r->is(TK::List) &&
      (hasUnknown(l) || hasUnknown(r)))
    return hasUnknown(l) ? r : l;
  if (op == OperatorKind::Add && l->is(TK::Tuple) && r->is(TK::Tuple)) {
    std::vector<const Type *> el = l->args;
    el.insert(el.end(), r->args.begin(), r->args.end());
    return T.tuple(el);
  }
  if (op == OperatorKind::Mult && ((l->is(TK::Str) || l->is(TK::List)) &&
                                   (r->is(TK::Int) || r->is(TK::Bool))))
    return l;
  if (op == OperatorKind::Mult &&
      ((r->is(TK::Str) || r->is(TK::List)) && l->is(TK::Int)))
    return r;
  if (op == OperatorKind::Mod && l->is(TK::Str))
    return checkPercent(b, r);
  if (l->is(TK::Set) && l == r &&
      (op == OperatorKind::BitOr || op == OperatorKind::BitAnd ||
       op == OperatorKind::Sub || op == OperatorKind::BitXor))
    return l;
  return bad();
}

const Type *TypeChecker::checkCompare(Compare *c) {
  const Type *l = checkExpr(c->left);
  for (size_t i = 0; i < c->ops.size(); ++i) {
    const Type *r = checkExpr(c->comparators[i]);
    CmpOpKind op = c->ops[i];
    if (l->is(TK::Error) || r->is(TK::Error)) {
      l = r;
      continue;
    }
    switch (op) {
    case CmpOpKind::Is:
    case CmpOpKind::IsNot: {
      auto objectLike = [](const Type *t) {
        if (t->is(TK::Optional))
          t = t->args[0];
        return t->is(TK::Class) || t->is(TK::List) || t->is(TK::Dict) ||
               t->is(TK::Set);
      };
      if (!r->is(TK::None) && !l->is(TK::None) &&
          !(objectLike(l) && objectLike(r)) &&
          !(l->is(TK::Bool) && r->is(TK::Bool)))
        error(c, "`is` is only supported against `None` (and between "
                 "objects); use `==`");
      break;
    }
    case CmpOpKind::In:
    case CmpOpKind::NotIn: {
      const Type *el = nullptr;
      if (r->is(TK::Str))
        el = T.strT;
      else if (r->is(TK::List) || r->is(TK::Set) || r->is(TK::Dict))
        el = r->args[0];
      else if (r->is(TK::Tuple) && !r->args.empty())
        el = r->args[0];
      else if (r->is(TK::Range))
        el = T.intT;
      if (!el) {
        error(c->comparators[i], "`in` needs a container, not " + q(r));
      } else if (!assignable(l, el) && !assignable(el, l)) {
        error(c, "`in` test of " + q(l) + " in " + q(r) + " is always False");
      }
      break;
    }
    case CmpOpKind::Eq:
    case CmpOpKind::NotEq:
      if (!(l->isNumeric() && r->isNumeric()) && !assignable(l, r) &&
          !assignable(r, l))
        error(c, "comparing " + q(l) + " with " + q(r) + " is always " +
                     (op == CmpOpKind::Eq ? "False" : "True"));
      break;
    default: {
      bool ok =
          (l->isNumeric() && r->isNumeric()) ||
          (l == r && (l->is(TK::Str) || l->is(TK::List) || l->is(TK::Tuple) ||
                      l->is(TK::Bytes) || l->is(TK::Set))) ||
          (l == r && l->is(TK::Class) && l->cls->isOrdered);
      if (!ok)
        error(c, std::string("`") + spelling(op) +
                     "` is not supported between " + q(l) + " and " + q(r));
    }
    }
    l = r;
  }
  return T.boolT;
}

const Type *TypeChecker::checkSubscript(Subscript *s) {
  const Type *t = checkExpr(s->value);
  if (t->is(TK::Error))
    return t;
  if (const Type *r = io_.subscript(s, t))
    return r;
  if (auto *sl = dyn_cast<Slice>(s->slice)) {
    for (Expr *x : {sl->lower, sl->upper, sl->step})
      if (x)
        checkExprAs(x, T.optional(T.intT), "slice index");
    if (t->is(TK::Str) || t->is(TK::List) || t->is(TK::Bytes))
      return t;
    if (t->is(TK::Tuple))
      return checkTupleSlice(s, sl, t);
    error(s, q(t) + " cannot be sliced");
    return T.errorT;
  }
  if (t->is(TK::List) || t->is(TK::Str) || t->is(TK::Bytes)) {
    checkExprAs(s->slice, T.intT, "index");
    return t->is(TK::List) ? t->args[0] : t->is(TK::Str) ? T.strT : T.intT;
  }
  if (t->is(TK::Dict)) {
    checkExprAs(s->slice, t->args[0], "key");
    return t->args[1];
  }
  if (t->is(TK::Tuple)) {
    auto *c = dyn_cast<Constant>(s->slice);
    auto *u = dyn_cast<UnaryOp>(s->slice);
    int64_t idx;
    if (c && c->valueKind == Constant::ValueKind::Int) {
      idx = c->intValue;
    } else if (u && u->op == UnaryOpKind::USub && isa<Constant>(u->operand)) {
      idx = -cast<Constant>(u->operand)->intValue;
    } else {
      checkExpr(s->slice);
      // Uniform tuples may be indexed dynamically.
      for (auto *a : t->args)
        if (a != t->args[0]) {
          error(s->slice, "a tuple of mixed types needs a constant index");
          return T.errorT;
        }
      return t->args.empty() ? T.errorT : t->args[0];
    }
    checkExpr(s->slice);
    int64_t n = t->args.size();
    if (idx < 0)
      idx += n;
    if (idx < 0 || idx >= n) {
      error(s->slice, "tuple index out of range");
      return T.errorT;
    }
    return t->args[idx];
  }
  error(s, q(t) + " is not subscriptable");
  return T.errorT;
}

// ------------------------------------------------------------ calls

const Type *TypeChecker::checkUserCall(FuncInfo *f, Call *c, size_t skip) {
  // Bind positional and keyword arguments to parameters, Python's rules.
  size_t n = f->paramNames.size();
  std::vector<Expr *> bound(n, nullptr);
  std::vector<Expr *> extra;
  size_t pi = 0;
  for (size_t i = skip; i < c->args.size(); ++i) {
    Expr *a = c->args[i];
    if (isa<Starred>(a)) {
      unsupported(a, "`*args` at a call site is");
      continue;
    }
    if (pi < n)
      bound[pi++] = a;
    else if (f->varargType)
      extra.push_back(a);
    else {
      error(a, q(f->name) + " takes " + std::to_string(n) +
                   " positional argument" + (n == 1 ? "" : "s") + " but " +
                   std::to_string(c->args.size() - skip) + " were given");
      checkExpr(a);
    }
  }
  for (auto *k : c->keywords) {
    if (!k->hasArg) {
      unsupported(k, "`**kwargs` at a call site is");
      continue;
    }
    auto it = std::find(f->paramNames.begin(), f->paramNames.end(), k->arg);
    if (it == f->paramNames.end()) {
      error(k, q(f->name) + " got an unexpected keyword argument " + q(k->arg));
      checkExpr(k->value);
      continue;
    }
    size_t idx = it - f->paramNames.begin();
    if (bound[idx]) {
      error(k, q(f->name) + " got multiple values for argument " + q(k->arg));
      continue;
    }
    bound[idx] = k->value;
  }
  for (size_t i = 0; i < n; ++i) {
    if (bound[i]) {
      const Type *t = checkExpr(bound[i], f->paramTypes[i]);
      noIntToFloat(bound[i], t, f->paramTypes[i]);
      if (!assignable(t, f->paramTypes[i]))
        error(bound[i], "argument " + q(f->paramNames[i]) + " of " +
                            q(f->name) + " is " + q(f->paramTypes[i]) +
                            ", not " + q(t));
    } else if (!f->defaults[i]) {
      error(c,
            q(f->name) + " missing required argument " + q(f->paramNames[i]));
    }
  }
  for (auto *a : extra)
    checkExprAs(a, f->varargType, "`*args` element");
  const Type *r = returnTypeOf(f, c);
  if (f->genType)
    return f->genType;
  return f->isAsync ? T.coroutine(r) : r;
}

const Type *TypeChecker::checkClassCall(ClassInfo *ci, Call *c) {
  if (ci->isBuiltin) {
    if (!noKeywords(c, ci->name))
      return ci->instance;
    if (ci->name == "ExceptionGroup") {
      // ExceptionGroup(msg, [exceptions]).
      if (!argCount(c, 2, 2, "ExceptionGroup()"))
        return ci->instance;
      checkExprAs(c->args[0], T.strT, "ExceptionGroup message");
      const Type *lt = checkExpr(c->args[1]);
      if (!lt->is(TK::Error) &&
          !(lt->is(TK::List) && lt->args[0]->is(TK::Class) &&
            isSubclass(lt->args[0]->cls, exc("Exception"))))
        error(c->args[1],
              "ExceptionGroup needs a list of exceptions, not " + q(lt));
      return ci->instance;
    }
    if (c->args.size() > 1) {
      error(c->args[1], "exceptions with more than one argument are not "
                        "supported by aioc");
    }
    for (auto *a : c->args)
      checkExpr(a);
    return ci->instance;
  }
  if (FuncInfo *init = ci->findMethod("__init__")) {
    checkUserCall(init, c);
    return ci->instance;
  }
  if (ci->isDataclass) {
    auto fields = ci->allFields();
    size_t pi = 0;
    std::vector<Expr *> bound(fields.size(), nullptr);
    for (auto *a : c->args) {
      if (pi >= fields.size()) {
        error(a, q(ci->name) + " takes " + std::to_string(fields.size()) +
                     " arguments");
        break;
      }
      bound[pi++] = a;
    }
    for (auto *k : c->keywords) {
      size_t i = 0;
      for (; i < fields.size(); ++i)
        if (fields[i]->name == k->arg)
          break;
      if (i == fields.size()) {
        error(k, q(ci->name) + " has no field " + q(k->arg));
        continue;
      }
      bound[i] = k->value;
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      if (bound[i]) {
        const Type *ft = checkExprAs(bound[i], fields[i]->type, "field value");
        noIntToFloat(bound[i], ft, fields[i]->type);
      } else if (!fields[i]->init)
        error(c, q(ci->name) + " missing field " + q(fields[i]->name));
    }
    return ci->instance;
  }
  if (ci->isException) {
    // Inherits the builtin exception constructor: one optional message.
    for (auto *a : c->args)
      checkExpr(a);
    if (c->args.size() > 1)
      error(c->args[1], "exceptions with more than one argument are not "
                        "supported by aioc");
    return ci->instance;
  }
  if (!c->args.empty() || !c->keywords.empty())
    error(c, q(ci->name) + " takes no arguments (it has no `__init__`)");
  return ci->instance;
}

const Type *TypeChecker::checkCall(Call *c, const Type *expected) {
  // super().__init__(...) inside __init__.
  if (auto *a = dyn_cast<Attribute>(c->func)) {
    if (auto *sc = dyn_cast<Call>(a->value)) {
      if (auto *n = dyn_cast<Name>(sc->func); n && n->id == "super") {
        if (!curClass_ || !curClass_->base) {
          error(c, "`super()` outside a method of a derived class");
          return T.errorT;
        }
        sc->type = curClass_->base->instance;
        n->type = T.builtin("super");
        ClassInfo *b = curClass_->base;
        if (a->attr == "__init__" && b->isException &&
            !b->findMethod("__init__")) {
          for (auto *x : c->args)
            checkExpr(x);
          return T.noneT;
        }
        FuncInfo *m = b->findMethod(a->attr);
        if (!m) {
          error(c, q(b->name) + " has no method " + q(a->attr));
          return T.errorT;
        }
        return checkUserCall(m, c);
      }
    }
  }
  std::string qn = qualName(c->func);
  if (!qn.empty()) {
    bool cl;
    std::string root = qn.substr(0, qn.find('.'));
    // `import httpx as hx; hx.get(...)`: the module's local name.
    if (isa<Attribute>(c->func))
      root = sourceRoot(c->func);
    Symbol *rs = lookup(root, cl);
    if (qn.find('.') != std::string::npos &&
        ((rs && rs->kind == Symbol::Kind::Module) ||
         (!rs && aliases_.count(root)))) {
      return checkModuleCall(qn, c, expected);
    }
    if (!rs && qn.find('.') != std::string::npos && aliases_.count(qn))
      return checkModuleCall(aliases_[qn], c, expected);
    if (!rs && qn.find('.') == std::string::npos) {
      auto al = aliases_.find(qn);
      if (al != aliases_.end()) {
        c->func->type = T.builtin(al->second);
        if (ClassInfo *ci = exc(al->second.substr(al->second.rfind('.') + 1)))
          return checkClassCall(ci, c);
        return checkModuleCall(al->second, c, expected);
      }
    }
  }
  if (auto *a = dyn_cast<Attribute>(c->func)) {
    const Type *recv = checkExpr(a->value);
    a->type = T.builtin("method");
    if (recv->is(TK::Error)) {
      for (auto *x : c->args)
        checkExpr(x);
      return T.errorT;
    }
    if (recv->is(TK::IO))
      return io_.methodCall(a, recv, c, expected);
    return checkMethodCall(a, recv, c);
  }
  const Type *ft = checkExpr(c->func);
  if (ft->is(TK::Error)) {
    for (auto *x : c->args)
      checkExpr(x);
    return T.errorT;
  }
  if (ft->is(TK::Builtin))
    return checkBuiltinCall(ft->name, c, expected);
  if (ft->is(TK::ClassRef))
    return checkClassCall(ft->cls, c);
  if (auto *n = dyn_cast<Name>(c->func)) {
    Symbol *s = R.nameSymbols.count(n) ? R.nameSymbols[n] : nullptr;
    if (s && s->kind == Symbol::Kind::Function)
      return checkUserCall(s->func, c);
  }
  if (ft->is(TK::Callable)) {
    if (!noKeywords(c, "a callable value"))
      return ft->ret;
    if (c->args.size() != ft->args.size()) {
      error(c, "callable takes " + std::to_string(ft->args.size()) +
                   " arguments (" + std::to_string(c->args.size()) + " given)");
      return ft->ret;
    }
    for (size_t i = 0; i < c->args.size(); ++i)
      checkExprAs(c->args[i], ft->args[i], "argument");
    return ft->ret;
  }
  error(c->func, q(ft) + " is not callable");
  return T.errorT;
}

// ------------------------------------------------------------ builtins

const Type *TypeChecker::checkBuiltinCall(const std::string &name, Call *c,
                                          const Type *expected) {
  if (const Type *t = io_.call(name, c, expected))
    return t;
  auto args = [&]() {
    std::vector<const Type *> ts;
    for (auto *a : c->args)
      ts.push_back(isa<Starred>(a)
                       ? (unsupported(a, "`*args` here is"), T.errorT)
                       : checkExpr(a));
    return ts;
  };
  auto anyErr = [](const std::vector<const Type *> &ts) {
    for (auto *t : ts)
      if (t->is(TK::Error))
        return true;
    return false;
  };
  if (name == "print") {
    for (auto *a : c->args) {
      const Type *t = checkExpr(a);
      if (t->is(TK::Coroutine))
        error(a, "printing a coroutine: did you forget `await`?");
    }
    for (auto *k : c->keywords) {
      if (k->arg == "sep" || k->arg == "end")
        checkExprAs(k->value, T.strT, k->arg == "sep" ? "sep" : "end");
      else if (k->arg == "flush")
        checkExprAs(k->value, T.boolT, "flush");
      else if (k->arg == "file") {
        std::string qn = qualName(k->value);
        if (qn != "sys.stderr" && qn != "sys.stdout")
          error(k->value, "print(file=...) supports only `sys.stdout` and "
                          "`sys.stderr`");
        checkExpr(k->value);
      } else
        error(k, "print() got an unexpected keyword argument " + q(k->arg));
    }
    return T.noneT;
  }
  if (name == "sorted" || name == "min" || name == "max" || name == "sum") {
    std::vector<const Type *> ts = args();
    if (anyErr(ts) || ts.empty()) {
      if (ts.empty())
        error(c, name + "() needs an argument");
      return T.errorT;
    }
    const Type *el;
    if (ts.size() == 1 || name == "sum") {
      el = iterElem(c->args[0], ts[0]);
    } else {
      el = ts[0];
      for (size_t i = 1; i < ts.size(); ++i) {
        if (ts[i] != el && ts[i]->isNumeric() && el->isNumeric()) {
          // Python returns the winning argument itself (int or float).
          error(c->args[i], name + "() of mixed " + q(el) + " and " + q(ts[i]) +
                                " is not supported by aioc; "
                                "convert with float()");
          return T.errorT;
        }
        el = unify(el, ts[i], c->args[i]);
      }
    }
    if (el->is(TK::Error))
      return el;
    for (auto *k : c->keywords) {
      if (k->arg == "key" && name != "sum") {
        checkKey(k->value, el);
      } else if (k->arg == "reverse" && name == "sorted") {
        checkExprAs(k->value, T.boolT, "reverse");
      } else if (k->arg == "default" && ts.size() == 1 && name != "sorted" &&
                 name != "sum") {
        checkExprAs(k->value, el, "default");
      } else {
        error(k, name + "() got an unexpected keyword argument " + q(k->arg));
      }
    }
    if (name == "sorted")
      return T.list(el);
    if (name == "sum") {
      if (!el->isNumeric()) {
        error(c, "sum() needs numbers, not " + q(el));
        return T.errorT;
      }
      if (ts.size() > 1)
        return ts[1]->is(TK::Float) ? T.floatT : el;
      return el->is(TK::Bool) ? T.intT : el;
    }
    return el;
  }
  if (name != "enumerate" && !noKeywords(c, name + "()"))
    return T.errorT;
  std::vector<const Type *> ts = args();
  if (anyErr(ts))
    return T.errorT;
  auto need = [&](size_t lo, size_t hi) {
    if (ts.size() < lo || ts.size() > hi) {
      error(c,
            name + "() takes " +
                (lo == hi ? std::to_string(lo)
                          : std::to_string(lo) + " to " + std::to_string(hi)) +
                " arguments (" + std::to_string(ts.size()) + " given)");
      return false;
    }
    return true;
  };
  auto expect = [&](size_t i, const Type *t) {
    if (!assignable(ts[i], t)) {
      error(c->args[i],
            name + "() argument must be " + q(t) + ", not " + q(ts[i]));
      return false;
    }
    return true;
  };
  if (name == "len") {
    if (!need(1, 1))
      return T.intT;
    TK k = ts[0]->kind;
    if (k != TK::Str && k != TK::List && k != TK::Dict && k != TK::Set &&
        k != TK::Tuple && k != TK::Bytes && k != TK::Range)
      error(c->args[0], "object of type " + q(ts[0]) + " has no len()");
    return T.intT;
  }
  if (name == "range") {
    if (!need(1, 3))
      return T.rangeT;
    for (size_t i = 0; i < ts.size(); ++i)
      expect(i, T.intT);
    return T.rangeT;
  }
  if (name == "str" || name == "repr") {
    if (!need(name == "str" ? 0 : 1, 1))
      return T.strT;
    if (!ts.empty() && ts[0]->is(TK::Coroutine))
      error(c->args[0], "converting a coroutine: did you forget `await`?");
    return T.strT;
  }
  if (name == "int") {
    if (!need(0, 2))
      return T.intT;
    if (!ts.empty() && !ts[0]->isNumeric() && !ts[0]->is(TK::Str))
      error(c->args[0],
            "int() argument must be a string or a number, not " + q(ts[0]));
    if (ts.size() == 2) {
      expect(0, T.strT);
      expect(1, T.intT);
    }
    return T.intT;
  }
  if (name == "float") {
    if (!need(0, 1))
      return T.floatT;
    if (!ts.empty() && !ts[0]->isNumeric() && !ts[0]->is(TK::Str))
      error(c->args[0], "float() argument must be a string or a number, "
                        "not " +
                            q(ts[0]));
    return T.floatT;
  }
  if (name == "bool") {
    need(0, 1);
    return T.boolT;
  }
  if (name == "abs") {
    if (!need(1, 1))
      return T.errorT;
    if (!ts[0]->isNumeric()) {
      error(c->args[0], "bad operand type for abs(): " + q(ts[0]));
      return T.errorT;
    }
    return ts[0]->is(TK::Bool) ? T.intT : ts[0];
  }
  if (name == "round") {
    if (!need(1, 2))
      return T.errorT;
    if (!ts[0]->isNumeric()) {
      error(c->args[0], "round() needs a number, not " + q(ts[0]));
      return T.errorT;
    }
    if (ts.size() == 2) {
      expect(1, T.intT);
      return ts[0]->is(TK::Float) ? T.floatT : T.intT;
    }
    return T.intT;
  }
  if (name == "reversed") {
    if (!need(1, 1))
      return T.errorT;
    if (!ts[0]->is(TK::List) && !ts[0]->is(TK::Str) && !ts[0]->is(TK::Range))
      error(c->args[0],
            "reversed() of " + q(ts[0]) + " is not supported by aioc");
    return T.iterator(iterElem(c->args[0], ts[0]));
  }
  if (name == "enumerate") {
    if (!need(1, 2))
      return T.errorT;
    for (auto *k : c->keywords)
      if (k->arg == "start")
        checkExprAs(k->value, T.intT, "start");
      else
        error(k, "enumerate() got an unexpected keyword argument " + q(k->arg));
    if (ts.size() == 2)
      expect(1, T.intT);
    return T.iterator(T.tuple({T.intT, iterElem(c->args[0], ts[0])}));
  }
  if (name == "zip") {
    if (!need(2, 3))
      return T.errorT;
    std::vector<const Type *> el;
    for (size_t i = 0; i < ts.size(); ++i)
      el.push_back(iterElem(c->args[i], ts[i]));
    return T.iterator(T.tuple(el));
  }
  if (name == "any" || name == "all") {
    if (need(1, 1))
      iterElem(c->args[0], ts[0]);
    return T.boolT;
  }
  if (name == "isinstance") {
    if (!need(2, 2))
      return T.boolT;
    if (!ts[1]->is(TK::ClassRef) && !ts[1]->is(TK::Builtin))
      error(c->args[1], "isinstance() needs a class");
    if (ts[1]->is(TK::Builtin) &&
        !(ts[1]->name == "int" || ts[1]->name == "str" ||
          ts[1]->name == "float" || ts[1]->name == "bool"))
      error(c->args[1], "isinstance() needs a class");
    const Type *vt0 = ts[0]->is(TK::Optional) ? ts[0]->args[0] : ts[0];
    if (ts[1]->is(TK::ClassRef) && !ts[0]->is(TK::Class) &&
        !(ts[0]->is(TK::Optional) && vt0->is(TK::Class) &&
          vt0->cls->isException))
      error(c->args[0], "isinstance() of " + q(ts[0]) + " against a class");
    return T.boolT;
  }
  if (name == "ord") {
    if (need(1, 1))
      expect(0, T.strT);
    return T.intT;
  }
  if (name == "chr" || name == "hex" || name == "bin" || name == "oct") {
    if (need(1, 1))
      expect(0, T.intT);
    return T.strT;
  }
  if (name == "divmod") {
    if (!need(2, 2))
      return T.errorT;
    if (ts[0]->is(TK::Float) || ts[1]->is(TK::Float))
      return T.tuple({T.floatT, T.floatT});
    expect(0, T.intT);
    expect(1, T.intT);
    return T.tuple({T.intT, T.intT});
  }
  if (name == "format") {
    if (need(1, 2) && ts.size() == 2)
      expect(1, T.strT);
    return T.strT;
  }
  if (name == "type") {
    if (!need(1, 1))
      return T.errorT;
    return T.builtin("type");
  }
  if (name == "list" || name == "set") {
    if (!need(0, 1))
      return T.errorT;
    if (ts.empty()) {
      if (expected && expected->kind == (name == "list" ? TK::List : TK::Set))
        return expected;
      return name == "list" ? T.list(T.unknownT) : T.set(T.unknownT);
    }
    const Type *el = iterElem(c->args[0], ts[0]);
    return name == "list" ? T.list(el) : T.set(el);
  }
  if (name == "dict") {
    if (!need(0, 1))
      return T.errorT;
    if (ts.empty())
      return expected && expected->is(TK::Dict)
                 ? expected
                 : T.dict(T.unknownT, T.unknownT);
    if (ts[0]->is(TK::Dict))
      return ts[0];
    error(c->args[0], "dict() of " + q(ts[0]) + " is not supported by aioc");
    return T.errorT;
  }
  if (name == "super") {
    error(c, "`super()` is supported only as `super().method(...)`");
    return T.errorT;
  }
  if (name == "tuple") {
    error(c, "`tuple()` is not supported by aioc; write a tuple literal");
    return T.errorT;
  }
  error(c, "builtin " + q(name) + " is not supported by aioc");
  return T.errorT;
}

const Type *TypeChecker::checkModuleCall(const std::string &qn, Call *c,
                                         const Type *expected) {
  c->func->type = T.builtin(qn);
  if (const Type *t = io_.call(qn, c, expected))
    return t;
  auto argT = [&](size_t i, const Type *want = nullptr) {
    return checkExpr(c->args[i], want);
  };
  auto kw = [&](const std::string &n) -> Keyword * {
    for (auto *k : c->keywords)
      if (k->arg == n)
        return k;
    return nullptr;
  };
  auto onlyKw = [&](std::initializer_list<const char *> allowed) {
    for (auto *k : c->keywords) {
      bool ok = false;
      for (auto *a : allowed)
        ok = ok || k->arg == a;
      if (!ok)
        error(k, qn + "() got an unexpected keyword argument " + q(k->arg));
    }
  };
  auto needAsync = [&]() {
    FuncInfo *f = cur_;
    while (f && (f->lambda || f->name == "<comprehension>"))
      f = f->parent;
    if (!f || !f->isAsync) {
      // Creating tasks needs a running loop, exactly as in CPython.
      error(c, q(qn) + " needs a running event loop: call it inside an "
                       "`async def`");
    }
  };
  if (qn == "asyncio.run") {
    onlyKw({"debug"});
    if (!argCount(c, 1, 1, qn))
      return T.errorT;
    const Type *t = argT(0);
    if (Keyword *k = kw("debug"))
      checkExprAs(k->value, T.boolT, "debug");
    if (cur_ && cur_->isAsync)
      mistake(c, "`asyncio.run()` cannot be called from a running event "
                 "loop");
    if (!t->is(TK::Coroutine)) {
      if (!t->is(TK::Error))
        error(c->args[0], "asyncio.run() needs a coroutine, not " + q(t));
      return T.errorT;
    }
    return t->args[0];
  }
  if (qn == "asyncio.sleep") {
    onlyKw({});
    if (!argCount(c, 1, 2, qn))
      return T.errorT;
    checkExprAs(c->args[0], T.floatT, "delay");
    if (c->args.size() == 2)
      return T.coroutine(argT(1));
    return T.coroutine(T.noneT);
  }
  if (qn == "asyncio.create_task" || qn == "asyncio.ensure_future") {
    onlyKw({"name"});
    needAsync();
    if (!argCount(c, 1, 1, qn))
      return T.errorT;
    const Type *t = argT(0);
    if (Keyword *k = kw("name"))
      checkExprAs(k->value, T.strT, "name");
    if (!t->is(TK::Coroutine)) {
      if (!t->is(TK::Error))
        error(c->args[0], "create_task() needs a coroutine, not " + q(t));
      return T.errorT;
    }
    return T.task(t->args[0]);
  }
  if (qn == "asyncio.gather") {
    onlyKw({"return_exceptions"});
    bool retExc = false;
    if (Keyword *k = kw("return_exceptions")) {
      checkExprAs(k->value, T.boolT, "return_exceptions");
      auto *cv = dyn_cast<Constant>(k->value);
      if (cv && cv->valueKind == Constant::ValueKind::True)
        retExc = true;
      else if (!cv || cv->valueKind != Constant::ValueKind::False)
        error(k->value, "`return_exceptions` must be the constant True or "
                        "False for aioc (it decides the result type)");
    }
    std::vector<const Type *> rs;
    for (auto *a : c->args) {
      if (auto *st = dyn_cast<Starred>(a)) {
        const Type *lt = checkExpr(st->value);
        st->type = lt;
        if (lt->is(TK::List) &&
            (lt->args[0]->is(TK::Task) || lt->args[0]->is(TK::Coroutine) ||
             lt->args[0]->is(TK::Future))) {
          rs.push_back(lt->args[0]->args[0]);
          if (c->args.size() != 1)
            unsupported(a, "mixing `*list` with other gather arguments is");
        } else if (!lt->is(TK::Error)) {
          error(a,
                "gather(*x) needs a list of tasks or coroutines, not " + q(lt));
          return T.errorT;
        }
        continue;
      }
      const Type *t = checkExpr(a);
      if (t->is(TK::Error))
        return T.errorT;
      if (!t->is(TK::Coroutine) && !t->is(TK::Task) && !t->is(TK::Future)) {
        error(a, "gather() needs awaitables, not " + q(t));
        return T.errorT;
      }
      rs.push_back(t->args[0]);
    }
    if (rs.empty())
      return T.coroutine(T.list(T.noneT));
    bool same = true;
    for (auto *r : rs)
      same = same && r == rs[0];
    if (retExc) {
      // Elements are results or exceptions; aioc has no union of a result
      // type and BaseException, but for None results it is exactly
      // `BaseException | None`.
      if (same && rs[0]->is(TK::None))
        return T.coroutine(T.list(T.optional(exc("BaseException")->instance)));
      error(c, "gather(return_exceptions=True) is supported by aioc only for "
               "awaitables that return None (the result would mix values "
               "and exceptions)");
      return T.errorT;
    }
    if (same)
      return T.coroutine(T.list(rs[0]));
    error(c, "gather() of different result types is not supported by aioc "
             "(its result is a list of one type)");
    return T.errorT;
  }
  if (qn == "asyncio.wait_for") {
    onlyKw({"timeout"});
    if (!argCount(c, 1, 2, qn))
      return T.errorT;
    const Type *t = argT(0);
    if (c->args.size() == 2)
      checkExprAs(c->args[1], T.optional(T.floatT), "timeout");
    else if (Keyword *k = kw("timeout"))
      checkExprAs(k->value, T.optional(T.floatT), "timeout");
    else
      error(c, "wait_for() missing `timeout`");
    if (!t->is(TK::Coroutine) && !t->is(TK::Task)) {
      if (!t->is(TK::Error))
        error(c->args[0], "wait_for() needs an awaitable, not " + q(t));
      return T.errorT;
    }
    return T.coroutine(t->args[0]);
  }
  if (qn == "asyncio.shield") {
    if (!argCount(c, 1, 1, qn))
      return T.errorT;
    const Type *t = argT(0);
    if (!t->is(TK::Coroutine) && !t->is(TK::Task)) {
      if (!t->is(TK::Error))
        error(c->args[0], "shield() needs an awaitable, not " + q(t));
      return T.errorT;
    }
    return T.coroutine(t->args[0]);
  }
  if (qn == "asyncio.timeout") {
    onlyKw({});
    if (argCount(c, 1, 1, qn))
      checkExprAs(c->args[0], T.optional(T.floatT), "delay");
    return T.timeout();
  }
  if (qn == "asyncio.TaskGroup") {
    argCount(c, 0, 0, qn);
    return T.taskGroup();
  }
  if (qn == "asyncio.Queue" || qn == "asyncio.LifoQueue" ||
      qn == "asyncio.PriorityQueue") {
    onlyKw({"maxsize"});
    if (argCount(c, 0, 1, qn) && c->args.size() == 1)
      checkExprAs(c->args[0], T.intT, "maxsize");
    if (Keyword *k = kw("maxsize"))
      checkExprAs(k->value, T.intT, "maxsize");
    std::string kind = qn.substr(8);
    if (expected && expected->is(TK::Queue) && expected->name == kind)
      return expected;
    error(c, "the element type of a queue cannot be inferred; annotate it: "
             "`q: " +
                 qn + "[int] = " + qn + "()`");
    return T.errorT;
  }
  if (qn == "asyncio.Lock" || qn == "asyncio.Event" ||
      qn == "asyncio.Condition") {
    argCount(c, 0, 0, qn);
    return T.prim(qn.substr(8));
  }
  if (qn == "asyncio.Semaphore" || qn == "asyncio.BoundedSemaphore") {
    if (argCount(c, 0, 1, qn) && c->args.size() == 1)
      checkExprAs(c->args[0], T.intT, "value");
    onlyKw({});
    return T.prim(qn.substr(8));
  }
  if (qn == "asyncio.to_thread") {
    if (c->args.empty()) {
      error(c, "to_thread() needs a function");
      return T.errorT;
    }
    auto *n = dyn_cast<Name>(c->args[0]);
    bool cl;
    Symbol *s = n ? lookup(n->id, cl) : nullptr;
    if (!s || s->kind != Symbol::Kind::Function || s->func->isAsync) {
      error(c->args[0], "to_thread() needs a plain function defined in the "
                        "script");
      return T.errorT;
    }
    checkExpr(c->args[0]);
    return T.coroutine(checkUserCall(s->func, c, 1));
  }
  if (qn == "asyncio.get_running_loop") {
    argCount(c, 0, 0, qn);
    needAsync();
    return T.builtin("asyncio.loop");
  }
  if (const Type *r = checkAsyncioCall(qn, c, expected))
    return r;
  if (qn == "sys.exit") {
    if (argCount(c, 0, 1, qn) && c->args.size() == 1)
      checkExprAs(c->args[0], T.intT, "exit status");
    return T.noneT;
  }
  if (qn == "time.perf_counter" || qn == "time.monotonic" ||
      qn == "time.time") {
    argCount(c, 0, 0, qn);
    return T.floatT;
  }
  if (qn == "time.sleep") {
    if (argCount(c, 1, 1, qn))
      checkExprAs(c->args[0], T.floatT, "seconds");
    return T.noneT;
  }
  if (qn == "random.seed") {
    if (argCount(c, 1, 1, qn))
      checkExprAs(c->args[0], T.intT, "seed");
    return T.noneT;
  }
  if (qn == "random.random") {
    argCount(c, 0, 0, qn);
    return T.floatT;
  }
  if (qn == "random.randint") {
    if (argCount(c, 2, 2, qn)) {
      checkExprAs(c->args[0], T.intT, "a");
      checkExprAs(c->args[1], T.intT, "b");
    }
    return T.intT;
  }
  if (qn == "math.sqrt" || qn == "math.floor" || qn == "math.ceil") {
    if (argCount(c, 1, 1, qn))
      checkExprAs(c->args[0], T.floatT, "x");
    return qn == "math.sqrt" ? T.floatT : T.intT;
  }
  if (qn == "os.environ.get") {
    if (!argCount(c, 1, 2, qn))
      return T.errorT;
    checkExprAs(c->args[0], T.strT, "key");
    if (c->args.size() == 2) {
      checkExprAs(c->args[1], T.strT, "default");
      return T.strT;
    }
    return T.optional(T.strT);
  }
  if (qn == "dataclasses.field") {
    error(c, "`dataclasses.field()` is not supported by aioc");
    return T.errorT;
  }
  for (auto *a : c->args)
    checkExpr(a);
  error(c->func, q(qn) + " is not supported by aioc");
  return T.errorT;
}

const Type *TypeChecker::checkMethodCall(Attribute *a, const Type *recv,
                                         Call *c) {
  const std::string &m = a->attr;
  auto ts = [&](std::vector<const Type *> want) {
    std::vector<const Type *> out;
    if (c->args.size() != want.size()) {
      error(c, "`" + m + "()` of " + q(recv) + " takes " +
                   std::to_string(want.size()) + " argument" +
                   (want.size() == 1 ? "" : "s") + " (" +
                   std::to_string(c->args.size()) + " given)");
      for (auto *x : c->args)
        checkExpr(x);
      return false;
    }
    for (size_t i = 0; i < want.size(); ++i) {
      const Type *t = checkExpr(c->args[i], want[i]);
      if (!assignable(t, want[i])) {
        if (recv->is(TK::List) && m == "append")
          error(c->args[i], "`" + qualName(a->value) + "` is " + q(recv) +
                                "; cannot append " + q(t));
        else
          error(c->args[i], "argument of `" + m + "()` must be " + q(want[i]) +
                                ", not " + q(t));
        return false;
      }
    }
    return true;
  };
  auto noKw = [&]() { return noKeywords(c, "`" + m + "()`"); };
  auto unknownMethod = [&]() {
    for (auto *x : c->args)
      checkExpr(x);
    error(a, q(recv) + " has no method " + q(m) +
                 " (or it is not supported by aioc)");
    return T.errorT;
  };
  if (const Type *r = checkAsyncioMethod(a, recv, c))
    return r;
  const Type *S = T.strT, *I = T.intT, *B = T.boolT, *N = T.noneT;
  switch (recv->kind) {
  case TK::Str: {
    if (m == "upper" || m == "lower" || m == "title" || m == "capitalize" ||
        m == "swapcase" || m == "casefold") {
      ts({});
      return S;
    }
    if (m == "strip" || m == "lstrip" || m == "rstrip") {
      if (c->args.empty())
        ts({});
      else
        ts({S});
      return S;
    }
    if (m == "isdigit" || m == "isalpha" || m == "isspace" || m == "isalnum" ||
        m == "isupper" || m == "islower" || m == "isnumeric" ||
        m == "isdecimal" || m == "isidentifier") {
      ts({});
      return B;
    }
    if (m == "split" || m == "rsplit") {
      for (auto *k : c->keywords)
        if (k->arg == "maxsplit")
          checkExprAs(k->value, I, "maxsplit");
        else if (k->arg == "sep")
          checkExprAs(k->value, T.optional(S), "sep");
        else
          error(k, "unexpected keyword " + q(k->arg));
      if (c->args.size() > 2) {
        ts({S, I});
      } else {
        for (size_t i = 0; i < c->args.size(); ++i)
          checkExprAs(c->args[i], i == 0 ? T.optional(S) : I,
                      i == 0 ? "separator" : "maxsplit");
      }
      return T.list(S);
    }
    if (m == "splitlines") {
      ts({});
      return T.list(S);
    }
    if (!noKw())
      return T.errorT;
    if (m == "join") {
      if (c->args.size() != 1)
        return ts({T.list(S)}), S;
      const Type *t = checkExpr(c->args[0], T.list(S));
      const Type *el = iterElem(c->args[0], t);
      if (!el->is(TK::Str) && !el->is(TK::Error))
        error(c->args[0], "join() needs strings, not " + q(el));
      return S;
    }
    if (m == "replace") {
      if (c->args.size() == 3)
        ts({S, S, I});
      else
        ts({S, S});
      return S;
    }
    if (m == "startswith" || m == "endswith") {
      ts({S});
      return B;
    }
    if (m == "find" || m == "rfind" || m == "index" || m == "rindex" ||
        m == "count") {
      ts({S});
      return I;
    }
    if (m == "zfill") {
      ts({I});
      return S;
    }
    if (m == "ljust" || m == "rjust" || m == "center") {
      if (c->args.size() == 2)
        ts({I, S});
      else
        ts({I});
      return S;
    }
    if (m == "partition" || m == "rpartition") {
      ts({S});
      return T.tuple({S, S, S});
    }
    if (m == "encode") {
      if (c->args.size() == 1)
        ts({S});
      else
        ts({});
      return T.bytesT;
    }
    if (m == "removeprefix" || m == "removesuffix") {
      ts({S});
      return S;
    }
    if (m == "format") {
      // str.format(*args): any printable values; fields are checked by the
      // runtime as CPython checks them.
      for (auto *x : c->args)
        if (checkExpr(x)->is(TK::Coroutine))
          error(x, "formatting a coroutine: did you forget `await`?");
      return S;
    }
    return unknownMethod();
  }
  case TK::Bytes:
    if (m == "decode") {
      if (c->args.size() == 1)
        ts({S});
      else
        ts({});
      return S;
    }
    return unknownMethod();
  case TK::List: {
    const Type *E = recv->args[0];
    if (m == "sort") {
      ts({});
      for (auto *k : c->keywords)
        if (k->arg == "key")
          checkKey(k->value, E);
        else if (k->arg == "reverse")
          checkExprAs(k->value, B, "reverse");
        else
          error(k, "sort() got an unexpected keyword argument " + q(k->arg));
      return N;
    }
    if (!noKw())
      return T.errorT;
    if (m == "append") {
      ts({E});
      return N;
    }
    if (m == "extend") {
      if (c->args.size() == 1) {
        const Type *t = checkExpr(c->args[0], recv);
        const Type *el = iterElem(c->args[0], t);
        if (!assignable(el, E))
          error(c->args[0], "`" + qualName(a->value) + "` is " + q(recv) +
                                "; cannot extend with " + q(t));
      } else
        ts({recv});
      return N;
    }
    if (m == "insert") {
      ts({I, E});
      return N;
    }
    if (m == "pop") {
      if (c->args.empty())
        ts({});
      else
        ts({I});
      return E;
    }
    if (m == "remove") {
      ts({E});
      return N;
    }
    if (m == "index" || m == "count") {
      ts({E});
      return I;
    }
    if (m == "reverse" || m == "clear") {
      ts({});
      return N;
    }
    if (m == "copy") {
      ts({});
      return recv;
    }
    return unknownMethod();
  }
  case TK::Dict: {
    const Type *K = recv->args[0], *V = recv->args[1];
    if (!noKw())
      return T.errorT;
    if (m == "get") {
      if (c->args.size() == 2) {
        ts({K, V});
        return V;
      }
      ts({K});
      return T.optional(V);
    }
    if (m == "keys") {
      ts({});
      return T.iterator(K);
    }
    if (m == "values") {
      ts({});
      return T.iterator(V);
    }
    if (m == "items") {
      ts({});
      return T.iterator(T.tuple({K, V}));
    }
    if (m == "pop") {
      if (c->args.size() == 2)
        ts({K, V});
      else
        ts({K});
      return V;
    }
    if (m == "setdefault") {
      ts({K, V});
      return V;
    }
    if (m == "update") {
      ts({recv});
      return N;
    }
    if (m == "copy") {
      ts({});
      return recv;
    }
    if (m == "clear") {
      ts({});
      return N;
    }
    if (m == "popitem") {
      ts({});
      return T.tuple({recv->args[0], recv->args[1]});
    }
    return unknownMethod();
  }
  case TK::Set: {
    const Type *E = recv->args[0];
    if (!noKw())
      return T.errorT;
    if (m == "add" || m == "discard" || m == "remove") {
      ts({E});
      return N;
    }
    if (m == "union" || m == "intersection" || m == "difference" ||
        m == "symmetric_difference") {
      ts({recv});
      return recv;
    }
    if (m == "issubset" || m == "issuperset" || m == "isdisjoint") {
      ts({recv});
      return B;
    }
    if (m == "pop") {
      ts({});
      return E;
    }
    if (m == "copy") {
      ts({});
      return recv;
    }
    if (m == "clear") {
      ts({});
      return N;
    }
    return unknownMethod();
  }
  case TK::Task: {
    const Type *Rt = recv->args[0];
    if (m == "cancel") {
      if (c->args.size() == 1)
        ts({S});
      else
        ts({});
      for (auto *k : c->keywords)
        if (k->arg == "msg")
          checkExprAs(k->value, S, "msg");
        else
          error(k, "cancel() got an unexpected keyword argument " + q(k->arg));
      return B;
    }
    if (!noKw())
      return T.errorT;
    if (m == "done" || m == "cancelled") {
      ts({});
      return B;
    }
    if (m == "result") {
      ts({});
      return Rt;
    }
    if (m == "get_name") {
      ts({});
      return S;
    }
    if (m == "cancelling" || m == "uncancel") {
      ts({});
      return I;
    }
    return unknownMethod();
  }
  case TK::Queue: {
    const Type *E = recv->args[0];
    if (!noKw())
      return T.errorT;
    if (m == "put") {
      ts({E});
      return T.coroutine(N);
    }
    if (m == "get") {
      ts({});
      return T.coroutine(E);
    }
    if (m == "put_nowait") {
      ts({E});
      return N;
    }
    if (m == "get_nowait") {
      ts({});
      return E;
    }
    if (m == "task_done") {
      ts({});
      return N;
    }
    if (m == "join") {
      ts({});
      return T.coroutine(N);
    }
    if (m == "qsize") {
      ts({});
      return I;
    }
    if (m == "empty" || m == "full") {
      ts({});
      return B;
    }
    return unknownMethod();
  }
  case TK::Prim: {
    if (!noKw())
      return T.errorT;
    const std::string &k = recv->name;
    if (k == "Event") {
      if (m == "set" || m == "clear") {
        ts({});
        return N;
      }
      if (m == "is_set") {
        ts({});
        return B;
      }
      if (m == "wait") {
        ts({});
        return T.coroutine(B);
      }
    }
    if (k == "Lock" || k == "Semaphore" || k == "BoundedSemaphore" ||
        k == "Condition") {
      if (m == "acquire") {
        ts({});
        return T.coroutine(B);
      }
      if (m == "release") {
        ts({});
        return N;
      }
      if (m == "locked") {
        ts({});
        return B;
      }
    }
    if (k == "Condition") {
      if (m == "wait") {
        ts({});
        return T.coroutine(B);
      }
      if (m == "notify") {
        if (c->args.empty())
          ts({});
        else
          ts({I});
        return N;
      }
      if (m == "notify_all") {
        ts({});
        return N;
      }
    }
    return unknownMethod();
  }
  case TK::TaskGroup: {
    if (m == "create_task") {
      for (auto *k : c->keywords)
        if (k->arg == "name")
          checkExprAs(k->value, S, "name");
        else
          error(k, "create_task() got an unexpected keyword argument " +
                       q(k->arg));
      if (c->args.size() != 1) {
        ts({T.coroutine(N)});
        return T.errorT;
      }
      const Type *t = checkExpr(c->args[0]);
      if (!t->is(TK::Coroutine)) {
        if (!t->is(TK::Error))
          error(c->args[0], "create_task() needs a coroutine, not " + q(t));
        return T.errorT;
      }
      return T.task(t->args[0]);
    }
    return unknownMethod();
  }
  case TK::Timeout:
    if (m == "reschedule") {
      ts({T.optional(T.floatT)});
      return N;
    }
    if (m == "expired") {
      ts({});
      return B;
    }
    return unknownMethod();
  case TK::Class: {
    FuncInfo *f = recv->cls->findMethod(m);
    if (!f)
      return unknownMethod();
    if (f->isStatic) {
      error(a, "call static method " + q(m) + " through the class");
      return T.errorT;
    }
    return checkUserCall(f, c);
  }
  case TK::ClassRef: {
    FuncInfo *f = recv->cls->findMethod(m);
    if (!f || !f->isStatic)
      return unknownMethod();
    return checkUserCall(f, c);
  }
  case TK::Builtin:
    if (recv->name == "asyncio.loop" && m == "run_in_executor") {
      // loop.run_in_executor(None, fn, *args): the default thread pool.
      if (c->args.size() < 2) {
        error(c, "run_in_executor() needs (None, function, *args)");
        return T.errorT;
      }
      auto *ex = dyn_cast<Constant>(c->args[0]);
      if (!ex || ex->valueKind != Constant::ValueKind::None)
        error(c->args[0], "only the default executor (None) is supported by "
                          "aioc");
      checkExpr(c->args[0]);
      auto *n = dyn_cast<Name>(c->args[1]);
      bool cl;
      Symbol *sym = n ? lookup(n->id, cl) : nullptr;
      if (!sym || sym->kind != Symbol::Kind::Function || sym->func->isAsync) {
        error(c->args[1], "run_in_executor() needs a plain function defined "
                          "in the script");
        return T.errorT;
      }
      checkExpr(c->args[1]);
      return T.future(checkUserCall(sym->func, c, 2));
    }
    if (recv->name == "asyncio.loop" && m == "time") {
      ts({});
      return T.floatT;
    }
    if (recv->name == "os.environ" && m == "get")
      return checkModuleCall("os.environ.get", c, nullptr);
    return unknownMethod();
  default:
    return unknownMethod();
  }
}

// ------------------------------------------------------------ driver

static bool before(SourceLoc a, SourceLoc b) {
  return a.line < b.line || (a.line == b.line && a.col < b.col);
}

void TypeChecker::noteCapture(Symbol *s, Name *use) {
  if (s->kind != Symbol::Kind::Local && s->kind != Symbol::Kind::Param)
    return;
  // Walk out to the function just inside the symbol's owner. Comprehensions
  // run at once, so a chain of comprehensions only is not a deferred closure.
  bool deferred = false;
  SourceLoc begin = use->range.begin;
  for (FuncInfo *f = cur_; f && f != s->owner; f = f->parent) {
    if (f->def) {
      deferred = true;
      begin = f->def->range.begin;
    } else if (f->lambda) {
      deferred = true;
      begin = f->lambda->range.begin;
    }
  }
  if (deferred)
    captures_.push_back({s, use, begin});
}

void TypeChecker::checkCaptures() {
  std::set<Symbol *> reported;
  for (const Capture &c : captures_) {
    if (reported.count(c.sym))
      continue;
    const std::vector<Binding> &b = bindings_[c.sym];
    bool ok;
    if (c.sym->kind == Symbol::Kind::Param)
      ok = b.empty();
    else
      ok = c.sym->owner && c.sym->owner->name != "<comprehension>" &&
           b.size() == 1 && !b[0].inLoop && before(b[0].at, c.closureBegin);
    if (ok)
      continue;
    // Late binding: the closure must see later assignments, so the variable
    // lives in a shared cell. Comprehension variables stay by value (their
    // C++ lambda has its own locals), so that case is still refused.
    if (c.sym->owner && c.sym->owner->name != "<comprehension>") {
      c.sym->cell = true;
      continue;
    }
    reported.insert(c.sym);
    error(c.use, q(c.use->id) +
                     " is a comprehension variable captured by a lambda; "
                     "aioc captures it by value, so late binding is not "
                     "supported here (use a default argument or a loop)");
  }
}

bool TypeChecker::run() {
  setupBuiltins();
  narrow_.emplace_back();
  collectModule();
  // __init__ first: the fields it declares are used everywhere.
  for (ClassInfo *c : R.userClasses)
    if (c->methods.count("__init__"))
      checkFunction(c->methods["__init__"]);
  // Module statements, in order.
  for (Stmt *s : mod_->body) {
    if (isa<Import>(s) || isa<ImportFrom>(s) || isa<FunctionDef>(s) ||
        isa<ClassDef>(s))
      continue;
    checkStmt(s);
  }
  // Class bodies: field defaults, then every method (__init__ first so the
  // fields it declares are known to the others).
  for (ClassInfo *c : R.userClasses) {
    for (auto &f : c->fields)
      if (f.init)
        checkExprAs(f.init, f.type, "field default");
    if (FuncInfo *init =
            c->methods.count("__init__") ? c->methods["__init__"] : nullptr)
      checkFunction(init);
  }
  for (ClassInfo *c : R.userClasses)
    for (FuncInfo *m : c->methodOrder)
      checkFunction(m);
  for (FuncInfo *f : R.moduleFuncs)
    checkFunction(f);
  // Globals that were never given a type (assigned only in dead code).
  for (Symbol *g : R.globals)
    if (!g->type)
      g->type = T.errorT;
  checkCaptures();
  checkDeletedUses();
  return errors_ == 0;
}

#include "sema/SemaAsyncio.inc"
#include "sema/SemaLang.inc"

} // namespace

bool check(Module *m, unsigned fileId, DiagnosticEngine &diags,
           TypeContext &types, SemaResult &out) {
  TypeChecker tc(m, fileId, &diags, types, out);
  return tc.run();
}

bool importsSupported(const Module *m) {
  for (const Stmt *s : m->body) {
    if (auto *im = dyn_cast<Import>(s)) {
      for (const Alias *a : im->names)
        if (!kModules.count(a->name) && !isIOModule(a->name))
          return false;
    } else if (auto *fi = dyn_cast<ImportFrom>(s)) {
      if ((!kModules.count(fi->module) && !isIOModule(fi->module)) ||
          fi->level != 0)
        return false;
      for (const Alias *a : fi->names)
        if (a->name == "*")
          return false;
    }
  }
  return true;
}

bool checkQuiet(Module *m, unsigned fileId, TypeContext &types,
                SemaResult &out) {
  // Most Python files import a module aioc does not know: the verdict is
  // known before any checker state is built.
  if (!importsSupported(m))
    return false;
  TypeChecker tc(m, fileId, nullptr, types, out);
  return tc.run();
}

} // namespace aioc::sema
