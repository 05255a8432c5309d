#include "sema/Types.h"
#include "sema/Sema.h"

namespace aioc::sema {

std::string Type::str() const {
  auto join = [](const std::vector<const Type *> &v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i)
      s += (i ? ", " : "") + v[i]->str();
    return s;
  };
  switch (kind) {
  case TypeKind::Int:
    return "int";
  case TypeKind::Float:
    return "float";
  case TypeKind::Bool:
    return "bool";
  case TypeKind::Str:
    return "str";
  case TypeKind::Bytes:
    return "bytes";
  case TypeKind::None:
    return "None";
  case TypeKind::List:
    return "list[" + join(args) + "]";
  case TypeKind::Dict:
    return "dict[" + join(args) + "]";
  case TypeKind::Set:
    return "set[" + join(args) + "]";
  case TypeKind::Tuple:
    return "tuple[" + join(args) + "]";
  case TypeKind::Optional:
    return args[0]->str() + " | None";
  case TypeKind::Callable:
    return "Callable[[" + join(args) + "], " + ret->str() + "]";
  case TypeKind::Class:
    return cls->name;
  case TypeKind::ClassRef:
    return "type[" + cls->name + "]";
  case TypeKind::Coroutine:
    return "Coroutine[Any, Any, " + args[0]->str() + "]";
  case TypeKind::Task:
    return "Task[" + args[0]->str() + "]";
  case TypeKind::Future:
    return "Future[" + args[0]->str() + "]";
  case TypeKind::Module:
    return "module " + name;
  case TypeKind::Builtin:
    return name;
  case TypeKind::Queue:
    return "asyncio." + name + "[" + args[0]->str() + "]";
  case TypeKind::Prim:
    return "asyncio." + name;
  case TypeKind::TaskGroup:
    return "asyncio.TaskGroup";
  case TypeKind::Timeout:
    return "asyncio.Timeout";
  case TypeKind::Exception:
    return name;
  case TypeKind::Range:
    return "range";
  case TypeKind::Iterator:
    return "Iterator[" + args[0]->str() + "]";
  case TypeKind::Generator:
    return "Generator[" + args[0]->str() + ", None, None]";
  case TypeKind::AsyncGenerator:
    return "AsyncGenerator[" + args[0]->str() + ", None]";
  case TypeKind::Unknown:
    return "<unknown>";
  case TypeKind::Error:
    return "<error>";
  case TypeKind::IO: // args: the captured stdout/stderr types
    return args.empty() ? name : name + "[" + join(args) + "]";
  }
  return "?";
}

TypeContext::TypeContext() {
  intT = get(TypeKind::Int, {});
  floatT = get(TypeKind::Float, {});
  boolT = get(TypeKind::Bool, {});
  strT = get(TypeKind::Str, {});
  bytesT = get(TypeKind::Bytes, {});
  noneT = get(TypeKind::None, {});
  unknownT = get(TypeKind::Unknown, {});
  errorT = get(TypeKind::Error, {});
  rangeT = get(TypeKind::Range, {});
}

const Type *TypeContext::optional(const Type *e) {
  if (e->is(TypeKind::Optional) || e->is(TypeKind::None) ||
      e->is(TypeKind::Error))
    return e;
  return get(TypeKind::Optional, {e});
}

const Type *TypeContext::callable(std::vector<const Type *> params,
                                  const Type *ret) {
  return get(TypeKind::Callable, std::move(params), {}, ret);
}
const Type *TypeContext::classInstance(ClassInfo *c) {
  return get(TypeKind::Class, {}, {}, nullptr, c);
}
const Type *TypeContext::classRef(ClassInfo *c) {
  return get(TypeKind::ClassRef, {}, {}, nullptr, c);
}

const Type *TypeContext::get(TypeKind k, std::vector<const Type *> args,
                             const std::string &name, const Type *ret,
                             ClassInfo *cls) {
  // The key names children by address: they are interned already.
  std::string key = std::to_string(int(k)) + "|" + name + "|" +
                    std::to_string(reinterpret_cast<uintptr_t>(ret)) + "|" +
                    std::to_string(reinterpret_cast<uintptr_t>(cls));
  for (auto *a : args)
    key += "," + std::to_string(reinterpret_cast<uintptr_t>(a));
  auto &slot = interned_[key];
  if (!slot) {
    slot = std::make_unique<Type>();
    slot->kind = k;
    slot->args = std::move(args);
    slot->name = name;
    slot->ret = ret;
    slot->cls = cls;
  }
  return slot.get();
}

bool isSubclass(const ClassInfo *d, const ClassInfo *b) {
  for (; d; d = d->base)
    if (d == b)
      return true;
  return false;
}

bool hasUnknown(const Type *t) {
  if (!t)
    return false;
  if (t->is(TypeKind::Unknown))
    return true;
  for (auto *a : t->args)
    if (hasUnknown(a))
      return true;
  return false;
}

bool assignable(const Type *from, const Type *to) {
  if (from == to || from->is(TypeKind::Error) || to->is(TypeKind::Error))
    return true;
  if (from->is(TypeKind::Unknown))
    return true;
  switch (to->kind) {
  case TypeKind::Float:
    return from->is(TypeKind::Int) || from->is(TypeKind::Bool);
  case TypeKind::Int:
    return from->is(TypeKind::Bool);
  case TypeKind::Optional:
    return from->is(TypeKind::None) || assignable(from, to->args[0]) ||
           (from->is(TypeKind::Optional) &&
            assignable(from->args[0], to->args[0]));
  case TypeKind::Class:
    return from->is(TypeKind::Class) && isSubclass(from->cls, to->cls);
  case TypeKind::List:
  case TypeKind::Set:
  case TypeKind::Dict:
  case TypeKind::Queue:
    // Collections are invariant, but an empty literal fits any of them.
    if (from->kind != to->kind || from->args.size() != to->args.size())
      return false;
    for (size_t i = 0; i < from->args.size(); ++i)
      if (from->args[i] != to->args[i] && !from->args[i]->is(TypeKind::Unknown))
        return false;
    return true;
  case TypeKind::Tuple:
    if (!from->is(TypeKind::Tuple) || from->args.size() != to->args.size())
      return false;
    for (size_t i = 0; i < from->args.size(); ++i)
      if (!assignable(from->args[i], to->args[i]))
        return false;
    return true;
  case TypeKind::Callable:
    if (!from->is(TypeKind::Callable) || from->args.size() != to->args.size())
      return false;
    for (size_t i = 0; i < from->args.size(); ++i)
      if (from->args[i] != to->args[i])
        return false;
    return from->ret == to->ret || to->ret->is(TypeKind::None);
  default:
    return false;
  }
}

const ClassInfo::Field *ClassInfo::findField(const std::string &n) const {
  for (const ClassInfo *c = this; c; c = c->base)
    for (const auto &f : c->fields)
      if (f.name == n)
        return &f;
  return nullptr;
}

FuncInfo *ClassInfo::findMethod(const std::string &n) const {
  for (const ClassInfo *c = this; c; c = c->base) {
    auto it = c->methods.find(n);
    if (it != c->methods.end())
      return it->second;
  }
  return nullptr;
}

std::vector<const ClassInfo::Field *> ClassInfo::allFields() const {
  std::vector<const Field *> out;
  if (base)
    out = base->allFields();
  for (const auto &f : fields)
    out.push_back(&f);
  return out;
}

} // namespace aioc::sema
