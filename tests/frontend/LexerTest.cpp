// The indenting lexer on its own: the token stream the parser sees.
#include "IndentingLexer.h"
#include "PythonParser.h"

#include <gtest/gtest.h>

#include <string>

using aioc::frontend::IndentingLexer;
using P = aioc::gen::PythonParser;

namespace {

// Token names joined by spaces; NAME and NUMBER show their text.
std::string lex(const std::string &src, std::string *errors = nullptr) {
  antlr4::ANTLRInputStream in(src);
  IndentingLexer lexer(&in);
  lexer.removeErrorListeners();
  std::string out;
  for (;;) {
    auto t = lexer.nextToken();
    size_t type = t->getType();
    if (!out.empty())
      out += ' ';
    if (type == antlr4::Token::EOF) {
      out += "EOF";
      break;
    }
    switch (type) {
    case P::INDENT:
      out += "INDENT";
      break;
    case P::DEDENT:
      out += "DEDENT";
      break;
    case P::NEWLINE:
      out += "NL";
      break;
    case P::MATCH:
      out += "MATCH";
      break;
    case P::NAME:
    case P::NUMBER:
    case P::STRING:
      out += t->getText();
      break;
    default:
      out += t->getText();
    }
  }
  if (errors)
    for (auto &e : lexer.errors())
      *errors += e.message + ";";
  return out;
}

} // namespace

TEST(Lexer, SimpleBlock) {
  EXPECT_EQ(lex("if a:\n    b\nc\n"), "if a : NL INDENT b NL DEDENT c NL EOF");
}

TEST(Lexer, NoTrailingNewline) {
  EXPECT_EQ(lex("if a:\n  b"), "if a : NL INDENT b NL DEDENT EOF");
}

TEST(Lexer, SeveralDedentsAtOnce) {
  EXPECT_EQ(lex("a:\n b:\n  c\nd\n"),
            "a : NL INDENT b : NL INDENT c NL DEDENT DEDENT d NL EOF");
}

TEST(Lexer, DedentsAtEOF) {
  EXPECT_EQ(lex("a:\n b:\n  c\n"),
            "a : NL INDENT b : NL INDENT c NL DEDENT DEDENT EOF");
}

TEST(Lexer, BlankAndCommentLinesIgnored) {
  EXPECT_EQ(lex("a:\n\n  # c\n        # deeper comment\n   \n  b\n"),
            "a : NL INDENT b NL DEDENT EOF");
}

TEST(Lexer, LeadingBlankLines) { EXPECT_EQ(lex("\n\n# c\nx\n"), "x NL EOF"); }

TEST(Lexer, NewlinesInsideBracketsAreDropped) {
  EXPECT_EQ(lex("f(a,\n      b)\n"), "f ( a , b ) NL EOF");
  EXPECT_EQ(lex("x = [\n1,\n  2]\n"), "x = [ 1 , 2 ] NL EOF");
}

TEST(Lexer, BackslashContinuation) {
  EXPECT_EQ(lex("x = 1 + \\\n      2\n"), "x = 1 + 2 NL EOF");
}

TEST(Lexer, CRLF) {
  EXPECT_EQ(lex("if a:\r\n    b\r\nc\r\n"),
            "if a : NL INDENT b NL DEDENT c NL EOF");
}

TEST(Lexer, TabIsEightColumns) {
  // A tab then a space-indented line at column 8: the same level.
  EXPECT_EQ(lex("if a:\n\tb\n\tc\n"), "if a : NL INDENT b NL c NL DEDENT EOF");
}

TEST(Lexer, InconsistentTabsAndSpaces) {
  std::string err;
  lex("if a:\n        b\n\tc\n", &err);
  EXPECT_EQ(err, "inconsistent use of tabs and spaces in indentation;");
}

TEST(Lexer, UnindentMismatch) {
  std::string err;
  lex("if a:\n    b\n  c\n", &err);
  EXPECT_EQ(err, "unindent does not match any outer indentation level;");
}

TEST(Lexer, UnexpectedIndentIsAnIndentToken) {
  EXPECT_EQ(lex("a\n  b\n"), "a NL INDENT b NL DEDENT EOF");
}

TEST(Lexer, MatchSoftKeyword) {
  EXPECT_EQ(lex("match x:\n case 1: pass\n"),
            "MATCH x : NL INDENT case 1 : pass NL DEDENT EOF");
  EXPECT_EQ(lex("match = 1\n"), "match = 1 NL EOF");
  EXPECT_EQ(lex("match(x)\n"), "match ( x ) NL EOF");
  EXPECT_EQ(lex("match (a,\n b):\n pass\n"),
            "MATCH ( a , b ) : NL INDENT pass NL DEDENT EOF");
}

TEST(Lexer, StringsAreSingleTokens) {
  EXPECT_EQ(lex("x = rb'a\\'b' '''x\ny'''\n"),
            "x = rb'a\\'b' '''x\ny''' NL EOF");
}

TEST(Lexer, NonAsciiIdentifier) {
  EXPECT_EQ(lex("café = 1\n"), "café = 1 NL EOF");
}

TEST(Lexer, UnterminatedString) {
  std::string err;
  lex("x = 'abc\n", &err);
  EXPECT_EQ(err, "unterminated string literal (detected at line 1);");
}

TEST(Lexer, UnterminatedTripleQuote) {
  std::string err;
  lex("x = '''abc\n\n", &err);
  EXPECT_EQ(err,
            "unterminated triple-quoted string literal (detected at line 2);");
}

TEST(Lexer, UnclosedBracket) {
  std::string err;
  lex("x = (1,\n", &err);
  EXPECT_EQ(err, "'(' was never closed;");
}

TEST(Lexer, MismatchedBracket) {
  std::string err;
  lex("x = (1]\n", &err);
  EXPECT_EQ(err,
            "closing parenthesis ']' does not match opening parenthesis '(';");
}

TEST(Lexer, TooManyNestedParentheses) {
  std::string err;
  lex(std::string(201, '(') + "\n", &err);
  EXPECT_EQ(err, "too many nested parentheses;");
}

TEST(Lexer, InvalidCharacter) {
  std::string err;
  lex("x = 1 € 2\n", &err);
  EXPECT_EQ(err, "invalid character '€' (U+20AC);");
}
