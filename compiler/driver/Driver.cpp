#include "driver/Driver.h"

#include "codegen/Codegen.h"
#include "frontend/Frontend.h"
#include "sema/Sema.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MD5.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include <sys/stat.h>
#include <unistd.h>

namespace aioc::driver {

namespace {

// Locations baked in by CMake (compiler/driver/CMakeLists.txt).
const char *const kRuntimeInclude = AIOC_RUNTIME_INCLUDE;
const char *const kSupportInclude = AIOC_SUPPORT_INCLUDE;
const char *const kRuntimeLib = AIOC_RUNTIME_LIB;

std::string findCompiler(bool &isClang) {
  for (const char *name : {"clang++-16"}) {
    if (auto p = llvm::sys::findProgramByName(name)) {
      isClang = true;
      return *p;
    }
  }
  isClang = false;
  if (auto p = llvm::sys::findProgramByName("g++"))
    return *p;
  return "";
}

std::vector<std::string> commonFlags(bool isClang, int opt) {
  std::vector<std::string> f = {"-std=c++20",
                                "-O" + std::to_string(opt),
                                "-w",
                                "-pthread",
                                "-I" + std::string(kRuntimeInclude),
                                "-I" + std::string(kSupportInclude)};
  if (!isClang)
    // g++ turns symmetric transfer into a tail call only with this
    // (TOOLCHAIN.md); without it long await chains overflow the stack.
    f.push_back("-foptimize-sibling-calls");
  return f;
}

int runTool(const std::string &prog, const std::vector<std::string> &args,
            const std::string &errFile) {
  std::vector<llvm::StringRef> argv;
  argv.push_back(prog);
  for (auto &a : args)
    argv.push_back(a);
  std::optional<llvm::StringRef> redirects[3] = {std::nullopt, std::nullopt,
                                                 llvm::StringRef(errFile)};
  std::string msg;
  int rc = llvm::sys::ExecuteAndWait(prog, argv, std::nullopt, redirects, 0, 0,
                                     &msg);
  if (rc < 0)
    llvm::errs() << "aioc: cannot run " << prog << ": " << msg << "\n";
  return rc;
}

std::string hashHex(llvm::StringRef data) {
  llvm::MD5 h;
  h.update(data);
  llvm::MD5::MD5Result r;
  h.final(r);
  return std::string(r.digest().str());
}

// The precompiled support header for this compiler and -O level, built on
// first use and shared by every later compile (atomic rename: concurrent
// compiles never see a half-written file).
std::string ensurePch(const std::string &cxx, int opt) {
  std::string header = std::string(kSupportInclude) + "/aioc/gen/support.h";
  llvm::sys::fs::file_status st, lib;
  if (llvm::sys::fs::status(header, st) ||
      llvm::sys::fs::status(kRuntimeLib, lib))
    return "";
  std::string key =
      cxx + "|" + std::to_string(opt) + "|" +
      std::to_string(st.getLastModificationTime().time_since_epoch().count()) +
      "|" +
      std::to_string(lib.getLastModificationTime().time_since_epoch().count()) +
      "|" + kRuntimeInclude;
  // Any header change invalidates the PCH (clang refuses a stale one).
  for (const char *root : {kRuntimeInclude, kSupportInclude}) {
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(root, ec), end;
         it != end && !ec; it.increment(ec)) {
      llvm::sys::fs::file_status hs;
      if (llvm::sys::fs::status(it->path(), hs) ||
          hs.type() != llvm::sys::fs::file_type::regular_file)
        continue;
      key += "|" + it->path() + ":" + std::to_string(hs.getSize()) + ":" +
             std::to_string(
                 hs.getLastModificationTime().time_since_epoch().count());
    }
  }
  std::string dir = cacheDir();
  if (dir.empty())
    return "";
  std::string pch = dir + "/support-" + hashHex(key) + ".pch";
  if (llvm::sys::fs::exists(pch))
    return pch;
  std::string tmp = pch + ".tmp" + std::to_string(getpid());
  std::vector<std::string> args = commonFlags(true, opt);
  // Instantiating the headers' templates once, in the PCH, saves most of
  // the per-program -O0 compile time.
  args.insert(args.end(), {"-fpch-instantiate-templates", "-x", "c++-header",
                           header, "-o", tmp});
  std::string errFile = tmp + ".err";
  int rc = runTool(cxx, args, errFile);
  llvm::sys::fs::remove(errFile);
  if (rc != 0) {
    llvm::sys::fs::remove(tmp);
    return "";
  }
  llvm::sys::fs::rename(tmp, pch);
  return pch;
}

} // namespace

std::string cacheDir() {
  std::string base;
  if (const char *x = getenv("XDG_CACHE_HOME"); x && *x)
    base = x;
  else if (const char *h = getenv("HOME"); h && *h)
    base = std::string(h) + "/.cache";
  else
    return "";
  mkdir(base.c_str(), 0700);
  std::string dir = base + "/aioc";
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return "";
  struct stat sb;
  // A cache someone else owns, or that others can write, is not ours to
  // exec binaries from.
  if (stat(dir.c_str(), &sb) != 0 || sb.st_uid != getuid() ||
      (sb.st_mode & 0077) != 0) {
    if (sb.st_uid == getuid())
      chmod(dir.c_str(), 0700);
    else
      return "";
  }
  return dir;
}

bool translate(const std::string &script, std::string &cpp) {
  SourceManager sm;
  std::string err;
  unsigned id = sm.loadFile(script, err);
  if (id == ~0u) {
    llvm::errs() << "aioc: cannot read " << script << ": " << err << "\n";
    return false;
  }
  DiagnosticEngine diags(sm, llvm::errs(),
                         llvm::sys::Process::StandardErrHasColors());
  ParseResult pr = parseFile(sm, id, diags);
  if (!pr.ok())
    return false;
  sema::TypeContext types;
  sema::SemaResult result;
  if (!sema::check(pr.module, id, diags, types, result))
    return false;
  codegen::Options o;
  llvm::SmallString<256> abs(script);
  llvm::sys::fs::make_absolute(abs);
  o.scriptPath = script;
  cpp = codegen::generate(pr.module, result, types, o);
  return true;
}

bool buildBinary(const std::string &cpp, const std::string &cppPathIn,
                 const std::string &out, const CxxOptions &opts) {
  bool isClang;
  std::string cxx = findCompiler(isClang);
  if (cxx.empty()) {
    llvm::errs() << "aioc: no C++ compiler found (need clang++-16 or g++)\n";
    return false;
  }
  std::string cppPath = cppPathIn;
  bool tempCpp = false;
  if (cppPath.empty()) {
    llvm::SmallString<128> tmp;
    if (llvm::sys::fs::createTemporaryFile("aioc", "cpp", tmp)) {
      llvm::errs() << "aioc: cannot create a temporary file\n";
      return false;
    }
    cppPath = std::string(tmp);
    tempCpp = true;
  }
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(cppPath, ec);
    if (ec) {
      llvm::errs() << "aioc: cannot write " << cppPath << ": " << ec.message()
                   << "\n";
      return false;
    }
    os << cpp;
  }
  std::vector<std::string> args = commonFlags(isClang, opts.optLevel);
  if (isClang) {
    std::string pch = ensurePch(cxx, opts.optLevel);
    if (!pch.empty())
      args.insert(args.end(), {"-include-pch", pch});
  }
  // lld links a static runtime several times faster than ld.bfd.
  if (isClang && llvm::sys::findProgramByName("ld.lld"))
    args.push_back("-fuse-ld=lld");
  // libcurl drags in ~30 shared libraries (TLS, Kerberos, LDAP...) whose
  // loading costs a program ~15 ms at start: link it only when the script
  // uses the runtime's HTTP objects.
  args.insert(args.end(), {"-x", "c++", cppPath, "-x", "none", kRuntimeLib,
                           "-Wl,--as-needed", "-lcurl", "-o", out});
  llvm::SmallString<128> errFile;
  llvm::sys::fs::createTemporaryFile("aioc", "err", errFile);
  int rc = runTool(cxx, args, std::string(errFile));
  bool ok = rc == 0;
  if (!ok) {
    auto buf = llvm::MemoryBuffer::getFile(errFile);
    llvm::errs() << "aioc: internal compiler error: the generated C++ did not "
                    "compile. This is a bug in aioc; please report it with "
                    "the script.\n";
    if (buf)
      llvm::errs() << (*buf)->getBuffer();
  }
  llvm::sys::fs::remove(errFile);
  if (tempCpp)
    llvm::sys::fs::remove(cppPath);
  return ok;
}

} // namespace aioc::driver
