#include "lint/Walk.h"

#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/Casting.h>

#include <algorithm>

#include <vector>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace aioc::lint {

bool isStaticallyFalse(const Expr *test) {
  if (!test)
    return false;
  if (auto *n = dyn_cast<Name>(test))
    return n->id == "TYPE_CHECKING";
  if (auto *a = dyn_cast<Attribute>(test))
    return a->attr == "TYPE_CHECKING";
  if (auto *c = dyn_cast<Constant>(test))
    return c->valueKind == Constant::ValueKind::False ||
           (c->valueKind == Constant::ValueKind::Int && c->intFits &&
            c->intValue == 0);
  return false;
}

namespace {

// function_ref, not std::function: these run for every node of every file.
using Fn = llvm::function_ref<void(Node *)>;

// Statements after `return`/`raise`/`break`/`continue` are visited too:
// dead code that calls `time.sleep` is still worth a finding (ruff and
// flake8-async report it as well), and a `yield` there still makes a
// generator.
void stmts(const StmtList &l, const Fn &f) {
  for (Stmt *s : l)
    f(s);
}

void exprs(const ExprList &l, const Fn &f) {
  for (Expr *e : l)
    if (e)
      f(e);
}

void opt(Node *n, const Fn &f) {
  if (n)
    f(n);
}

template <class T> void nodes(const std::vector<T *> &l, const Fn &f) {
  for (T *n : l)
    if (n)
      f(n);
}

void arguments(Arguments *a, const Fn &f) {
  if (!a)
    return;
  // Defaults are evaluated where the function is defined; annotations are
  // not interesting to the linter.
  exprs(a->defaults, f);
  exprs(a->kw_defaults, f);
}

void comprehensions(const std::vector<Comprehension *> &gens, const Fn &f) {
  for (Comprehension *c : gens)
    f(c);
}

} // namespace

void forEachChild(Node *n, Fn f) {
  using K = Node::Kind;
  switch (n->kind()) {
  case K::Module:
    stmts(cast<Module>(n)->body, f);
    break;
  case K::FunctionDef: {
    auto *d = cast<FunctionDef>(n);
    exprs(d->decorator_list, f);
    f(d->args);
    stmts(d->body, f);
    break;
  }
  case K::ClassDef: {
    auto *d = cast<ClassDef>(n);
    exprs(d->decorator_list, f);
    exprs(d->bases, f);
    nodes(d->keywords, f);
    stmts(d->body, f);
    break;
  }
  case K::Return:
    opt(cast<Return>(n)->value, f);
    break;
  case K::Delete:
    exprs(cast<Delete>(n)->targets, f);
    break;
  case K::Assign:
    exprs(cast<Assign>(n)->targets, f);
    opt(cast<Assign>(n)->value, f);
    break;
  case K::AugAssign:
    opt(cast<AugAssign>(n)->target, f);
    opt(cast<AugAssign>(n)->value, f);
    break;
  case K::AnnAssign:
    opt(cast<AnnAssign>(n)->target, f);
    opt(cast<AnnAssign>(n)->value, f);
    break;
  case K::For: {
    auto *s = cast<For>(n);
    opt(s->target, f);
    opt(s->iter, f);
    stmts(s->body, f);
    stmts(s->orelse, f);
    break;
  }
  case K::While: {
    auto *s = cast<While>(n);
    opt(s->test, f);
    stmts(s->body, f);
    stmts(s->orelse, f);
    break;
  }
  case K::If: {
    auto *s = cast<If>(n);
    opt(s->test, f);
    if (!isStaticallyFalse(s->test))
      stmts(s->body, f);
    stmts(s->orelse, f);
    break;
  }
  case K::With: {
    auto *s = cast<With>(n);
    nodes(s->items, f);
    stmts(s->body, f);
    break;
  }
  case K::Match: {
    auto *s = cast<Match>(n);
    opt(s->subject, f);
    nodes(s->cases, f);
    break;
  }
  case K::Raise:
    opt(cast<Raise>(n)->exc, f);
    opt(cast<Raise>(n)->cause, f);
    break;
  case K::Try: {
    auto *s = cast<Try>(n);
    stmts(s->body, f);
    nodes(s->handlers, f);
    stmts(s->orelse, f);
    stmts(s->finalbody, f);
    break;
  }
  case K::Assert:
    opt(cast<Assert>(n)->test, f);
    opt(cast<Assert>(n)->msg, f);
    break;
  case K::ExprStmt:
    opt(cast<ExprStmt>(n)->value, f);
    break;
  case K::Import:
  case K::ImportFrom:
  case K::Global:
  case K::Nonlocal:
  case K::Pass:
  case K::Break:
  case K::Continue:
    break;
  case K::BoolOp:
    exprs(cast<BoolOp>(n)->values, f);
    break;
  case K::NamedExpr:
    opt(cast<NamedExpr>(n)->target, f);
    opt(cast<NamedExpr>(n)->value, f);
    break;
  case K::BinOp:
    opt(cast<BinOp>(n)->left, f);
    opt(cast<BinOp>(n)->right, f);
    break;
  case K::UnaryOp:
    opt(cast<UnaryOp>(n)->operand, f);
    break;
  case K::Lambda:
    arguments(cast<Lambda>(n)->args, f);
    opt(cast<Lambda>(n)->body, f);
    break;
  case K::IfExp:
    opt(cast<IfExp>(n)->test, f);
    opt(cast<IfExp>(n)->body, f);
    opt(cast<IfExp>(n)->orelse, f);
    break;
  case K::Dict:
    exprs(cast<Dict>(n)->keys, f);
    exprs(cast<Dict>(n)->values, f);
    break;
  case K::Set:
    exprs(cast<Set>(n)->elts, f);
    break;
  case K::ListComp:
    comprehensions(cast<ListComp>(n)->generators, f);
    opt(cast<ListComp>(n)->elt, f);
    break;
  case K::SetComp:
    comprehensions(cast<SetComp>(n)->generators, f);
    opt(cast<SetComp>(n)->elt, f);
    break;
  case K::DictComp:
    comprehensions(cast<DictComp>(n)->generators, f);
    opt(cast<DictComp>(n)->key, f);
    opt(cast<DictComp>(n)->value, f);
    break;
  case K::GeneratorExp:
    comprehensions(cast<GeneratorExp>(n)->generators, f);
    opt(cast<GeneratorExp>(n)->elt, f);
    break;
  case K::Await:
    opt(cast<Await>(n)->value, f);
    break;
  case K::Yield:
    opt(cast<Yield>(n)->value, f);
    break;
  case K::YieldFrom:
    opt(cast<YieldFrom>(n)->value, f);
    break;
  case K::Compare:
    opt(cast<Compare>(n)->left, f);
    exprs(cast<Compare>(n)->comparators, f);
    break;
  case K::Call: {
    auto *c = cast<Call>(n);
    opt(c->func, f);
    exprs(c->args, f);
    nodes(c->keywords, f);
    break;
  }
  case K::FormattedValue:
    opt(cast<FormattedValue>(n)->value, f);
    opt(cast<FormattedValue>(n)->format_spec, f);
    break;
  case K::JoinedStr:
    exprs(cast<JoinedStr>(n)->values, f);
    break;
  case K::Constant:
  case K::Name:
    break;
  case K::Attribute:
    opt(cast<Attribute>(n)->value, f);
    break;
  case K::Subscript:
    opt(cast<Subscript>(n)->value, f);
    opt(cast<Subscript>(n)->slice, f);
    break;
  case K::Starred:
    opt(cast<Starred>(n)->value, f);
    break;
  case K::List:
    exprs(cast<List>(n)->elts, f);
    break;
  case K::Tuple:
    exprs(cast<Tuple>(n)->elts, f);
    break;
  case K::Slice:
    opt(cast<Slice>(n)->lower, f);
    opt(cast<Slice>(n)->upper, f);
    opt(cast<Slice>(n)->step, f);
    break;
  case K::MatchValue:
    opt(cast<MatchValue>(n)->value, f);
    break;
  case K::MatchSingleton:
  case K::MatchStar:
    break;
  case K::MatchSequence:
    nodes(cast<MatchSequence>(n)->patterns, f);
    break;
  case K::MatchMapping:
    exprs(cast<MatchMapping>(n)->keys, f);
    nodes(cast<MatchMapping>(n)->patterns, f);
    break;
  case K::MatchClass:
    opt(cast<MatchClass>(n)->cls, f);
    nodes(cast<MatchClass>(n)->patterns, f);
    nodes(cast<MatchClass>(n)->kwd_patterns, f);
    break;
  case K::MatchAs:
    opt(cast<MatchAs>(n)->pattern, f);
    break;
  case K::MatchOr:
    nodes(cast<MatchOr>(n)->patterns, f);
    break;
  case K::Comprehension: {
    auto *c = cast<Comprehension>(n);
    opt(c->target, f);
    opt(c->iter, f);
    exprs(c->ifs, f);
    break;
  }
  case K::ExceptHandler:
    opt(cast<ExceptHandler>(n)->type, f);
    stmts(cast<ExceptHandler>(n)->body, f);
    break;
  case K::Arguments:
    arguments(cast<Arguments>(n), f);
    break;
  case K::Arg:
    break;
  case K::Keyword:
    opt(cast<Keyword>(n)->value, f);
    break;
  case K::Alias:
    break;
  case K::WithItem:
    opt(cast<WithItem>(n)->context_expr, f);
    opt(cast<WithItem>(n)->optional_vars, f);
    break;
  case K::MatchCase: {
    auto *c = cast<MatchCase>(n);
    opt(c->pattern, f);
    opt(c->guard, f);
    stmts(c->body, f);
    break;
  }
  }
}

namespace {

// Pre-order walk of the nodes on `stack` (the top one first).
void drain(llvm::SmallVectorImpl<Node *> &stack,
           llvm::function_ref<bool(Node *)> f) {
  // An explicit stack: the parser accepts expressions nested thousands deep
  // (`not not ... x`), which overflowed the call stack here.
  while (!stack.empty()) {
    Node *n = stack.pop_back_val();
    if (!n || !f(n))
      continue;
    size_t first = stack.size();
    forEachChild(n, [&](Node *c) { stack.push_back(c); });
    std::reverse(stack.begin() + first, stack.end());
  }
}

// walkBody's visitor: calls the user's, and stops at nested scopes after
// walking the parts of them that run in the enclosing one.
struct BodyVisitor {
  llvm::function_ref<bool(Node *)> f;
  bool operator()(Node *n) const {
    if (!f(n))
      return false;
    if (auto *d = dyn_cast<FunctionDef>(n)) {
      for (Expr *e : d->decorator_list)
        walk(e, *this);
      arguments(d->args, [&](Node *c) { walk(c, *this); });
      return false;
    }
    if (auto *c = dyn_cast<ClassDef>(n)) {
      for (Expr *e : c->decorator_list)
        walk(e, *this);
      for (Expr *e : c->bases)
        walk(e, *this);
      return false;
    }
    if (auto *l = dyn_cast<Lambda>(n)) {
      arguments(l->args, [&](Node *c) { walk(c, *this); });
      return false;
    }
    return true;
  }
};

} // namespace

void walk(Node *root, llvm::function_ref<bool(Node *)> f) {
  llvm::SmallVector<Node *, 64> stack{root};
  drain(stack, f);
}

void walkBody(const StmtList &body, llvm::function_ref<bool(Node *)> f) {
  // The statements in order, each walked in full: one walk over all of them.
  llvm::SmallVector<Node *, 64> stack(body.rbegin(), body.rend());
  drain(stack, BodyVisitor{f});
}

} // namespace aioc::lint
