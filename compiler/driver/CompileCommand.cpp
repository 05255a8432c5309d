// `aioc compile FILE.py [-o OUT] [-O0|-O1|-O2] [--emit-cpp PATH] [--keep-cpp]`
#include "driver/Driver.h"
#include "tools/Commands.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

namespace cl = llvm::cl;

namespace aioc::tools {

Command compileCommand() {
  static cl::SubCommand sub("compile", "compile a script to a native binary");
  static cl::opt<std::string> file(cl::Positional, cl::desc("FILE.py"),
                                   cl::sub(sub));
  static cl::opt<std::string> out("o", cl::desc("output binary"),
                                  cl::value_desc("OUT"), cl::sub(sub));
  static cl::opt<std::string> opt("O", cl::desc("optimisation level 0-2"),
                                  cl::Prefix, cl::init("0"), cl::sub(sub));
  static cl::opt<std::string> emitCpp("emit-cpp",
                                      cl::desc("also write the C++ to PATH"),
                                      cl::value_desc("PATH"), cl::sub(sub));
  static cl::opt<bool> keepCpp(
      "keep-cpp", cl::desc("keep the C++ next to the binary"), cl::sub(sub));
  return {&sub, [] {
            if (file.empty()) {
              llvm::errs() << "aioc compile: no input file\n";
              return 2;
            }
            if (opt != "0" && opt != "1" && opt != "2") {
              llvm::errs() << "aioc compile: unknown optimisation level -O"
                           << opt << " (use -O0, -O1 or -O2)\n";
              return 2;
            }
            std::string cpp;
            if (!driver::translate(file, cpp))
              return 1;
            std::string output = out;
            if (output.empty()) {
              llvm::SmallString<128> p(file.getValue());
              llvm::sys::path::replace_extension(p, "");
              output = std::string(p);
              if (output == file)
                output += ".out";
            }
            std::string cppPath = emitCpp;
            if (cppPath.empty() && keepCpp)
              cppPath = output + ".cpp";
            driver::CxxOptions o;
            o.optLevel = opt[0] - '0';
            return driver::buildBinary(cpp, cppPath, output, o) ? 0 : 1;
          }};
}

Command emitCppCommand() {
  static cl::SubCommand sub("emit-cpp", "print the generated C++");
  static cl::opt<std::string> file(cl::Positional, cl::desc("FILE.py"),
                                   cl::sub(sub));
  return {&sub, [] {
            if (file.empty()) {
              llvm::errs() << "aioc emit-cpp: no input file\n";
              return 2;
            }
            std::string cpp;
            if (!driver::translate(file, cpp))
              return 1;
            llvm::outs() << cpp;
            return 0;
          }};
}

} // namespace aioc::tools
