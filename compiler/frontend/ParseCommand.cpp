// `aioc parse FILE... [--dump-ast]`: syntax check only (SPEC §4).
#include "ast/ASTDump.h"
#include "frontend/Frontend.h"
#include "tools/Commands.h"

#include <llvm/Support/Process.h>
#include <llvm/Support/WithColor.h>

namespace aioc::tools {

namespace cl = llvm::cl;

Command parseCommand() {
  static cl::SubCommand sub("parse", "syntax-check Python 3.11 files");
  static cl::list<std::string> files(cl::Positional, cl::sub(sub),
                                     cl::desc("FILE..."));
  static cl::opt<bool> dump("dump-ast", cl::sub(sub),
                            cl::desc("print the AST as Python's ast.dump()"));
  return {&sub, [] {
            if (files.empty()) {
              llvm::errs() << "aioc parse: no input files\n";
              return 2;
            }
            SourceManager sm;
            bool color = llvm::sys::Process::StandardErrHasColors();
            DiagnosticEngine diags(sm, llvm::errs(), color);
            bool failed = false;
            for (const std::string &f : files) {
              std::string err;
              unsigned id = sm.loadFile(f, err);
              if (id == ~0u) {
                llvm::WithColor::error(llvm::errs(), "aioc")
                    << f << ": " << err << "\n";
                failed = true;
                continue;
              }
              ParseResult r = parseFile(sm, id, diags);
              if (!r.ok()) {
                failed = true;
                continue;
              }
              if (dump)
                llvm::outs() << dumpAST(r.module) << "\n";
            }
            return failed ? 1 : 0;
          }};
}

} // namespace aioc::tools
