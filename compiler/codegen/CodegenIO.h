// Lowering of the I/O names that SemaIO types (httpx, aiofiles, asyncio
// subprocesses and streams, open/input/requests/subprocess.run) onto the
// runtime's aioc/io API, through the helpers of aioc/io/pybind.h.
// Codegen.cpp calls these from its dispatch; each returns "" (or false) for
// what is not an I/O construct.
#pragma once

#include "ast/AST.h"
#include "sema/Types.h"

#include <functional>
#include <string>

namespace aioc::codegen {

class IOGen {
public:
  struct Host {
    sema::TypeContext &T;
    std::function<std::string(Expr *)> expr;
    std::function<std::string(Expr *, const sema::Type *)> exprAs;
    std::function<std::string(const sema::Type *)> cppType;
  };
  explicit IOGen(Host h) : H(std::move(h)) {}

  std::string cppType(const sema::Type *t);
  std::string call(const std::string &qn, Call *c);
  // `recv` is the already evaluated receiver.
  std::string methodCall(Attribute *a, Call *c, const std::string &recv);
  std::string attribute(Attribute *a);
  // `PIPE` imported with `from asyncio.subprocess import PIPE`.
  std::string name(Name *n);
  std::string subscript(Subscript *s);

  struct With {
    std::string decl, enter, bindVal, exitOk, exitErr;
  };
  bool with(WithItem *item, const std::string &cm, const std::string &cmv,
            const std::string &sid, bool isAsync, With &out);
  // `for`/`async for` over a file: the statement yielding the next line as
  // an optional (`auto o = ...;`), and how to turn `*o` into the element.
  bool loop(For *f, const std::string &iterVar, std::string &next,
            std::string &elemOf);

private:
  Host H;
  std::string str(Expr *e); // a str/bytes argument as std::string
  std::string val(Expr *e, const sema::Type *t);
};

} // namespace aioc::codegen
