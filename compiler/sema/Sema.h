// The type checker: resolves names, infers and checks the types of SPEC §2,
// and rejects everything outside aioc's subset with caret diagnostics. Its
// result (Expr::type on every expression plus the tables below) is what
// codegen lowers; codegen never re-derives a type.
#pragma once

#include "ast/AST.h"
#include "sema/Types.h"
#include "support/Diagnostics.h"

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace aioc::sema {

struct Symbol {
  enum class Kind { Local, Param, Global, Function, Class, Module, Builtin };
  Kind kind = Kind::Local;
  std::string name;
  const Type *type = nullptr; // declared type (may be Optional)
  FuncInfo *func = nullptr;   // Function
  ClassInfo *cls = nullptr;   // Class
  FuncInfo *owner = nullptr;  // function whose local this is (nullptr: module)
  bool assigned = false;      // seen an assignment (type known)
  std::string suffix;         // disambiguates per-handler `except ... as e`
  // Captured by a closure that may see a later binding (or `nonlocal`):
  // lives in a shared cell (codegen: c_NAME, with v_NAME a reference).
  bool cell = false;
};

struct FuncInfo {
  std::string name;
  std::string cppName;
  FunctionDef *def = nullptr;
  Lambda *lambda = nullptr;
  bool isAsync = false;
  bool isMethod = false; // first param is self
  bool isStatic = false;
  ClassInfo *owner = nullptr; // method's class
  FuncInfo *parent = nullptr; // enclosing function for nested defs
  std::vector<std::string> paramNames;
  std::vector<const Type *> paramTypes; // without self
  std::vector<Expr *> defaults;         // aligned with params; nullptr none
  std::string varargName;               // *args
  const Type *varargType = nullptr;     // element type
  const Type *ret = nullptr;            // declared or inferred result
  bool retAnnotated = false;
  // A generator (`yield` in the body): its call returns genType (Generator /
  // AsyncGenerator); `ret` stays None so bare `return`s lower as usual.
  const Type *genType = nullptr;
  enum class State { Pending, Checking, Done } state = State::Pending;
  std::vector<Symbol *> locals; // in order of first assignment
  std::map<std::string, Symbol *> scope;
  std::vector<std::string> globals;   // `global` names
  std::vector<std::string> nonlocals; // `nonlocal` names
  std::vector<FuncInfo *> nested;
  const Type *type = nullptr; // Callable type of the function value
};

struct ClassInfo {
  std::string name;
  std::string cppName;
  ClassDef *def = nullptr;
  ClassInfo *base = nullptr;
  bool isBuiltin = false; // a builtin exception class (aioc::ValueError)
  bool isException = false;
  bool isDataclass = false;
  bool isOrdered = false; // @dataclass(order=True): < <= > >= by fields
  struct Field {
    std::string name;
    const Type *type;
    Expr *init = nullptr; // class-body default (dataclass)
  };
  std::vector<Field> fields; // own fields only, in declaration order
  std::map<std::string, FuncInfo *> methods;
  std::vector<FuncInfo *> methodOrder;
  const Type *instance = nullptr;
  const Type *ref = nullptr;

  const Field *findField(const std::string &n) const;
  FuncInfo *findMethod(const std::string &n) const;
  // Every field, base class first (dataclass __init__ order).
  std::vector<const Field *> allFields() const;
};

// What sema leaves for codegen beyond Expr::type.
struct SemaResult {
  std::vector<std::unique_ptr<FuncInfo>> funcs;
  std::vector<std::unique_ptr<ClassInfo>> classes;
  std::vector<std::unique_ptr<Symbol>> symbols;
  std::vector<FuncInfo *> moduleFuncs;  // top-level defs, source order
  std::vector<ClassInfo *> userClasses; // source order
  std::vector<Symbol *> globals;        // module variables
  std::unordered_map<const Node *, Symbol *> nameSymbols; // Name -> symbol
  std::unordered_map<const Node *, FuncInfo *> funcOf;    // def/lambda
  std::unordered_map<const Node *, ClassInfo *> classOf;  // ClassDef
  // Names declared by `for` targets / with-as / except-as are ordinary locals.
  bool usesSysArgv = false;
  std::unordered_map<const Node *, Symbol *> handlerSymbols;
  // t[a:b:c] of a tuple (constant bounds): the selected element indices.
  std::unordered_map<const Node *, std::vector<size_t>> tupleSlices;
  bool usesIO = false; // needs aioc/io headers (SemaIO)
};

// Checks a parsed module; diagnostics go to `diags`. Returns true when the
// module is in aioc's subset and well typed.
bool check(Module *m, unsigned fileId, DiagnosticEngine &diags,
           TypeContext &types, SemaResult &out);
// The same verdict and, when true, the same facts, for tools that only want
// the facts of a module that type-checks (the linter, on any Python file):
// nothing is reported, and after the first error the rest of the module is
// skipped cheaply. Reentrant: modules may be checked concurrently, each with
// its own TypeContext and SemaResult.
bool checkQuiet(Module *m, unsigned fileId, TypeContext &types,
                SemaResult &out);
// Whether every top-level import names a module aioc knows (check reports
// each one that does not); checkQuiet's first, cheap gate.
bool importsSupported(const Module *m);

} // namespace aioc::sema
