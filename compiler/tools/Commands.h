// The `aioc` subcommands. Each stage's library defines its own command (its
// llvm::cl::SubCommand and options live in that stage's file), and the main
// program only dispatches. A stage whose library is not built yet is
// registered as "not implemented yet" (exit 2), never faked.
#pragma once

#include <llvm/Support/CommandLine.h>

namespace aioc::tools {

struct Command {
  llvm::cl::SubCommand *sub;
  int (*run)(); // the exit status: 0 ok, 1 diagnostics/findings, 2 usage
};

Command parseCommand();   // frontend/ParseCommand.cpp
Command lintCommand();    // lint/LintCommand.cpp
Command checkCommand();   // sema/CheckCommand.cpp
Command compileCommand(); // driver/CompileCommand.cpp
Command runCommand();     // driver/RunCommand.cpp
Command emitCppCommand(); // driver/EmitCppCommand.cpp

} // namespace aioc::tools
