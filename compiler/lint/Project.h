// The linter's model of a project: modules, their functions and classes, the
// names each scope binds (imports and aliases resolved to dotted names), a
// light local type inference for the objects the rules care about (files,
// clients, sockets...), and the call graph the interprocedural rule walks.
// There is no type checker to lean on: this works on any Python file.
#pragma once

#include "ast/AST.h"
#include "lint/Lint.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aioc::lint {

struct ModuleInfo;
struct ClassInfo;
struct FunctionInfo;
struct SemaFacts; // lint/SemaFacts.h

// What a name or expression stands for.
struct Resolved {
  enum Kind : uint8_t {
    None, // unknown
    Qual, // a module or module-level object outside the project: "time.sleep"
    Function, // a project function (fn set)
    Class,    // a project class (cls set)
    Instance, // an instance of `qual` (a known library type) or of cls
  };
  Kind kind = None;
  std::string qual;
  FunctionInfo *fn = nullptr;
  ClassInfo *cls = nullptr;
  explicit operator bool() const { return kind != None; }
};

struct Scope {
  std::unordered_map<std::string, Resolved> names;
  // Names bound by a plain assignment or parameter, shadowing outer ones.
  std::unordered_map<std::string, bool> shadowed;
  // Modules of `from M import *`, in source order (absolute names).
  std::vector<std::string> starImports;
};

struct FunctionInfo {
  FunctionDef *def = nullptr;
  ModuleInfo *mod = nullptr;
  ClassInfo *cls = nullptr;       // set for methods
  FunctionInfo *parent = nullptr; // enclosing function
  std::string qual;               // "pkg.mod.Class.method"
  std::string selfName;           // first parameter of a method
  bool isGenerator = false;       // contains yield
  Scope scope;
  // AIO100's memo: does calling this (sync) function block, and how.
  enum class BlockState : uint8_t { Unknown, InProgress, Done };
  BlockState blockState = BlockState::Unknown;
  std::string blockCode;             // code of the blocking call at the end
  std::vector<ChainLink> blockChain; // empty: does not block
};

struct ClassInfo {
  ClassDef *def = nullptr;
  ModuleInfo *mod = nullptr;
  std::string qual;
  std::map<std::string, FunctionInfo *> methods;
  std::vector<Expr *> bases;
};

struct ModuleInfo {
  unsigned fileId = 0;
  std::string name; // dotted
  bool isPackage = false;
  std::unique_ptr<ASTContext> ctx;
  Module *ast = nullptr;
  // The type checker's verdict and tables (nullptr: not run).
  std::shared_ptr<SemaFacts> sema;
  Scope globals;
  std::vector<size_t> lineStarts; // byte offset of each line
  std::string_view text;
  std::string_view line(uint32_t l) const;
  std::string_view slice(SourceRange r) const; // source text of a range
  // First line of the run of physical lines each line belongs to (see
  // noqaRuns); filled on first use.
  mutable std::vector<uint32_t> runStart;
  // This module's functions: Project::functions()[firstFunction, +count).
  size_t firstFunction = 0, functionCount = 0;
  // What Project::buildModule bound, until Project::addModule takes it.
  std::vector<std::unique_ptr<FunctionInfo>> boundFunctions;
  std::vector<std::unique_ptr<ClassInfo>> boundClasses;
};

// A `# noqa` comment on a line: all codes, or the listed ones.
struct Noqa {
  bool all = false;
  std::vector<std::string> codes;
};
// Parses the comment of a line; false if the line has no noqa.
bool parseNoqa(std::string_view line, Noqa &out);
// For each line (index 0 = line 1), the first line of the run of physical
// lines it belongs to: lines joined by a backslash continuation or by a
// multi-line string literal. A `# noqa` anywhere on such a run covers all of
// it, as flake8 (its noqa line mapping) and ruff (noqa after the end of a
// multi-line string or continuation) do. Lines inside brackets are not
// joined: both tools want the comment on the finding's own line there.
std::vector<uint32_t> noqaRuns(std::string_view text);

class Project {
public:
  explicit Project(SourceManager &sm) : sm_(sm) {}
  // Whether the linter knows `qual` ("time.sleep") as a callable of an
  // outside library; used to pick which `from M import *` a name comes
  // from. Set by the Linter (the tables live in the rules).
  std::function<bool(const std::string &qual)> knownLibraryName;
  SourceManager &sources() { return sm_; }

  // The per-file part of the index: line table, the module's functions and
  // classes, the names each scope binds. Touches nothing shared, so it runs
  // on the thread that parsed the file.
  static std::unique_ptr<ModuleInfo>
  buildModule(const SourceManager &sm, unsigned fileId, std::string name,
              bool isPackage, std::unique_ptr<ASTContext> ctx, Module *ast,
              std::shared_ptr<SemaFacts> sema = nullptr);
  // Adds a built module; modules keep the order they are added in.
  void addModule(std::unique_ptr<ModuleInfo> m);
  // buildModule + addModule.
  void addModule(unsigned fileId, std::string name, bool isPackage,
                 std::unique_ptr<ASTContext> ctx, Module *ast,
                 std::shared_ptr<SemaFacts> sema = nullptr);
  // Links the modules (imports across files) and infers types, on `jobs`
  // threads (0: one per core) with the same result for any `jobs`; call
  // once after every module is added. Returns the CPU seconds its worker
  // threads used (0 when it ran on this thread only).
  double index(unsigned jobs = 1);
  // Modules whose function-level inference index() had to redo in order
  // (see InferLog in Project.cpp); for tests and --time-stages.
  unsigned inferReruns = 0;

  const std::vector<std::unique_ptr<ModuleInfo>> &modules() const {
    return modules_;
  }
  const std::vector<std::unique_ptr<FunctionInfo>> &functions() const {
    return functions_;
  }
  FunctionInfo *functionOf(const FunctionDef *d) const;
  ClassInfo *classOf(const ClassDef *d) const;

  // Resolves an expression in the scope of `fn` (nullptr = module level).
  Resolved resolve(const Expr *e, ModuleInfo &m, FunctionInfo *fn) const;
  // The dotted name a call's callee stands for ("" when unknown); for a
  // method of a known instance, "type.method".
  std::string calleeQual(const Call *c, ModuleInfo &m, FunctionInfo *fn) const;
  // The project function a call runs, if any (for a class: its __init__).
  FunctionInfo *calleeFunction(const Call *c, ModuleInfo &m,
                               FunctionInfo *fn) const;
  // True when the call creates a coroutine: a project `async def` (not an
  // async generator) or a known asyncio/HTTP coroutine function.
  bool isCoroutineCall(const Call *c, ModuleInfo &m, FunctionInfo *fn,
                       std::string *qualOut = nullptr) const;

  bool noqa(const ModuleInfo &m, uint32_t line, const std::string &code) const;

private:
  static void bindStatements(const StmtList &body, ModuleInfo &m,
                             FunctionInfo *fn, ClassInfo *cls,
                             const std::string &prefix, Scope &scope);
  double inferFunctionTypes(unsigned jobs);
  void inferTypes(ModuleInfo &m, FunctionInfo *fn, const StmtList &body,
                  Scope &scope);
  Resolved lookupName(const std::string &id, ModuleInfo &m,
                      FunctionInfo *fn) const;
  Resolved fromQual(const std::string &qual) const;
  Resolved member(const Resolved &base, const std::string &attr) const;
  Resolved callResult(const Resolved &callee) const;
  ModuleInfo *moduleNamed(const std::string &name) const;
  // Sema's facts (SemaFacts.cpp): what a typed module's Expr::type says an
  // expression is, and whether a call's value is a coroutine.
  Resolved fromSemaType(const sema::Type *t) const;
  Resolved semaResolve(const Expr *e, const ModuleInfo &m) const;
  bool semaCoroutineCall(const Call *c, const ModuleInfo &m) const;

  SourceManager &sm_;
  std::vector<std::unique_ptr<ModuleInfo>> modules_;
  std::vector<std::unique_ptr<FunctionInfo>> functions_;
  std::vector<std::unique_ptr<ClassInfo>> classes_;
  std::unordered_map<const FunctionDef *, FunctionInfo *> byDef_;
  std::unordered_map<const ClassDef *, ClassInfo *> classByDef_;
  std::unordered_map<std::string, ModuleInfo *> moduleByName_;
  // `self.x = Type()` in any method types `x` for the whole class.
  std::unordered_map<const ClassInfo *,
                     std::unordered_map<std::string, Resolved>>
      attrTypes_;
  mutable std::unordered_map<uint64_t, std::unique_ptr<Noqa>> noqaCache_;
  mutable std::mutex noqaMutex_; // noqaCache_ and every ModuleInfo::runStart
};

} // namespace aioc::lint
