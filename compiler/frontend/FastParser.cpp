// Why hand-written: on the full CPython stdlib (1,643 files, 809k lines) the
// ANTLR-generated parser spent ~4.2 s CPU in adaptive prediction plus ~1.6 s
// turning its parse tree into the AST and ~0.4 s freeing the tree, of a 7.7 s
// `aioc lint --jobs=1`. This parser reads the same tokens and builds the AST
// directly: those three stages take ~0.6 s together, the lint ~1.9 s CPU
// (bench/parse/RESULTS.md has the figures). grammar/Python.g4 stays
// the contract: every production below names the rule it mirrors, and every
// position follows what the Builder computes from that rule's parse tree
// context (first token to last token, layout tokens trimmed), so that both
// paths give identical ASTs (checked by tests/frontend/FastParserTest.cpp,
// the corpus test and the parse fuzzer). Anything unusual bails out to the
// ANTLR path instead of being handled twice.
#include "FastParser.h"

#include "PythonParser.h"
#include "Tokenizer.h"

#include <llvm/Support/Casting.h>

#include <cstdlib>
#include <cstring>

namespace aioc::frontend {

using llvm::dyn_cast;
using llvm::isa;
using P = gen::PythonParser;

// ------------------------------------------------------------- operators

bool binaryOperator(int t, OperatorKind &op, int &prec) {
  switch (t) {
  case P::STAR:
    op = OperatorKind::Mult;
    prec = 7;
    return true;
  case P::AT:
    op = OperatorKind::MatMult;
    prec = 7;
    return true;
  case P::DIV:
    op = OperatorKind::Div;
    prec = 7;
    return true;
  case P::MOD:
    op = OperatorKind::Mod;
    prec = 7;
    return true;
  case P::IDIV:
    op = OperatorKind::FloorDiv;
    prec = 7;
    return true;
  case P::ADD:
    op = OperatorKind::Add;
    prec = 6;
    return true;
  case P::MINUS:
    op = OperatorKind::Sub;
    prec = 6;
    return true;
  case P::LEFT_SHIFT:
    op = OperatorKind::LShift;
    prec = 5;
    return true;
  case P::RIGHT_SHIFT:
    op = OperatorKind::RShift;
    prec = 5;
    return true;
  case P::AND_OP:
    op = OperatorKind::BitAnd;
    prec = 4;
    return true;
  case P::XOR:
    op = OperatorKind::BitXor;
    prec = 3;
    return true;
  case P::OR_OP:
    op = OperatorKind::BitOr;
    prec = 2;
    return true;
  case P::POWER:
    op = OperatorKind::Pow;
    prec = 9;
    return true;
  default:
    return false;
  }
}

bool augAssignOperator(int t, OperatorKind &op) {
  switch (t) {
  case P::ADD_ASSIGN:
    op = OperatorKind::Add;
    return true;
  case P::SUB_ASSIGN:
    op = OperatorKind::Sub;
    return true;
  case P::MULT_ASSIGN:
    op = OperatorKind::Mult;
    return true;
  case P::AT_ASSIGN:
    op = OperatorKind::MatMult;
    return true;
  case P::DIV_ASSIGN:
    op = OperatorKind::Div;
    return true;
  case P::MOD_ASSIGN:
    op = OperatorKind::Mod;
    return true;
  case P::AND_ASSIGN:
    op = OperatorKind::BitAnd;
    return true;
  case P::OR_ASSIGN:
    op = OperatorKind::BitOr;
    return true;
  case P::XOR_ASSIGN:
    op = OperatorKind::BitXor;
    return true;
  case P::LEFT_SHIFT_ASSIGN:
    op = OperatorKind::LShift;
    return true;
  case P::RIGHT_SHIFT_ASSIGN:
    op = OperatorKind::RShift;
    return true;
  case P::POWER_ASSIGN:
    op = OperatorKind::Pow;
    return true;
  case P::IDIV_ASSIGN:
    op = OperatorKind::FloorDiv;
    return true;
  default:
    return false;
  }
}

int comparisonOperator(int t, int next, CmpOpKind &k) {
  switch (t) {
  case P::LESS_THAN:
    k = CmpOpKind::Lt;
    return 1;
  case P::GREATER_THAN:
    k = CmpOpKind::Gt;
    return 1;
  case P::EQUALS:
    k = CmpOpKind::Eq;
    return 1;
  case P::GT_EQ:
    k = CmpOpKind::GtE;
    return 1;
  case P::LT_EQ:
    k = CmpOpKind::LtE;
    return 1;
  case P::NOT_EQ:
    k = CmpOpKind::NotEq;
    return 1;
  case P::IN:
    k = CmpOpKind::In;
    return 1;
  case P::NOT:
    if (next != P::IN)
      return 0;
    k = CmpOpKind::NotIn;
    return 2;
  case P::IS:
    if (next == P::NOT) {
      k = CmpOpKind::IsNot;
      return 2;
    }
    k = CmpOpKind::Is;
    return 1;
  default:
    return 0;
  }
}

namespace {

struct Bail {};

// One token, flattened out of the ANTLR token objects once.
struct Tk {
  int type;       // P::NAME..., -1 for EOF
  uint32_t start; // code point index
  uint32_t stop1; // one past the last code point (== start when empty)
};

constexpr int kEOF = -1;
// Deeper nesting than this bails (the ANTLR path has its own guard); it
// keeps the recursion well inside a thread's stack.
constexpr int kMaxDepth = 200;

class FastParser {
public:
  FastParser(ASTContext &ctx, std::string_view text, const PosMap &pm,
             antlr4::TokenStream &tokens)
      : ctx_(ctx), text_(text), pm_(pm) {
    size_t n = tokens.size();
    toks_.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      antlr4::Token *t = tokens.get(i);
      toks_.push_back({static_cast<int>(t->getType()),
                       static_cast<uint32_t>(t->getStartIndex()),
                       static_cast<uint32_t>(t->getStopIndex() + 1)});
    }
    if (toks_.empty() || toks_.back().type != kEOF)
      throw Bail{};
  }

  Module *fileInput();
  Expr *fstringInput();

private:
  template <class T> T *make(SourceRange r) { return ctx_.make<T>(r); }

  // ---- tokens
  int la(size_t k = 0) const {
    size_t i = pos_ + k;
    return i < toks_.size() ? toks_[i].type : kEOF;
  }
  bool at(int t) const { return la() == t; }
  bool accept(int t) {
    if (la() != t)
      return false;
    ++pos_;
    return true;
  }
  size_t expect(int t) {
    if (la() != t)
      throw Bail{};
    return pos_++;
  }
  SourceLoc tokBegin(size_t i) const { return pm_.at(toks_[i].start); }
  SourceLoc tokEnd(size_t i) const { return pm_.at(toks_[i].stop1); }
  SourceRange tokRange(size_t i) const { return {tokBegin(i), tokEnd(i)}; }
  std::string_view text(size_t i) const {
    size_t b = pm_.byteOffset(toks_[i].start);
    size_t e = pm_.byteOffset(toks_[i].stop1);
    return text_.substr(b, e > b ? e - b : 0);
  }
  std::string identAt(size_t i) const { return ident(std::string(text(i))); }
  // The Builder's R(ctx): from the context's first token to its last one,
  // skipping the layout tokens a block ends with.
  SourceRange R(size_t startTok) const {
    size_t stop = pos_ - 1;
    while (stop > 0 &&
           (toks_[stop].type == P::NEWLINE || toks_[stop].type == P::DEDENT ||
            toks_[stop].type == P::INDENT))
      --stop;
    return {tokBegin(startTok), tokEnd(stop)};
  }
  static SourceRange span(SourceRange a, SourceRange b) {
    return {a.begin, b.end};
  }

  struct DepthGuard {
    int &d;
    explicit DepthGuard(int &depth) : d(depth) {
      if (++d > kMaxDepth)
        throw Bail{};
    }
    ~DepthGuard() { --d; }
  };

  // What can begin the grammar's `test` / `expr` (ANTLR decides loops and
  // optional parts on these).
  static bool startsExpr(int t) {
    switch (t) {
    case P::NAME:
    case P::NUMBER:
    case P::STRING:
    case P::ELLIPSIS:
    case P::NONE:
    case P::TRUE:
    case P::FALSE:
    case P::OPEN_PAREN:
    case P::OPEN_BRACK:
    case P::OPEN_BRACE:
    case P::ADD:
    case P::MINUS:
    case P::NOT_OP:
    case P::AWAIT:
      return true;
    default:
      return false;
    }
  }
  static bool startsTest(int t) {
    return startsExpr(t) || t == P::NOT || t == P::LAMBDA;
  }

  // ---- statements
  void stmt(StmtList &out);
  void simpleStmts(StmtList &out);
  Stmt *simpleStmt();
  Stmt *exprStmt();
  Stmt *importFrom(size_t s);
  Stmt *compoundStmt();
  void block(StmtList &out);
  Stmt *ifStmt();
  Stmt *whileStmt();
  Stmt *forStmt(size_t s, bool isAsync);
  Stmt *withStmt(size_t s, bool isAsync);
  bool withItems(std::vector<WithItem *> &items, bool parenthesized);
  Stmt *tryStmt();
  FunctionDef *funcdef(size_t s, bool isAsync);
  ClassDef *classdef(size_t s);
  Arguments *params(bool typed, int close);
  Stmt *matchStmt();

  // ---- patterns
  Pattern *maybeStar();
  Pattern *pattern();
  Pattern *closedPattern();
  Expr *literalExpr(size_t s);
  Expr *nameOrAttr(size_t &count);

  // ---- expressions
  Expr *starOrYield();
  Expr *testlistStar();
  Expr *exprlist();
  Expr *namedexpr();
  Expr *starNamed();
  Expr *test();
  Expr *lambdef();
  Expr *orTest(int prec);
  Expr *comparison();
  Expr *starExpr();
  Expr *expr(int prec);
  Expr *atom();
  Expr *strings();
  Expr *yieldExpr();
  Expr *subscriptList();
  Expr *subscript();
  Expr *dictOrSet(size_t s);
  // The rest of a Tuple/List/Set display after its first element, and of
  // a GeneratorExp/ListComp/SetComp after its element: (COMMA star_named)*
  // COMMA? or comp_for, then the closing bracket. `s`: the opening one.
  template <class T> T *display(Expr *first, size_t s, int close) {
    auto *d = make<T>({});
    d->elts.push_back(first);
    while (accept(P::COMMA)) {
      if (at(close))
        break;
      d->elts.push_back(starNamed());
    }
    expect(close);
    d->range = R(s);
    return d;
  }
  template <class T> T *comprehension(Expr *elt, size_t s, int close) {
    if (isa<Starred>(elt)) // iterable unpacking in a comprehension
      throw Bail{};
    auto *c = make<T>({});
    c->elt = elt;
    compFor(c->generators);
    expect(close);
    c->range = R(s);
    return c;
  }
  void compFor(std::vector<Comprehension *> &out);
  void arguments(ExprList &args, std::vector<Keyword *> &kws,
                 GeneratorExp *&soleGenexp);

  void setContext(Expr *e, ExprContext ctx);

  ASTContext &ctx_;
  std::string_view text_;
  const PosMap &pm_;
  std::vector<Tk> toks_;
  size_t pos_ = 0;
  int depth_ = 0;
};

// ------------------------------------------------------------- statements

// file_input: (NEWLINE | stmt)* EOF
Module *FastParser::fileInput() {
  auto *m = make<Module>({});
  while (!at(kEOF)) {
    if (accept(P::NEWLINE))
      continue;
    stmt(m->body);
  }
  ++pos_; // EOF
  m->range = {tokBegin(0), tokEnd(toks_.size() - 1)};
  if (!m->body.empty())
    m->range = span(m->body.front()->range, m->body.back()->range);
  return m;
}

// fstring_input: testlist_star_expr EOF | yield_expr EOF
Expr *FastParser::fstringInput() {
  Expr *e = at(P::YIELD) ? yieldExpr() : testlistStar();
  if (!at(kEOF))
    throw Bail{};
  return e;
}

// stmt: simple_stmts | compound_stmt
void FastParser::stmt(StmtList &out) {
  DepthGuard g(depth_);
  switch (la()) {
  case P::IF:
  case P::WHILE:
  case P::FOR:
  case P::TRY:
  case P::WITH:
  case P::DEF:
  case P::CLASS:
  case P::AT:
  case P::ASYNC:
  case P::MATCH:
    out.push_back(compoundStmt());
    return;
  default:
    simpleStmts(out);
  }
}

// simple_stmts: simple_stmt (SEMI simple_stmt)* SEMI? NEWLINE
void FastParser::simpleStmts(StmtList &out) {
  out.push_back(simpleStmt());
  while (accept(P::SEMI)) {
    if (at(P::NEWLINE))
      break;
    out.push_back(simpleStmt());
  }
  expect(P::NEWLINE);
}

Stmt *FastParser::simpleStmt() {
  size_t s = pos_;
  switch (la()) {
  case P::DEL: {
    ++pos_;
    bool paren = at(P::OPEN_PAREN);
    Expr *t = exprlist();
    auto *d = make<Delete>(R(s));
    if (auto *tup = dyn_cast<Tuple>(t); tup && !paren)
      d->targets = tup->elts; // `del a, b` has two targets
    else
      d->targets.push_back(t);
    for (Expr *t2 : d->targets)
      setContext(t2, ExprContext::Del);
    return d;
  }
  case P::PASS:
    ++pos_;
    return make<Pass>(R(s));
  case P::BREAK:
    ++pos_;
    return make<Break>(R(s));
  case P::CONTINUE:
    ++pos_;
    return make<Continue>(R(s));
  case P::RETURN: {
    ++pos_;
    Expr *v = nullptr;
    if (!at(P::NEWLINE) && !at(P::SEMI))
      v = testlistStar();
    auto *r = make<Return>(R(s));
    r->value = v;
    return r;
  }
  case P::RAISE: {
    ++pos_;
    Expr *exc = nullptr, *cause = nullptr;
    if (!at(P::NEWLINE) && !at(P::SEMI)) {
      exc = test();
      if (accept(P::FROM))
        cause = test();
    }
    auto *r = make<Raise>(R(s));
    r->exc = exc;
    r->cause = cause;
    return r;
  }
  case P::GLOBAL:
  case P::NONLOCAL: {
    bool global = la() == P::GLOBAL;
    ++pos_;
    std::vector<std::string> names;
    do
      names.push_back(identAt(expect(P::NAME)));
    while (accept(P::COMMA));
    if (global) {
      auto *g = make<Global>(R(s));
      g->names = std::move(names);
      return g;
    }
    auto *g = make<Nonlocal>(R(s));
    g->names = std::move(names);
    return g;
  }
  case P::ASSERT: {
    ++pos_;
    Expr *t = test();
    Expr *msg = accept(P::COMMA) ? test() : nullptr;
    auto *a = make<Assert>(R(s));
    a->test = t;
    a->msg = msg;
    return a;
  }
  case P::IMPORT: {
    ++pos_;
    std::vector<Alias *> names;
    do {
      size_t as = pos_;
      std::string name(text(expect(P::NAME)));
      while (accept(P::DOT)) {
        name += '.';
        name += text(expect(P::NAME));
      }
      std::string asname;
      if (accept(P::AS))
        asname = identAt(expect(P::NAME));
      auto *a = make<Alias>(R(as));
      a->name = ident(name);
      a->asname = std::move(asname);
      names.push_back(a);
    } while (accept(P::COMMA));
    auto *i = make<Import>(R(s));
    i->names = std::move(names);
    return i;
  }
  case P::FROM:
    return importFrom(s);
  default:
    return exprStmt();
  }
}

// import_from: FROM (DOT | ELLIPSIS)* dotted_name? IMPORT import_targets
Stmt *FastParser::importFrom(size_t s) {
  ++pos_;
  int level = 0;
  for (;;) {
    if (accept(P::DOT))
      level += 1;
    else if (accept(P::ELLIPSIS))
      level += 3;
    else
      break;
  }
  std::string module;
  if (at(P::NAME)) {
    std::string name(text(pos_++));
    while (accept(P::DOT)) {
      name += '.';
      name += text(expect(P::NAME));
    }
    module = ident(name);
  } else if (level == 0) {
    throw Bail{};
  }
  expect(P::IMPORT);
  std::vector<Alias *> names;
  if (at(P::STAR)) {
    auto *a = make<Alias>(tokRange(pos_++));
    a->name = "*";
    names.push_back(a);
  } else {
    bool paren = accept(P::OPEN_PAREN);
    do {
      if (paren && at(P::CLOSE_PAREN) && !names.empty())
        break; // trailing comma
      size_t as = pos_;
      std::string name = identAt(expect(P::NAME));
      std::string asname;
      if (accept(P::AS))
        asname = identAt(expect(P::NAME));
      auto *a = make<Alias>(R(as));
      a->name = std::move(name);
      a->asname = std::move(asname);
      names.push_back(a);
    } while (accept(P::COMMA));
    if (paren)
      expect(P::CLOSE_PAREN);
    else if (toks_[pos_ - 1].type == P::COMMA)
      throw Bail{};
  }
  auto *f = make<ImportFrom>(R(s));
  f->level = level;
  f->module = std::move(module);
  f->names = std::move(names);
  return f;
}

static bool isPlainTarget(const Expr *e) {
  return isa<Name>(e) || isa<Attribute>(e) || isa<Subscript>(e);
}

// expr_stmt: lhs=star_or_yield (annassign | augassign rhs=star_or_yield
//            | (ASSIGN star_or_yield)*)
Stmt *FastParser::exprStmt() {
  size_t s = pos_;
  bool parenthesized = at(P::OPEN_PAREN);
  Expr *lhs = starOrYield();
  if (accept(P::COLON)) {
    if (!isPlainTarget(lhs))
      throw Bail{};
    setContext(lhs, ExprContext::Store);
    Expr *ann = test();
    Expr *value = accept(P::ASSIGN) ? starOrYield() : nullptr;
    auto *a = make<AnnAssign>(R(s));
    a->target = lhs;
    a->annotation = ann;
    a->value = value;
    a->simple = isa<Name>(lhs) && !parenthesized;
    return a;
  }
  OperatorKind op;
  if (augAssignOperator(la(), op)) {
    ++pos_;
    if (!isPlainTarget(lhs))
      throw Bail{};
    setContext(lhs, ExprContext::Store);
    Expr *value = starOrYield();
    auto *a = make<AugAssign>(R(s));
    a->target = lhs;
    a->op = op;
    a->value = value;
    return a;
  }
  if (!at(P::ASSIGN)) {
    auto *e = make<ExprStmt>(R(s));
    e->value = lhs;
    return e;
  }
  ExprList parts{lhs};
  while (accept(P::ASSIGN))
    parts.push_back(starOrYield());
  auto *a = make<Assign>(R(s));
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (isa<Yield>(parts[i]) || isa<YieldFrom>(parts[i]))
      throw Bail{};
    setContext(parts[i], ExprContext::Store);
    a->targets.push_back(parts[i]);
  }
  a->value = parts.back();
  return a;
}

Stmt *FastParser::compoundStmt() {
  size_t s = pos_;
  switch (la()) {
  case P::IF:
    return ifStmt();
  case P::WHILE:
    return whileStmt();
  case P::FOR:
    return forStmt(s, false);
  case P::TRY:
    return tryStmt();
  case P::WITH:
    return withStmt(s, false);
  case P::DEF:
    return funcdef(s, false);
  case P::CLASS:
    return classdef(s);
  case P::MATCH:
    return matchStmt();
  case P::ASYNC:
    ++pos_;
    if (at(P::DEF))
      return funcdef(s, true);
    if (at(P::WITH))
      return withStmt(s, true);
    if (at(P::FOR))
      return forStmt(s, true);
    throw Bail{};
  case P::AT: {
    // decorated: decorator+ (classdef | funcdef | async_funcdef)
    ExprList decos;
    while (accept(P::AT)) {
      decos.push_back(namedexpr());
      expect(P::NEWLINE);
    }
    size_t d = pos_;
    if (at(P::CLASS)) {
      ClassDef *cd = classdef(d);
      cd->decorator_list = std::move(decos);
      return cd;
    }
    bool isAsync = accept(P::ASYNC);
    if (!at(P::DEF))
      throw Bail{};
    FunctionDef *fd = funcdef(d, isAsync);
    fd->decorator_list = std::move(decos);
    return fd;
  }
  default:
    throw Bail{};
  }
}

// block: simple_stmts | NEWLINE INDENT stmt+ DEDENT
void FastParser::block(StmtList &out) {
  if (!accept(P::NEWLINE)) {
    simpleStmts(out);
    return;
  }
  expect(P::INDENT);
  do
    stmt(out);
  while (!at(P::DEDENT));
  ++pos_;
}

// if_stmt: IF namedexpr_test COLON block elif_clause* else_clause?
Stmt *FastParser::ifStmt() {
  size_t s = pos_++;
  auto *top = make<If>({});
  top->test = namedexpr();
  expect(P::COLON);
  block(top->body);
  std::vector<std::pair<If *, size_t>> elifs;
  If *cur = top;
  while (at(P::ELIF)) {
    size_t e = pos_++;
    auto *n = make<If>({});
    n->test = namedexpr();
    expect(P::COLON);
    block(n->body);
    cur->orelse.push_back(n);
    elifs.push_back({n, e});
    cur = n;
  }
  if (accept(P::ELSE)) {
    expect(P::COLON);
    block(cur->orelse);
  }
  top->range = R(s);
  // An elif's range ends where the whole statement's last token (layout
  // included) ends, as the Builder computes it.
  for (auto &[n, e] : elifs)
    n->range = {tokBegin(e), tokEnd(pos_ - 1)};
  return top;
}

// while_stmt: WHILE namedexpr_test COLON block else_clause?
Stmt *FastParser::whileStmt() {
  size_t s = pos_++;
  auto *w = make<While>({});
  w->test = namedexpr();
  expect(P::COLON);
  block(w->body);
  if (accept(P::ELSE)) {
    expect(P::COLON);
    block(w->orelse);
  }
  w->range = R(s);
  return w;
}

// for_stmt: FOR exprlist IN testlist_star_expr COLON block else_clause?
Stmt *FastParser::forStmt(size_t s, bool isAsync) {
  expect(P::FOR);
  auto *f = make<For>({});
  f->isAsync = isAsync;
  f->target = exprlist();
  setContext(f->target, ExprContext::Store);
  expect(P::IN);
  f->iter = testlistStar();
  expect(P::COLON);
  block(f->body);
  if (accept(P::ELSE)) {
    expect(P::COLON);
    block(f->orelse);
  }
  f->range = R(s);
  return f;
}

// with_item (COMMA with_item)*, with a trailing comma when parenthesized;
// false if the tokens do not fit (the caller then tries the other form).
bool FastParser::withItems(std::vector<WithItem *> &items, bool paren) {
  for (;;) {
    size_t s = pos_;
    if (!startsTest(la()))
      return false;
    Expr *ce = test();
    Expr *vars = nullptr;
    if (accept(P::AS)) {
      vars = at(P::STAR) ? starExpr() : expr(0);
      setContext(vars, ExprContext::Store);
    }
    auto *wi = make<WithItem>(R(s));
    wi->context_expr = ce;
    wi->optional_vars = vars;
    items.push_back(wi);
    if (!accept(P::COMMA))
      return true;
    if (paren && at(P::CLOSE_PAREN))
      return true;
  }
}

// with_stmt: WITH OPEN_PAREN with_item (COMMA with_item)* COMMA? CLOSE_PAREN
//            COLON block | WITH with_item (COMMA with_item)* COLON block
Stmt *FastParser::withStmt(size_t s, bool isAsync) {
  expect(P::WITH);
  auto *w = make<With>({});
  w->isAsync = isAsync;
  bool done = false;
  if (at(P::OPEN_PAREN)) {
    // ANTLR picks the first alternative whenever it fits (`with (a):`
    // gives the item `a`, not `(a)`): try it, and fall back to the second.
    size_t save = pos_;
    bool hasAs = false;
    try {
      ++pos_;
      if (withItems(w->items, true) && accept(P::CLOSE_PAREN) && at(P::COLON))
        done = true;
    } catch (Bail &) {
    }
    if (!done) {
      for (WithItem *wi : w->items)
        hasAs |= wi->optional_vars != nullptr;
      // An `as` inside the parentheses that failed the first alternative:
      // the reference may have reported an error there; do not guess.
      for (size_t i = save; i < pos_ && i < toks_.size(); ++i)
        hasAs |= toks_[i].type == P::AS;
      if (hasAs)
        throw Bail{};
      w->items.clear();
      pos_ = save;
    }
  }
  if (!done && !withItems(w->items, false))
    throw Bail{};
  expect(P::COLON);
  block(w->body);
  w->range = R(s);
  return w;
}

// try_stmt: TRY COLON block (except_clause+ else_clause? finally_clause?
//           | finally_clause)
Stmt *FastParser::tryStmt() {
  size_t s = pos_++;
  auto *t = make<Try>({});
  expect(P::COLON);
  block(t->body);
  bool plain = false, star = false;
  while (at(P::EXCEPT)) {
    size_t e = pos_++;
    bool isStar = accept(P::STAR);
    (isStar ? star : plain) = true;
    auto *h = make<ExceptHandler>({});
    if (!at(P::COLON)) {
      h->type = test();
      if (accept(P::AS))
        h->name = identAt(expect(P::NAME));
    } else if (isStar) {
      throw Bail{};
    }
    expect(P::COLON);
    block(h->body);
    h->range = R(e);
    t->handlers.push_back(h);
  }
  if (plain && star)
    throw Bail{};
  t->isStar = star;
  if (!t->handlers.empty() && accept(P::ELSE)) {
    expect(P::COLON);
    block(t->orelse);
  }
  if (accept(P::FINALLY)) {
    expect(P::COLON);
    block(t->finalbody);
  } else if (t->handlers.empty()) {
    throw Bail{};
  }
  t->range = R(s);
  return t;
}

// funcdef: DEF NAME parameters (ARROW test)? COLON block
FunctionDef *FastParser::funcdef(size_t s, bool isAsync) {
  expect(P::DEF);
  auto *f = make<FunctionDef>({});
  f->isAsync = isAsync;
  size_t n = expect(P::NAME);
  f->name = identAt(n);
  f->nameRange = tokRange(n);
  size_t ps = expect(P::OPEN_PAREN);
  f->args = params(true, P::CLOSE_PAREN);
  expect(P::CLOSE_PAREN);
  f->args->range = R(ps);
  if (accept(P::ARROW))
    f->returns = test();
  expect(P::COLON);
  block(f->body);
  f->range = R(s);
  return f;
}

// classdef: CLASS NAME (OPEN_PAREN arglist? CLOSE_PAREN)? COLON block
ClassDef *FastParser::classdef(size_t s) {
  expect(P::CLASS);
  auto *k = make<ClassDef>({});
  size_t n = expect(P::NAME);
  k->name = identAt(n);
  k->nameRange = tokRange(n);
  if (accept(P::OPEN_PAREN)) {
    GeneratorExp *g = nullptr;
    if (!at(P::CLOSE_PAREN))
      arguments(k->bases, k->keywords, g);
    if (g) // only calls take a bare generator argument
      throw Bail{};
    expect(P::CLOSE_PAREN);
  }
  expect(P::COLON);
  block(k->body);
  k->range = R(s);
  return k;
}

// typedargslist: tparam (COMMA tparam)* COMMA?
// tparam: tfpdef (ASSIGN test)? | DIV | STAR (NAME (COLON (test |
//         star_expr))?)? | POWER tfpdef;  tfpdef: NAME (COLON test)?
// varargslist: vparam (COMMA vparam)* COMMA?
// vparam: NAME (ASSIGN test)? | DIV | STAR NAME? | POWER NAME
// The same code for both (`typed`: annotations allowed), with CPython's
// order rules, which the Builder applies (bail on a breach). Runs until
// `close` (not consumed); the caller sets the Arguments' range.
Arguments *FastParser::params(bool typed, int close) {
  auto *a = make<Arguments>({});
  bool slash = false, star = false, kwarg = false, defaults = false;
  bool bareStar = false; // the last parameter was a bare `*`
  auto annotation = [&](bool starOk) -> Expr * {
    if (!typed || !accept(P::COLON))
      return nullptr;
    return starOk && at(P::STAR) ? starExpr() : test();
  };
  while (!at(close)) {
    // After `**kw` nothing; after a bare `*` a plain named parameter.
    if (kwarg || (bareStar && !at(P::NAME)))
      throw Bail{};
    bareStar = false;
    size_t p = pos_;
    if (accept(P::DIV)) {
      if (slash || star || a->args.empty())
        throw Bail{};
      slash = true;
      a->posonlyargs.insert(a->posonlyargs.end(), a->args.begin(),
                            a->args.end());
      a->args.clear();
    } else if (accept(P::POWER)) {
      size_t n = expect(P::NAME);
      auto *arg = make<Arg>({});
      arg->arg = identAt(n);
      arg->annotation = annotation(false);
      arg->range = R(n);
      a->kwarg = arg;
      kwarg = true;
    } else if (accept(P::STAR)) {
      if (star)
        throw Bail{};
      star = true;
      if (at(P::NAME)) {
        size_t n = pos_++;
        auto *arg = make<Arg>({});
        arg->arg = identAt(n);
        arg->annotation = annotation(true);
        arg->range = {tokBegin(n), R(p).end};
        a->vararg = arg;
      } else {
        bareStar = true;
      }
    } else {
      size_t n = expect(P::NAME);
      auto *arg = make<Arg>({});
      arg->arg = identAt(n);
      arg->annotation = annotation(false);
      arg->range = R(n);
      Expr *def = accept(P::ASSIGN) ? test() : nullptr;
      if (star) {
        a->kwonlyargs.push_back(arg);
        a->kw_defaults.push_back(def);
      } else {
        if (def) {
          a->defaults.push_back(def);
          defaults = true;
        } else if (defaults) {
          throw Bail{};
        }
        a->args.push_back(arg);
      }
    }
    if (!accept(P::COMMA))
      break;
  }
  if (bareStar) // named arguments must follow bare *
    throw Bail{};
  return a;
}

// ------------------------------------------------------------- match

// match_stmt: MATCH subject_expr COLON NEWLINE INDENT case_block+ DEDENT
Stmt *FastParser::matchStmt() {
  size_t s = pos_++;
  auto *m = make<Match>({});
  size_t ss = pos_;
  ExprList items{starNamed()};
  bool comma = false;
  while (accept(P::COMMA)) {
    comma = true;
    if (at(P::COLON))
      break;
    items.push_back(starNamed());
  }
  if (items.size() == 1 && !comma) {
    if (isa<Starred>(items[0]))
      throw Bail{};
    m->subject = items[0];
  } else {
    auto *t = make<Tuple>(R(ss));
    t->elts = std::move(items);
    m->subject = t;
  }
  expect(P::COLON);
  expect(P::NEWLINE);
  expect(P::INDENT);
  do {
    // case_block: NAME patterns (IF namedexpr_test)? COLON block
    size_t cb = expect(P::NAME);
    if (text(cb) != "case")
      throw Bail{};
    auto *mc = make<MatchCase>({});
    size_t ps = pos_;
    bool starFirst = at(P::STAR);
    std::vector<Pattern *> pats{maybeStar()};
    bool pcomma = false;
    while (accept(P::COMMA)) {
      pcomma = true;
      if (at(P::IF) || at(P::COLON))
        break;
      pats.push_back(maybeStar());
    }
    if (pats.size() == 1 && !pcomma && !starFirst) {
      mc->pattern = pats[0];
    } else {
      auto *seq = make<MatchSequence>(R(ps));
      seq->patterns = std::move(pats);
      mc->pattern = seq;
    }
    if (accept(P::IF))
      mc->guard = namedexpr();
    expect(P::COLON);
    block(mc->body);
    mc->range = R(cb);
    m->cases.push_back(mc);
  } while (!at(P::DEDENT));
  ++pos_;
  m->range = R(s);
  return m;
}

// maybe_star_pattern: STAR NAME | pattern
Pattern *FastParser::maybeStar() {
  if (at(P::STAR)) {
    size_t s = pos_++;
    size_t n = expect(P::NAME);
    auto *st = make<MatchStar>(R(s));
    std::string name = identAt(n);
    if (name != "_")
      st->name = std::move(name);
    return st;
  }
  return pattern();
}

// pattern: or_pattern (AS NAME)?; or_pattern: closed_pattern (OR_OP
// closed_pattern)*
Pattern *FastParser::pattern() {
  DepthGuard g(depth_);
  size_t s = pos_;
  Pattern *p = closedPattern();
  if (at(P::OR_OP)) {
    auto *o = make<MatchOr>({});
    o->patterns.push_back(p);
    while (accept(P::OR_OP))
      o->patterns.push_back(closedPattern());
    o->range = R(s);
    p = o;
  }
  if (accept(P::AS)) {
    size_t n = expect(P::NAME);
    std::string name = identAt(n);
    if (name == "_")
      throw Bail{};
    auto *as = make<MatchAs>(R(s));
    as->pattern = p;
    as->name = std::move(name);
    return as;
  }
  return p;
}

// name_or_attr: NAME (DOT NAME)*
Expr *FastParser::nameOrAttr(size_t &count) {
  size_t n0 = expect(P::NAME);
  auto *n = make<Name>(tokRange(n0));
  n->id = identAt(n0);
  Expr *e = n;
  count = 1;
  while (accept(P::DOT)) {
    size_t ni = expect(P::NAME);
    auto *a = make<Attribute>({e->range.begin, tokEnd(ni)});
    a->value = e;
    a->attr = identAt(ni);
    a->attrRange = tokRange(ni);
    e = a;
    ++count;
  }
  return e;
}

static Constant::ValueKind singletonKind(int t) {
  return t == P::NONE   ? Constant::ValueKind::None
         : t == P::TRUE ? Constant::ValueKind::True
                        : Constant::ValueKind::False;
}

// literal_pattern: signed_number ((ADD | MINUS) NUMBER)? | STRING+ (the
// NONE / TRUE / FALSE alternatives are handled by the callers)
Expr *FastParser::literalExpr(size_t s) {
  if (at(P::STRING)) {
    Expr *e = strings();
    if (isa<JoinedStr>(e))
      throw Bail{};
    return e;
  }
  // signed_number: MINUS? NUMBER
  bool minus = accept(P::MINUS);
  size_t nt = expect(P::NUMBER);
  Expr *num = makeNumber(ctx_, tokRange(nt), text(nt));
  if (minus) {
    auto *u = make<UnaryOp>(R(s));
    u->op = UnaryOpKind::USub;
    u->operand = num;
    num = u;
  }
  if (at(P::ADD) || at(P::MINUS)) {
    bool add = at(P::ADD);
    ++pos_;
    size_t it = expect(P::NUMBER);
    Constant *rhs = makeNumber(ctx_, tokRange(it), text(it));
    if (rhs->valueKind != Constant::ValueKind::Complex)
      throw Bail{};
    auto *b = make<BinOp>(R(s));
    b->left = num;
    b->op = add ? OperatorKind::Add : OperatorKind::Sub;
    b->right = rhs;
    return b;
  }
  return num;
}

Pattern *FastParser::closedPattern() {
  size_t s = pos_;
  switch (la()) {
  case P::NONE:
  case P::TRUE:
  case P::FALSE: {
    int t = la();
    ++pos_;
    auto *sg = make<MatchSingleton>(R(s));
    sg->value = singletonKind(t);
    return sg;
  }
  case P::MINUS:
  case P::NUMBER:
  case P::STRING: {
    Expr *v = literalExpr(s);
    auto *mv = make<MatchValue>(R(s));
    mv->value = v;
    return mv;
  }
  case P::NAME: {
    size_t count;
    Expr *na = nameOrAttr(count);
    if (!at(P::OPEN_PAREN)) {
      if (count == 1) {
        auto *as = make<MatchAs>(R(s));
        std::string n = llvm::cast<Name>(na)->id;
        if (n != "_")
          as->name = std::move(n);
        return as;
      }
      auto *v = make<MatchValue>(R(s));
      v->value = na;
      return v;
    }
    ++pos_;
    auto *k = make<MatchClass>({});
    k->cls = na;
    // class_args: class_arg (COMMA class_arg)* COMMA?
    // class_arg: NAME ASSIGN pattern | pattern
    while (!at(P::CLOSE_PAREN)) {
      if (at(P::NAME) && la(1) == P::ASSIGN) {
        k->kwd_attrs.push_back(identAt(pos_));
        pos_ += 2;
        k->kwd_patterns.push_back(pattern());
      } else {
        if (!k->kwd_attrs.empty())
          throw Bail{};
        k->patterns.push_back(pattern());
      }
      if (!accept(P::COMMA))
        break;
    }
    expect(P::CLOSE_PAREN);
    k->range = R(s);
    return k;
  }
  case P::OPEN_BRACE: {
    ++pos_;
    auto *m = make<MatchMapping>({});
    bool rest = false;
    while (!at(P::CLOSE_BRACE)) {
      if (rest) // `**rest` must come last
        throw Bail{};
      if (accept(P::POWER)) {
        m->rest = identAt(expect(P::NAME));
        rest = true;
      } else {
        size_t ks = pos_;
        if (at(P::NONE) || at(P::TRUE) || at(P::FALSE)) {
          auto *k = make<Constant>(tokRange(pos_));
          k->valueKind = singletonKind(la());
          ++pos_;
          m->keys.push_back(k);
        } else if (at(P::NAME)) {
          size_t count;
          Expr *na = nameOrAttr(count);
          if (count < 2)
            throw Bail{};
          m->keys.push_back(na);
        } else {
          m->keys.push_back(literalExpr(ks));
        }
        expect(P::COLON);
        m->patterns.push_back(pattern());
      }
      if (!accept(P::COMMA))
        break;
    }
    expect(P::CLOSE_BRACE);
    m->range = R(s);
    return m;
  }
  case P::OPEN_PAREN:
  case P::OPEN_BRACK: {
    bool paren = at(P::OPEN_PAREN);
    int close = paren ? P::CLOSE_PAREN : P::CLOSE_BRACK;
    ++pos_;
    std::vector<Pattern *> items;
    bool comma = false, starFirst = at(P::STAR);
    while (!at(close)) {
      items.push_back(maybeStar());
      if (!accept(P::COMMA))
        break;
      comma = true;
    }
    expect(close);
    if (paren && items.size() == 1 && !comma && !starFirst)
      return items[0]; // a group, not a sequence
    auto *sq = make<MatchSequence>(R(s));
    sq->patterns = std::move(items);
    return sq;
  }
  default:
    throw Bail{};
  }
}

// ------------------------------------------------------------- expressions

// star_or_yield: yield_expr | testlist_star_expr
Expr *FastParser::starOrYield() {
  return at(P::YIELD) ? yieldExpr() : testlistStar();
}

// testlist_star_expr: (test | star_expr) (COMMA (test | star_expr))* COMMA?
Expr *FastParser::testlistStar() {
  size_t s = pos_;
  Expr *first = at(P::STAR) ? starExpr() : test();
  if (!at(P::COMMA))
    return first;
  auto *t = make<Tuple>({});
  t->elts.push_back(first);
  while (accept(P::COMMA)) {
    if (!startsTest(la()) && !at(P::STAR))
      break;
    t->elts.push_back(at(P::STAR) ? starExpr() : test());
  }
  t->range = R(s);
  return t;
}

// exprlist: (expr | star_expr) (COMMA (expr | star_expr))* COMMA?
Expr *FastParser::exprlist() {
  size_t s = pos_;
  Expr *first = at(P::STAR) ? starExpr() : expr(0);
  if (!at(P::COMMA))
    return first;
  auto *t = make<Tuple>({});
  t->elts.push_back(first);
  while (accept(P::COMMA)) {
    if (!startsExpr(la()) && !at(P::STAR))
      break;
    t->elts.push_back(at(P::STAR) ? starExpr() : expr(0));
  }
  t->range = R(s);
  return t;
}

// namedexpr_test: test (WALRUS test)?
Expr *FastParser::namedexpr() {
  size_t s = pos_;
  Expr *t = test();
  if (!accept(P::WALRUS))
    return t;
  auto *nm = dyn_cast<Name>(t);
  if (!nm)
    throw Bail{};
  nm->ctx = ExprContext::Store;
  Expr *v = test();
  auto *n = make<NamedExpr>(R(s));
  n->target = t;
  n->value = v;
  return n;
}

// star_named: namedexpr_test | star_expr
Expr *FastParser::starNamed() { return at(P::STAR) ? starExpr() : namedexpr(); }

// test: or_test (IF or_test ELSE test)? | lambdef
Expr *FastParser::test() {
  DepthGuard g(depth_);
  if (at(P::LAMBDA))
    return lambdef();
  size_t s = pos_;
  Expr *body = orTest(0);
  if (!accept(P::IF))
    return body;
  Expr *cond = orTest(0);
  expect(P::ELSE);
  Expr *orelse = test();
  auto *e = make<IfExp>(R(s));
  e->body = body;
  e->test = cond;
  e->orelse = orelse;
  return e;
}

Expr *FastParser::lambdef() {
  size_t s = pos_++;
  size_t va = pos_;
  Arguments *args = params(false, P::COLON);
  // The varargslist context's range, or the lambda's when it has none.
  if (va != pos_)
    args->range = R(va);
  expect(P::COLON);
  Expr *body = test();
  auto *l = make<Lambda>(R(s));
  if (!args->range.begin.valid())
    args->range = l->range;
  l->args = args;
  l->body = body;
  return l;
}

// or_test: NOT or_test | or_test AND or_test | or_test OR or_test
//        | expr (comp_op expr)*
// ANTLR's precedences for this left-recursive rule: NOT 4, AND 3, OR 2.
// `a or b or c` is one BoolOp: operators continuing the same chain append.
Expr *FastParser::orTest(int prec) {
  size_t s = pos_;
  Expr *e;
  if (at(P::NOT)) {
    DepthGuard g(depth_);
    ++pos_;
    Expr *operand = orTest(4);
    auto *u = make<UnaryOp>(R(s));
    u->op = UnaryOpKind::Not;
    u->operand = operand;
    e = u;
  } else {
    e = comparison();
  }
  BoolOp *chain = nullptr;
  for (;;) {
    BoolOpKind op;
    int next;
    if (at(P::AND) && prec <= 3) {
      op = BoolOpKind::And;
      next = 4;
    } else if (at(P::OR) && prec <= 2) {
      op = BoolOpKind::Or;
      next = 3;
    } else {
      break;
    }
    ++pos_;
    Expr *rhs = orTest(next);
    if (!chain || chain->op != op) {
      auto *b = make<BoolOp>({});
      b->op = op;
      b->values.push_back(e);
      chain = b;
      e = b;
    }
    chain->values.push_back(rhs);
    chain->range = R(s);
  }
  return e;
}

// The comparison alternative of or_test: expr (comp_op expr)*.
Expr *FastParser::comparison() {
  size_t s = pos_;
  Expr *left = expr(0);
  Compare *cmp = nullptr;
  CmpOpKind k;
  while (int n = comparisonOperator(la(), la(1), k)) {
    pos_ += n;
    if (!cmp) {
      cmp = make<Compare>({});
      cmp->left = left;
    }
    cmp->ops.push_back(k);
    cmp->comparators.push_back(expr(0));
  }
  if (at(P::NOT)) // `not` without `in` cannot follow an operand
    throw Bail{};
  if (!cmp)
    return left;
  cmp->range = R(s);
  return cmp;
}

// star_expr: STAR expr
Expr *FastParser::starExpr() {
  size_t s = expect(P::STAR);
  Expr *v = expr(0);
  auto *st = make<Starred>(R(s));
  st->value = v;
  return st;
}

// expr, ANTLR's left-recursive rule, by precedence climbing with ANTLR's
// precedences: trailers 13..11, AWAIT 10 (prefix), POWER 9 (right
// associative), unary 8 (prefix), * / % // @ 7, + - 6, shifts 5, & 4, ^ 3,
// | 2. A prefix operator's operand is expr[its precedence]; a binary
// operator's right operand expr[its precedence + 1] (POWER: the same).
Expr *FastParser::expr(int prec) {
  DepthGuard g(depth_);
  size_t s = pos_;
  Expr *e;
  switch (la()) {
  case P::AWAIT: {
    ++pos_;
    // CPython's `await` takes a primary: `await -x`, `await await x` are
    // errors in the Builder.
    int n = la();
    if (n == P::AWAIT || n == P::ADD || n == P::MINUS || n == P::NOT_OP)
      throw Bail{};
    Expr *v = expr(10);
    auto *a = make<Await>(R(s));
    a->value = v;
    e = a;
    break;
  }
  case P::ADD:
  case P::MINUS:
  case P::NOT_OP: {
    int t = la();
    ++pos_;
    Expr *v = expr(8);
    auto *u = make<UnaryOp>(R(s));
    u->op = t == P::ADD     ? UnaryOpKind::UAdd
            : t == P::MINUS ? UnaryOpKind::USub
                            : UnaryOpKind::Invert;
    u->operand = v;
    e = u;
    break;
  }
  default:
    e = atom();
  }
  for (;;) {
    int t = la();
    if (t == P::DOT) {
      ++pos_;
      size_t n = expect(P::NAME);
      auto *a = make<Attribute>({e->range.begin, tokEnd(n)});
      a->value = e;
      a->attr = identAt(n);
      a->attrRange = tokRange(n);
      e = a;
    } else if (t == P::OPEN_PAREN) {
      ++pos_;
      auto *call = make<Call>({});
      call->func = e;
      GeneratorExp *g = nullptr;
      if (!at(P::CLOSE_PAREN))
        arguments(call->args, call->keywords, g);
      size_t close = expect(P::CLOSE_PAREN);
      call->range = {e->range.begin, tokEnd(close)};
      // f(x for x in y): the generator takes the call context's range.
      if (g)
        g->range = R(s);
      e = call;
    } else if (t == P::OPEN_BRACK) {
      ++pos_;
      auto *sub = make<Subscript>({});
      sub->value = e;
      sub->slice = subscriptList();
      size_t close = expect(P::CLOSE_BRACK);
      sub->range = {e->range.begin, tokEnd(close)};
      e = sub;
    } else if (t == P::POWER) {
      if (prec > 9)
        break;
      ++pos_;
      Expr *right = expr(9);
      auto *b = make<BinOp>(R(s));
      b->left = e;
      b->op = OperatorKind::Pow;
      b->right = right;
      e = b;
    } else {
      OperatorKind op;
      int p;
      if (!binaryOperator(t, op, p) || p < prec)
        break;
      ++pos_;
      Expr *right = expr(p + 1);
      auto *b = make<BinOp>(span(e->range, right->range));
      b->left = e;
      b->op = op;
      b->right = right;
      e = b;
    }
  }
  return e;
}

Expr *FastParser::strings() {
  size_t s = pos_;
  std::vector<StringPiece> pieces;
  while (at(P::STRING)) {
    pieces.push_back({text(pos_), toks_[pos_].start, tokRange(pos_)});
    ++pos_;
  }
  std::vector<SyntaxErr> errs;
  auto field = [&](std::string_view ftext, SourceLoc base,
                   int depth) -> Expr * {
    Utf8CharStream in(ftext);
    Tokenizer lexer(&in);
    lexer.startInsideBrackets();
    TokenBuffer tokens(&lexer, ftext.size());
    if (!lexer.errors().empty())
      throw Bail{};
    PosMap pm(ftext, base);
    // Like the reference, a field's own strings start again at depth 0.
    (void)depth;
    FastParser sub(ctx_, ftext, pm, tokens);
    return sub.fstringInput();
  };
  Expr *e = buildStrings(ctx_, pm_, pieces, R(s), errs, field);
  if (!errs.empty())
    throw Bail{};
  return e;
}

// atom
Expr *FastParser::atom() {
  size_t s = pos_;
  switch (la()) {
  case P::NAME: {
    auto *n = make<Name>(tokRange(s));
    n->id = identAt(s);
    ++pos_;
    return n;
  }
  case P::NUMBER:
    ++pos_;
    return makeNumber(ctx_, tokRange(s), text(s));
  case P::STRING:
    return strings();
  case P::ELLIPSIS:
  case P::NONE:
  case P::TRUE:
  case P::FALSE: {
    int t = la();
    ++pos_;
    auto *k = make<Constant>(tokRange(s));
    k->valueKind =
        t == P::ELLIPSIS ? Constant::ValueKind::Ellipsis : singletonKind(t);
    return k;
  }
  case P::OPEN_PAREN: {
    ++pos_;
    if (at(P::YIELD)) {
      Expr *y = yieldExpr();
      expect(P::CLOSE_PAREN);
      return y;
    }
    if (accept(P::CLOSE_PAREN))
      return make<Tuple>(R(s));
    // testlist_comp: star_named (comp_for | (COMMA star_named)* COMMA?)
    Expr *first = starNamed();
    if (at(P::FOR) || at(P::ASYNC))
      return comprehension<GeneratorExp>(first, s, P::CLOSE_PAREN);
    if (accept(P::CLOSE_PAREN)) {
      if (isa<Starred>(first))
        throw Bail{};
      return first; // parentheses only group
    }
    return display<Tuple>(first, s, P::CLOSE_PAREN);
  }
  case P::OPEN_BRACK: {
    ++pos_;
    if (accept(P::CLOSE_BRACK))
      return make<List>(R(s));
    Expr *first = starNamed();
    if (at(P::FOR) || at(P::ASYNC))
      return comprehension<ListComp>(first, s, P::CLOSE_BRACK);
    return display<List>(first, s, P::CLOSE_BRACK);
  }
  case P::OPEN_BRACE:
    ++pos_;
    if (accept(P::CLOSE_BRACE))
      return make<Dict>(R(s));
    return dictOrSet(s);
  default:
    throw Bail{};
  }
}

// dictorsetmaker: dict_item (comp_for | (COMMA dict_item)* COMMA?)
//               | star_named (comp_for | (COMMA star_named)* COMMA?)
// dict_item: test COLON test | POWER expr
Expr *FastParser::dictOrSet(size_t s) {
  bool isDict;
  Expr *k0 = nullptr, *v0 = nullptr;
  if (accept(P::POWER)) {
    isDict = true;
    v0 = expr(0);
  } else if (at(P::STAR)) {
    isDict = false;
    k0 = starExpr();
  } else {
    k0 = test();
    if (accept(P::COLON)) {
      isDict = true;
      v0 = test();
    } else {
      isDict = false;
      if (accept(P::WALRUS)) {
        auto *nm = dyn_cast<Name>(k0);
        if (!nm)
          throw Bail{};
        nm->ctx = ExprContext::Store;
        Expr *v = test();
        auto *n = make<NamedExpr>(R(s + 1));
        n->target = k0;
        n->value = v;
        k0 = n;
      }
    }
  }
  if (at(P::FOR) || at(P::ASYNC)) {
    if (isDict) {
      if (!k0) // dict unpacking cannot be used in dict comprehension
        throw Bail{};
      auto *d = make<DictComp>({});
      d->key = k0;
      d->value = v0;
      compFor(d->generators);
      expect(P::CLOSE_BRACE);
      d->range = R(s);
      return d;
    }
    return comprehension<SetComp>(k0, s, P::CLOSE_BRACE);
  }
  if (isDict) {
    auto *d = make<Dict>({});
    d->keys.push_back(k0);
    d->values.push_back(v0);
    while (accept(P::COMMA)) {
      if (at(P::CLOSE_BRACE))
        break;
      if (accept(P::POWER)) {
        d->keys.push_back(nullptr);
        d->values.push_back(expr(0));
      } else {
        d->keys.push_back(test());
        expect(P::COLON);
        d->values.push_back(test());
      }
    }
    expect(P::CLOSE_BRACE);
    d->range = R(s);
    return d;
  }
  return display<Set>(k0, s, P::CLOSE_BRACE);
}

// comp_for: ASYNC? FOR exprlist IN or_test comp_if* comp_for?
// comp_if: IF or_test. Each comp_for context runs to the end of the whole
// chain (the nested comp_for is inside it): so do the ranges.
void FastParser::compFor(std::vector<Comprehension *> &out) {
  size_t first = out.size();
  std::vector<size_t> starts;
  while (at(P::FOR) || at(P::ASYNC)) {
    starts.push_back(pos_);
    auto *g = make<Comprehension>({});
    g->is_async = accept(P::ASYNC);
    expect(P::FOR);
    g->target = exprlist();
    setContext(g->target, ExprContext::Store);
    expect(P::IN);
    g->iter = orTest(0);
    while (accept(P::IF))
      g->ifs.push_back(orTest(0));
    out.push_back(g);
  }
  for (size_t i = first; i < out.size(); ++i)
    out[i]->range = R(starts[i - first]);
}

// subscriptlist: subscript (COMMA subscript)* COMMA?
Expr *FastParser::subscriptList() {
  size_t s = pos_;
  Expr *first = subscript();
  if (!at(P::COMMA)) {
    if (isa<Starred>(first)) { // a[*b] is a[(*b,)]
      auto *t = make<Tuple>(R(s));
      t->elts.push_back(first);
      return t;
    }
    return first;
  }
  auto *t = make<Tuple>({});
  t->elts.push_back(first);
  while (accept(P::COMMA)) {
    if (at(P::CLOSE_BRACK))
      break;
    t->elts.push_back(subscript());
  }
  t->range = R(s);
  return t;
}

// subscript: namedexpr_test (COLON test? sliceop?)? | COLON test? sliceop?
//          | star_expr;  sliceop: COLON test?
Expr *FastParser::subscript() {
  if (at(P::STAR))
    return starExpr();
  size_t s = pos_;
  Expr *lower = nullptr;
  if (!at(P::COLON)) {
    lower = namedexpr();
    if (!at(P::COLON))
      return lower;
    if (isa<NamedExpr>(lower))
      throw Bail{};
  }
  ++pos_; // COLON
  Expr *upper = startsTest(la()) ? test() : nullptr;
  Expr *step = nullptr;
  if (accept(P::COLON) && startsTest(la()))
    step = test();
  auto *sl = make<Slice>(R(s));
  sl->lower = lower;
  sl->upper = upper;
  sl->step = step;
  return sl;
}

// yield_expr: YIELD (FROM test | testlist_star_expr)?
Expr *FastParser::yieldExpr() {
  size_t s = expect(P::YIELD);
  if (accept(P::FROM)) {
    Expr *v = test();
    auto *y = make<YieldFrom>(R(s));
    y->value = v;
    return y;
  }
  Expr *v = startsTest(la()) || at(P::STAR) ? testlistStar() : nullptr;
  auto *y = make<Yield>(R(s));
  y->value = v;
  return y;
}

// arglist: argument (COMMA argument)* COMMA?
// argument: test (comp_for | WALRUS test | ASSIGN test)? | STAR test
//         | POWER test
void FastParser::arguments(ExprList &args, std::vector<Keyword *> &kws,
                           GeneratorExp *&soleGenexp) {
  bool sawKw = false, sawKwUnpack = false;
  size_t count = 0;
  bool genexp = false;
  while (!at(P::CLOSE_PAREN)) {
    ++count;
    size_t s = pos_;
    if (accept(P::POWER)) {
      Expr *v = test();
      auto *k = make<Keyword>(R(s));
      k->value = v;
      kws.push_back(k);
      sawKwUnpack = true;
    } else if (accept(P::STAR)) {
      if (sawKwUnpack)
        throw Bail{};
      Expr *v = test();
      auto *st = make<Starred>(R(s));
      st->value = v;
      args.push_back(st);
    } else {
      Expr *t = test();
      if (accept(P::ASSIGN)) {
        auto *n = dyn_cast<Name>(t);
        if (!n)
          throw Bail{};
        Expr *v = test();
        auto *k = make<Keyword>(R(s));
        k->arg = n->id;
        k->hasArg = true;
        k->value = v;
        kws.push_back(k);
        sawKw = true;
      } else {
        Expr *e = t;
        if (at(P::FOR) || at(P::ASYNC)) {
          auto *g = make<GeneratorExp>({});
          g->elt = t;
          compFor(g->generators);
          g->range = R(s); // the call's range when alone (set by caller)
          soleGenexp = g;
          genexp = true;
          e = g;
        } else if (accept(P::WALRUS)) {
          auto *nm = dyn_cast<Name>(t);
          if (!nm)
            throw Bail{};
          nm->ctx = ExprContext::Store;
          Expr *v = test();
          auto *n = make<NamedExpr>(R(s));
          n->target = t;
          n->value = v;
          e = n;
        }
        if (sawKwUnpack || sawKw)
          throw Bail{};
        args.push_back(e);
      }
    }
    if (!accept(P::COMMA))
      break;
    if (genexp) // Generator expression must be parenthesized
      throw Bail{};
  }
  if (genexp && count > 1)
    throw Bail{};
}

// ------------------------------------------------------------- targets

void FastParser::setContext(Expr *e, ExprContext ctx) {
  applyContext(e, ctx, [](Expr *) { throw Bail{}; });
}

} // namespace

Module *fastParseFile(ASTContext &ctx, std::string_view text, const PosMap &pm,
                      antlr4::TokenStream &tokens) {
  try {
    FastParser p(ctx, text, pm, tokens);
    return p.fileInput();
  } catch (Bail &) {
    return nullptr;
  }
}

bool fastParserEnabled() {
  static const bool enabled = [] {
    const char *v = std::getenv("AIOC_PARSER");
    return !(v && std::strcmp(v, "antlr") == 0);
  }();
  return enabled;
}

} // namespace aioc::frontend
