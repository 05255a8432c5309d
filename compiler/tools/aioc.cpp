// aioc: the command line (SPEC §4).
#include "tools/Commands.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>
#include <vector>

using namespace llvm;

namespace {

// Stand-ins for stages not built yet: they say so and exit 2.
#define AIOC_NOT_YET(FN, NAME, DESC)                                           \
  aioc::tools::Command FN() {                                                  \
    static cl::SubCommand sub(NAME, DESC);                                     \
    static cl::list<std::string> rest(cl::Sink, cl::sub(sub));                 \
    static cl::list<std::string> files(cl::Positional, cl::sub(sub));          \
    return {&sub, [] {                                                         \
              errs() << "aioc " NAME ": not implemented yet\n";                \
              return 2;                                                        \
            }};                                                                \
  }
#ifndef AIOC_HAVE_LINT
AIOC_NOT_YET(lintStub, "lint", "find asyncio mistakes (not implemented yet)")
#endif
#ifndef AIOC_HAVE_SEMA
AIOC_NOT_YET(checkStub, "check", "parse and type-check (not implemented yet)")
#endif
#ifndef AIOC_HAVE_DRIVER
AIOC_NOT_YET(compileStub, "compile",
             "compile to a binary (not implemented yet)")
AIOC_NOT_YET(runStub, "run", "compile and run (not implemented yet)")
AIOC_NOT_YET(emitStub, "emit-cpp",
             "print the generated C++ (not implemented yet)")
#endif

void printVersion(raw_ostream &os) {
  os << "aioc " AIOC_VERSION " (asyncio to native compiler)\n";
}

} // namespace

int main(int argc, char **argv) {
  std::vector<aioc::tools::Command> commands = {
      aioc::tools::parseCommand(),
#ifdef AIOC_HAVE_LINT
      aioc::tools::lintCommand(),
#else
      lintStub(),
#endif
#ifdef AIOC_HAVE_SEMA
      aioc::tools::checkCommand(),
#else
      checkStub(),
#endif
#ifdef AIOC_HAVE_DRIVER
      aioc::tools::compileCommand(), aioc::tools::runCommand(),
      aioc::tools::emitCppCommand(),
#else
      compileStub(),
      runStub(),
      emitStub(),
#endif
  };
  cl::SetVersionPrinter(printVersion);
  cl::HideUnrelatedOptions({});
  if (argc < 2) {
    errs() << "usage: aioc {compile|run|check|lint|emit-cpp|parse} ...\n"
              "       aioc --help | --version\n";
    return 2;
  }
  // Usage errors exit 2 (SPEC §4); llvm::cl exits 1 on its own, so parse
  // without exiting and map the failure.
  std::string err;
  raw_string_ostream es(err);
  if (!cl::ParseCommandLineOptions(argc, argv, "aioc: asyncio to native\n",
                                   &es)) {
    es.flush();
    errs() << err;
    return 2;
  }
  for (const auto &c : commands)
    if (*c.sub)
      return c.run();
  errs() << "aioc: no subcommand given (try --help)\n";
  return 2;
}
