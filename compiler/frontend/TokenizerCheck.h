// The differential check of the hand-written Tokenizer against the ANTLR
// reference (PythonLexer + IndentingLexer), without ANTLR types, for the
// unit tests, the corpus test and the fuzz target.
#pragma once

#include <string>
#include <string_view>

namespace aioc::frontend {

// Tokenizes `text` (valid UTF-8, no BOM) with both and returns "" when the
// token streams (type, text, channel, line, column, start/stop index) and
// the tokenizer errors are identical, else a description of the first
// difference. `fstring`: as for an f-string replacement field.
std::string compareWithReference(std::string_view text, bool fstring = false);

} // namespace aioc::frontend
