// The static types of aioc's Python subset (SPEC §2). Types are interned by
// TypeContext, so two types are equal exactly when their pointers are equal.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace aioc {
class FunctionDef;
class ClassDef;
class Lambda;
class Expr;
} // namespace aioc

namespace aioc::sema {

struct ClassInfo;
struct FuncInfo;

enum class TypeKind {
  Int,
  Float,
  Bool,
  Str,
  Bytes,
  None,
  List,
  Dict,
  Set,
  Tuple,
  Optional,
  Callable,  // args = params..., ret is `ret`
  Class,     // instance of a user class (or a builtin exception class)
  ClassRef,  // the class object itself (callable constructor)
  Coroutine, // result of calling an async def: args[0] = result type
  Task,      // asyncio.Task[T]
  Future,    // asyncio.Future[T]
  Module,    // `import asyncio` -> name
  Builtin,   // builtin function or module member, by name
  Queue,     // asyncio.Queue/LifoQueue/PriorityQueue[T] (name tells which)
  Prim,      // Lock, Event, Semaphore, ... (name tells which)
  TaskGroup,
  Timeout,
  Exception, // a builtin exception instance; name = its class name
  Range,
  Iterator,       // enumerate/zip/reversed/dict views: args[0] = element type
  Generator,      // a generator object (`def` with `yield`): args[0] = yield
  AsyncGenerator, // an async generator (`async def` with `yield`)
  Unknown,        // element type of an empty literal awaiting context
  Error,          // poisoned by an earlier diagnostic (suppresses cascades)
  IO, // an I/O object (httpx.AsyncClient, aiofiles file, ...): see SemaIO
};

struct Type {
  TypeKind kind;
  std::vector<const Type *> args;
  const Type *ret = nullptr; // Callable
  ClassInfo *cls = nullptr;  // Class / ClassRef
  std::string name;          // Module, Builtin, Queue, Prim, Exception

  bool is(TypeKind k) const { return kind == k; }
  bool isNumeric() const {
    return kind == TypeKind::Int || kind == TypeKind::Float ||
           kind == TypeKind::Bool;
  }
  const Type *elem() const { return args.empty() ? nullptr : args[0]; }
  // Python spelling, for diagnostics: `list[int]`, `str | None`.
  std::string str() const;
};

class TypeContext {
public:
  TypeContext();
  const Type *intT, *floatT, *boolT, *strT, *bytesT, *noneT, *unknownT, *errorT,
      *rangeT;
  const Type *list(const Type *e) { return get(TypeKind::List, {e}); }
  const Type *set(const Type *e) { return get(TypeKind::Set, {e}); }
  const Type *dict(const Type *k, const Type *v) {
    return get(TypeKind::Dict, {k, v});
  }
  const Type *tuple(std::vector<const Type *> e) {
    return get(TypeKind::Tuple, std::move(e));
  }
  const Type *optional(const Type *e);
  const Type *coroutine(const Type *r) { return get(TypeKind::Coroutine, {r}); }
  const Type *task(const Type *r) { return get(TypeKind::Task, {r}); }
  const Type *future(const Type *r) { return get(TypeKind::Future, {r}); }
  const Type *iterator(const Type *e) { return get(TypeKind::Iterator, {e}); }
  const Type *callable(std::vector<const Type *> params, const Type *ret);
  const Type *classInstance(ClassInfo *c);
  const Type *classRef(ClassInfo *c);
  const Type *module(const std::string &n) {
    return get(TypeKind::Module, {}, n);
  }
  const Type *builtin(const std::string &n) {
    return get(TypeKind::Builtin, {}, n);
  }
  const Type *queue(const std::string &n, const Type *e) {
    return get(TypeKind::Queue, {e}, n);
  }
  const Type *prim(const std::string &n) { return get(TypeKind::Prim, {}, n); }
  const Type *exception(const std::string &n) {
    return get(TypeKind::Exception, {}, n);
  }
  const Type *taskGroup() { return get(TypeKind::TaskGroup, {}); }
  const Type *timeout() { return get(TypeKind::Timeout, {}); }
  const Type *io(const std::string &n) { return get(TypeKind::IO, {}, n); }

  const Type *get(TypeKind k, std::vector<const Type *> args,
                  const std::string &name = {}, const Type *ret = nullptr,
                  ClassInfo *cls = nullptr);

private:
  std::map<std::string, std::unique_ptr<Type>> interned_;
};

// True when a value of `from` may be stored where `to` is expected (with
// Python's implicit widenings: bool->int->float, T->T|None, None->T|None,
// subclass->base, empty literal -> any collection).
bool assignable(const Type *from, const Type *to);
// Whether `derived` is `base` or inherits from it.
bool isSubclass(const ClassInfo *derived, const ClassInfo *base);
// Does the type contain Unknown (an empty literal's element type)?
bool hasUnknown(const Type *t);

} // namespace aioc::sema
