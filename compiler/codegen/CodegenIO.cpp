// I/O lowering (see CodegenIO.h). Options structs are filled by an
// immediately invoked lambda: awaits inside the arguments were already
// hoisted into statements, so the lambda body never contains co_await.
#include "codegen/CodegenIO.h"
#include "sema/Sema.h"
#include "sema/SemaIO.h"

#include <llvm/Support/Casting.h>

#include <cctype>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace aioc::codegen {

using sema::isAsyncFile;
using sema::isIO;
using sema::isSyncFile;
using sema::Type;
using TK = sema::TypeKind;

namespace {
const char *const B = "aioc::io::bind::";
std::string b(const std::string &f) { return B + f; }
bool isTrue(Expr *e) {
  auto *c = e ? dyn_cast<Constant>(e) : nullptr;
  return c && c->valueKind == Constant::ValueKind::True;
}
} // namespace

std::string IOGen::str(Expr *e) { return b("raw(" + H.expr(e) + ")"); }
std::string IOGen::val(Expr *e, const Type *t) { return H.exprAs(e, t); }

std::string IOGen::cppType(const Type *t) {
  if (!t->is(TK::IO))
    return "";
  const std::string &n = t->name;
  if (n == "httpx.AsyncClient")
    return "aioc::httpx::AsyncClient";
  if (n == "httpx.Response")
    return "aioc::httpx::Response";
  if (n == "httpx.Headers")
    return "aioc::io::Headers";
  if (n == "requests.Response")
    return "aioc::requests::Response";
  if (isAsyncFile(t))
    return "aioc::aiofiles::AsyncFile";
  if (isSyncFile(t))
    return "std::shared_ptr<aioc::io::File>";
  if (n == "asyncio.subprocess.Process")
    return "aioc::io::Process";
  if (n == "asyncio.StreamReader")
    return "aioc::io::StreamReader";
  if (n == "asyncio.StreamWriter")
    return "aioc::io::StreamWriter";
  if (n == "asyncio.Server" || n == "socket.socket")
    return "aioc::io::Server";
  if (n == "subprocess.CompletedProcess")
    return "aioc::io::CompletedProcess";
  return "";
}

std::string IOGen::call(const std::string &qn, Call *c) {
  sema::TypeContext &T = H.T;
  const Type *S = T.strT, *F = T.optional(T.floatT);
  auto bound = [&](std::vector<std::string> names, size_t maxPos) {
    return sema::bindArgs(c, names, maxPos).out;
  };
  if (qn == "httpx.AsyncClient") {
    auto a = bound({"base_url", "headers", "timeout", "follow_redirects"}, 0);
    std::string s = "aioc::httpx::AsyncClient([&] { "
                    "aioc::httpx::ClientOptions o; ";
    if (a[0])
      s += "o.baseUrl = " + str(a[0]) + "; ";
    if (a[1])
      s += "o.headers = " + b("pairs(" + H.expr(a[1]) + ")") + "; ";
    if (a[2])
      s += "o.timeout = " + b("timeoutOf(" + val(a[2], F) + ")") + "; ";
    if (a[3])
      s += "o.followRedirects = " + H.expr(a[3]) + "; ";
    return s + "return o; }())";
  }
  if (qn == "aiofiles.open" || qn == "open") {
    auto a = bound({"file", "mode", "encoding"}, 2);
    std::string mode = a[1] ? str(a[1]) : "std::string(\"r\")";
    if (qn == "open")
      return "aioc::io::File::open(" + str(a[0]) + ", " + mode + ")";
    return "aioc::aiofiles::open(" + str(a[0]) + ", " + mode + ")";
  }
  if (qn == "input") {
    auto a = bound({"prompt"}, 1);
    return "py::Str(aioc::io::input(" + (a[0] ? str(a[0]) : "") + "))";
  }
  if (qn == "asyncio.create_subprocess_exec" ||
      qn == "asyncio.create_subprocess_shell") {
    bool shell = qn == "asyncio.create_subprocess_shell";
    std::string argv;
    if (shell) {
      argv = str(c->args[0]);
    } else {
      argv = "[&] { std::vector<std::string> v; ";
      for (Expr *x : c->args) {
        if (auto *st = dyn_cast<Starred>(x))
          argv += "for (const auto &s : " + H.expr(st->value) +
                  ") v.push_back(s.bytes()); ";
        else
          argv += "v.push_back(" + str(x) + "); ";
      }
      argv += "return v; }()";
    }
    std::string o = "[&] { aioc::io::SubprocessOptions o; ";
    for (Keyword *k : c->keywords) {
      if (k->arg == "cwd")
        o += "o.cwd = " + str(k->value) + "; ";
      else
        o += "o." + k->arg + "To = " + b("redirect(" + H.expr(k->value) + ")") +
             "; ";
    }
    o += "return o; }()";
    return "aioc::io::" + qn.substr(8) + "(" + argv + ", " + o + ")";
  }
  if (qn == "asyncio.open_connection") {
    auto a = bound({"host", "port", "limit"}, 2);
    return b("as<" + H.cppType(cast<Call>(c)->type->args[0]) + ">(") +
           "aioc::io::open_connection(" + str(a[0]) + ", int(" + H.expr(a[1]) +
           ")" + (a[2] ? ", " + H.expr(a[2]) : "") + "))";
  }
  if (qn == "asyncio.start_server") {
    auto a = bound({"client_connected_cb", "host", "port", "limit"}, 3);
    return "aioc::io::start_server(" + H.expr(a[0]) + ", " + str(a[1]) +
           ", int(" + H.expr(a[2]) + ")" + (a[3] ? ", " + H.expr(a[3]) : "") +
           ")";
  }
  if (qn == "requests.get" || qn == "requests.post" || qn == "requests.put" ||
      qn == "requests.delete") {
    auto a = bound({"url", "params", "headers", "data", "json", "timeout",
                    "allow_redirects"},
                   2);
    std::string o = "[&] { aioc::requests::Args o; ";
    if (a[1])
      o += "o.params = " + b("pairs(" + H.expr(a[1]) + ")") + "; ";
    if (a[2])
      o += "o.headers = " + b("pairs(" + H.expr(a[2]) + ")") + "; ";
    if (a[3])
      o += "o.data = " + str(a[3]) + "; ";
    if (a[4])
      o += "o.json = " + b("dumps(" + H.expr(a[4]) + ")") + "; ";
    if (a[5])
      o += "o.timeout = " + b("optTimeout(" + val(a[5], F) + ")") + "; ";
    if (a[6])
      o += "o.allowRedirects = " + H.expr(a[6]) + "; ";
    o += "return o; }()";
    std::string verb = qn.substr(9);
    for (char &ch : verb)
      ch = static_cast<char>(toupper(static_cast<unsigned char>(ch)));
    return "aioc::requests::request(\"" + verb + "\", " + str(a[0]) + ", " + o +
           ")";
  }
  if (qn == "subprocess.run" || qn == "subprocess.check_output") {
    auto a = bound({"args", "capture_output", "text", "check", "shell", "input",
                    "timeout", "cwd", "stdout", "stderr"},
                   1);
    std::string args = a[0]->type->is(TK::Str)
                           ? "std::vector<std::string>{" + str(a[0]) + "}"
                           : b("strings(" + H.expr(a[0]) + ")");
    std::string o = "[&] { aioc::io::RunOptions o; ";
    if (isTrue(a[1]))
      o += "o.captureOutput = true; ";
    if (a[3])
      o += "o.check = " + H.expr(a[3]) + "; ";
    if (a[4])
      o += "o.shell = " + H.expr(a[4]) + "; ";
    if (a[5])
      o += "o.input = " + str(a[5]) + "; ";
    if (a[6])
      o += "o.timeout = " + b("optTimeout(" + val(a[6], F) + ")") + "; ";
    if (a[7])
      o += "o.cwd = " + str(a[7]) + "; ";
    if (a[8])
      o += "o.stdoutTo = " + b("redirect(" + H.expr(a[8]) + ")") + "; ";
    if (a[9])
      o += "o.stderrTo = " + b("redirect(" + H.expr(a[9]) + ")") + "; ";
    o += "return o; }()";
    if (qn == "subprocess.run")
      return b("textMode(") + "aioc::io::run(" + args + ", " + o + "), " +
             (isTrue(a[2]) ? "true" : "false") + ")";
    return b("Conv<" + H.cppType(c->type) + ">::from(") +
           "aioc::io::checkOutput(" + args + ", " + o + "))";
  }
  (void)S;
  return "";
}

std::string IOGen::methodCall(Attribute *at, Call *c, const std::string &R) {
  sema::TypeContext &T = H.T;
  const Type *t = at->value->type;
  const std::string &n = t->name;
  const std::string &m = at->attr;
  const Type *F = T.optional(T.floatT);
  auto bound = [&](std::vector<std::string> names, size_t maxPos) {
    return sema::bindArgs(c, names, maxPos).out;
  };
  // The Python value of an awaited runtime result.
  auto as = [&](const std::string &coro) {
    return b("as<" + H.cppType(c->type->args[0]) + ">(" + coro + ")");
  };
  if (n == "httpx.AsyncClient") {
    if (m == "aclose")
      return R + ".aclose()";
    size_t base = m == "request" ? 1 : 0;
    std::vector<std::string> names = {
        "url",  "params",  "headers",         "content",
        "json", "timeout", "follow_redirects"};
    if (base)
      names.insert(names.begin(), "method");
    auto a = bound(names, base + 1);
    std::string o = "[&] { aioc::httpx::RequestArgs o; ";
    if (a[base + 1])
      o += "o.params = " + b("pairs(" + H.expr(a[base + 1]) + ")") + "; ";
    if (a[base + 2])
      o += "o.headers = " + b("pairs(" + H.expr(a[base + 2]) + ")") + "; ";
    if (a[base + 3])
      o += "o.content = " + str(a[base + 3]) + "; ";
    if (a[base + 4])
      o += "o.json = " + b("dumps(" + H.expr(a[base + 4]) + ")") + "; ";
    if (a[base + 5])
      o += "o.timeout = " + b("timeoutOf(" + val(a[base + 5], F) + ")") + "; ";
    if (a[base + 6])
      o += "o.followRedirects = " + H.expr(a[base + 6]) + "; ";
    o += "return o; }()";
    std::string verb = m == "delete" ? "delete_" : m;
    if (base)
      return R + ".request(" + str(a[0]) + ", " + str(a[1]) + ", " + o + ")";
    return R + "." + verb + "(" + str(a[0]) + ", " + o + ")";
  }
  if (n == "httpx.Response" || n == "requests.Response") {
    if (m == "raise_for_status")
      return R + ".raise_for_status()";
    if (m == "json")
      return b("loads<" + H.cppType(c->type) + ">(" + R + ".json())");
  }
  if (n == "httpx.Headers" && m == "get") {
    auto a = bound({"key", "default"}, 2);
    if (a[1])
      return "py::Str(" + R + ".get(" + str(a[0]) + ").value_or(" + str(a[1]) +
             "))";
    return b("Conv<py::Optional<py::Str>>::from(") + R + ".get(" + str(a[0]) +
           "))";
  }
  if (isAsyncFile(t)) {
    if (m == "read" || m == "readline") {
      auto a = bound({"size"}, 1);
      return as(R + "." + m + "(" + (a[0] ? H.expr(a[0]) : "") + ")");
    }
    if (m == "readlines")
      return as(R + ".readlines()");
    if (m == "write")
      return as(R + ".write(" + str(c->args[0]) + ")");
    if (m == "writelines")
      return R + ".writelines(" + b("raws(" + H.expr(c->args[0]) + ")") + ")";
    if (m == "close" || m == "flush")
      return R + "." + m + "()";
  }
  if (isSyncFile(t)) {
    std::string conv = b("Conv<" + H.cppType(c->type) + ">::from(");
    if (m == "read" || m == "readline") {
      auto a = bound({"size"}, 1);
      return conv + R + "->" + m + "(" + (a[0] ? H.expr(a[0]) : "") + "))";
    }
    if (m == "readlines")
      return conv + R + "->readlines())";
    if (m == "write")
      return "py::Int(" + R + "->write(" + str(c->args[0]) + "))";
    if (m == "writelines")
      return R + "->writelines(" + b("raws(" + H.expr(c->args[0]) + ")") + ")";
    if (m == "close" || m == "flush")
      return R + "->" + m + "()";
  }
  if (n == "asyncio.subprocess.Process") {
    if (m == "wait")
      return as(R + ".wait()");
    if (m == "communicate") {
      auto a = bound({"input"}, 1);
      std::string in =
          a[0] ? b("optRaw(" + val(a[0], T.optional(T.bytesT)) + ")") : "";
      return as(R + ".communicate(" + in + ")");
    }
    if (m == "kill" || m == "terminate")
      return R + "." + m + "()";
    if (m == "send_signal")
      return R + ".send_signal(int(" + H.expr(c->args[0]) + "))";
  }
  if (n == "asyncio.StreamReader") {
    if (m == "read") {
      auto a = bound({"n"}, 1);
      return as(R + ".read(" + (a[0] ? H.expr(a[0]) : "") + ")");
    }
    if (m == "readline")
      return as(R + ".readline()");
    if (m == "readexactly")
      return as(R + ".readexactly(" + H.expr(c->args[0]) + ")");
    if (m == "readuntil") {
      auto a = bound({"separator"}, 1);
      return as(R + ".readuntil(" + (a[0] ? str(a[0]) : "") + ")");
    }
    if (m == "at_eof")
      return R + ".at_eof()";
  }
  if (n == "asyncio.StreamWriter") {
    if (m == "write")
      return R + ".write(" + str(c->args[0]) + ")";
    if (m == "writelines")
      return R + ".writelines(" + b("raws(" + H.expr(c->args[0]) + ")") + ")";
    if (m == "drain" || m == "wait_closed" || m == "close" ||
        m == "write_eof" || m == "is_closing" || m == "can_write_eof")
      return R + "." + m + "()";
    if (m == "get_extra_info") {
      auto *k = cast<Constant>(c->args[0]);
      return b("addr(" + R + "." + k->str + "())");
    }
  }
  if (n == "asyncio.Server") {
    if (m == "close" || m == "wait_closed" || m == "serve_forever" ||
        m == "is_serving")
      return R + "." + m + "()";
  }
  if (n == "socket.socket" && m == "getsockname")
    return b("addr(" + R + ".sockname())");
  if (n == "subprocess.CompletedProcess" && m == "check_returncode")
    return R + ".checkReturncode()";
  return "/*unsupported I/O method " + m + "*/";
}

namespace {
std::string redirectConstant(const std::string &m) {
  if (m == "PIPE")
    return "py::Int(-1)";
  if (m == "STDOUT")
    return "py::Int(-2)";
  if (m == "DEVNULL")
    return "py::Int(-3)";
  return "";
}
} // namespace

std::string IOGen::name(Name *n) {
  if (!n->type || !n->type->is(TK::Int))
    return "";
  return redirectConstant(n->id);
}

std::string IOGen::attribute(Attribute *a) {
  const Type *vt = a->value->type;
  const std::string &m = a->attr;
  if (!vt || vt->is(TK::Module)) {
    // asyncio.subprocess.PIPE and friends: CPython's values.
    if (a->type && a->type->is(TK::Int))
      return redirectConstant(m);
    return "";
  }
  if (vt->is(TK::Class) && vt->cls->isException && vt->cls->isBuiltin) {
    std::string x = H.expr(a->value) + ".p->";
    if (m == "errno")
      return "py::Int(" + x + "errnum)";
    if (m == "strerror")
      return "py::Str(" + x + "strerror)";
    if (m == "filename")
      return "(" + x + "hasFilename ? py::Optional<py::Str>(py::Str(" + x +
             "filename)) : py::Optional<py::Str>())";
    if (m == "returncode")
      return "py::Int(" + x + "returncode)";
    if (m == "partial")
      return "py::Bytes(" + x + "partial)";
    if (m == "expected")
      return "(" + x + "expected ? py::Optional<py::Int>(py::Int(*" + x +
             "expected)) : py::Optional<py::Int>())";
    return "";
  }
  if (!vt->is(TK::IO))
    return "";
  std::string R = H.expr(a->value);
  const std::string &n = vt->name;
  if (n == "httpx.Response" || n == "requests.Response") {
    if (m == "status_code")
      return "py::Int(" + R + ".status_code())";
    if (m == "text" || m == "url" || m == "reason_phrase" || m == "reason" ||
        m == "http_version")
      return "py::Str(" + R + "." + m + "())";
    if (m == "content")
      return "py::Bytes(" + R + ".content())";
    if (m == "headers")
      return R + ".headers()";
    if (m == "is_success" || m == "ok")
      return R + "." + m + "()";
  }
  if (n == "asyncio.subprocess.Process") {
    if (m == "returncode")
      return b("optInt(" + R + ".returncode())");
    if (m == "pid")
      return "py::Int(" + R + ".pid())";
    if (m == "stdout" || m == "stderr" || m == "stdin")
      return R + "." + m + "_()";
  }
  if (n == "subprocess.CompletedProcess") {
    if (m == "returncode")
      return "py::Int(" + R + ".returncode)";
    if (m == "stdout" || m == "stderr")
      return b("Conv<" + H.cppType(a->type) + ">::from(") + R + "." + m +
             "Data)";
  }
  if (n == "asyncio.Server" && m == "sockets")
    return "py::List<aioc::io::Server>{" + R + "}";
  if (isAsyncFile(vt) && (m == "name" || m == "mode"))
    return "py::Str(" + R + "." + m + "())";
  if (isAsyncFile(vt) && m == "closed")
    return R + ".closed()";
  if (isSyncFile(vt) && (m == "name" || m == "mode"))
    return "py::Str(" + R + "->" + m + "())";
  if (isSyncFile(vt) && m == "closed")
    return R + "->closed()";
  return "/*unsupported I/O attribute " + m + "*/";
}

std::string IOGen::subscript(Subscript *s) {
  if (!isIO(s->value->type, "httpx.Headers"))
    return "";
  return "py::Str(" + H.expr(s->value) + ".at(" + str(s->slice) + "))";
}

bool IOGen::with(WithItem *item, const std::string &cm, const std::string &cmv,
                 const std::string &sid, bool isAsync, With &out) {
  const Type *t = item->context_expr->type;
  if (isAsync && (isIO(t, "httpx.AsyncClient") || isIO(t, "asyncio.Server"))) {
    bool client = isIO(t, "httpx.AsyncClient");
    out.decl = "auto " + cmv + " = " + cm + ";";
    out.enter = "co_await " + cmv + ".aenter();";
    out.bindVal = cmv;
    std::string exit =
        "co_await " + cmv + (client ? ".aclose();" : ".aexit();");
    out.exitOk = exit;
    out.exitErr = exit + " bool _sup" + sid + " = false;";
    return true;
  }
  if (isAsync && t->is(TK::Coroutine) && isAsyncFile(t->args[0])) {
    out.decl = "auto " + cmv + " = co_await " + cm + ";";
    out.enter = "(void)0;";
    out.bindVal = cmv;
    out.exitOk = "co_await " + cmv + ".close();";
    out.exitErr = out.exitOk + " bool _sup" + sid + " = false;";
    return true;
  }
  if (!isAsync && isSyncFile(t)) {
    out.decl = "auto " + cmv + " = " + cm + ";";
    out.enter = "(void)0;";
    out.bindVal = cmv;
    out.exitOk = cmv + "->close();";
    out.exitErr = out.exitOk + " bool _sup" + sid + " = false;";
    return true;
  }
  return false;
}

bool IOGen::loop(For *f, const std::string &it, std::string &next,
                 std::string &elemOf) {
  const Type *t = f->iter->type;
  if (f->isAsync && isAsyncFile(t))
    next = "co_await " + it + ".anext()";
  else if (!f->isAsync && isSyncFile(t))
    next = it + "->nextLine()";
  else
    return false;
  elemOf = sema::fileIsBinary(t) ? "py::Bytes" : "py::Str";
  return true;
}

} // namespace aioc::codegen
