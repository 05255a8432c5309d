// `aioc run FILE.py [-- ARGS...]`: compile into the per-user cache, keyed by
// the script's content, the compiler and the runtime, then exec the binary.
// A cache hit costs one read, one hash and one stat before the exec.
#include "driver/Driver.h"
#include "tools/Commands.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MD5.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <unistd.h>

namespace cl = llvm::cl;

namespace aioc::tools {

Command runCommand() {
  static cl::SubCommand sub("run", "compile (cached) and run a script");
  static cl::opt<std::string> file(cl::Positional, cl::desc("FILE.py"),
                                   cl::sub(sub));
  static cl::list<std::string> rest(cl::ConsumeAfter, cl::desc("ARGS..."),
                                    cl::sub(sub));
  return {&sub, [] {
            if (file.empty()) {
              llvm::errs() << "aioc run: no input file\n";
              return 2;
            }
            auto buf = llvm::MemoryBuffer::getFile(file.getValue());
            if (!buf) {
              llvm::errs() << "aioc run: cannot read " << file << ": "
                           << buf.getError().message() << "\n";
              return 2;
            }
            std::string dir = driver::cacheDir();
            if (dir.empty()) {
              llvm::errs() << "aioc run: no private cache directory "
                              "(set HOME or XDG_CACHE_HOME)\n";
              return 2;
            }
            llvm::sys::fs::file_status self;
            llvm::sys::fs::status(AIOC_RUNTIME_LIB, self);
            llvm::MD5 h;
            h.update((*buf)->getBuffer());
            h.update(AIOC_VERSION_STRING);
            h.update(std::to_string(
                self.getLastModificationTime().time_since_epoch().count()));
            std::string exe =
                llvm::sys::fs::getMainExecutable(nullptr, nullptr);
            llvm::sys::fs::file_status me;
            if (!llvm::sys::fs::status(exe, me))
              h.update(std::to_string(
                  me.getLastModificationTime().time_since_epoch().count()));
            llvm::MD5::MD5Result r;
            h.final(r);
            std::string bin = dir + "/run-" + std::string(r.digest().str());
            if (!llvm::sys::fs::exists(bin)) {
              std::string cpp;
              if (!driver::translate(file, cpp))
                return 1;
              std::string tmp = bin + ".tmp" + std::to_string(getpid());
              driver::CxxOptions o;
              o.optLevel = 1;
              if (!driver::buildBinary(cpp, "", tmp, o))
                return 1;
              llvm::sys::fs::rename(tmp, bin);
            }
            std::vector<std::string> args = {file.getValue()};
            size_t i = 0;
            if (!rest.empty() && rest[0] == "--")
              i = 1;
            for (; i < rest.size(); ++i)
              args.push_back(rest[i]);
            std::vector<char *> argv;
            for (auto &a : args)
              argv.push_back(a.data());
            argv.push_back(nullptr);
            llvm::outs().flush();
            execv(bin.c_str(), argv.data());
            llvm::errs() << "aioc run: cannot execute " << bin << "\n";
            return 1;
          }};
}

} // namespace aioc::tools
