// The type checker's bindings for aioc's I/O names: httpx, aiofiles,
// asyncio subprocesses and streams, and the blocking calls (open, input,
// requests, subprocess.run). Sema.cpp calls these hooks from its existing
// dispatch; each returns nullptr for a name or type that is not an I/O one.
// I/O objects have TypeKind::IO; the type's name is its Python spelling.
#pragma once

#include "ast/AST.h"
#include "sema/Types.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace aioc::sema {

// httpx, asyncio-stream, subprocess and OS exception classes that the
// checker registers beside the builtin ones. `key` is how scripts name it
// ("httpx.ConnectError", or a bare builtin name), `base` the key of its
// base class.
struct IOException {
  const char *key, *name, *cppName, *base;
};
const std::vector<IOException> &ioExceptions();

// Modules the I/O bindings add to the importable set.
bool isIOModule(const std::string &name);

// Call arguments bound to parameter names, the same way for sema and
// codegen: positional ones in order, then keywords by name. `out[i]` is the
// argument for `names[i]` (nullptr when absent). Returns the first
// unexpected keyword or surplus positional argument, if any.
struct BoundArgs {
  std::vector<Expr *> out;
  Node *bad = nullptr;
  std::string badWhy;
};
BoundArgs bindArgs(Call *c, const std::vector<std::string> &names,
                   size_t maxPositional);

// Whether `t` is an I/O object type of this name.
inline bool isIO(const Type *t, const char *name) {
  return t && t->is(TypeKind::IO) && t->name == name;
}
// The aiofiles/open() file types: text or binary.
bool isAsyncFile(const Type *t);
bool isSyncFile(const Type *t);
bool fileIsBinary(const Type *t);

class IOChecker {
public:
  struct Host {
    TypeContext &T;
    std::function<const Type *(Expr *, const Type *)> check;
    std::function<void(const Node *, const std::string &)> error;
    std::function<ClassInfo *(const std::string &)> exc; // by key
    std::function<bool()> inAsync;
    std::function<void()> usesIO; // the module needs the I/O headers
  };
  explicit IOChecker(Host h) : H(std::move(h)) {}
  const Host &host() const { return H; }

  const Type *annotation(const std::string &qn);
  // `asyncio.subprocess.PIPE`, `httpx.ConnectError`, ...
  const Type *moduleAttr(const std::string &qn);
  // Attributes of I/O objects and of I/O exceptions (`r.status_code`,
  // `proc.returncode`, `e.errno`).
  const Type *attribute(Attribute *a, const Type *recv);
  // Module functions and constructors; `open`/`input` arrive as "open" and
  // "input".
  const Type *call(const std::string &qn, Call *c, const Type *expected);
  const Type *methodCall(Attribute *a, const Type *recv, Call *c,
                         const Type *expected);
  const Type *subscript(Subscript *s, const Type *recv);
  // The value `with`/`async with` binds, or nullptr when `cm` is no I/O
  // context manager.
  const Type *withBound(Expr *cm, const Type *t, bool isAsync);
  // Element of `for`/`async for` over an I/O object, or nullptr.
  const Type *iterElem(const Type *t, bool isAsync);

private:
  Host H;
  const Type *process(const Type *out, const Type *err);
  const Type *checkArgs(Call *c, const std::string &what,
                        const std::vector<std::string> &names,
                        const std::vector<const Type *> &types,
                        size_t maxPositional, size_t required,
                        std::vector<Expr *> &out);
  const Type *redirectArg(Expr *e);
  bool strOrBytes(Expr *e, const char *what);
  std::string literal(Expr *e);
};

} // namespace aioc::sema
