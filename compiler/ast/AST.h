// aioc's own AST. It mirrors CPython 3.11's `ast` module node for node and
// field for field (see `python3 -c "import ast; help(ast)"`), so that
// `aioc parse --dump-ast` can print exactly what `ast.dump()` prints and the
// front end can be checked against CPython on real code.
//
// Nothing here depends on ANTLR: the front end converts the parse tree into
// these nodes once, and everything after it (sema, lint, codegen) reads them.
//
// Ownership: every node is owned by the ASTContext that created it; nodes
// refer to each other with plain pointers. Optional children are nullptr.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace aioc {

namespace sema {
struct Type; // filled in by the type checker; lint and codegen read it
}

// Positions follow Python's ast: line is 1-based, col is the 0-based UTF-8
// *byte* offset within the line (the same unit llvm::SourceMgr uses).
struct SourceLoc {
  uint32_t line = 0;
  uint32_t col = 0;
  bool valid() const { return line != 0; }
  friend bool operator==(SourceLoc a, SourceLoc b) {
    return a.line == b.line && a.col == b.col;
  }
};

// Half-open: `end` is one past the last byte, like ast's end_col_offset.
struct SourceRange {
  SourceLoc begin, end;
};

// ---------------------------------------------------------------- operators

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class OperatorKind : uint8_t {
  Add,
  Sub,
  Mult,
  MatMult,
  Div,
  Mod,
  Pow,
  LShift,
  RShift,
  BitOr,
  BitXor,
  BitAnd,
  FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t {
  Eq,
  NotEq,
  Lt,
  LtE,
  Gt,
  GtE,
  Is,
  IsNot,
  In,
  NotIn
};

const char *name(ExprContext);      // "Load"
const char *name(BoolOpKind);       // "And"
const char *name(OperatorKind);     // "Add"
const char *name(UnaryOpKind);      // "USub"
const char *name(CmpOpKind);        // "NotEq"
const char *spelling(OperatorKind); // "+"
const char *spelling(CmpOpKind);    // "!=", "is not", "not in"

// ---------------------------------------------------------------- base node

class Node {
public:
  enum class Kind : uint8_t {
    // mod
    Module,
    // stmt
    FunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    While,
    If,
    With,
    Match,
    Raise,
    Try,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    ExprStmt,
    Pass,
    Break,
    Continue,
    // expr
    BoolOp,
    NamedExpr,
    BinOp,
    UnaryOp,
    Lambda,
    IfExp,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Await,
    Yield,
    YieldFrom,
    Compare,
    Call,
    FormattedValue,
    JoinedStr,
    Constant,
    Attribute,
    Subscript,
    Starred,
    Name,
    List,
    Tuple,
    Slice,
    // pattern
    MatchValue,
    MatchSingleton,
    MatchSequence,
    MatchMapping,
    MatchClass,
    MatchStar,
    MatchAs,
    MatchOr,
    // helpers
    Comprehension,
    ExceptHandler,
    Arguments,
    Arg,
    Keyword,
    Alias,
    WithItem,
    MatchCase,
  };

  explicit Node(Kind k) : kind_(k) {}
  virtual ~Node() = default;
  Node(const Node &) = delete;
  Node &operator=(const Node &) = delete;

  Kind kind() const { return kind_; }
  SourceRange range;

private:
  Kind kind_;
};

const char *kindName(Node::Kind); // "FunctionDef", "AsyncFunctionDef" is a flag

// llvm-style isa/cast/dyn_cast work on these through classof().
#define AIOC_NODE_CLASSOF(K)                                                   \
  static bool classof(const Node *n) { return n->kind() == Kind::K; }

class Stmt : public Node {
public:
  using Node::Node;
  static bool classof(const Node *n) {
    return n->kind() >= Kind::FunctionDef && n->kind() <= Kind::Continue;
  }
};

class Expr : public Node {
public:
  using Node::Node;
  static bool classof(const Node *n) {
    return n->kind() >= Kind::BoolOp && n->kind() <= Kind::Slice;
  }
  const sema::Type *type = nullptr; // set by sema when the file type-checks
};

class Pattern : public Node {
public:
  using Node::Node;
  static bool classof(const Node *n) {
    return n->kind() >= Kind::MatchValue && n->kind() <= Kind::MatchOr;
  }
};

using StmtList = std::vector<Stmt *>;
using ExprList = std::vector<Expr *>;

// ---------------------------------------------------------------- helpers

class Arg : public Node {
public:
  Arg() : Node(Kind::Arg) {}
  AIOC_NODE_CLASSOF(Arg)
  std::string arg;
  Expr *annotation = nullptr;
};

class Arguments : public Node {
public:
  Arguments() : Node(Kind::Arguments) {}
  AIOC_NODE_CLASSOF(Arguments)
  std::vector<Arg *> posonlyargs, args;
  Arg *vararg = nullptr;
  std::vector<Arg *> kwonlyargs;
  ExprList kw_defaults; // same length as kwonlyargs; nullptr = no default
  Arg *kwarg = nullptr;
  ExprList defaults; // for the last len(defaults) of posonlyargs+args
};

class Keyword : public Node {
public:
  Keyword() : Node(Kind::Keyword) {}
  AIOC_NODE_CLASSOF(Keyword)
  std::string arg; // empty for **kwargs
  bool hasArg = false;
  Expr *value = nullptr;
};

class Alias : public Node {
public:
  Alias() : Node(Kind::Alias) {}
  AIOC_NODE_CLASSOF(Alias)
  std::string name;   // dotted: "os.path", or "*"
  std::string asname; // empty when absent
};

class WithItem : public Node {
public:
  WithItem() : Node(Kind::WithItem) {}
  AIOC_NODE_CLASSOF(WithItem)
  Expr *context_expr = nullptr;
  Expr *optional_vars = nullptr;
};

class Comprehension : public Node {
public:
  Comprehension() : Node(Kind::Comprehension) {}
  AIOC_NODE_CLASSOF(Comprehension)
  Expr *target = nullptr;
  Expr *iter = nullptr;
  ExprList ifs;
  bool is_async = false;
};

class ExceptHandler : public Node {
public:
  ExceptHandler() : Node(Kind::ExceptHandler) {}
  AIOC_NODE_CLASSOF(ExceptHandler)
  Expr *type = nullptr;
  std::string name; // empty when absent
  StmtList body;
};

class MatchCase : public Node {
public:
  MatchCase() : Node(Kind::MatchCase) {}
  AIOC_NODE_CLASSOF(MatchCase)
  Pattern *pattern = nullptr;
  Expr *guard = nullptr;
  StmtList body;
};

// ---------------------------------------------------------------- module

class Module : public Node {
public:
  Module() : Node(Kind::Module) {}
  AIOC_NODE_CLASSOF(Module)
  StmtList body;
};

// ---------------------------------------------------------------- statements

// FunctionDef and AsyncFunctionDef (isAsync).
class FunctionDef : public Stmt {
public:
  FunctionDef() : Stmt(Kind::FunctionDef) {}
  AIOC_NODE_CLASSOF(FunctionDef)
  bool isAsync = false;
  std::string name;
  SourceRange nameRange; // of the identifier, for diagnostics
  Arguments *args = nullptr;
  StmtList body;
  ExprList decorator_list;
  Expr *returns = nullptr;
};

class ClassDef : public Stmt {
public:
  ClassDef() : Stmt(Kind::ClassDef) {}
  AIOC_NODE_CLASSOF(ClassDef)
  std::string name;
  SourceRange nameRange;
  ExprList bases;
  std::vector<Keyword *> keywords;
  StmtList body;
  ExprList decorator_list;
};

class Return : public Stmt {
public:
  Return() : Stmt(Kind::Return) {}
  AIOC_NODE_CLASSOF(Return)
  Expr *value = nullptr;
};

class Delete : public Stmt {
public:
  Delete() : Stmt(Kind::Delete) {}
  AIOC_NODE_CLASSOF(Delete)
  ExprList targets;
};

class Assign : public Stmt {
public:
  Assign() : Stmt(Kind::Assign) {}
  AIOC_NODE_CLASSOF(Assign)
  ExprList targets; // a = b = 1 has two targets
  Expr *value = nullptr;
};

class AugAssign : public Stmt {
public:
  AugAssign() : Stmt(Kind::AugAssign) {}
  AIOC_NODE_CLASSOF(AugAssign)
  Expr *target = nullptr;
  OperatorKind op = OperatorKind::Add;
  Expr *value = nullptr;
};

class AnnAssign : public Stmt {
public:
  AnnAssign() : Stmt(Kind::AnnAssign) {}
  AIOC_NODE_CLASSOF(AnnAssign)
  Expr *target = nullptr;
  Expr *annotation = nullptr;
  Expr *value = nullptr;
  bool simple = true; // target is a bare, unparenthesized Name
};

// For and AsyncFor (isAsync).
class For : public Stmt {
public:
  For() : Stmt(Kind::For) {}
  AIOC_NODE_CLASSOF(For)
  bool isAsync = false;
  Expr *target = nullptr;
  Expr *iter = nullptr;
  StmtList body, orelse;
};

class While : public Stmt {
public:
  While() : Stmt(Kind::While) {}
  AIOC_NODE_CLASSOF(While)
  Expr *test = nullptr;
  StmtList body, orelse;
};

// `elif` is an If nested alone in orelse, as in Python's ast.
class If : public Stmt {
public:
  If() : Stmt(Kind::If) {}
  AIOC_NODE_CLASSOF(If)
  Expr *test = nullptr;
  StmtList body, orelse;
};

// With and AsyncWith (isAsync).
class With : public Stmt {
public:
  With() : Stmt(Kind::With) {}
  AIOC_NODE_CLASSOF(With)
  bool isAsync = false;
  std::vector<WithItem *> items;
  StmtList body;
};

class Match : public Stmt {
public:
  Match() : Stmt(Kind::Match) {}
  AIOC_NODE_CLASSOF(Match)
  Expr *subject = nullptr;
  std::vector<MatchCase *> cases;
};

class Raise : public Stmt {
public:
  Raise() : Stmt(Kind::Raise) {}
  AIOC_NODE_CLASSOF(Raise)
  Expr *exc = nullptr;
  Expr *cause = nullptr;
};

// Try and TryStar (isStar, `except*`).
class Try : public Stmt {
public:
  Try() : Stmt(Kind::Try) {}
  AIOC_NODE_CLASSOF(Try)
  bool isStar = false;
  StmtList body;
  std::vector<ExceptHandler *> handlers;
  StmtList orelse, finalbody;
};

class Assert : public Stmt {
public:
  Assert() : Stmt(Kind::Assert) {}
  AIOC_NODE_CLASSOF(Assert)
  Expr *test = nullptr;
  Expr *msg = nullptr;
};

class Import : public Stmt {
public:
  Import() : Stmt(Kind::Import) {}
  AIOC_NODE_CLASSOF(Import)
  std::vector<Alias *> names;
};

class ImportFrom : public Stmt {
public:
  ImportFrom() : Stmt(Kind::ImportFrom) {}
  AIOC_NODE_CLASSOF(ImportFrom)
  std::string module; // empty for `from . import x`
  std::vector<Alias *> names;
  int level = 0; // number of leading dots
};

class Global : public Stmt {
public:
  Global() : Stmt(Kind::Global) {}
  AIOC_NODE_CLASSOF(Global)
  std::vector<std::string> names;
};

class Nonlocal : public Stmt {
public:
  Nonlocal() : Stmt(Kind::Nonlocal) {}
  AIOC_NODE_CLASSOF(Nonlocal)
  std::vector<std::string> names;
};

// Python's `Expr` statement.
class ExprStmt : public Stmt {
public:
  ExprStmt() : Stmt(Kind::ExprStmt) {}
  AIOC_NODE_CLASSOF(ExprStmt)
  Expr *value = nullptr;
};

class Pass : public Stmt {
public:
  Pass() : Stmt(Kind::Pass) {}
  AIOC_NODE_CLASSOF(Pass)
};

class Break : public Stmt {
public:
  Break() : Stmt(Kind::Break) {}
  AIOC_NODE_CLASSOF(Break)
};

class Continue : public Stmt {
public:
  Continue() : Stmt(Kind::Continue) {}
  AIOC_NODE_CLASSOF(Continue)
};

// ---------------------------------------------------------------- expressions

class BoolOp : public Expr {
public:
  BoolOp() : Expr(Kind::BoolOp) {}
  AIOC_NODE_CLASSOF(BoolOp)
  BoolOpKind op = BoolOpKind::And;
  ExprList values; // `a or b or c` is one BoolOp with three values
};

class NamedExpr : public Expr {
public:
  NamedExpr() : Expr(Kind::NamedExpr) {}
  AIOC_NODE_CLASSOF(NamedExpr)
  Expr *target = nullptr;
  Expr *value = nullptr;
};

class BinOp : public Expr {
public:
  BinOp() : Expr(Kind::BinOp) {}
  AIOC_NODE_CLASSOF(BinOp)
  Expr *left = nullptr;
  OperatorKind op = OperatorKind::Add;
  Expr *right = nullptr;
};

class UnaryOp : public Expr {
public:
  UnaryOp() : Expr(Kind::UnaryOp) {}
  AIOC_NODE_CLASSOF(UnaryOp)
  UnaryOpKind op = UnaryOpKind::Not;
  Expr *operand = nullptr;
};

class Lambda : public Expr {
public:
  Lambda() : Expr(Kind::Lambda) {}
  AIOC_NODE_CLASSOF(Lambda)
  Arguments *args = nullptr;
  Expr *body = nullptr;
};

class IfExp : public Expr {
public:
  IfExp() : Expr(Kind::IfExp) {}
  AIOC_NODE_CLASSOF(IfExp)
  Expr *test = nullptr, *body = nullptr, *orelse = nullptr;
};

class Dict : public Expr {
public:
  Dict() : Expr(Kind::Dict) {}
  AIOC_NODE_CLASSOF(Dict)
  ExprList keys; // nullptr key = `**value`
  ExprList values;
};

class Set : public Expr {
public:
  Set() : Expr(Kind::Set) {}
  AIOC_NODE_CLASSOF(Set)
  ExprList elts;
};

class ListComp : public Expr {
public:
  ListComp() : Expr(Kind::ListComp) {}
  AIOC_NODE_CLASSOF(ListComp)
  Expr *elt = nullptr;
  std::vector<Comprehension *> generators;
};

class SetComp : public Expr {
public:
  SetComp() : Expr(Kind::SetComp) {}
  AIOC_NODE_CLASSOF(SetComp)
  Expr *elt = nullptr;
  std::vector<Comprehension *> generators;
};

class DictComp : public Expr {
public:
  DictComp() : Expr(Kind::DictComp) {}
  AIOC_NODE_CLASSOF(DictComp)
  Expr *key = nullptr, *value = nullptr;
  std::vector<Comprehension *> generators;
};

class GeneratorExp : public Expr {
public:
  GeneratorExp() : Expr(Kind::GeneratorExp) {}
  AIOC_NODE_CLASSOF(GeneratorExp)
  Expr *elt = nullptr;
  std::vector<Comprehension *> generators;
};

class Await : public Expr {
public:
  Await() : Expr(Kind::Await) {}
  AIOC_NODE_CLASSOF(Await)
  Expr *value = nullptr;
};

class Yield : public Expr {
public:
  Yield() : Expr(Kind::Yield) {}
  AIOC_NODE_CLASSOF(Yield)
  Expr *value = nullptr;
};

class YieldFrom : public Expr {
public:
  YieldFrom() : Expr(Kind::YieldFrom) {}
  AIOC_NODE_CLASSOF(YieldFrom)
  Expr *value = nullptr;
};

class Compare : public Expr {
public:
  Compare() : Expr(Kind::Compare) {}
  AIOC_NODE_CLASSOF(Compare)
  Expr *left = nullptr;
  std::vector<CmpOpKind> ops;
  ExprList comparators;
};

class Call : public Expr {
public:
  Call() : Expr(Kind::Call) {}
  AIOC_NODE_CLASSOF(Call)
  Expr *func = nullptr;
  ExprList args; // may contain Starred
  std::vector<Keyword *> keywords;
};

class FormattedValue : public Expr {
public:
  FormattedValue() : Expr(Kind::FormattedValue) {}
  AIOC_NODE_CLASSOF(FormattedValue)
  Expr *value = nullptr;
  int conversion = -1;         // -1, or 's', 'r', 'a'
  Expr *format_spec = nullptr; // a JoinedStr, or nullptr
};

class JoinedStr : public Expr {
public:
  JoinedStr() : Expr(Kind::JoinedStr) {}
  AIOC_NODE_CLASSOF(JoinedStr)
  ExprList values; // Constant(str) and FormattedValue
};

class Constant : public Expr {
public:
  enum class ValueKind : uint8_t {
    None,
    True,
    False,
    Ellipsis,
    Int,
    Float,
    Complex,
    Str,
    Bytes
  };
  Constant() : Expr(Kind::Constant) {}
  AIOC_NODE_CLASSOF(Constant)
  ValueKind valueKind = ValueKind::None;
  // Int: the decimal digits of the value (arbitrary size, no sign, no '_'),
  // with intFits telling whether intValue holds it exactly.
  std::string intDigits;
  int64_t intValue = 0;
  bool intFits = true;
  double floatValue = 0; // Float, or the imaginary part of Complex
  // Str: the decoded value in UTF-8 (escapes processed, implicit
  // concatenation applied); Bytes: the raw decoded bytes.
  std::string str;
  bool isUnicodeKindU = false; // the literal had a `u` prefix (ast's kind='u')
};

class Attribute : public Expr {
public:
  Attribute() : Expr(Kind::Attribute) {}
  AIOC_NODE_CLASSOF(Attribute)
  Expr *value = nullptr;
  std::string attr;
  SourceRange attrRange;
  ExprContext ctx = ExprContext::Load;
};

class Subscript : public Expr {
public:
  Subscript() : Expr(Kind::Subscript) {}
  AIOC_NODE_CLASSOF(Subscript)
  Expr *value = nullptr;
  Expr *slice = nullptr; // Slice, Tuple (of Slices) or any expression
  ExprContext ctx = ExprContext::Load;
};

class Starred : public Expr {
public:
  Starred() : Expr(Kind::Starred) {}
  AIOC_NODE_CLASSOF(Starred)
  Expr *value = nullptr;
  ExprContext ctx = ExprContext::Load;
};

class Name : public Expr {
public:
  Name() : Expr(Kind::Name) {}
  AIOC_NODE_CLASSOF(Name)
  std::string id; // NFKC-normalized, as CPython does for identifiers
  ExprContext ctx = ExprContext::Load;
};

class List : public Expr {
public:
  List() : Expr(Kind::List) {}
  AIOC_NODE_CLASSOF(List)
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};

class Tuple : public Expr {
public:
  Tuple() : Expr(Kind::Tuple) {}
  AIOC_NODE_CLASSOF(Tuple)
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};

class Slice : public Expr {
public:
  Slice() : Expr(Kind::Slice) {}
  AIOC_NODE_CLASSOF(Slice)
  Expr *lower = nullptr, *upper = nullptr, *step = nullptr;
};

// ---------------------------------------------------------------- patterns

class MatchValue : public Pattern {
public:
  MatchValue() : Pattern(Kind::MatchValue) {}
  AIOC_NODE_CLASSOF(MatchValue)
  Expr *value = nullptr;
};

class MatchSingleton : public Pattern {
public:
  MatchSingleton() : Pattern(Kind::MatchSingleton) {}
  AIOC_NODE_CLASSOF(MatchSingleton)
  Constant::ValueKind value = Constant::ValueKind::None; // None/True/False
};

class MatchSequence : public Pattern {
public:
  MatchSequence() : Pattern(Kind::MatchSequence) {}
  AIOC_NODE_CLASSOF(MatchSequence)
  std::vector<Pattern *> patterns;
};

class MatchMapping : public Pattern {
public:
  MatchMapping() : Pattern(Kind::MatchMapping) {}
  AIOC_NODE_CLASSOF(MatchMapping)
  ExprList keys;
  std::vector<Pattern *> patterns;
  std::string rest; // empty when absent
};

class MatchClass : public Pattern {
public:
  MatchClass() : Pattern(Kind::MatchClass) {}
  AIOC_NODE_CLASSOF(MatchClass)
  Expr *cls = nullptr;
  std::vector<Pattern *> patterns;
  std::vector<std::string> kwd_attrs;
  std::vector<Pattern *> kwd_patterns;
};

class MatchStar : public Pattern {
public:
  MatchStar() : Pattern(Kind::MatchStar) {}
  AIOC_NODE_CLASSOF(MatchStar)
  std::string name; // empty for `*_`
};

class MatchAs : public Pattern {
public:
  MatchAs() : Pattern(Kind::MatchAs) {}
  AIOC_NODE_CLASSOF(MatchAs)
  Pattern *pattern = nullptr;
  std::string name; // empty for `_`
};

class MatchOr : public Pattern {
public:
  MatchOr() : Pattern(Kind::MatchOr) {}
  AIOC_NODE_CLASSOF(MatchOr)
  std::vector<Pattern *> patterns;
};

#undef AIOC_NODE_CLASSOF

// ---------------------------------------------------------------- context

// Owns every node of one parsed file.
class ASTContext {
public:
  template <class T, class... A> T *make(SourceRange r, A &&...a) {
    auto p = std::make_unique<T>(std::forward<A>(a)...);
    p->range = r;
    T *raw = p.get();
    nodes_.push_back(std::move(p));
    return raw;
  }
  size_t size() const { return nodes_.size(); }

private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

} // namespace aioc
