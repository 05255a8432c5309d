// Type rules for the I/O names (see SemaIO.h). The static types follow what
// the script can observe in CPython: bytes vs str is decided by the file
// mode / `text=` argument (which must therefore be literals), and a
// subprocess's captured streams are `bytes` when piped and `None` when not.
#include "sema/SemaIO.h"
#include "sema/Sema.h"

#include <llvm/Support/Casting.h>

#include <set>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace aioc::sema {

using TK = TypeKind;

const std::vector<IOException> &ioExceptions() {
  static const std::vector<IOException> v = {
      // Builtins the core table does not carry.
      {"IsADirectoryError", "IsADirectoryError", "aioc::IsADirectoryError",
       "OSError"},
      {"NotADirectoryError", "NotADirectoryError", "aioc::NotADirectoryError",
       "OSError"},
      {"FileExistsError", "FileExistsError", "aioc::FileExistsError",
       "OSError"},
      {"ConnectionRefusedError", "ConnectionRefusedError",
       "aioc::ConnectionRefusedError", "ConnectionError"},
      {"ConnectionResetError", "ConnectionResetError",
       "aioc::ConnectionResetError", "ConnectionError"},
      {"BrokenPipeError", "BrokenPipeError", "aioc::BrokenPipeError",
       "ConnectionError"},
      {"EOFError", "EOFError", "aioc::io::EOFError", "Exception"},
      // asyncio streams (IncompleteReadError is an EOFError in Python; the
      // runtime's derives from Exception, so `except EOFError` would differ:
      // keep the runtime's tree).
      {"asyncio.IncompleteReadError", "IncompleteReadError",
       "aioc::io::IncompleteReadError", "Exception"},
      {"asyncio.LimitOverrunError", "LimitOverrunError",
       "aioc::io::LimitOverrunError", "Exception"},
      // subprocess
      {"subprocess.SubprocessError", "SubprocessError",
       "aioc::io::SubprocessError", "Exception"},
      {"subprocess.CalledProcessError", "CalledProcessError",
       "aioc::io::CalledProcessError", "subprocess.SubprocessError"},
      {"subprocess.TimeoutExpired", "TimeoutExpired",
       "aioc::io::TimeoutExpired", "subprocess.SubprocessError"},
      // httpx
      {"httpx.HTTPError", "HTTPError", "aioc::httpx::HTTPError", "Exception"},
      {"httpx.RequestError", "RequestError", "aioc::httpx::RequestError",
       "httpx.HTTPError"},
      {"httpx.TransportError", "TransportError", "aioc::httpx::TransportError",
       "httpx.RequestError"},
      {"httpx.TimeoutException", "TimeoutException",
       "aioc::httpx::TimeoutException", "httpx.TransportError"},
      {"httpx.ConnectTimeout", "ConnectTimeout", "aioc::httpx::ConnectTimeout",
       "httpx.TimeoutException"},
      {"httpx.ReadTimeout", "ReadTimeout", "aioc::httpx::ReadTimeout",
       "httpx.TimeoutException"},
      {"httpx.WriteTimeout", "WriteTimeout", "aioc::httpx::WriteTimeout",
       "httpx.TimeoutException"},
      {"httpx.PoolTimeout", "PoolTimeout", "aioc::httpx::PoolTimeout",
       "httpx.TimeoutException"},
      {"httpx.NetworkError", "NetworkError", "aioc::httpx::NetworkError",
       "httpx.TransportError"},
      {"httpx.ConnectError", "ConnectError", "aioc::httpx::ConnectError",
       "httpx.NetworkError"},
      {"httpx.ReadError", "ReadError", "aioc::httpx::ReadError",
       "httpx.NetworkError"},
      {"httpx.WriteError", "WriteError", "aioc::httpx::WriteError",
       "httpx.NetworkError"},
      {"httpx.ProtocolError", "ProtocolError", "aioc::httpx::ProtocolError",
       "httpx.TransportError"},
      {"httpx.RemoteProtocolError", "RemoteProtocolError",
       "aioc::httpx::RemoteProtocolError", "httpx.ProtocolError"},
      {"httpx.UnsupportedProtocol", "UnsupportedProtocol",
       "aioc::httpx::UnsupportedProtocol", "httpx.TransportError"},
      {"httpx.TooManyRedirects", "TooManyRedirects",
       "aioc::httpx::TooManyRedirects", "httpx.RequestError"},
      {"httpx.HTTPStatusError", "HTTPStatusError",
       "aioc::httpx::HTTPStatusError", "httpx.HTTPError"},
      {"httpx.InvalidURL", "InvalidURL", "aioc::httpx::InvalidURL",
       "Exception"},
      // json (aioc/gen/json.h; Response.json() raises the same class)
      {"json.JSONDecodeError", "JSONDecodeError", "aioc::gen::JSONDecodeError",
       "ValueError"},
      // requests (RequestException is an OSError there too)
      {"requests.RequestException", "RequestException",
       "aioc::requests::RequestException", "OSError"},
      {"requests.ConnectionError", "ConnectionError",
       "aioc::requests::ConnectionError", "requests.RequestException"},
      {"requests.HTTPError", "HTTPError", "aioc::requests::HTTPError",
       "requests.RequestException"},
      {"requests.Timeout", "Timeout", "aioc::requests::Timeout",
       "requests.RequestException"},
      {"requests.ConnectTimeout", "ConnectTimeout",
       "aioc::requests::ConnectTimeout", "requests.Timeout"},
      {"requests.ReadTimeout", "ReadTimeout", "aioc::requests::ReadTimeout",
       "requests.Timeout"},
  };
  return v;
}

bool isIOModule(const std::string &name) {
  return name == "httpx" || name == "aiofiles" || name == "subprocess" ||
         name == "requests" || name == "asyncio.subprocess";
}

bool isAsyncFile(const Type *t) {
  return isIO(t, "aiofiles.TextFile") || isIO(t, "aiofiles.BinaryFile");
}
bool isSyncFile(const Type *t) {
  return isIO(t, "io.TextIOWrapper") || isIO(t, "io.BufferedFile");
}
bool fileIsBinary(const Type *t) {
  return isIO(t, "aiofiles.BinaryFile") || isIO(t, "io.BufferedFile");
}

BoundArgs bindArgs(Call *c, const std::vector<std::string> &names,
                   size_t maxPositional) {
  BoundArgs b;
  b.out.assign(names.size(), nullptr);
  for (size_t i = 0; i < c->args.size(); ++i) {
    if (i >= maxPositional || i >= names.size() || isa<Starred>(c->args[i])) {
      if (!b.bad) {
        b.bad = c->args[i];
        b.badWhy = isa<Starred>(c->args[i])
                       ? "`*` arguments are not supported here by aioc"
                       : "takes at most " + std::to_string(maxPositional) +
                             " positional argument" +
                             (maxPositional == 1 ? "" : "s");
      }
      continue;
    }
    b.out[i] = c->args[i];
  }
  for (Keyword *k : c->keywords) {
    size_t i = 0;
    while (i < names.size() && names[i] != k->arg)
      ++i;
    if (k->arg.empty() || i == names.size()) {
      if (!b.bad) {
        b.bad = k;
        b.badWhy = k->arg.empty()
                       ? "`**` arguments are not supported by aioc"
                       : "got an unexpected (or unsupported by aioc) keyword "
                         "argument `" +
                             k->arg + "`";
      }
      continue;
    }
    if (b.out[i] && !b.bad) {
      b.bad = k;
      b.badWhy = "got multiple values for argument `" + k->arg + "`";
    }
    b.out[i] = k->value;
  }
  return b;
}

namespace {
const char *kStrOrBytes = "str | bytes";

// What json.dumps can write from a static type: str/int/float/bool/None,
// lists, tuples and dicts with str keys of those.
bool jsonEncodable(const Type *x) {
  switch (x->kind) {
  case TK::Error: // already reported
  case TK::Str:
  case TK::Int:
  case TK::Float:
  case TK::Bool:
  case TK::None:
    return true;
  case TK::Optional:
  case TK::List:
    return jsonEncodable(x->args[0]);
  case TK::Tuple:
    for (auto *e : x->args)
      if (!jsonEncodable(e))
        return false;
    return true;
  case TK::Dict:
    return x->args[0]->is(TK::Str) && jsonEncodable(x->args[1]);
  default:
    return false;
  }
}
// What JSON text can be decoded into (tuples would come back as lists).
bool jsonDecodable(const Type *x) {
  switch (x->kind) {
  case TK::Str:
  case TK::Int:
  case TK::Float:
  case TK::Bool:
    return true;
  case TK::Optional:
  case TK::List:
    return jsonDecodable(x->args[0]);
  case TK::Dict:
    return x->args[0]->is(TK::Str) && jsonDecodable(x->args[1]);
  default:
    return false;
  }
}
} // namespace

// Checks the bound arguments against `types` (nullptr: any, checked by the
// caller). Returns errorT after a diagnostic, nullptr when all is well.
const Type *IOChecker::checkArgs(Call *c, const std::string &what,
                                 const std::vector<std::string> &names,
                                 const std::vector<const Type *> &types,
                                 size_t maxPositional, size_t required,
                                 std::vector<Expr *> &out) {
  BoundArgs b = bindArgs(c, names, maxPositional);
  out = b.out;
  bool bad = false;
  if (b.bad) {
    H.error(b.bad, what + "() " + b.badWhy);
    bad = true;
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (!out[i]) {
      if (i < required) {
        H.error(c, what + "() missing required argument `" + names[i] + "`");
        bad = true;
      }
      continue;
    }
    const Type *want = i < types.size() ? types[i] : nullptr;
    const Type *t = H.check(out[i], want);
    if (want && !t->is(TK::Error) && !assignable(t, want)) {
      H.error(out[i], "argument `" + names[i] + "` of " + what +
                          "() must be `" + want->str() + "`, not `" + t->str() +
                          "`");
      bad = true;
    }
  }
  return bad ? H.T.errorT : nullptr;
}

bool IOChecker::strOrBytes(Expr *e, const char *what) {
  const Type *t = e->type;
  if (!t)
    t = H.check(e, nullptr);
  if (t->is(TK::Str) || t->is(TK::Bytes) || t->is(TK::Error))
    return true;
  H.error(e, std::string(what) + " must be `" + kStrOrBytes + "`, not `" +
                 t->str() + "`");
  return false;
}

std::string IOChecker::literal(Expr *e) {
  if (auto *k = dyn_cast<Constant>(e);
      k && k->valueKind == Constant::ValueKind::Str)
    return k->str;
  return "\x01";
}

const Type *IOChecker::process(const Type *out, const Type *err) {
  return H.T.get(TK::IO, {out, err}, "asyncio.subprocess.Process");
}

const Type *IOChecker::redirectArg(Expr *e) {
  // PIPE/STDOUT/DEVNULL are ints in CPython; None inherits.
  const Type *t = H.check(e, nullptr);
  if (t->is(TK::None))
    return H.T.optional(H.T.bytesT);
  if (t->is(TK::Int))
    return H.T.bytesT;
  if (!t->is(TK::Error))
    H.error(e, "expected `asyncio.subprocess.PIPE`, `DEVNULL`, `STDOUT` or "
               "`None`, not `" +
                   t->str() + "`");
  return H.T.errorT;
}

const Type *IOChecker::annotation(const std::string &qn) {
  static const std::map<std::string, std::string> names = {
      {"httpx.AsyncClient", "httpx.AsyncClient"},
      {"httpx.Response", "httpx.Response"},
      {"httpx.Headers", "httpx.Headers"},
      {"asyncio.StreamReader", "asyncio.StreamReader"},
      {"asyncio.StreamWriter", "asyncio.StreamWriter"},
      {"asyncio.Server", "asyncio.Server"},
      {"asyncio.base_events.Server", "asyncio.Server"},
      {"requests.Response", "requests.Response"},
  };
  auto it = names.find(qn);
  if (it != names.end()) {
    H.usesIO();
    return H.T.io(it->second);
  }
  if (qn == "asyncio.subprocess.Process") {
    // Which streams are piped is unknown here: both may be None.
    H.usesIO();
    const Type *ob = H.T.optional(H.T.bytesT);
    return process(ob, ob);
  }
  return nullptr;
}

const Type *IOChecker::moduleAttr(const std::string &qn) {
  if (qn == "asyncio.subprocess.PIPE" || qn == "asyncio.subprocess.STDOUT" ||
      qn == "asyncio.subprocess.DEVNULL" || qn == "subprocess.PIPE" ||
      qn == "subprocess.STDOUT" || qn == "subprocess.DEVNULL")
    return H.T.intT;
  if (ClassInfo *c = H.exc(qn)) {
    H.usesIO();
    return c->ref;
  }
  return nullptr;
}

const Type *IOChecker::attribute(Attribute *a, const Type *t) {
  const std::string &m = a->attr;
  const Type *I = H.T.intT, *S = H.T.strT, *B = H.T.bytesT;
  if (t->is(TK::Class) && t->cls->isException) {
    // Attributes of OSError and the I/O exceptions, by the class chain.
    for (const ClassInfo *c = t->cls; c; c = c->base) {
      if (c->name == "OSError" && c->isBuiltin) {
        if (m == "errno")
          return I;
        if (m == "strerror")
          return S;
        if (m == "filename")
          return H.T.optional(S);
      }
      if (c->cppName == "aioc::io::CalledProcessError" && m == "returncode")
        return I;
      if (c->cppName == "aioc::io::IncompleteReadError") {
        if (m == "partial")
          return B;
        if (m == "expected")
          return H.T.optional(I);
      }
    }
    return nullptr;
  }
  if (!t->is(TK::IO))
    return nullptr;
  const std::string &n = t->name;
  if (n == "httpx.Response" || n == "requests.Response") {
    if (m == "status_code")
      return I;
    if (m == "text")
      return S;
    if (m == "content")
      return B;
    if (m == "headers")
      return H.T.io("httpx.Headers");
    if (m == "url")
      return S;
    if (m == "reason_phrase" && n == "httpx.Response")
      return S;
    if (m == "reason" && n == "requests.Response")
      return S;
    if (m == "is_success" && n == "httpx.Response")
      return H.T.boolT;
    if (m == "ok" && n == "requests.Response")
      return H.T.boolT;
    if (m == "http_version" && n == "httpx.Response")
      return S;
  }
  if (n == "asyncio.subprocess.Process") {
    if (m == "returncode")
      return H.T.optional(I);
    if (m == "pid")
      return I;
    if (m == "stdout" || m == "stderr")
      return H.T.io("asyncio.StreamReader");
    if (m == "stdin")
      return H.T.io("asyncio.StreamWriter");
  }
  if (n == "subprocess.CompletedProcess") {
    if (m == "returncode")
      return I;
    if (m == "stdout")
      return t->args[0];
    if (m == "stderr")
      return t->args[1];
  }
  if (n == "asyncio.Server" && m == "sockets")
    return H.T.list(H.T.io("socket.socket"));
  if ((isAsyncFile(t) || isSyncFile(t)) && (m == "name" || m == "mode"))
    return S;
  if ((isAsyncFile(t) || isSyncFile(t)) && m == "closed")
    return H.T.boolT;
  return nullptr;
}

const Type *IOChecker::call(const std::string &qn, Call *c,
                            const Type *expected) {
  (void)expected;
  TypeContext &T = H.T;
  const Type *S = T.strT, *I = T.intT, *B = T.boolT, *F = T.floatT;
  std::vector<Expr *> a;
  auto async = [&]() {
    if (!H.inAsync())
      H.error(c, "`" + qn +
                     "()` needs a running event loop: call it inside "
                     "an `async def`");
  };
  if (qn == "httpx.AsyncClient") {
    H.usesIO();
    if (checkArgs(c, qn, {"base_url", "headers", "timeout", "follow_redirects"},
                  {S, T.dict(S, S), T.optional(F), B}, 0, 0, a))
      return T.errorT;
    return T.io("httpx.AsyncClient");
  }
  if (qn == "httpx.Client" || qn == "httpx.get" || qn == "httpx.post" ||
      qn == "httpx.put" || qn == "httpx.patch" || qn == "httpx.delete" ||
      qn == "httpx.request" || qn == "httpx.stream") {
    for (auto *x : c->args)
      H.check(x, nullptr);
    H.error(c->func,
            "the synchronous (blocking) `" + qn +
                "` is not supported by aioc; use `httpx.AsyncClient` "
                "with `async with` and `await client." +
                (qn == "httpx.Client" ? std::string("get") : qn.substr(6)) +
                "(...)`");
    return T.errorT;
  }
  if (qn == "aiofiles.open" || qn == "open") {
    H.usesIO();
    if (checkArgs(c, qn, {"file", "mode", "encoding"}, {S, S, S}, 2, 1, a))
      return T.errorT;
    std::string mode = a[1] ? literal(a[1]) : "r";
    if (mode == "\x01") {
      H.error(a[1], "the mode of " + qn +
                        "() must be a string literal for aioc (it decides "
                        "between str and bytes)");
      return T.errorT;
    }
    if (mode.find_first_not_of("rwaxbt+") != std::string::npos ||
        mode.find_first_of("rwax") == std::string::npos) {
      H.error(a[1], "invalid mode: '" + mode + "'");
      return T.errorT;
    }
    if (a[2] && literal(a[2]) != "utf-8" && literal(a[2]) != "utf8" &&
        literal(a[2]) != "UTF-8")
      H.error(a[2], "only encoding=\"utf-8\" is supported by aioc");
    bool bin = mode.find('b') != std::string::npos;
    if (qn == "open")
      return T.io(bin ? "io.BufferedFile" : "io.TextIOWrapper");
    return T.coroutine(T.io(bin ? "aiofiles.BinaryFile" : "aiofiles.TextFile"));
  }
  if (qn.rfind("aiofiles.", 0) == 0) {
    for (auto *x : c->args)
      H.check(x, nullptr);
    H.error(c->func, "`" + qn +
                         "` is not supported by aioc; only `aiofiles.open` "
                         "is (use `asyncio.to_thread` with `os` calls)");
    return T.errorT;
  }
  if (qn == "input") {
    H.usesIO();
    if (checkArgs(c, qn, {"prompt"}, {S}, 1, 0, a))
      return T.errorT;
    return S;
  }
  if (qn == "asyncio.create_subprocess_exec" ||
      qn == "asyncio.create_subprocess_shell") {
    H.usesIO();
    async();
    bool shell = qn == "asyncio.create_subprocess_shell";
    // Not piped: None at run time, typed `bytes | None` so that
    // `out, err = await p.communicate()` binds.
    const Type *out = T.optional(T.bytesT), *err = out;
    bool bad = false;
    size_t nargs = 0;
    for (auto *x : c->args) {
      ++nargs;
      if (auto *st = dyn_cast<Starred>(x)) {
        const Type *t = H.check(st->value, nullptr);
        if (shell || !assignable(t, T.list(S))) {
          H.error(x, shell ? "create_subprocess_shell() takes one command "
                             "string"
                           : "`*` arguments of create_subprocess_exec() must "
                             "be `list[str]`, not `" +
                                 t->str() + "`");
          bad = true;
        }
        x->type = t;
        continue;
      }
      const Type *t = H.check(x, S);
      if (!t->is(TK::Error) && !t->is(TK::Str)) {
        H.error(x, "program arguments must be `str`, not `" + t->str() + "`");
        bad = true;
      }
    }
    if (nargs == 0 || (shell && nargs != 1)) {
      H.error(c, qn + "() needs " +
                     (shell ? std::string("one command string")
                            : std::string("a program and its arguments")));
      bad = true;
    }
    for (Keyword *k : c->keywords) {
      // Only PIPE captures; DEVNULL/STDOUT leave None in communicate().
      auto *ka = dyn_cast<Attribute>(k->value);
      bool piped = ka && ka->attr == "PIPE";
      if (k->arg == "stdout") {
        out = redirectArg(k->value);
        if (!piped && !out->is(TK::Error))
          out = T.optional(T.bytesT);
      } else if (k->arg == "stderr") {
        err = redirectArg(k->value);
        if (!piped && !err->is(TK::Error))
          err = T.optional(T.bytesT);
      } else if (k->arg == "stdin")
        redirectArg(k->value);
      else if (k->arg == "cwd")
        H.check(k->value, S);
      else {
        H.error(k, qn +
                       "() got an unexpected (or unsupported by aioc) "
                       "keyword argument `" +
                       k->arg + "`");
        bad = true;
      }
      if (k->value->type && k->value->type->is(TK::Error))
        bad = true;
    }
    if (bad || out->is(TK::Error) || err->is(TK::Error))
      return T.errorT;
    return T.coroutine(process(out, err));
  }
  if (qn == "asyncio.open_connection") {
    H.usesIO();
    async();
    if (checkArgs(c, qn, {"host", "port", "limit"}, {S, I, I}, 2, 2, a))
      return T.errorT;
    return T.coroutine(
        T.tuple({T.io("asyncio.StreamReader"), T.io("asyncio.StreamWriter")}));
  }
  if (qn == "asyncio.start_server") {
    H.usesIO();
    async();
    const Type *cb =
        T.callable({T.io("asyncio.StreamReader"), T.io("asyncio.StreamWriter")},
                   T.coroutine(T.noneT));
    if (checkArgs(c, qn, {"client_connected_cb", "host", "port", "limit"},
                  {nullptr, S, I, I}, 3, 3, a))
      return T.errorT;
    const Type *ft = a[0]->type;
    auto *fn = dyn_cast<Name>(a[0]);
    if (!fn || !ft || !ft->is(TK::Callable) || !assignable(ft, cb)) {
      if (!ft || !ft->is(TK::Error))
        H.error(a[0], "start_server() needs an `async def` of (reader: "
                      "asyncio.StreamReader, writer: asyncio.StreamWriter) "
                      "-> None defined in the script");
      return T.errorT;
    }
    return T.coroutine(T.io("asyncio.Server"));
  }
  if (qn == "requests.get" || qn == "requests.post" || qn == "requests.put" ||
      qn == "requests.delete") {
    H.usesIO();
    if (checkArgs(
            c, qn,
            {"url", "params", "headers", "data", "json", "timeout",
             "allow_redirects"},
            {S, T.dict(S, S), T.dict(S, S), nullptr, nullptr, T.optional(F), B},
            2, 1, a))
      return T.errorT;
    if (a[3] && !strOrBytes(a[3], "data"))
      return T.errorT;
    return T.io("requests.Response");
  }
  if (qn == "subprocess.run" || qn == "subprocess.check_output") {
    H.usesIO();
    bool run = qn == "subprocess.run";
    if (checkArgs(
            c, qn,
            {"args", "capture_output", "text", "check", "shell", "input",
             "timeout", "cwd", "stdout", "stderr"},
            {nullptr, B, B, B, B, nullptr, T.optional(F), S, nullptr, nullptr},
            1, 1, a))
      return T.errorT;
    const Type *at = a[0]->type;
    if (!at->is(TK::Str) && !assignable(at, T.list(S))) {
      H.error(a[0], "args must be `list[str]` (or a `str` with shell=True), "
                    "not `" +
                        at->str() + "`");
      return T.errorT;
    }
    for (int i : {1, 2, 3, 4}) {
      if (!a[i])
        continue;
      auto *k = dyn_cast<Constant>(a[i]);
      if (!k || (k->valueKind != Constant::ValueKind::True &&
                 k->valueKind != Constant::ValueKind::False)) {
        H.error(a[i], "this flag must be the literal True or False for aioc "
                      "(it decides the result's static type)");
        return T.errorT;
      }
    }
    auto flag = [&](int i) {
      return a[i] &&
             cast<Constant>(a[i])->valueKind == Constant::ValueKind::True;
    };
    if (a[5] && !strOrBytes(a[5], "input"))
      return T.errorT;
    const Type *data = flag(2) ? S : T.bytesT;
    const Type *out = T.optional(data), *err = out;
    if (flag(1))
      out = err = data;
    if (a[8]) {
      if (redirectArg(a[8])->is(TK::Bytes))
        out = data;
    }
    if (a[9]) {
      const Type *r = redirectArg(a[9]);
      auto *at9 = dyn_cast<Attribute>(a[9]);
      if (r->is(TK::Bytes) && !(at9 && at9->attr == "STDOUT"))
        err = data;
    }
    if (!run) {
      if (a[1] || a[8]) {
        H.error(a[1] ? a[1] : a[8], "check_output() captures stdout itself");
        return T.errorT;
      }
      return data;
    }
    return T.get(TK::IO, {out, err}, "subprocess.CompletedProcess");
  }
  if (qn.rfind("subprocess.", 0) == 0 || qn.rfind("requests.", 0) == 0) {
    for (auto *x : c->args)
      H.check(x, nullptr);
    H.error(c->func, "`" + qn + "` is not supported by aioc");
    return T.errorT;
  }
  return nullptr;
}

const Type *IOChecker::methodCall(Attribute *at, const Type *t, Call *c,
                                  const Type *expected) {
  if (!t->is(TK::IO))
    return nullptr;
  TypeContext &T = H.T;
  const Type *S = T.strT, *I = T.intT, *B = T.boolT, *F = T.floatT,
             *N = T.noneT, *Y = T.bytesT;
  const std::string &m = at->attr;
  const std::string &n = t->name;
  std::string what = n + "." + m;
  std::vector<Expr *> a;
  auto none = [&](const Type *r) -> const Type * {
    if (checkArgs(c, what, {}, {}, 0, 0, a))
      return T.errorT;
    return r;
  };
  if (n == "httpx.AsyncClient") {
    static const std::set<std::string> verbs = {
        "get", "post", "put", "patch", "delete", "head", "request"};
    if (verbs.count(m)) {
      std::vector<std::string> names = {
          "url",  "params",  "headers",         "content",
          "json", "timeout", "follow_redirects"};
      std::vector<const Type *> types = {
          S, T.dict(S, S), T.dict(S, S), nullptr, nullptr, T.optional(F), B};
      if (m == "request") {
        names.insert(names.begin(), "method");
        types.insert(types.begin(), S);
      }
      size_t base = m == "request" ? 1 : 0;
      if (checkArgs(c, what, names, types, base + 1, base + 1, a))
        return T.errorT;
      if (a[base + 3] && !strOrBytes(a[base + 3], "content"))
        return T.errorT;
      if (a[base + 3] && a[base + 4]) {
        H.error(a[base + 4], "give either `content=` or `json=`, not both");
        return T.errorT;
      }
      if (a[base + 4]) {
        // json=: any JSON-shaped static type (str/int/float/bool/None,
        // lists, tuples and dicts with str keys of those).
        const Type *jt = a[base + 4]->type;
        if (!jt->is(TK::Error) && !jsonEncodable(jt)) {
          H.error(a[base + 4], "json= needs a JSON-shaped value (str, int, "
                               "float, bool, None, lists, tuples, dicts with "
                               "str keys), not `" +
                                   jt->str() + "`");
          return T.errorT;
        }
      }
      return T.coroutine(T.io("httpx.Response"));
    }
    if (m == "aclose")
      return none(T.coroutine(N));
  }
  if (n == "httpx.Response" || n == "requests.Response") {
    if (m == "raise_for_status")
      return none(N);
    if (m == "json") {
      if (checkArgs(c, what, {}, {}, 0, 0, a))
        return T.errorT;
      if (!expected || !jsonDecodable(expected)) {
        H.error(c, "`.json()` needs an annotated target of a JSON-shaped type "
                   "for aioc, e.g. `data: dict[str, int] = r.json()`");
        return T.errorT;
      }
      return expected;
    }
  }
  if (n == "httpx.Headers") {
    if (m == "get") {
      if (checkArgs(c, what, {"key", "default"}, {S, S}, 2, 1, a))
        return T.errorT;
      return a[1] ? S : T.optional(S);
    }
  }
  if (isAsyncFile(t) || isSyncFile(t)) {
    bool bin = fileIsBinary(t);
    bool async = isAsyncFile(t);
    const Type *D = bin ? Y : S;
    auto wrap = [&](const Type *r) { return async ? T.coroutine(r) : r; };
    if (m == "read" || m == "readline") {
      if (checkArgs(c, what, {"size"}, {I}, 1, 0, a))
        return T.errorT;
      return wrap(D);
    }
    if (m == "readlines")
      return none(wrap(T.list(D)));
    if (m == "write") {
      if (checkArgs(c, what, {"data"}, {D}, 1, 1, a))
        return T.errorT;
      return wrap(I);
    }
    if (m == "writelines") {
      if (checkArgs(c, what, {"lines"}, {T.list(D)}, 1, 1, a))
        return T.errorT;
      return wrap(N);
    }
    if (m == "close" || m == "flush")
      return none(wrap(N));
  }
  if (n == "asyncio.subprocess.Process") {
    if (m == "wait")
      return none(T.coroutine(I));
    if (m == "communicate") {
      if (checkArgs(c, what, {"input"}, {T.optional(Y)}, 1, 0, a))
        return T.errorT;
      return T.coroutine(T.tuple({t->args[0], t->args[1]}));
    }
    if (m == "kill" || m == "terminate")
      return none(N);
    if (m == "send_signal") {
      if (checkArgs(c, what, {"signal"}, {I}, 1, 1, a))
        return T.errorT;
      return N;
    }
  }
  if (n == "asyncio.StreamReader") {
    if (m == "read") {
      if (checkArgs(c, what, {"n"}, {I}, 1, 0, a))
        return T.errorT;
      return T.coroutine(Y);
    }
    if (m == "readline")
      return none(T.coroutine(Y));
    if (m == "readexactly") {
      if (checkArgs(c, what, {"n"}, {I}, 1, 1, a))
        return T.errorT;
      return T.coroutine(Y);
    }
    if (m == "readuntil") {
      if (checkArgs(c, what, {"separator"}, {Y}, 1, 0, a))
        return T.errorT;
      return T.coroutine(Y);
    }
    if (m == "at_eof")
      return none(B);
  }
  if (n == "asyncio.StreamWriter") {
    if (m == "write") {
      if (checkArgs(c, what, {"data"}, {Y}, 1, 1, a))
        return T.errorT;
      return N;
    }
    if (m == "writelines") {
      if (checkArgs(c, what, {"data"}, {T.list(Y)}, 1, 1, a))
        return T.errorT;
      return N;
    }
    if (m == "drain" || m == "wait_closed")
      return none(T.coroutine(N));
    if (m == "close" || m == "write_eof")
      return none(N);
    if (m == "is_closing" || m == "can_write_eof")
      return none(B);
    if (m == "get_extra_info") {
      if (checkArgs(c, what, {"name"}, {S}, 1, 1, a))
        return T.errorT;
      std::string k = literal(a[0]);
      if (k != "peername" && k != "sockname") {
        H.error(a[0], "only get_extra_info('peername') and ('sockname') are "
                      "supported by aioc");
        return T.errorT;
      }
      return T.tuple({S, I});
    }
  }
  if (n == "asyncio.Server") {
    if (m == "close")
      return none(N);
    if (m == "wait_closed" || m == "serve_forever")
      return none(T.coroutine(N));
    if (m == "is_serving")
      return none(B);
  }
  if (n == "socket.socket" && m == "getsockname")
    return none(T.tuple({S, I}));
  if (n == "subprocess.CompletedProcess" && m == "check_returncode")
    return none(N);
  for (auto *x : c->args)
    H.check(x, nullptr);
  H.error(at, "`" + n + "` has no method `" + m +
                  "` (or it is not supported by aioc)");
  return T.errorT;
}

const Type *IOChecker::subscript(Subscript *s, const Type *t) {
  if (!isIO(t, "httpx.Headers"))
    return nullptr;
  const Type *k = H.check(s->slice, H.T.strT);
  if (!k->is(TK::Str) && !k->is(TK::Error))
    H.error(s->slice, "header names are `str`, not `" + k->str() + "`");
  return H.T.strT;
}

const Type *IOChecker::withBound(Expr *cm, const Type *t, bool isAsync) {
  if (isAsync) {
    if (isIO(t, "httpx.AsyncClient") || isIO(t, "asyncio.Server"))
      return t;
    // `async with aiofiles.open(...) as f`: the call itself, not any
    // coroutine producing a file.
    if (t->is(TK::Coroutine) && isAsyncFile(t->args[0]))
      if (auto *c = dyn_cast<Call>(cm); c && c->func->type &&
                                        c->func->type->is(TK::Builtin) &&
                                        c->func->type->name == "aiofiles.open")
        return t->args[0];
    return nullptr;
  }
  if (isSyncFile(t))
    return t;
  return nullptr;
}

const Type *IOChecker::iterElem(const Type *t, bool isAsync) {
  if (isAsync && isAsyncFile(t))
    return fileIsBinary(t) ? H.T.bytesT : H.T.strT;
  if (!isAsync && isSyncFile(t))
    return fileIsBinary(t) ? H.T.bytesT : H.T.strT;
  return nullptr;
}

} // namespace aioc::sema
