// `aioc check FILE`: parse and type-check, report every diagnostic.
#include "frontend/Frontend.h"
#include "sema/Sema.h"
#include "tools/Commands.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>

namespace aioc::tools {

Command checkCommand() {
  static llvm::cl::SubCommand sub("check", "parse and type-check a script");
  static llvm::cl::list<std::string> files(
      llvm::cl::Positional, llvm::cl::desc("FILE.py"), llvm::cl::sub(sub));
  return {&sub, [] {
            if (files.empty()) {
              llvm::errs() << "aioc check: no input file\n";
              return 2;
            }
            int status = 0;
            for (const auto &path : files) {
              SourceManager sm;
              std::string err;
              unsigned id = sm.loadFile(path, err);
              if (id == ~0u) {
                llvm::errs() << "aioc check: cannot read " << path << ": "
                             << err << "\n";
                return 2;
              }
              DiagnosticEngine diags(
                  sm, llvm::errs(), llvm::sys::Process::StandardErrHasColors());
              ParseResult pr = parseFile(sm, id, diags);
              if (!pr.ok()) {
                status = 1;
                continue;
              }
              sema::TypeContext types;
              sema::SemaResult result;
              if (!sema::check(pr.module, id, diags, types, result))
                status = 1;
            }
            return status;
          }};
}

} // namespace aioc::tools
