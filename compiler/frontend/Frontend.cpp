// parseFile: the hand-written FastParser (FastParser.cpp) first; on anything
// it does not take, the reference path: ANTLR parse (SLL first, LL on
// failure), then one pass turning the parse tree into aioc's AST, which also
// reports every syntax error. This file, IndentingLexer.* and the Tokenizer's
// token objects are the only users of ANTLR.
#include "frontend/Frontend.h"

#include "BuilderSupport.h"
#include "FastParser.h"
#include "IndentingLexer.h"
#include "PythonParser.h"
#include "Tokenizer.h"

#include <llvm/Support/Casting.h>
#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/Unicode.h>

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>
#include <optional>
#include <type_traits>
#include <typeinfo>

namespace aioc {

using antlr4::ParserRuleContext;
using antlr4::Token;
using antlr4::tree::ParseTree;
using antlr4::tree::TerminalNode;
using llvm::dyn_cast;
using llvm::isa;
using P = gen::PythonParser;

namespace {

using namespace frontend;
using frontend::ident; // overloaded below for parse trees

// ------------------------------------------------------------- errors

class ErrorCollector : public antlr4::BaseErrorListener {
public:
  ErrorCollector(const PosMap &pm, std::vector<SyntaxErr> &out,
                 std::string prefix)
      : pm_(pm), out_(out), prefix_(std::move(prefix)) {}

  void syntaxError(antlr4::Recognizer *recognizer, Token *offending,
                   size_t line, size_t col, const std::string &msg,
                   std::exception_ptr e) override;
  // Whether the parser reported anything, kept or suppressed as a cascade.
  bool sawError() const { return sawError_; }

private:
  std::string message(P *parser, Token *offending);
  bool sawError_ = false;
  const PosMap &pm_;
  std::vector<SyntaxErr> &out_;
  std::string prefix_;
};

// The human name of the statement a block belongs to, as CPython says it.
const char *blockOwner(size_t rule) {
  switch (rule) {
  case P::RuleIf_stmt:
    return "'if' statement";
  case P::RuleElif_clause:
    return "'elif' statement";
  case P::RuleElse_clause:
    return "'else' statement";
  case P::RuleWhile_stmt:
    return "'while' statement";
  case P::RuleFor_stmt:
    return "'for' statement";
  case P::RuleTry_stmt:
    return "'try' statement";
  case P::RuleExcept_clause:
    return "'except' statement";
  case P::RuleFinally_clause:
    return "'finally' statement";
  case P::RuleWith_stmt:
    return "'with' statement";
  case P::RuleFuncdef:
    return "function definition";
  case P::RuleClassdef:
    return "class definition";
  case P::RuleMatch_stmt:
    return "'match' statement";
  case P::RuleCase_block:
    return "'case' statement";
  default:
    return nullptr;
  }
}

std::string ErrorCollector::message(P *parser, Token *offending) {
  if (!parser)
    return "invalid syntax";
  size_t type = offending->getType();
  if (type == P::INDENT)
    return "unexpected indent";
  antlr4::misc::IntervalSet expected;
  try {
    expected = parser->getExpectedTokens();
  } catch (...) {
  }
  ParserRuleContext *ctx = parser->getContext();
  // The statement whose header we are in.
  ParserRuleContext *owner = ctx;
  while (owner && !blockOwner(owner->getRuleIndex()))
    owner = dynamic_cast<ParserRuleContext *>(owner->parent);
  if (expected.contains(static_cast<size_t>(P::INDENT)) && owner) {
    // In `block`, after NEWLINE: the body is missing.
    return std::string("expected an indented block after ") +
           blockOwner(owner->getRuleIndex()) + " on line " +
           std::to_string(owner->getStart()->getLine());
  }
  if (expected.contains(static_cast<size_t>(P::COLON)) &&
      (type == P::NEWLINE || type == Token::EOF ||
       (expected.size() == 1 && type != P::DEDENT))) {
    std::string msg = "expected ':'";
    if (owner) {
      // Quote the header so far when it fits on one line.
      Token *start = owner->getStart();
      // `async def`/`async with`/`async for`: quote the `async` too.
      if (auto *up = dynamic_cast<ParserRuleContext *>(owner->parent))
        if (up->getRuleIndex() == P::RuleAsync_stmt ||
            up->getRuleIndex() == P::RuleAsync_funcdef)
          start = up->getStart();
      auto *ts = parser->getTokenStream();
      size_t ofs = offending->getTokenIndex();
      if (ofs > start->getTokenIndex()) {
        Token *prev = ts->get(ofs - 1);
        if (prev->getLine() == start->getLine() &&
            prev->getStopIndex() >= start->getStartIndex()) {
          std::string text = ts->getTokenSource()->getInputStream()->getText(
              antlr4::misc::Interval(start->getStartIndex(),
                                     prev->getStopIndex()));
          if (text.size() <= 60)
            msg += " after '" + text + "'";
        }
      }
    }
    return msg;
  }
  if (type == Token::EOF)
    return "unexpected EOF while parsing";
  return "invalid syntax";
}

void ErrorCollector::syntaxError(antlr4::Recognizer *recognizer,
                                 Token *offending, size_t, size_t,
                                 const std::string &, std::exception_ptr) {
  sawError_ = true;
  if (!offending)
    return;
  // After a first error, complaints about layout tokens are nearly always
  // the recovery's own cascade.
  size_t type = offending->getType();
  if (!out_.empty() &&
      (type == P::INDENT || type == P::DEDENT || type == Token::EOF))
    return;
  std::string msg = message(dynamic_cast<P *>(recognizer), offending);
  SourceLoc b = pm_.begin(offending), e = pm_.end(offending);
  if (e.line == b.line && e.col <= b.col)
    e.col = b.col + 1;
  // One error per line: the rest are usually cascades of the first.
  for (const SyntaxErr &x : out_)
    if (x.range.begin.line == b.line)
      return;
  out_.push_back({{b, e}, prefix_ + msg});
}

// Stops a runaway parse on pathological nesting (`((((...` or `-----x`)
// before the stack does, as CPython's "too complex" guard does.
class GuardedParser : public P {
public:
  // Each thread parses with its own DFA and context cache (see
  // IndentingLexer's constructor for why).
  explicit GuardedParser(antlr4::TokenStream *input) : P(input) {
    auto &cache = frontend::ThreadDFACache<P>::get(getATN());
    delete _interpreter;
    _interpreter = new antlr4::atn::ParserATNSimulator(
        this, getATN(), cache.dfa, cache.contexts);
  }
  static constexpr size_t kMaxDepth = 4000;
  struct TooDeep {};
  void enterRule(ParserRuleContext *c, size_t s, size_t r) override {
    // Measuring the depth walks the parents, so do it now and then; the
    // depth grows by at most one per call in between.
    if (++calls_ % 64 == 0 && c->depth() > static_cast<int>(kMaxDepth))
      throw TooDeep{};
    P::enterRule(c, s, r);
  }
  // The left-recursive rules (or_test, expr) nest through here instead:
  // `------x` is one expr context per operator.
  using P::enterRecursionRule;
  void enterRecursionRule(ParserRuleContext *c, size_t s, size_t r,
                          int precedence) override {
    if (++calls_ % 64 == 0 && c->depth() > static_cast<int>(kMaxDepth))
      throw TooDeep{};
    P::enterRecursionRule(c, s, r, precedence);
  }

private:
  size_t calls_ = 0;
};

// ------------------------------------------------------------- helpers

// The hot paths below avoid dynamic_cast (and the generated accessors, which
// use it on every child): the grammar fixes which children are terminals.
inline ParserRuleContext *ruleAt(ParserRuleContext *c, size_t i) {
  return static_cast<ParserRuleContext *>(c->children[i]);
}
inline size_t termAt(ParserRuleContext *c, size_t i) {
  return static_cast<TerminalNode *>(c->children[i])->getSymbol()->getType();
}

// A parse tree from a successful parse holds only rule contexts and terminal
// nodes, so a typeid comparison (a pointer compare when it matches) tells them
// apart; ANTLR's own accessors dynamic_cast every child instead.
inline bool isTerminal(const ParseTree *t) {
  const std::type_info &ti = typeid(*t);
  return ti == typeid(antlr4::tree::TerminalNodeImpl) ||
         ti == typeid(antlr4::tree::ErrorNodeImpl);
}

// `ch` as a context of rule `index`, or nullptr (a terminal or another rule).
template <class T> T *asRule(ParseTree *ch, size_t index) {
  if (isTerminal(ch))
    return nullptr;
  auto *r = static_cast<ParserRuleContext *>(ch);
  return r->getRuleIndex() == index ? static_cast<T *>(r) : nullptr;
}

size_t tokType(ParseTree *t) {
  if (isTerminal(t))
    return static_cast<TerminalNode *>(t)->getSymbol()->getType();
  return 0;
}

template <class T> T *childAs(ParserRuleContext *c, size_t i) {
  return dynamic_cast<T *>(c->children[i]);
}

// The rule index of context class T (the generated classes carry it only as
// a virtual function), asked once of a throwaway instance.
template <class T> size_t ruleIndexOf() {
  static const size_t index = T(nullptr, 0).getRuleIndex();
  return index;
}

// The i-th child of rule T / all of them, as the generated accessors return.
template <class T> T *nthRule(ParserRuleContext *c, size_t i) {
  size_t want = ruleIndexOf<T>();
  for (ParseTree *ch : c->children)
    if (!isTerminal(ch) &&
        static_cast<ParserRuleContext *>(ch)->getRuleIndex() == want &&
        i-- == 0)
      return static_cast<T *>(ch);
  return nullptr;
}
template <class T> std::vector<T *> allRules(ParserRuleContext *c) {
  size_t want = ruleIndexOf<T>();
  std::vector<T *> out;
  for (ParseTree *ch : c->children)
    if (!isTerminal(ch) &&
        static_cast<ParserRuleContext *>(ch)->getRuleIndex() == want)
      out.push_back(static_cast<T *>(ch));
  return out;
}
TerminalNode *nthToken(ParserRuleContext *c, size_t type, size_t i) {
  for (ParseTree *ch : c->children)
    if (isTerminal(ch) &&
        static_cast<TerminalNode *>(ch)->getSymbol()->getType() == type &&
        i-- == 0)
      return static_cast<TerminalNode *>(ch);
  return nullptr;
}
std::vector<TerminalNode *> allTokens(ParserRuleContext *c, size_t type) {
  std::vector<TerminalNode *> out;
  for (ParseTree *ch : c->children)
    if (isTerminal(ch) &&
        static_cast<TerminalNode *>(ch)->getSymbol()->getType() == type)
      out.push_back(static_cast<TerminalNode *>(ch));
  return out;
}

// Drop-in replacements for the generated accessors: the accessor's own
// signature picks the form (one child, the i-th, or all), so
// KID(c, test) / KID(c, test, 1) / TOK(c, NAME) return exactly what
// c->test() / c->test(1) / c->NAME() would.
template <class C, class T> T *fastKid(C *c, T *(C::*)()) {
  return nthRule<T>(c, 0);
}
template <class C, class T> T *fastKid(C *c, T *(C::*)(size_t), size_t i) {
  return nthRule<T>(c, i);
}
template <class C, class T>
std::vector<T *> fastKid(C *c, std::vector<T *> (C::*)()) {
  return allRules<T>(c);
}
template <class C>
TerminalNode *fastTok(C *c, TerminalNode *(C::*)(), size_t type) {
  return nthToken(c, type, 0);
}
template <class C>
TerminalNode *fastTok(C *c, TerminalNode *(C::*)(size_t), size_t type,
                      size_t i) {
  return nthToken(c, type, i);
}
template <class C>
std::vector<TerminalNode *> fastTok(C *c, std::vector<TerminalNode *> (C::*)(),
                                    size_t type) {
  return allTokens(c, type);
}
#define KID(c, acc, ...)                                                       \
  fastKid(c, &std::remove_pointer_t<std::remove_reference_t<decltype(c)>>::acc \
                 __VA_OPT__(, ) __VA_ARGS__)
#define TOK(c, tok, ...)                                                       \
  fastTok(c,                                                                   \
          &std::remove_pointer_t<std::remove_reference_t<decltype(c)>>::tok,   \
          P::tok __VA_OPT__(, ) __VA_ARGS__)

std::string ident(ParseTree *t) { return ident(t->getText()); }
std::string ident(Token *t) { return ident(t->getText()); }

// ------------------------------------------------------------- builder

struct ParseSession;

class Builder {
public:
  Builder(ASTContext &ctx, const PosMap &pm, std::vector<SyntaxErr> &errs,
          ParseSession &session, int fstringDepth = 0)
      : ctx_(ctx), pm_(pm), errs_(errs), session_(session),
        fstringDepth_(fstringDepth) {}

  Module *module(P::File_inputContext *c);
  Expr *fstringInput(P::Fstring_inputContext *c);

private:
  template <class T> T *make(SourceRange r) { return ctx_.make<T>(r); }
  SourceRange R(ParserRuleContext *c) const {
    // A block's last tokens are NEWLINE/DEDENT, which belong to no node.
    Token *stop = c->getStop();
    while (stop && tokens_ && stop->getTokenIndex() > 0 &&
           stop->getTokenIndex() != static_cast<size_t>(-1) &&
           (stop->getType() == P::NEWLINE || stop->getType() == P::DEDENT ||
            stop->getType() == P::INDENT))
      stop = tokens_->get(stop->getTokenIndex() - 1);
    return pm_.range(c->getStart(), stop);
  }

public:
  void setTokens(antlr4::TokenStream *t) { tokens_ = t; }

private:
  SourceRange R(Token *t) const { return pm_.range(t, t); }
  SourceRange R(TerminalNode *t) const { return R(t->getSymbol()); }
  SourceRange span(SourceRange a, SourceRange b) const {
    return {a.begin, b.end};
  }
  void error(SourceRange r, std::string msg) {
    errs_.push_back({r, std::move(msg)});
  }

  // statements
  void stmt(P::StmtContext *c, StmtList &out);
  Stmt *simpleStmt(P::Simple_stmtContext *c);
  Stmt *compoundStmt(P::Compound_stmtContext *c);
  void block(P::BlockContext *c, StmtList &out);
  Stmt *exprStmt(P::Expr_stmtContext *c);
  Stmt *importFrom(P::Import_fromContext *c);
  Stmt *ifStmt(P::If_stmtContext *c);
  Stmt *forStmt(P::For_stmtContext *c, bool isAsync, SourceRange r);
  Stmt *withStmt(P::With_stmtContext *c, bool isAsync, SourceRange r);
  Stmt *tryStmt(P::Try_stmtContext *c);
  FunctionDef *funcdef(P::FuncdefContext *c, bool isAsync, SourceRange r);
  ClassDef *classdef(P::ClassdefContext *c, SourceRange r);
  Stmt *matchStmt(P::Match_stmtContext *c);
  Arguments *typedArgs(P::TypedargslistContext *c, SourceRange r);
  Arguments *lambdaArgs(P::VarargslistContext *c, SourceRange r);

  // patterns
  Pattern *pattern(P::PatternContext *c);
  Pattern *maybeStar(P::Maybe_star_patternContext *c);
  Pattern *closedPattern(P::Closed_patternContext *c);
  Expr *literalExpr(P::Literal_patternContext *c);
  Expr *nameOrAttr(P::Name_or_attrContext *c);

  // expressions
  Expr *starOrYield(P::Star_or_yieldContext *c);
  Expr *testlistStar(P::Testlist_star_exprContext *c);
  Expr *testlist(P::TestlistContext *c);
  Expr *exprlist(P::ExprlistContext *c);
  Expr *namedexpr(P::Namedexpr_testContext *c);
  Expr *starNamed(P::Star_namedContext *c);
  Expr *test(P::TestContext *c);
  Expr *lambdef(P::LambdefContext *c);
  Expr *orTest(P::Or_testContext *c);
  Expr *comparison(P::Or_testContext *c);
  Expr *starExpr(P::Star_exprContext *c);
  Expr *expr(P::ExprContext *c);
  Expr *binaryOrTrailer(P::ExprContext *c);
  Expr *atom(P::AtomContext *c);
  Expr *yieldExpr(P::Yield_exprContext *c);
  Expr *subscriptList(P::SubscriptlistContext *c);
  Expr *subscript(P::SubscriptContext *c);
  Expr *dictOrSet(P::DictorsetmakerContext *c, SourceRange r);
  void comprehension(P::Comp_forContext *c, std::vector<Comprehension *> &out);
  void arguments(P::ArglistContext *c, ExprList &args,
                 std::vector<Keyword *> &kws);
  Expr *number(Token *t);
  Expr *strings(const std::vector<TerminalNode *> &toks, SourceRange r);

  // targets
  void setContext(Expr *e, ExprContext ctx);
  static const char *describe(const Expr *e);

  ASTContext &ctx_;
  const PosMap &pm_;
  std::vector<SyntaxErr> &errs_;
  ParseSession &session_;
  antlr4::TokenStream *tokens_ = nullptr;
  [[maybe_unused]] int fstringDepth_;
  friend struct FStringParser;
};

// Shared by the file's parse and the f-string sub-parses.
struct ParseSession {
  ASTContext &ctx;
  std::vector<SyntaxErr> &errs;
  size_t tooDeep = 0;
  // Parses `text` (which starts at `base` in the file) as an f-string
  // replacement field expression.
  Expr *parseFieldExpr(std::string_view text, SourceLoc base, int depth);
};

// ------------------------------------------------------------- statements

Module *Builder::module(P::File_inputContext *c) {
  auto *m = make<Module>(R(c));
  for (auto *s : KID(c, stmt))
    stmt(s, m->body);
  if (!m->body.empty())
    m->range = span(m->body.front()->range, m->body.back()->range);
  return m;
}

// `simple_stmts` can only be the first child of stmt and block: looking there
// alone spares block a scan of all its statements (KID looks at every child).
static P::Simple_stmtsContext *leadingSimpleStmts(ParserRuleContext *c) {
  return c->children.empty() ? nullptr
                             : asRule<P::Simple_stmtsContext>(
                                   c->children[0], P::RuleSimple_stmts);
}

void Builder::stmt(P::StmtContext *c, StmtList &out) {
  if (auto *ss = leadingSimpleStmts(c)) {
    for (auto *s : KID(ss, simple_stmt))
      if (Stmt *st = simpleStmt(s))
        out.push_back(st);
    return;
  }
  if (Stmt *st = compoundStmt(KID(c, compound_stmt)))
    out.push_back(st);
}

void Builder::block(P::BlockContext *c, StmtList &out) {
  if (auto *ss = leadingSimpleStmts(c)) {
    for (auto *s : KID(ss, simple_stmt))
      if (Stmt *st = simpleStmt(s))
        out.push_back(st);
    return;
  }
  for (auto *s : KID(c, stmt))
    stmt(s, out);
}

Stmt *Builder::simpleStmt(P::Simple_stmtContext *c) {
  ParseTree *ch = c->children[0];
  SourceRange r = R(c);
  if (auto *e = asRule<P::Expr_stmtContext>(ch, P::RuleExpr_stmt))
    return exprStmt(e);
  if (auto *d = asRule<P::Del_stmtContext>(ch, P::RuleDel_stmt)) {
    auto *s = make<Delete>(r);
    Expr *t = exprlist(KID(d, exprlist));
    if (auto *tup = dyn_cast<Tuple>(t);
        tup && KID(d, exprlist)->getStart()->getType() != P::OPEN_PAREN)
      s->targets = tup->elts; // `del a, b` has two targets
    else
      s->targets.push_back(t);
    for (Expr *t2 : s->targets)
      setContext(t2, ExprContext::Del);
    return s;
  }
  if (asRule<P::Pass_stmtContext>(ch, P::RulePass_stmt))
    return make<Pass>(r);
  if (asRule<P::Break_stmtContext>(ch, P::RuleBreak_stmt))
    return make<Break>(r);
  if (asRule<P::Continue_stmtContext>(ch, P::RuleContinue_stmt))
    return make<Continue>(r);
  if (auto *rs = asRule<P::Return_stmtContext>(ch, P::RuleReturn_stmt)) {
    auto *s = make<Return>(r);
    if (auto *t = KID(rs, testlist_star_expr))
      s->value = testlistStar(t);
    return s;
  }
  if (auto *rs = asRule<P::Raise_stmtContext>(ch, P::RuleRaise_stmt)) {
    auto *s = make<Raise>(r);
    auto tests = KID(rs, test);
    if (!tests.empty())
      s->exc = test(tests[0]);
    if (tests.size() > 1)
      s->cause = test(tests[1]);
    return s;
  }
  if (auto *g = asRule<P::Global_stmtContext>(ch, P::RuleGlobal_stmt)) {
    auto *s = make<Global>(r);
    for (auto *n : TOK(g, NAME))
      s->names.push_back(ident(n));
    return s;
  }
  if (auto *g = asRule<P::Nonlocal_stmtContext>(ch, P::RuleNonlocal_stmt)) {
    auto *s = make<Nonlocal>(r);
    for (auto *n : TOK(g, NAME))
      s->names.push_back(ident(n));
    return s;
  }
  if (auto *a = asRule<P::Assert_stmtContext>(ch, P::RuleAssert_stmt)) {
    auto *s = make<Assert>(r);
    s->test = test(KID(a, test, 0));
    if (KID(a, test).size() > 1)
      s->msg = test(KID(a, test, 1));
    return s;
  }
  if (auto *i = asRule<P::Import_stmtContext>(ch, P::RuleImport_stmt)) {
    if (auto *in = KID(i, import_name)) {
      auto *s = make<Import>(r);
      for (auto *d : KID(KID(in, dotted_as_names), dotted_as_name)) {
        auto *a = make<Alias>(R(d));
        a->name = ident(KID(d, dotted_name));
        if (TOK(d, AS))
          a->asname = ident(TOK(d, NAME));
        s->names.push_back(a);
      }
      return s;
    }
    return importFrom(KID(i, import_from));
  }
  error(r, "invalid syntax");
  return nullptr;
}

Stmt *Builder::importFrom(P::Import_fromContext *c) {
  auto *s = make<ImportFrom>(R(c));
  for (ParseTree *ch : c->children) {
    size_t t = tokType(ch);
    if (t == P::DOT)
      s->level += 1;
    else if (t == P::ELLIPSIS)
      s->level += 3;
    else if (t == P::IMPORT)
      break;
  }
  if (auto *d = KID(c, dotted_name))
    s->module = ident(d);
  auto *targets = KID(c, import_targets);
  if (TOK(targets, STAR)) {
    auto *a = make<Alias>(R(TOK(targets, STAR)));
    a->name = "*";
    s->names.push_back(a);
  } else {
    for (auto *n : KID(KID(targets, import_as_names), import_as_name)) {
      auto *a = make<Alias>(R(n));
      a->name = ident(TOK(n, NAME, 0));
      if (TOK(n, AS))
        a->asname = ident(TOK(n, NAME, 1));
      s->names.push_back(a);
    }
    if (!TOK(targets, OPEN_PAREN) && targets->getStop()->getType() == P::COMMA)
      error(R(targets->getStop()),
            "trailing comma not allowed without surrounding parentheses");
  }
  return s;
}

Stmt *Builder::exprStmt(P::Expr_stmtContext *c) {
  SourceRange r = R(c);
  auto parts = KID(c, star_or_yield);
  if (auto *ann = KID(c, annassign)) {
    auto *s = make<AnnAssign>(r);
    Expr *target = starOrYield(c->lhs);
    s->target = target;
    bool parenthesized = c->lhs->getStart()->getType() == P::OPEN_PAREN;
    if (isa<Tuple>(target) && !parenthesized)
      error(target->range, "only single target (not tuple) can be annotated");
    else if (isa<Tuple>(target))
      error(target->range, "only single target (not tuple) can be annotated");
    else if (isa<List>(target))
      error(target->range, "only single target (not list) can be annotated");
    else if (!isa<Name>(target) && !isa<Attribute>(target) &&
             !isa<Subscript>(target))
      error(target->range, std::string("illegal target for annotation"));
    else
      setContext(target, ExprContext::Store);
    s->simple = isa<Name>(target) && !parenthesized;
    s->annotation = test(KID(ann, test));
    if (auto *v = KID(ann, star_or_yield))
      s->value = starOrYield(v);
    return s;
  }
  if (auto *aug = KID(c, augassign)) {
    auto *s = make<AugAssign>(r);
    s->target = starOrYield(c->lhs);
    if (!isa<Name>(s->target) && !isa<Attribute>(s->target) &&
        !isa<Subscript>(s->target))
      error(s->target->range, std::string("'") + describe(s->target) +
                                  "' is an illegal expression for augmented "
                                  "assignment");
    else
      setContext(s->target, ExprContext::Store);
    augAssignOperator(static_cast<int>(aug->getStart()->getType()), s->op);
    s->value = starOrYield(c->rhs);
    return s;
  }
  if (parts.size() == 1) {
    auto *s = make<ExprStmt>(r);
    s->value = starOrYield(parts[0]);
    return s;
  }
  auto *s = make<Assign>(r);
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    Expr *t = starOrYield(parts[i]);
    if (isa<Yield>(t) || isa<YieldFrom>(t))
      error(t->range, "assignment to yield expression not possible");
    else
      setContext(t, ExprContext::Store);
    s->targets.push_back(t);
  }
  s->value = starOrYield(parts.back());
  return s;
}

Stmt *Builder::compoundStmt(P::Compound_stmtContext *c) {
  ParseTree *ch = c->children[0];
  SourceRange r = R(c);
  if (auto *i = asRule<P::If_stmtContext>(ch, P::RuleIf_stmt))
    return ifStmt(i);
  if (auto *w = asRule<P::While_stmtContext>(ch, P::RuleWhile_stmt)) {
    auto *s = make<While>(r);
    s->test = namedexpr(KID(w, namedexpr_test));
    block(KID(w, block), s->body);
    if (auto *e = KID(w, else_clause))
      block(KID(e, block), s->orelse);
    return s;
  }
  if (auto *f = asRule<P::For_stmtContext>(ch, P::RuleFor_stmt))
    return forStmt(f, false, r);
  if (auto *t = asRule<P::Try_stmtContext>(ch, P::RuleTry_stmt))
    return tryStmt(t);
  if (auto *w = asRule<P::With_stmtContext>(ch, P::RuleWith_stmt))
    return withStmt(w, false, r);
  if (auto *f = asRule<P::FuncdefContext>(ch, P::RuleFuncdef))
    return funcdef(f, false, r);
  if (auto *k = asRule<P::ClassdefContext>(ch, P::RuleClassdef))
    return classdef(k, r);
  if (auto *m = asRule<P::Match_stmtContext>(ch, P::RuleMatch_stmt))
    return matchStmt(m);
  if (auto *a = asRule<P::Async_stmtContext>(ch, P::RuleAsync_stmt)) {
    if (auto *f = KID(a, funcdef))
      return funcdef(f, true, r);
    if (auto *w = KID(a, with_stmt))
      return withStmt(w, true, r);
    return forStmt(KID(a, for_stmt), true, r);
  }
  if (auto *d = asRule<P::DecoratedContext>(ch, P::RuleDecorated)) {
    ExprList decos;
    for (auto *dc : KID(d, decorator))
      decos.push_back(namedexpr(KID(dc, namedexpr_test)));
    // Python's node range starts at `def`/`class`, after the decorators.
    if (auto *k = KID(d, classdef)) {
      ClassDef *cd = classdef(k, R(k));
      cd->decorator_list = std::move(decos);
      return cd;
    }
    if (auto *f = KID(d, funcdef)) {
      FunctionDef *fd = funcdef(f, false, R(f));
      fd->decorator_list = std::move(decos);
      return fd;
    }
    auto *af = KID(d, async_funcdef);
    FunctionDef *fd = funcdef(KID(af, funcdef), true, R(af));
    fd->decorator_list = std::move(decos);
    return fd;
  }
  error(r, "invalid syntax");
  return nullptr;
}

Stmt *Builder::ifStmt(P::If_stmtContext *c) {
  auto *top = make<If>(R(c));
  top->test = namedexpr(KID(c, namedexpr_test));
  block(KID(c, block), top->body);
  If *cur = top;
  for (auto *e : KID(c, elif_clause)) {
    SourceRange er = {pm_.begin(e->getStart()), pm_.end(c->getStop())};
    auto *n = make<If>(er);
    n->test = namedexpr(KID(e, namedexpr_test));
    block(KID(e, block), n->body);
    cur->orelse.push_back(n);
    cur = n;
  }
  if (auto *e = KID(c, else_clause))
    block(KID(e, block), cur->orelse);
  return top;
}

Stmt *Builder::forStmt(P::For_stmtContext *c, bool isAsync, SourceRange r) {
  auto *s = make<For>(r);
  s->isAsync = isAsync;
  s->target = exprlist(KID(c, exprlist));
  setContext(s->target, ExprContext::Store);
  s->iter = testlistStar(KID(c, testlist_star_expr));
  block(KID(c, block), s->body);
  if (auto *e = KID(c, else_clause))
    block(KID(e, block), s->orelse);
  return s;
}

Stmt *Builder::withStmt(P::With_stmtContext *c, bool isAsync, SourceRange r) {
  auto *s = make<With>(r);
  s->isAsync = isAsync;
  for (auto *wi : KID(c, with_item)) {
    auto *item = make<WithItem>(R(wi));
    item->context_expr = test(KID(wi, test));
    if (TOK(wi, AS)) {
      item->optional_vars =
          KID(wi, expr) ? expr(KID(wi, expr)) : starExpr(KID(wi, star_expr));
      setContext(item->optional_vars, ExprContext::Store);
    }
    s->items.push_back(item);
  }
  block(KID(c, block), s->body);
  return s;
}

Stmt *Builder::tryStmt(P::Try_stmtContext *c) {
  auto *s = make<Try>(R(c));
  block(KID(c, block), s->body);
  bool plain = false, star = false;
  for (auto *e : KID(c, except_clause)) {
    auto *h = make<ExceptHandler>(R(e));
    bool isStar = TOK(e, STAR) != nullptr;
    (isStar ? star : plain) = true;
    if (auto *t = KID(e, test))
      h->type = test(t);
    else if (isStar)
      error(R(TOK(e, STAR)), "expected one or more exception types");
    if (TOK(e, AS))
      h->name = ident(TOK(e, NAME));
    block(KID(e, block), h->body);
    s->handlers.push_back(h);
  }
  if (plain && star)
    error(R(c->getStart()),
          "cannot have both 'except' and 'except*' on the same 'try'");
  s->isStar = star;
  if (auto *e = KID(c, else_clause))
    block(KID(e, block), s->orelse);
  if (auto *f = KID(c, finally_clause))
    block(KID(f, block), s->finalbody);
  return s;
}

FunctionDef *Builder::funcdef(P::FuncdefContext *c, bool isAsync,
                              SourceRange r) {
  auto *f = make<FunctionDef>(r);
  f->isAsync = isAsync;
  f->name = ident(TOK(c, NAME));
  f->nameRange = R(TOK(c, NAME));
  auto *params = KID(c, parameters);
  f->args = typedArgs(KID(params, typedargslist), R(params));
  if (auto *t = KID(c, test))
    f->returns = test(t);
  block(KID(c, block), f->body);
  return f;
}

ClassDef *Builder::classdef(P::ClassdefContext *c, SourceRange r) {
  auto *k = make<ClassDef>(r);
  k->name = ident(TOK(c, NAME));
  k->nameRange = R(TOK(c, NAME));
  if (auto *a = KID(c, arglist)) {
    // Only calls take a bare generator argument.
    for (auto *arg : KID(a, argument))
      if (KID(arg, comp_for))
        error(R(arg), "invalid syntax");
    arguments(a, k->bases, k->keywords);
  }
  block(KID(c, block), k->body);
  return k;
}

// Shared by `def` and `lambda`: the LL grammar accepts any order of
// parameters, CPython's rules are applied here.
struct ParamState {
  bool slash = false, star = false, kwarg = false, defaults = false;
};

Arguments *Builder::typedArgs(P::TypedargslistContext *c, SourceRange r) {
  auto *a = make<Arguments>(r);
  if (!c)
    return a;
  ParamState st;
  for (auto *p : KID(c, tparam)) {
    SourceRange pr = R(p);
    if (st.kwarg) {
      error(pr, "arguments cannot follow var-keyword argument");
      break;
    }
    if (TOK(p, DIV)) {
      if (st.slash)
        error(pr, "/ may appear only once");
      else if (st.star)
        error(pr, "/ must be ahead of *");
      else if (a->args.empty())
        error(pr, "at least one argument must precede /");
      st.slash = true;
      a->posonlyargs.insert(a->posonlyargs.end(), a->args.begin(),
                            a->args.end());
      a->args.clear();
      continue;
    }
    if (TOK(p, POWER)) {
      auto *d = KID(p, tfpdef);
      auto *arg = make<Arg>(R(d));
      arg->arg = ident(TOK(d, NAME));
      if (auto *t = KID(d, test))
        arg->annotation = test(t);
      a->kwarg = arg;
      st.kwarg = true;
      continue;
    }
    if (TOK(p, STAR)) {
      if (st.star) {
        error(pr, "* argument may appear only once");
        continue;
      }
      st.star = true;
      if (auto *n = TOK(p, NAME)) {
        auto *arg =
            make<Arg>({pm_.begin(n->getSymbol()), pm_.end(p->getStop())});
        arg->arg = ident(n);
        if (auto *t = KID(p, test))
          arg->annotation = test(t);
        else if (auto *se = KID(p, star_expr))
          arg->annotation = starExpr(se);
        a->vararg = arg;
      } else {
        // A bare `*` needs keyword-only parameters after it.
        auto all = KID(c, tparam);
        auto it = std::find(all.begin(), all.end(), p);
        bool named = it + 1 != all.end() && (*(it + 1))->tfpdef() &&
                     !(*(it + 1))->POWER();
        if (!named)
          error(pr, "named arguments must follow bare *");
      }
      continue;
    }
    auto *d = KID(p, tfpdef);
    auto *arg = make<Arg>(R(d));
    arg->arg = ident(TOK(d, NAME));
    if (auto *t = KID(d, test))
      arg->annotation = test(t);
    Expr *def = TOK(p, ASSIGN) ? test(KID(p, test)) : nullptr;
    if (st.star) {
      a->kwonlyargs.push_back(arg);
      a->kw_defaults.push_back(def);
    } else {
      if (def) {
        a->defaults.push_back(def);
        st.defaults = true;
      } else if (st.defaults) {
        error(pr, "non-default argument follows default argument");
      }
      a->args.push_back(arg);
    }
  }
  return a;
}

Arguments *Builder::lambdaArgs(P::VarargslistContext *c, SourceRange r) {
  auto *a = make<Arguments>(r);
  if (!c)
    return a;
  ParamState st;
  auto all = KID(c, vparam);
  for (size_t i = 0; i < all.size(); ++i) {
    auto *p = all[i];
    SourceRange pr = R(p);
    if (st.kwarg) {
      error(pr, "arguments cannot follow var-keyword argument");
      break;
    }
    if (TOK(p, DIV)) {
      if (st.slash)
        error(pr, "/ may appear only once");
      else if (st.star)
        error(pr, "/ must be ahead of *");
      else if (a->args.empty())
        error(pr, "at least one argument must precede /");
      st.slash = true;
      a->posonlyargs.insert(a->posonlyargs.end(), a->args.begin(),
                            a->args.end());
      a->args.clear();
      continue;
    }
    if (TOK(p, POWER)) {
      auto *arg = make<Arg>(R(TOK(p, NAME)));
      arg->arg = ident(TOK(p, NAME));
      a->kwarg = arg;
      st.kwarg = true;
      continue;
    }
    if (TOK(p, STAR)) {
      if (st.star) {
        error(pr, "* argument may appear only once");
        continue;
      }
      st.star = true;
      if (auto *n = TOK(p, NAME)) {
        auto *arg = make<Arg>(R(n));
        arg->arg = ident(n);
        a->vararg = arg;
      } else if (i + 1 == all.size() || !all[i + 1]->NAME() ||
                 all[i + 1]->POWER() || all[i + 1]->STAR()) {
        error(pr, "named arguments must follow bare *");
      }
      continue;
    }
    auto *arg = make<Arg>(R(TOK(p, NAME)));
    arg->arg = ident(TOK(p, NAME));
    Expr *def = TOK(p, ASSIGN) ? test(KID(p, test)) : nullptr;
    if (st.star) {
      a->kwonlyargs.push_back(arg);
      a->kw_defaults.push_back(def);
    } else {
      if (def) {
        a->defaults.push_back(def);
        st.defaults = true;
      } else if (st.defaults) {
        error(pr, "non-default argument follows default argument");
      }
      a->args.push_back(arg);
    }
  }
  return a;
}

// ------------------------------------------------------------- match

Stmt *Builder::matchStmt(P::Match_stmtContext *c) {
  auto *m = make<Match>(R(c));
  auto *subj = KID(c, subject_expr);
  auto items = KID(subj, star_named);
  if (items.size() == 1 && TOK(subj, COMMA).empty()) {
    m->subject = starNamed(items[0]);
    if (isa<Starred>(m->subject))
      error(m->subject->range, "can't use starred expression here");
  } else {
    auto *t = make<Tuple>(R(subj));
    for (auto *i : items)
      t->elts.push_back(starNamed(i));
    m->subject = t;
  }
  for (auto *cb : KID(c, case_block)) {
    auto *mc = make<MatchCase>(R(cb));
    if (TOK(cb, NAME)->getText() != "case")
      error(R(TOK(cb, NAME)), "invalid syntax");
    auto *ps = KID(cb, patterns);
    auto pats = KID(ps, maybe_star_pattern);
    if (pats.size() == 1 && TOK(ps, COMMA).empty() && !TOK(pats[0], STAR)) {
      mc->pattern = maybeStar(pats[0]);
    } else {
      auto *seq = make<MatchSequence>(R(ps));
      for (auto *p : pats)
        seq->patterns.push_back(maybeStar(p));
      mc->pattern = seq;
    }
    if (auto *g = KID(cb, namedexpr_test))
      mc->guard = namedexpr(g);
    block(KID(cb, block), mc->body);
    m->cases.push_back(mc);
  }
  return m;
}

Pattern *Builder::maybeStar(P::Maybe_star_patternContext *c) {
  if (TOK(c, STAR)) {
    auto *s = make<MatchStar>(R(c));
    std::string n = ident(TOK(c, NAME));
    if (n != "_")
      s->name = n;
    return s;
  }
  return pattern(KID(c, pattern));
}

Pattern *Builder::pattern(P::PatternContext *c) {
  auto *orp = KID(c, or_pattern);
  auto closed = KID(orp, closed_pattern);
  Pattern *p;
  if (closed.size() == 1) {
    p = closedPattern(closed[0]);
  } else {
    auto *o = make<MatchOr>(R(orp));
    for (auto *cp : closed)
      o->patterns.push_back(closedPattern(cp));
    p = o;
  }
  if (TOK(c, AS)) {
    auto *as = make<MatchAs>(R(c));
    as->pattern = p;
    std::string n = ident(TOK(c, NAME));
    if (n == "_")
      error(R(TOK(c, NAME)), "cannot use '_' as a target");
    as->name = n;
    return as;
  }
  return p;
}

Expr *Builder::nameOrAttr(P::Name_or_attrContext *c) {
  auto names = TOK(c, NAME);
  auto *n = make<Name>(R(names[0]));
  n->id = ident(names[0]);
  Expr *e = n;
  for (size_t i = 1; i < names.size(); ++i) {
    auto *a = make<Attribute>({e->range.begin, pm_.end(names[i]->getSymbol())});
    a->value = e;
    a->attr = ident(names[i]);
    a->attrRange = R(names[i]);
    e = a;
  }
  return e;
}

Expr *Builder::literalExpr(P::Literal_patternContext *c) {
  if (auto *sn = KID(c, signed_number)) {
    Expr *num = number(TOK(sn, NUMBER)->getSymbol());
    if (TOK(sn, MINUS)) {
      auto *u = make<UnaryOp>(R(sn));
      u->op = UnaryOpKind::USub;
      u->operand = num;
      num = u;
    }
    if (auto *imag = TOK(c, NUMBER)) {
      Expr *rhs = number(imag->getSymbol());
      auto *cst = dyn_cast<Constant>(rhs);
      if (!cst || cst->valueKind != Constant::ValueKind::Complex)
        error(rhs->range, "imaginary number required in complex literal");
      auto *b = make<BinOp>(R(c));
      b->left = num;
      b->op = TOK(c, ADD) ? OperatorKind::Add : OperatorKind::Sub;
      b->right = rhs;
      return b;
    }
    return num;
  }
  auto strs = TOK(c, STRING);
  if (!strs.empty()) {
    Expr *e = strings(strs, R(c));
    if (isa<JoinedStr>(e))
      error(e->range, "patterns may only match literals and attribute lookups");
    return e;
  }
  auto *k = make<Constant>(R(c));
  k->valueKind = TOK(c, NONE)   ? Constant::ValueKind::None
                 : TOK(c, TRUE) ? Constant::ValueKind::True
                                : Constant::ValueKind::False;
  return k;
}

Pattern *Builder::closedPattern(P::Closed_patternContext *c) {
  SourceRange r = R(c);
  if (auto *lit = KID(c, literal_pattern)) {
    if (TOK(lit, NONE) || TOK(lit, TRUE) || TOK(lit, FALSE)) {
      auto *s = make<MatchSingleton>(r);
      s->value = TOK(lit, NONE)   ? Constant::ValueKind::None
                 : TOK(lit, TRUE) ? Constant::ValueKind::True
                                  : Constant::ValueKind::False;
      return s;
    }
    auto *v = make<MatchValue>(r);
    v->value = literalExpr(lit);
    return v;
  }
  if (auto *na = KID(c, name_or_attr)) {
    if (!TOK(c, OPEN_PAREN)) {
      if (TOK(na, NAME).size() == 1) {
        auto *as = make<MatchAs>(r);
        std::string n = ident(na);
        if (n != "_")
          as->name = n;
        return as;
      }
      auto *v = make<MatchValue>(r);
      v->value = nameOrAttr(na);
      return v;
    }
    auto *k = make<MatchClass>(r);
    k->cls = nameOrAttr(na);
    if (auto *args = KID(c, class_args)) {
      for (auto *a : KID(args, class_arg)) {
        if (TOK(a, ASSIGN)) {
          k->kwd_attrs.push_back(ident(TOK(a, NAME)));
          k->kwd_patterns.push_back(pattern(KID(a, pattern)));
        } else {
          if (!k->kwd_attrs.empty())
            error(R(a), "positional patterns follow keyword patterns");
          k->patterns.push_back(pattern(KID(a, pattern)));
        }
      }
    }
    return k;
  }
  if (TOK(c, OPEN_BRACE)) {
    auto *m = make<MatchMapping>(r);
    auto items = KID(c, mapping_item);
    for (size_t i = 0; i < items.size(); ++i) {
      auto *it = items[i];
      if (TOK(it, POWER)) {
        if (i + 1 != items.size())
          error(R(it), "invalid syntax");
        m->rest = ident(TOK(it, NAME));
        continue;
      }
      if (auto *lit = KID(it, literal_pattern)) {
        if (TOK(lit, NONE) || TOK(lit, TRUE) || TOK(lit, FALSE)) {
          auto *k = make<Constant>(R(lit));
          k->valueKind = TOK(lit, NONE)   ? Constant::ValueKind::None
                         : TOK(lit, TRUE) ? Constant::ValueKind::True
                                          : Constant::ValueKind::False;
          m->keys.push_back(k);
        } else {
          m->keys.push_back(literalExpr(lit));
        }
      } else {
        auto *na2 = KID(it, name_or_attr);
        if (TOK(na2, NAME).size() < 2)
          error(R(na2), "invalid syntax");
        m->keys.push_back(nameOrAttr(na2));
      }
      m->patterns.push_back(pattern(KID(it, pattern)));
    }
    return m;
  }
  // ( ... ) or [ ... ]
  auto items = KID(c, maybe_star_pattern);
  bool paren = TOK(c, OPEN_PAREN) != nullptr;
  if (paren && items.size() == 1 && TOK(c, COMMA).empty() &&
      !TOK(items[0], STAR))
    return maybeStar(items[0]); // a group, not a sequence
  auto *s = make<MatchSequence>(r);
  for (auto *i : items)
    s->patterns.push_back(maybeStar(i));
  return s;
}

// ------------------------------------------------------------- expressions

Expr *Builder::starOrYield(P::Star_or_yieldContext *c) {
  if (auto *y = KID(c, yield_expr))
    return yieldExpr(y);
  return testlistStar(KID(c, testlist_star_expr));
}

Expr *Builder::testlistStar(P::Testlist_star_exprContext *c) {
  size_t n = c->children.size();
  auto elem = [&](size_t i) -> Expr * {
    ParserRuleContext *ch = ruleAt(c, i);
    if (ch->getRuleIndex() == P::RuleTest)
      return test(static_cast<P::TestContext *>(ch));
    // A lone `*a` is accepted by CPython's parser (its compiler rejects it).
    return starExpr(static_cast<P::Star_exprContext *>(ch));
  };
  if (n == 1)
    return elem(0);
  auto *t = make<Tuple>(R(c));
  for (size_t i = 0; i < n; i += 2) // elements at even indices, commas odd
    t->elts.push_back(elem(i));
  return t;
}

Expr *Builder::testlist(P::TestlistContext *c) {
  auto tests = KID(c, test);
  if (tests.size() == 1 && TOK(c, COMMA).empty())
    return test(tests[0]);
  auto *t = make<Tuple>(R(c));
  for (auto *te : tests)
    t->elts.push_back(test(te));
  return t;
}

Expr *Builder::exprlist(P::ExprlistContext *c) {
  if (c->children.size() == 1) {
    ParseTree *ch = c->children[0];
    if (auto *e = asRule<P::ExprContext>(ch, P::RuleExpr))
      return expr(e);
    return starExpr(static_cast<P::Star_exprContext *>(ch));
  }
  auto *t = make<Tuple>(R(c));
  for (ParseTree *ch : c->children) {
    if (auto *e = asRule<P::ExprContext>(ch, P::RuleExpr))
      t->elts.push_back(expr(e));
    else if (auto *se = asRule<P::Star_exprContext>(ch, P::RuleStar_expr))
      t->elts.push_back(starExpr(se));
  }
  return t;
}

Expr *Builder::namedexpr(P::Namedexpr_testContext *c) {
  if (c->children.size() == 1)
    return test(static_cast<P::TestContext *>(ruleAt(c, 0)));
  auto *n = make<NamedExpr>(R(c));
  n->target = test(KID(c, test, 0));
  n->value = test(KID(c, test, 1));
  if (auto *nm = dyn_cast<Name>(n->target))
    nm->ctx = ExprContext::Store;
  else
    error(n->target->range,
          std::string("cannot use assignment expressions with ") +
              describe(n->target));
  return n;
}

Expr *Builder::starNamed(P::Star_namedContext *c) {
  ParserRuleContext *ch = ruleAt(c, 0);
  if (ch->getRuleIndex() == P::RuleNamedexpr_test)
    return namedexpr(static_cast<P::Namedexpr_testContext *>(ch));
  return starExpr(static_cast<P::Star_exprContext *>(ch));
}

Expr *Builder::test(P::TestContext *c) {
  if (c->children.size() == 1) {
    ParserRuleContext *ch = ruleAt(c, 0);
    if (ch->getRuleIndex() == P::RuleLambdef)
      return lambdef(static_cast<P::LambdefContext *>(ch));
    return orTest(static_cast<P::Or_testContext *>(ch));
  }
  auto ors = KID(c, or_test);
  auto *e = make<IfExp>(R(c));
  e->body = orTest(ors[0]);
  e->test = orTest(ors[1]);
  e->orelse = test(KID(c, test));
  return e;
}

Expr *Builder::lambdef(P::LambdefContext *c) {
  auto *l = make<Lambda>(R(c));
  auto *va = KID(c, varargslist);
  l->args = lambdaArgs(va, va ? R(va) : R(c));
  l->body = test(KID(c, test));
  return l;
}

// or_test is left-recursive: `NOT x` (2 children), `x AND y` / `x OR y`
// (3 children, or_test first) or a comparison chain `e (comp_op e)*`.
Expr *Builder::orTest(P::Or_testContext *c) {
  size_t n = c->children.size();
  if (n == 2) {
    // `not not ... x`, iteratively.
    llvm::SmallVector<P::Or_testContext *, 4> nots;
    while (c->children.size() == 2) {
      nots.push_back(c);
      c = static_cast<P::Or_testContext *>(ruleAt(c, 1));
    }
    Expr *e = orTest(c);
    for (size_t i = nots.size(); i-- > 0;) {
      auto *u = make<UnaryOp>(R(nots[i]));
      u->op = UnaryOpKind::Not;
      u->operand = e;
      e = u;
    }
    return e;
  }
  ParserRuleContext *first = ruleAt(c, 0);
  if (first->getRuleIndex() == P::RuleExpr)
    return comparison(c);
  // `a or b or c` is one BoolOp: collect the operands down the left spine
  // (iteratively: long chains would otherwise recurse once per operand).
  size_t op = termAt(c, 1);
  auto *b = make<BoolOp>(R(c));
  b->op = op == P::OR ? BoolOpKind::Or : BoolOpKind::And;
  llvm::SmallVector<P::Or_testContext *, 8> rights;
  P::Or_testContext *x = c;
  while (x->children.size() == 3 &&
         ruleAt(x, 0)->getRuleIndex() == P::RuleOr_test && termAt(x, 1) == op) {
    rights.push_back(static_cast<P::Or_testContext *>(ruleAt(x, 2)));
    x = static_cast<P::Or_testContext *>(ruleAt(x, 0));
  }
  b->values.push_back(orTest(x));
  for (size_t i = rights.size(); i-- > 0;)
    b->values.push_back(orTest(rights[i]));
  return b;
}

// The comparison alternative of or_test: expr (comp_op expr)*.
Expr *Builder::comparison(P::Or_testContext *c) {
  size_t n = c->children.size();
  if (n == 1)
    return expr(static_cast<P::ExprContext *>(ruleAt(c, 0)));
  auto *cmp = make<Compare>(R(c));
  cmp->left = expr(static_cast<P::ExprContext *>(ruleAt(c, 0)));
  for (size_t i = 1; i + 1 < n; i += 2) {
    ParserRuleContext *op = ruleAt(c, i);
    size_t t0 = op->getStart()->getType();
    size_t t1 = op->children.size() > 1 ? termAt(op, 1) : 0;
    CmpOpKind k = CmpOpKind::Eq;
    comparisonOperator(static_cast<int>(t0), static_cast<int>(t1), k);
    cmp->ops.push_back(k);
    cmp->comparators.push_back(
        expr(static_cast<P::ExprContext *>(ruleAt(c, i + 1))));
  }
  return cmp;
}

Expr *Builder::starExpr(P::Star_exprContext *c) {
  auto *s = make<Starred>(R(c));
  s->value = expr(KID(c, expr));
  return s;
}

// expr is left-recursive; its alternatives differ in shape: an atom (1
// child), a prefix operator or `await` (2 children), and a binary operator
// or trailer (3+ children, an expr first and a terminal at index 1).
// Left-associative chains (`a + b + c`, `a.b(c)[d]`) nest to the left, so walk
// that spine iteratively and build bottom-up.
Expr *Builder::expr(P::ExprContext *c) {
  // Prefix operators (`-`, `~`, `+`, `await`) nest to the right: unwrap
  // them iteratively too (`------x` is thousands deep in the fuzz corpus).
  llvm::SmallVector<P::ExprContext *, 4> prefixes;
  while (c->children.size() == 2) {
    prefixes.push_back(c);
    c = static_cast<P::ExprContext *>(ruleAt(c, 1));
  }
  Expr *e = c->children.size() == 1
                ? atom(static_cast<P::AtomContext *>(ruleAt(c, 0)))
                : binaryOrTrailer(c);
  for (size_t i = prefixes.size(); i-- > 0;) {
    P::ExprContext *p = prefixes[i];
    size_t t = termAt(p, 0);
    if (t == P::AWAIT) {
      // CPython's `await` takes a primary: `await -x`, `await await x`.
      if (ruleAt(p, 1)->children.size() == 2)
        error(e->range, "invalid syntax");
      auto *a = make<Await>(R(p));
      a->value = e;
      e = a;
    } else {
      auto *u = make<UnaryOp>(R(p));
      u->op = t == P::ADD     ? UnaryOpKind::UAdd
              : t == P::MINUS ? UnaryOpKind::USub
                              : UnaryOpKind::Invert;
      u->operand = e;
      e = u;
    }
  }
  return e;
}

// A binary operator or trailer context (3+ children).
Expr *Builder::binaryOrTrailer(P::ExprContext *c) {
  llvm::SmallVector<P::ExprContext *, 8> spine;
  while (c->children.size() >= 3) {
    spine.push_back(c);
    c = static_cast<P::ExprContext *>(ruleAt(c, 0));
  }
  // The leftmost operand: an atom or a prefix chain.
  Expr *e = expr(c);
  for (size_t i = spine.size(); i-- > 0;) {
    P::ExprContext *x = spine[i];
    size_t t = termAt(x, 1);
    if (t == P::DOT) {
      auto *a = make<Attribute>({e->range.begin, pm_.end(x->getStop())});
      auto *name = static_cast<TerminalNode *>(x->children[2]);
      a->value = e;
      a->attr = ident(name);
      a->attrRange = R(name);
      e = a;
    } else if (t == P::OPEN_PAREN) {
      auto *call = make<Call>({e->range.begin, pm_.end(x->getStop())});
      call->func = e;
      if (x->children.size() == 4)
        arguments(static_cast<P::ArglistContext *>(ruleAt(x, 2)), call->args,
                  call->keywords);
      e = call;
    } else if (t == P::OPEN_BRACK) {
      auto *s = make<Subscript>({e->range.begin, pm_.end(x->getStop())});
      s->value = e;
      s->slice =
          subscriptList(static_cast<P::SubscriptlistContext *>(ruleAt(x, 2)));
      e = s;
    } else if (t == P::POWER) {
      // `a ** b ** c` nests to the right: walk that spine iteratively too.
      llvm::SmallVector<P::ExprContext *, 4> pw;
      P::ExprContext *r = static_cast<P::ExprContext *>(ruleAt(x, 2));
      while (r->children.size() == 3 && termAt(r, 1) == P::POWER) {
        pw.push_back(r);
        r = static_cast<P::ExprContext *>(ruleAt(r, 2));
      }
      Expr *right = expr(r);
      for (size_t k = pw.size(); k-- > 0;) {
        auto *b = make<BinOp>(R(pw[k]));
        b->left = expr(static_cast<P::ExprContext *>(ruleAt(pw[k], 0)));
        b->op = OperatorKind::Pow;
        b->right = right;
        right = b;
      }
      auto *b = make<BinOp>(R(x));
      b->left = e;
      b->op = OperatorKind::Pow;
      b->right = right;
      e = b;
    } else {
      Expr *right = expr(static_cast<P::ExprContext *>(ruleAt(x, 2)));
      auto *b = make<BinOp>(span(e->range, right->range));
      b->left = e;
      b->right = right;
      int prec;
      binaryOperator(static_cast<int>(t), b->op, prec);
      e = b;
    }
  }
  return e;
}

Expr *Builder::subscriptList(P::SubscriptlistContext *c) {
  auto subs = KID(c, subscript);
  if (subs.size() == 1 && TOK(c, COMMA).empty()) {
    Expr *e = subscript(subs[0]);
    if (isa<Starred>(e)) {
      // a[*b] is a[(*b,)]
      auto *t = make<Tuple>(R(c));
      t->elts.push_back(e);
      return t;
    }
    return e;
  }
  auto *t = make<Tuple>(R(c));
  for (auto *s : subs)
    t->elts.push_back(subscript(s));
  return t;
}

Expr *Builder::subscript(P::SubscriptContext *c) {
  if (auto *s = KID(c, star_expr))
    return starExpr(s);
  if (!TOK(c, COLON))
    return namedexpr(KID(c, namedexpr_test));
  auto *sl = make<Slice>(R(c));
  if (auto *n = KID(c, namedexpr_test)) {
    sl->lower = namedexpr(n);
    if (isa<NamedExpr>(sl->lower))
      error(sl->lower->range, "invalid syntax");
  }
  if (auto *t = KID(c, test))
    sl->upper = test(t);
  if (auto *so = KID(c, sliceop))
    if (auto *t = KID(so, test))
      sl->step = test(t);
  return sl;
}

Expr *Builder::yieldExpr(P::Yield_exprContext *c) {
  if (TOK(c, FROM)) {
    auto *y = make<YieldFrom>(R(c));
    y->value = test(KID(c, test));
    return y;
  }
  auto *y = make<Yield>(R(c));
  if (auto *t = KID(c, testlist_star_expr))
    y->value = testlistStar(t);
  return y;
}

Expr *Builder::atom(P::AtomContext *c) {
  SourceRange r = R(c);
  Token *first = c->getStart();
  switch (first->getType()) {
  case P::NAME: {
    auto *n = make<Name>(r);
    n->id = ident(first);
    return n;
  }
  case P::NUMBER:
    return number(first);
  case P::STRING:
    return strings(TOK(c, STRING), r);
  case P::ELLIPSIS:
  case P::NONE:
  case P::TRUE:
  case P::FALSE: {
    auto *k = make<Constant>(r);
    size_t t = first->getType();
    k->valueKind = t == P::ELLIPSIS ? Constant::ValueKind::Ellipsis
                   : t == P::NONE   ? Constant::ValueKind::None
                   : t == P::TRUE   ? Constant::ValueKind::True
                                    : Constant::ValueKind::False;
    return k;
  }
  case P::OPEN_PAREN: {
    if (auto *y = KID(c, yield_expr))
      return yieldExpr(y);
    auto *tc = KID(c, testlist_comp);
    if (!tc)
      return make<Tuple>(r);
    auto items = KID(tc, star_named);
    if (auto *cf = KID(tc, comp_for)) {
      auto *g = make<GeneratorExp>(r);
      g->elt = starNamed(items[0]);
      if (isa<Starred>(g->elt))
        error(g->elt->range,
              "iterable unpacking cannot be used in comprehension");
      comprehension(cf, g->generators);
      return g;
    }
    if (items.size() == 1 && TOK(tc, COMMA).empty()) {
      Expr *e = starNamed(items[0]);
      if (isa<Starred>(e))
        error(e->range, "cannot use starred expression here");
      return e; // parentheses only group
    }
    auto *t = make<Tuple>(r);
    for (auto *i : items)
      t->elts.push_back(starNamed(i));
    return t;
  }
  case P::OPEN_BRACK: {
    auto *tc = KID(c, testlist_comp);
    if (!tc)
      return make<List>(r);
    auto items = KID(tc, star_named);
    if (auto *cf = KID(tc, comp_for)) {
      auto *l = make<ListComp>(r);
      l->elt = starNamed(items[0]);
      if (isa<Starred>(l->elt))
        error(l->elt->range,
              "iterable unpacking cannot be used in comprehension");
      comprehension(cf, l->generators);
      return l;
    }
    auto *l = make<List>(r);
    for (auto *i : items)
      l->elts.push_back(starNamed(i));
    return l;
  }
  case P::OPEN_BRACE:
    if (auto *d = KID(c, dictorsetmaker))
      return dictOrSet(d, r);
    return make<Dict>(r);
  }
  error(r, "invalid syntax");
  return make<Constant>(r);
}

Expr *Builder::dictOrSet(P::DictorsetmakerContext *c, SourceRange r) {
  auto items = KID(c, dict_item);
  if (!items.empty()) {
    auto item = [&](P::Dict_itemContext *i, Expr *&k, Expr *&v) {
      if (TOK(i, POWER)) {
        k = nullptr;
        v = expr(KID(i, expr));
      } else {
        k = test(KID(i, test, 0));
        v = test(KID(i, test, 1));
      }
    };
    if (auto *cf = KID(c, comp_for)) {
      auto *d = make<DictComp>(r);
      if (TOK(items[0], POWER))
        error(R(items[0]),
              "dict unpacking cannot be used in dict comprehension");
      else
        item(items[0], d->key, d->value);
      comprehension(cf, d->generators);
      return d;
    }
    auto *d = make<Dict>(r);
    for (auto *i : items) {
      Expr *k, *v;
      item(i, k, v);
      d->keys.push_back(k);
      d->values.push_back(v);
    }
    return d;
  }
  auto elems = KID(c, star_named);
  if (auto *cf = KID(c, comp_for)) {
    auto *s = make<SetComp>(r);
    s->elt = starNamed(elems[0]);
    if (isa<Starred>(s->elt))
      error(s->elt->range,
            "iterable unpacking cannot be used in comprehension");
    comprehension(cf, s->generators);
    return s;
  }
  auto *s = make<Set>(r);
  for (auto *e : elems)
    s->elts.push_back(starNamed(e));
  return s;
}

void Builder::comprehension(P::Comp_forContext *c,
                            std::vector<Comprehension *> &out) {
  while (c) {
    auto *g = make<Comprehension>(R(c));
    g->is_async = TOK(c, ASYNC) != nullptr;
    g->target = exprlist(KID(c, exprlist));
    setContext(g->target, ExprContext::Store);
    g->iter = orTest(KID(c, or_test));
    for (auto *i : KID(c, comp_if))
      g->ifs.push_back(orTest(KID(KID(i, or_test_nocond), or_test)));
    out.push_back(g);
    c = KID(c, comp_for);
  }
}

void Builder::arguments(P::ArglistContext *c, ExprList &args,
                        std::vector<Keyword *> &kws) {
  auto all = KID(c, argument);
  bool sawKw = false, sawKwUnpack = false;
  for (auto *a : all) {
    SourceRange r = R(a);
    if (TOK(a, POWER)) {
      auto *k = make<Keyword>(r);
      k->value = test(KID(a, test, 0));
      kws.push_back(k);
      sawKwUnpack = true;
      continue;
    }
    if (TOK(a, STAR)) {
      if (sawKwUnpack)
        error(r, "iterable argument unpacking follows keyword argument "
                 "unpacking");
      auto *s = make<Starred>(r);
      s->value = test(KID(a, test, 0));
      args.push_back(s);
      continue;
    }
    if (TOK(a, ASSIGN)) {
      Expr *name = test(KID(a, test, 0));
      auto *k = make<Keyword>(r);
      if (auto *n = dyn_cast<Name>(name)) {
        k->arg = n->id;
        k->hasArg = true;
      } else {
        error(name->range,
              "expression cannot contain assignment, perhaps you meant "
              "\"==\"?");
      }
      k->value = test(KID(a, test, 1));
      kws.push_back(k);
      sawKw = true;
      continue;
    }
    Expr *e;
    if (auto *cf = KID(a, comp_for)) {
      // f(x for x in y): the generator takes the call's parentheses.
      auto *g = make<GeneratorExp>(
          all.size() == 1 ? R(dynamic_cast<ParserRuleContext *>(c->parent))
                          : r);
      g->elt = test(KID(a, test, 0));
      comprehension(cf, g->generators);
      if (all.size() > 1 || !TOK(c, COMMA).empty())
        error(r, "Generator expression must be parenthesized");
      e = g;
    } else if (TOK(a, WALRUS)) {
      auto *n = make<NamedExpr>(r);
      n->target = test(KID(a, test, 0));
      n->value = test(KID(a, test, 1));
      if (auto *nm = dyn_cast<Name>(n->target))
        nm->ctx = ExprContext::Store;
      else
        error(n->target->range,
              std::string("cannot use assignment expressions with ") +
                  describe(n->target));
      e = n;
    } else {
      e = test(KID(a, test, 0));
    }
    if (sawKwUnpack)
      error(r, "positional argument follows keyword argument unpacking");
    else if (sawKw)
      error(r, "positional argument follows keyword argument");
    args.push_back(e);
  }
}

// ------------------------------------------------------------- targets

const char *Builder::describe(const Expr *e) {
  using K = Node::Kind;
  switch (e->kind()) {
  case K::Attribute:
    return "attribute";
  case K::Subscript:
    return "subscript";
  case K::Starred:
    return "starred";
  case K::Name:
    return "name";
  case K::List:
    return "list";
  case K::Tuple:
    return "tuple";
  case K::Lambda:
    return "lambda";
  case K::Call:
    return "function call";
  case K::BoolOp:
  case K::BinOp:
  case K::UnaryOp:
    return "expression";
  case K::GeneratorExp:
    return "generator expression";
  case K::Yield:
  case K::YieldFrom:
    return "yield expression";
  case K::Await:
    return "await expression";
  case K::ListComp:
    return "list comprehension";
  case K::SetComp:
    return "set comprehension";
  case K::DictComp:
    return "dict comprehension";
  case K::Dict:
    return "dict literal";
  case K::Set:
    return "set display";
  case K::JoinedStr:
  case K::FormattedValue:
    return "f-string expression";
  case K::Constant: {
    auto *c = llvm::cast<Constant>(e);
    switch (c->valueKind) {
    case Constant::ValueKind::None:
      return "None";
    case Constant::ValueKind::True:
      return "True";
    case Constant::ValueKind::False:
      return "False";
    case Constant::ValueKind::Ellipsis:
      return "ellipsis";
    default:
      return "literal";
    }
  }
  case K::Compare:
    return "comparison";
  case K::IfExp:
    return "conditional expression";
  case K::NamedExpr:
    return "named expression";
  default:
    return "expression";
  }
}

void Builder::setContext(Expr *e, ExprContext ctx) {
  const char *verb = ctx == ExprContext::Del ? "delete" : "assign to";
  applyContext(e, ctx, [&](Expr *bad) {
    error(bad->range, isa<Starred>(bad) ? std::string("cannot delete starred")
                                        : std::string("cannot ") + verb + " " +
                                              describe(bad));
  });
}

// ------------------------------------------------------------- literals

Expr *Builder::fstringInput(P::Fstring_inputContext *c) {
  if (auto *y = KID(c, yield_expr))
    return yieldExpr(y);
  return testlistStar(KID(c, testlist_star_expr));
}

// ------------------------------------------------------------- literals

Expr *Builder::number(Token *t) { return makeNumber(ctx_, R(t), t->getText()); }

Expr *Builder::strings(const std::vector<TerminalNode *> &toks, SourceRange r) {
  std::vector<std::string> texts;
  texts.reserve(toks.size());
  std::vector<StringPiece> pieces;
  for (auto *t : toks) {
    texts.push_back(t->getText());
    pieces.push_back({texts.back(), t->getSymbol()->getStartIndex(), R(t)});
  }
  auto field = [&](std::string_view text, SourceLoc base, int depth) {
    return session_.parseFieldExpr(text, base, depth);
  };
  return buildStrings(ctx_, pm_, pieces, r, errs_, field);
}

// ------------------------------------------------------------- parsing

struct Parsed {
  std::unique_ptr<frontend::Utf8CharStream> input;
  std::unique_ptr<frontend::Tokenizer> lexer; // tokens die before it
  std::unique_ptr<antlr4::CommonTokenStream> tokens;
  std::unique_ptr<GuardedParser> parser;
};

// Runs `rule` with SLL and bail-out first; only if that fails, again with
// full LL and error reporting (the slow path is taken only for files with
// errors or the rare SLL conflicts).
template <class Ctx, class Rule>
Ctx *twoStage(Parsed &p, Rule rule, ErrorCollector &collector, bool &tooDeep) {
  // Made only when needed: files the fast parser takes never need it.
  if (!p.parser)
    p.parser = std::make_unique<GuardedParser>(p.tokens.get());
  auto *interp = p.parser->getInterpreter<antlr4::atn::ParserATNSimulator>();
  interp->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  p.parser->removeErrorListeners();
  p.parser->setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return ((*p.parser).*rule)();
  } catch (antlr4::ParseCancellationException &) {
  } catch (GuardedParser::TooDeep &) {
    tooDeep = true;
    return nullptr;
  }
  p.tokens->seek(0);
  p.parser->reset();
  interp->setPredictionMode(antlr4::atn::PredictionMode::LL);
  p.parser->setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  p.parser->addErrorListener(&collector);
  try {
    return ((*p.parser).*rule)();
  } catch (GuardedParser::TooDeep &) {
    tooDeep = true;
  } catch (antlr4::RecognitionException &) {
  } catch (antlr4::ParseCancellationException &) {
  }
  return nullptr;
}

void setupParse(Parsed &p, std::string_view text, bool fstring) {
  p.input = std::make_unique<frontend::Utf8CharStream>(text);
  p.lexer = std::make_unique<frontend::Tokenizer>(p.input.get());
  if (fstring)
    p.lexer->startInsideBrackets();
  p.tokens =
      std::make_unique<frontend::TokenBuffer>(p.lexer.get(), text.size());
}

// Lexer errors first-come; parser errors only before the first lexer error
// (after it the token stream was cut short).
void mergeLexErrors(Parsed &p, const PosMap &pm, std::vector<SyntaxErr> &errs,
                    size_t firstNew, const std::string &prefix) {
  auto &lex = p.lexer->errors();
  if (lex.empty())
    return;
  // An unclosed bracket is noticed at EOF: a parse error before that is
  // the better report (as in CPython, whose tokenizer is lazy).
  bool eofErr = lex.front().atEOF;
  SourceLoc at = pm.at(eofErr ? p.input->size() : lex.front().index);
  std::vector<SyntaxErr> kept(errs.begin(), errs.begin() + firstNew);
  for (size_t i = firstNew; i < errs.size(); ++i) {
    SourceLoc b = errs[i].range.begin;
    if (b.line < at.line || (b.line == at.line && b.col < at.col))
      kept.push_back(errs[i]);
  }
  if (eofErr) {
    // Errors inside the unclosed bracket: the first is the real one, the
    // rest are consequences of the whole tail being one logical line.
    SourceLoc open = pm.at(lex.front().index);
    auto before = [&](SourceLoc a, SourceLoc b) {
      return a.line < b.line || (a.line == b.line && a.col < b.col);
    };
    std::vector<SyntaxErr> trimmed(kept.begin(), kept.begin() + firstNew);
    bool inside = false;
    for (size_t i = firstNew; i < kept.size(); ++i) {
      if (before(kept[i].range.begin, open)) {
        trimmed.push_back(kept[i]);
      } else if (!inside) {
        trimmed.push_back(kept[i]);
        inside = true;
      }
    }
    if (inside) {
      errs = std::move(trimmed);
      return;
    }
    kept = std::move(trimmed);
  }
  for (const auto &e : lex) {
    SourceLoc b = pm.at(e.index);
    SourceLoc en =
        e.endIndex > e.index ? pm.at(e.endIndex) : SourceLoc{b.line, b.col + 1};
    if (en.line != b.line)
      en = {b.line, b.col + 1};
    kept.push_back({{b, en}, prefix + e.message});
  }
  errs = std::move(kept);
}

Expr *ParseSession::parseFieldExpr(std::string_view text, SourceLoc base,
                                   int depth) {
  Parsed p;
  setupParse(p, text, /*fstring=*/true);
  PosMap pm(text, base);
  size_t before = errs.size();
  ErrorCollector collector(pm, errs, "f-string: ");
  bool deep = false;
  auto *tree =
      twoStage<P::Fstring_inputContext>(p, &P::fstring_input, collector, deep);
  mergeLexErrors(p, pm, errs, before, "f-string: ");
  if (deep) {
    errs.push_back({{base, base}, "too many nested parentheses"});
    return nullptr;
  }
  // A field whose error was suppressed as a cascade of an earlier error
  // in the file still failed: its recovered tree must not be built (it can
  // hold contexts the Builder cannot walk).
  if (!tree || errs.size() > before || collector.sawError()) {
    if (errs.size() == before && !collector.sawError())
      errs.push_back({{base, base}, "f-string: invalid syntax"});
    return nullptr;
  }
  Builder b(ctx, pm, errs, *this, depth);
  b.setTokens(p.tokens.get());
  Expr *e = b.fstringInput(tree);
  return errs.size() > before ? nullptr : e;
}

// PEP 263: a `coding` cookie on line 1 or 2 names the source encoding.
// Returns the normalized name, or "" without a cookie.
std::string codingCookie(std::string_view src) {
  size_t pos = 0;
  for (int line = 0; line < 2 && pos <= src.size(); ++line) {
    size_t end = src.find('\n', pos);
    std::string_view l =
        src.substr(pos, end == std::string_view::npos ? std::string_view::npos
                                                      : end - pos);
    size_t i = l.find_first_not_of(" \t\f");
    if (i == std::string_view::npos || l[i] != '#') {
      if (i != std::string_view::npos && l[i] != '\r')
        return ""; // code on line 1: no cookie on line 2
    } else {
      size_t c = l.find("coding", i);
      if (c != std::string_view::npos && c + 6 < l.size() &&
          (l[c + 6] == ':' || l[c + 6] == '=')) {
        size_t j = c + 7;
        while (j < l.size() && (l[j] == ' ' || l[j] == '\t'))
          ++j;
        size_t k = j;
        while (k < l.size() &&
               (std::isalnum(static_cast<unsigned char>(l[k])) || l[k] == '-' ||
                l[k] == '_' || l[k] == '.'))
          ++k;
        std::string name(l.substr(j, k - j));
        // CPython's get_normal_name().
        std::string low;
        for (char ch : name.substr(0, 12))
          low += ch == '_' ? '-' : static_cast<char>(std::tolower(ch));
        if (low == "utf-8" || low.rfind("utf-8-", 0) == 0)
          return "utf-8";
        for (const char *l1 : {"latin-1", "iso-8859-1", "iso-latin-1"})
          if (low == l1 || low.rfind(std::string(l1) + "-", 0) == 0)
            return "iso-8859-1";
        return name;
      }
    }
    if (end == std::string_view::npos)
      break;
    pos = end + 1;
  }
  return "";
}

// Converts `src` from `encoding` to UTF-8 with ICU; false if the encoding is
// unknown or the bytes are invalid in it.
bool toUTF8(std::string_view src, const std::string &encoding,
            std::string &out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter *conv = ucnv_open(encoding.c_str(), &status);
  if (U_FAILURE(status))
    return false;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  icu::UnicodeString u(src.data(), static_cast<int32_t>(src.size()), conv,
                       status);
  ucnv_close(conv);
  if (U_FAILURE(status))
    return false;
  out.clear();
  u.toUTF8String(out);
  return true;
}

// llvm::isLegalUTF8String with ASCII skipped eight bytes at a time (it was
// ~9% of a parse of the stdlib): advances `b` to the first bad sequence.
bool legalUTF8Prefix(const llvm::UTF8 *&b, const llvm::UTF8 *e) {
  while (b < e) {
    uint64_t w;
    if (e - b >= 8 && (std::memcpy(&w, b, 8), !(w & 0x8080808080808080ull))) {
      b += 8;
      continue;
    }
    if (*b < 0x80) {
      ++b;
      continue;
    }
    unsigned n = llvm::getNumBytesForUTF8(*b);
    if (n > static_cast<size_t>(e - b) || !llvm::isLegalUTF8Sequence(b, b + n))
      return false;
    b += n;
  }
  return true;
}

} // namespace

FrontendTimes &frontendTimes() {
  static FrontendTimes times;
  return times;
}

uint64_t threadCPUTimeNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u +
         static_cast<uint64_t>(ts.tv_nsec);
}

ParseResult parseFile(SourceManager &sm, unsigned fileId,
                      DiagnosticEngine &diags) {
  std::vector<Diagnostic> errors;
  ParseResult result = parseFile(sm, fileId, errors);
  for (const Diagnostic &d : errors)
    diags.report(fileId, d);
  return result;
}

ParseResult parseFile(const SourceManager &sm, unsigned fileId,
                      std::vector<Diagnostic> &errors) {
  return parseFile(sm, fileId, errors, ParserChoice::Default);
}

ParseResult parseFile(const SourceManager &sm, unsigned fileId,
                      std::vector<Diagnostic> &errors, ParserChoice choice) {
  ParseResult result;
  result.context = std::make_unique<ASTContext>();
  std::string_view text = sm.text(fileId);
  // CPython skips a UTF-8 BOM: columns on line 1 do not count it.
  size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::string_view src = text.substr(bom);

  std::vector<SyntaxErr> errs;
  std::string decoded;
  std::string enc = codingCookie(src);
  if (bom && !enc.empty() && enc != "utf-8") {
    errs.push_back(
        {{{1, 0}, {1, 1}}, "encoding problem: " + enc + " with BOM"});
  } else if (!enc.empty() && enc != "utf-8") {
    // Positions are those of the decoded text, as in CPython's ast.
    if (toUTF8(src, enc, decoded))
      src = decoded;
    else
      errs.push_back({{{1, 0}, {1, 1}}, "unknown encoding: " + enc});
  }
  // ANTLR needs valid UTF-8; CPython rejects anything else too.
  if (errs.empty()) {
    const llvm::UTF8 *b = reinterpret_cast<const llvm::UTF8 *>(src.data());
    if (!legalUTF8Prefix(b, b + src.size())) {
      size_t ofs = reinterpret_cast<const char *>(b) - src.data();
      uint32_t line = 1, col = 0;
      for (size_t i = 0; i < ofs; ++i) {
        if (src[i] == '\n') {
          ++line;
          col = 0;
        } else {
          ++col;
        }
      }
      char buf[64];
      snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02x in source",
               static_cast<unsigned char>(src[ofs]));
      errs.push_back({{{line, col}, {line, col + 1}}, buf});
    }
  }
  if (errs.empty()) {
    FrontendTimes &times = frontendTimes();
    bool timed = times.enabled.load(std::memory_order_relaxed);
    uint64_t t0 = timed ? threadCPUTimeNs() : 0;
    auto lap = [&](std::atomic<uint64_t> &stage) {
      uint64_t now = threadCPUTimeNs();
      stage += now - t0;
      t0 = now;
    };
    Parsed p;
    setupParse(p, src, false);
    PosMap pm(src);
    if (timed) {
      p.tokens->fill();
      lap(times.lexNs);
    }
    bool fast = choice == ParserChoice::FastOnly ||
                (choice == ParserChoice::Default && fastParserEnabled());
    if (fast && p.lexer->errors().empty()) {
      result.module = fastParseFile(*result.context, src, pm, *p.tokens);
      if (timed)
        lap(times.parseNs);
      if (!result.module) {
        // Bailed: drop its partial AST; the reference path parses the same
        // tokens.
        result.context = std::make_unique<ASTContext>();
      }
    }
    ErrorCollector collector(pm, errs, "");
    bool deep = false;
    P::File_inputContext *tree = nullptr;
    if (!result.module && choice != ParserChoice::FastOnly)
      tree = twoStage<P::File_inputContext>(p, &P::file_input, collector, deep);
    mergeLexErrors(p, pm, errs, 0, "");
    if (timed)
      lap(times.parseNs);
    if (deep) {
      SourceLoc l{1, 0};
      errs.push_back({{l, l},
                      "too many nested expressions: the parser's "
                      "nesting limit was reached"});
    }
    if (tree && errs.empty()) {
      ParseSession session{*result.context, errs};
      Builder b(*result.context, pm, errs, session);
      b.setTokens(p.tokens.get());
      Module *m = b.module(tree);
      if (errs.empty())
        result.module = m;
    }
    if (timed)
      lap(times.buildNs);
    // The parse tree and the tokens go now (users before what they use).
    p.parser.reset();
    p.tokens.reset();
    p.lexer.reset();
    p.input.reset();
    if (timed)
      lap(times.freeNs);
  }
  // At most a handful: later ones are mostly consequences of the first.
  size_t shown = 0;
  for (SyntaxErr &e : errs) {
    if (++shown > 10)
      break;
    if (e.range.begin.line == 1)
      e.range.begin.col += bom;
    if (e.range.end.line == 1)
      e.range.end.col += bom;
    Diagnostic d;
    d.range = e.range;
    d.message = std::move(e.message);
    errors.push_back(std::move(d));
  }
  return result;
}

} // namespace aioc
