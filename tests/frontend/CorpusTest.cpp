// Corpus check against CPython: reads the verdicts written by
// corpus_oracle.py (path, ok|reject, SHA-1 of ast.dump) and parses every file
// in this one process. Fails if aioc accepts a file CPython rejects or the
// other way round; dump mismatches are counted and listed, and fail the test
// only when more than --max-dump-mismatches differ.
#include "ast/ASTDump.h"
#include "frontend/Frontend.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SHA1.h>
#include <llvm/Support/raw_ostream.h>

#include <string>

using namespace llvm;

static cl::opt<std::string> oracle(cl::Positional, cl::Required,
                                   cl::desc("<oracle.tsv>"));
static cl::opt<unsigned> maxDump("max-dump-mismatches", cl::init(0),
                                 cl::desc("fail above this many"));
static cl::opt<bool> verbose("v", cl::desc("list every mismatch"));

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv);
  auto buf = MemoryBuffer::getFile(oracle);
  if (!buf) {
    errs() << "cannot read " << oracle << "\n";
    return 2;
  }
  SmallVector<StringRef> lines;
  (*buf)->getBuffer().split(lines, '\n', -1, false);
  unsigned files = 0, agree = 0, acceptOk = 0, rejectOk = 0, dumpSame = 0;
  unsigned falseReject = 0, falseAccept = 0, dumpDiff = 0;
  for (StringRef line : lines) {
    SmallVector<StringRef, 3> f;
    line.split(f, '\t');
    if (f.size() != 3)
      continue;
    ++files;
    aioc::SourceManager sm;
    std::string sink;
    raw_string_ostream os(sink);
    aioc::DiagnosticEngine diags(sm, os, false);
    std::string err;
    unsigned id = sm.loadFile(f[0].str(), err);
    if (id == ~0u) {
      errs() << f[0] << ": " << err << "\n";
      continue;
    }
    aioc::ParseResult r = aioc::parseFile(sm, id, diags);
    bool cpyOk = f[1] == "ok";
    if (r.ok() != cpyOk) {
      (cpyOk ? falseReject : falseAccept)++;
      errs() << (cpyOk ? "REJECTED (CPython accepts): "
                       : "ACCEPTED (CPython rejects): ")
             << f[0] << "\n";
      if (cpyOk)
        errs() << StringRef(sink).take_front(600);
      continue;
    }
    ++agree;
    if (!cpyOk) {
      ++rejectOk;
      continue;
    }
    ++acceptOk;
    std::string dump = aioc::dumpAST(r.module);
    std::string digest = toHex(SHA1::hash(arrayRefFromStringRef(dump)), true);
    if (digest == f[2]) {
      ++dumpSame;
    } else {
      ++dumpDiff;
      if (verbose)
        errs() << "DUMP DIFFERS: " << f[0] << "\n";
    }
  }
  outs() << "files: " << files << "\n"
         << "accept/reject agreement: " << agree << "/" << files
         << " (accepted " << acceptOk << ", rejected " << rejectOk
         << "; wrongly rejected " << falseReject << ", wrongly accepted "
         << falseAccept << ")\n"
         << "ast.dump identical: " << dumpSame << "/" << acceptOk << "\n";
  if (falseReject || falseAccept)
    return 1;
  if (dumpDiff > maxDump)
    return 1;
  return 0;
}
