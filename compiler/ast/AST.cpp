#include "ast/AST.h"

namespace aioc {

const char *name(ExprContext c) {
  switch (c) {
  case ExprContext::Load:
    return "Load";
  case ExprContext::Store:
    return "Store";
  case ExprContext::Del:
    return "Del";
  }
  return "?";
}

const char *name(BoolOpKind k) { return k == BoolOpKind::And ? "And" : "Or"; }

const char *name(OperatorKind k) {
  switch (k) {
  case OperatorKind::Add:
    return "Add";
  case OperatorKind::Sub:
    return "Sub";
  case OperatorKind::Mult:
    return "Mult";
  case OperatorKind::MatMult:
    return "MatMult";
  case OperatorKind::Div:
    return "Div";
  case OperatorKind::Mod:
    return "Mod";
  case OperatorKind::Pow:
    return "Pow";
  case OperatorKind::LShift:
    return "LShift";
  case OperatorKind::RShift:
    return "RShift";
  case OperatorKind::BitOr:
    return "BitOr";
  case OperatorKind::BitXor:
    return "BitXor";
  case OperatorKind::BitAnd:
    return "BitAnd";
  case OperatorKind::FloorDiv:
    return "FloorDiv";
  }
  return "?";
}

const char *name(UnaryOpKind k) {
  switch (k) {
  case UnaryOpKind::Invert:
    return "Invert";
  case UnaryOpKind::Not:
    return "Not";
  case UnaryOpKind::UAdd:
    return "UAdd";
  case UnaryOpKind::USub:
    return "USub";
  }
  return "?";
}

const char *name(CmpOpKind k) {
  switch (k) {
  case CmpOpKind::Eq:
    return "Eq";
  case CmpOpKind::NotEq:
    return "NotEq";
  case CmpOpKind::Lt:
    return "Lt";
  case CmpOpKind::LtE:
    return "LtE";
  case CmpOpKind::Gt:
    return "Gt";
  case CmpOpKind::GtE:
    return "GtE";
  case CmpOpKind::Is:
    return "Is";
  case CmpOpKind::IsNot:
    return "IsNot";
  case CmpOpKind::In:
    return "In";
  case CmpOpKind::NotIn:
    return "NotIn";
  }
  return "?";
}

const char *spelling(OperatorKind k) {
  switch (k) {
  case OperatorKind::Add:
    return "+";
  case OperatorKind::Sub:
    return "-";
  case OperatorKind::Mult:
    return "*";
  case OperatorKind::MatMult:
    return "@";
  case OperatorKind::Div:
    return "/";
  case OperatorKind::Mod:
    return "%";
  case OperatorKind::Pow:
    return "**";
  case OperatorKind::LShift:
    return "<<";
  case OperatorKind::RShift:
    return ">>";
  case OperatorKind::BitOr:
    return "|";
  case OperatorKind::BitXor:
    return "^";
  case OperatorKind::BitAnd:
    return "&";
  case OperatorKind::FloorDiv:
    return "//";
  }
  return "?";
}

const char *spelling(CmpOpKind k) {
  switch (k) {
  case CmpOpKind::Eq:
    return "==";
  case CmpOpKind::NotEq:
    return "!=";
  case CmpOpKind::Lt:
    return "<";
  case CmpOpKind::LtE:
    return "<=";
  case CmpOpKind::Gt:
    return ">";
  case CmpOpKind::GtE:
    return ">=";
  case CmpOpKind::Is:
    return "is";
  case CmpOpKind::IsNot:
    return "is not";
  case CmpOpKind::In:
    return "in";
  case CmpOpKind::NotIn:
    return "not in";
  }
  return "?";
}

const char *kindName(Node::Kind k) {
  using K = Node::Kind;
  switch (k) {
  case K::Module:
    return "Module";
  case K::FunctionDef:
    return "FunctionDef";
  case K::ClassDef:
    return "ClassDef";
  case K::Return:
    return "Return";
  case K::Delete:
    return "Delete";
  case K::Assign:
    return "Assign";
  case K::AugAssign:
    return "AugAssign";
  case K::AnnAssign:
    return "AnnAssign";
  case K::For:
    return "For";
  case K::While:
    return "While";
  case K::If:
    return "If";
  case K::With:
    return "With";
  case K::Match:
    return "Match";
  case K::Raise:
    return "Raise";
  case K::Try:
    return "Try";
  case K::Assert:
    return "Assert";
  case K::Import:
    return "Import";
  case K::ImportFrom:
    return "ImportFrom";
  case K::Global:
    return "Global";
  case K::Nonlocal:
    return "Nonlocal";
  case K::ExprStmt:
    return "Expr";
  case K::Pass:
    return "Pass";
  case K::Break:
    return "Break";
  case K::Continue:
    return "Continue";
  case K::BoolOp:
    return "BoolOp";
  case K::NamedExpr:
    return "NamedExpr";
  case K::BinOp:
    return "BinOp";
  case K::UnaryOp:
    return "UnaryOp";
  case K::Lambda:
    return "Lambda";
  case K::IfExp:
    return "IfExp";
  case K::Dict:
    return "Dict";
  case K::Set:
    return "Set";
  case K::ListComp:
    return "ListComp";
  case K::SetComp:
    return "SetComp";
  case K::DictComp:
    return "DictComp";
  case K::GeneratorExp:
    return "GeneratorExp";
  case K::Await:
    return "Await";
  case K::Yield:
    return "Yield";
  case K::YieldFrom:
    return "YieldFrom";
  case K::Compare:
    return "Compare";
  case K::Call:
    return "Call";
  case K::FormattedValue:
    return "FormattedValue";
  case K::JoinedStr:
    return "JoinedStr";
  case K::Constant:
    return "Constant";
  case K::Attribute:
    return "Attribute";
  case K::Subscript:
    return "Subscript";
  case K::Starred:
    return "Starred";
  case K::Name:
    return "Name";
  case K::List:
    return "List";
  case K::Tuple:
    return "Tuple";
  case K::Slice:
    return "Slice";
  case K::MatchValue:
    return "MatchValue";
  case K::MatchSingleton:
    return "MatchSingleton";
  case K::MatchSequence:
    return "MatchSequence";
  case K::MatchMapping:
    return "MatchMapping";
  case K::MatchClass:
    return "MatchClass";
  case K::MatchStar:
    return "MatchStar";
  case K::MatchAs:
    return "MatchAs";
  case K::MatchOr:
    return "MatchOr";
  case K::Comprehension:
    return "comprehension";
  case K::ExceptHandler:
    return "ExceptHandler";
  case K::Arguments:
    return "arguments";
  case K::Arg:
    return "arg";
  case K::Keyword:
    return "keyword";
  case K::Alias:
    return "alias";
  case K::WithItem:
    return "withitem";
  case K::MatchCase:
    return "match_case";
  }
  return "?";
}

} // namespace aioc
