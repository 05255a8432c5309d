// Helpers shared by the front end's unit tests.
#pragma once

#include "ast/ASTDump.h"
#include "frontend/FastParserCheck.h"
#include "frontend/Frontend.h"

#include <gtest/gtest.h>

#include <llvm/Support/raw_ostream.h>

#include <string>

namespace aioc::test {

struct Parsed {
  SourceManager sm;
  std::string diags;
  ParseResult result;
};

inline std::unique_ptr<Parsed> parse(const std::string &src,
                                     const std::string &name = "t.py") {
  auto p = std::make_unique<Parsed>();
  llvm::raw_string_ostream os(p->diags);
  DiagnosticEngine de(p->sm, os, /*color=*/false);
  unsigned id = p->sm.addFile(name, src);
  p->result = parseFile(p->sm, id, de);
  os.flush();
  // Every snippet of the front end's tests also checks the fast parser
  // against the reference path (same positioned AST, or a bail).
  auto check = frontend::checkFastParser(src);
  EXPECT_EQ(check.difference, "") << src;
  if (check.referenceOk)
    EXPECT_TRUE(check.fastOk) << "fast parser bailed on: " << src;
  return p;
}

// ast.dump() of `src`, or the diagnostics when it does not parse.
inline std::string dump(const std::string &src) {
  auto p = parse(src);
  if (!p->result.ok())
    return "ERROR: " + p->diags;
  return dumpAST(p->result.module);
}

// The diagnostics printed for `src` (empty when it parses).
inline std::string diagnostics(const std::string &src) {
  return parse(src)->diags;
}

} // namespace aioc::test
