// The differential check of the hand-written FastParser against the ANTLR
// reference path (parser + Builder), for the unit tests, the corpus test and
// the fuzz target.
#pragma once

#include <string>
#include <string_view>

namespace aioc::frontend {

struct FastParserCheck {
  bool referenceOk = false; // the reference path built an AST
  bool fastOk = false;      // the fast parser built one (did not bail)
  // "" when they agree: identical positioned AST dumps when both built one,
  // and no AST from the fast parser when the reference rejects the text.
  std::string difference;
};

// Parses `text` (any bytes, as a file) both ways and compares.
FastParserCheck checkFastParser(std::string_view text);

} // namespace aioc::frontend
