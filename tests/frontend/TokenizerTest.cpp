// The hand-written Tokenizer against the reference (the ANTLR-generated
// lexer + IndentingLexer): identical token streams (type, text, channel,
// line, column, start/stop index) and identical tokenizer errors, on the
// project's Python files, on tricky snippets and on generated ones.
#include "Tokenizer.h"
#include "PyFiles.h"
#include "frontend/TokenizerCheck.h"

#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

using aioc::frontend::compareWithReference;

namespace {

bool validUTF8(const std::string &s) {
  const llvm::UTF8 *b = reinterpret_cast<const llvm::UTF8 *>(s.data());
  return llvm::isLegalUTF8String(&b, b + s.size());
}

// Both modes: a file, and an f-string replacement field.
void check(const std::string &src) {
  EXPECT_EQ(compareWithReference(src), "") << "source: " << src;
  EXPECT_EQ(compareWithReference(src, /*fstring=*/true), "")
      << "f-string field: " << src;
}

// Every .py under `dir` (recursively); returns how many were compared.
size_t checkDir(const std::string &dir) {
  size_t n = 0;
  aioc::test::forEachPyFile(
      dir, [&](const std::string &p, llvm::StringRef buf) {
        std::string text = buf.str();
        if (text.rfind("\xEF\xBB\xBF", 0) == 0)
          text.erase(0, 3);
        if (!validUTF8(text))
          return; // the front end refuses it before lexing
        EXPECT_EQ(compareWithReference(text), "") << p;
        ++n;
      });
  return n;
}

} // namespace

TEST(Tokenizer, SameStreamOnProjectFiles) {
  size_t n = 0;
  for (const char *d :
       {"tests/frontend/corpus", "tests/fuzz/corpus", "tests/fuzz/regressions",
        "tests/conformance", "tests/rejects", "tests/lint", "samples"})
    n += checkDir(std::string(AIOC_SOURCE_DIR) + "/" + d);
  EXPECT_GT(n, 100u);
}

TEST(Tokenizer, SameStreamOnTrickySnippets) {
  const char *snippets[] = {
      // layout
      "",
      "\n",
      "\n\n",
      "  \n",
      "  x",
      "x",
      "x\n  y\n",
      "if a:\n    b\nc\n",
      "if a:\n  b",
      "a:\n b:\n  c\nd\n",
      "a:\n b:\n  c\n",
      "a:\n\n  # c\n        # deeper comment\n   \n  b\n",
      "\n\n# c\nx\n",
      "f(a,\n      b)\n",
      "x = [\n1,\n  2]\n",
      "x = 1 + \\\n      2\n",
      "if a:\r\n    b\r\nc\r\n",
      "if a:\rb\r  c\r",
      "a\rb\r",
      "x = 1\r",
      "if a:\n\tb\n\tc\n",
      "if a:\n        b\n\tc\n",
      "if a:\n    b\n  c\n",
      "if a:\n\tb\n        c\n",
      "if a:\n \tb\n\t c\n",
      "a\n  b\n",
      "\f x\n",
      "if a:\n  \fb\n",
      "x\\\ny",
      "a \\\r\n b\n",
      "a \\\rb\n",
      "\\",
      "a\\b",
      "a \\ b",
      "  \\\n  x\n",
      "x = (\n\n  1)\n  y\n",
      "if x:\n  pass\n # c\n\n",
      "if 1:\n  x\n y\n",
      "if 1:\n\t\tx\n\ty\n",
      // brackets
      "[\n",
      "(]",
      ")",
      "x)",
      "(((",
      "([{}])",
      "{)",
      "f(x]\n",
      "x = (1,\n",
      "x = (1]\n",
      // soft keyword
      "match x:\n case 1: pass\n",
      "match = 1\n",
      "match(x)\n",
      "match (a,\n b):\n case _: pass\n",
      "match x, y:\n",
      "print(match)\n",
      "match.x = 1\n",
      "match:\n",
      "match x\n",
      "  match x:\n",
      "match (\n",
      "match x: $\n",
      "match [a, b]: pass\n",
      // numbers
      "1if x else 2",
      "0x_1f",
      "0b102",
      "0o78",
      "1_000.5e-3j",
      "1e",
      "1e+",
      "1.e5",
      "1..2",
      ".5j",
      "09",
      "09.5",
      "00_0",
      "0_",
      "1__0",
      "0xj",
      "1.__class__",
      "1jj",
      "0e0",
      "0_0.0",
      "1_e5",
      "1e5_0",
      "1e_5",
      "0X1F",
      "0B1",
      "0O7",
      "0b",
      "0o_",
      "1_",
      "1.5.5",
      "...",
      "....",
      "..",
      ". 5",
      "1E+5J",
      "0jx",
      "00j",
      "012",
      "0.",
      "0._1",
      "1e1.5",
      "0x1.5",
      // strings
      "'abc'",
      "'''abc'''",
      "'''a''''",
      "'''abc",
      "'abc",
      "rb'x'",
      "Rb'x'",
      "bR\"x\"",
      "ur'x'",
      "f'{x}'",
      "fr'{x}'",
      "Rf'x'",
      "'a\\\nb'",
      "'a\\\r\nb'",
      "'a\\\rb'",
      "'\\",
      "'''a\\'''b'''",
      "\"\"\"",
      "'''",
      "x = '''\n\n",
      "f\"abc",
      "rb",
      "br'",
      "x = rb'a\\'b' '''x\ny'''\n",
      "x = 'abc\n",
      "x = '''abc\n\n",
      "'''a\nb",
      "rb'''a\n",
      "u'''",
      "b'\\'",
      "'''\\",
      "\"a\" \"b\"",
      "'é'",
      "é'",
      "'''é\n''' x",
      "'\\\\'",
      "ab'c'",
      "'\0'",
      "\"\"\"\"",
      "''''''",
      "'''''",
      "b\"",
      "F''",
      "xr''",
      // names and other characters
      "café = 1\n",
      "ℌ = 2",
      "x·y",
      "a\u00b7",
      "𝔘𝔫𝔦 = 1",
      "x = 1 € 2\n",
      "\u200b",
      "٣ = 1",
      "·x",
      "\u00a0x",
      "a\u2028b",
      "$",
      "?",
      "!",
      "`",
      "a != b",
      "a ! b",
      "a\0b",
      "\0",
      "\x01",
      "\x7f",
      "\x0b",
      "é",
      "中文 = 1",
      "_",
      "__init__",
      "None True False",
      "nonlocal x",
      "asyncx await_",
      // operators
      "a ** b **= c // d //= e << f <<= g >> h >>= i",
      "a->b",
      "x := 1",
      "a @ b @= c % d %= e & f &= g | h |= i ^ j ^= k ~l",
      "a < b > c == d >= e <= f != g = h",
      "a+=1-=2*=3/=4",
      "x[1:2, ::3]",
      "@dec\ndef f(): pass\n",
      // comments
      "# x\n",
      "#\r\n",
      "# x",
      "#",
      "x # c\\\ny",
      "# é\nx",
      // limits
      "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
      "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
      "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
  };
  for (const char *s : snippets)
    check(s);
  // NUL bytes inside (the array above stops at the first one).
  check(std::string("a = '\0'\n", 9));
  check(std::string("x\0y", 3));
  check(std::string("'\0'''", 5));
  // Deep indentation: 100 levels and one too many; 200 brackets and 201.
  for (int levels : {99, 100, 101}) {
    std::string src;
    for (int i = 0; i < levels; ++i)
      src += std::string(i, ' ') + "if x:\n";
    src += std::string(levels, ' ') + "pass\n";
    check(src);
  }
  for (int n : {199, 200, 201})
    check("x = " + std::string(n, '[') + std::string(n, ']') + "\n");
}

// Random strings over pieces that interact in the lexer: quotes, prefixes,
// escapes, line ends, digits, dots, brackets, indentation, `match`.
TEST(Tokenizer, SameStreamOnGeneratedSnippets) {
  const char *pieces[] = {
      " ",  "  ",  "\t", "\n",    "\r", "\r\n", "\f", "\\", "'",
      "\"", "'''", "0",  "1",     "9",  "e",    "j",  "x",  "_",
      ".",  "(",   ")",  "[",     "]",  "{",    "}",  "#",  "f",
      "r",  "b",   "u",  "match", ":",  "=",    "é",  "·",  "+",
      "-",  "*",   "<",  ">",     "!",  "if",   "$",  ",",  "\xe2\x82\xac",
      "o",  "0x",  "_1", "\0"};
  const size_t nPieces = sizeof pieces / sizeof pieces[0];
  std::mt19937 rng(12345);
  for (int i = 0; i < 5000; ++i) {
    std::string src;
    size_t len = rng() % 24;
    for (size_t k = 0; k < len; ++k) {
      size_t j = rng() % nPieces;
      src += j == nPieces - 1 ? std::string(1, '\0') : std::string(pieces[j]);
    }
    std::string a = compareWithReference(src);
    std::string b = compareWithReference(src, true);
    ASSERT_EQ(a, "") << "source: " << src;
    ASSERT_EQ(b, "") << "f-string field: " << src;
  }
}

// TokenBuffer's shortcuts (LT, LA, consume) against CommonTokenStream's
// channel walk over the same tokens.
TEST(Tokenizer, TokenBufferMovesLikeCommonTokenStream) {
  for (const char *src : {"", "x", "if a:\n  b(c, [d])\n", "x = (1,\n", "a $ b",
                          "match x:\n case 1: pass\n"}) {
    aioc::frontend::Utf8CharStream in1(src), in2(src);
    aioc::frontend::Tokenizer t1(&in1), t2(&in2);
    antlr4::CommonTokenStream common(&t1);
    aioc::frontend::TokenBuffer buffer(&t2, strlen(src));
    for (int step = 0;; ++step) {
      for (ssize_t k = -2; k <= 3; ++k) {
        if (k == 0 || (k < 0 && step + k < 0))
          continue;
        antlr4::Token *a = common.LT(k), *b = buffer.LT(k);
        ASSERT_EQ(a->getStartIndex(), b->getStartIndex()) << src << k;
        ASSERT_EQ(a->getType(), b->getType()) << src << k;
        ASSERT_EQ(common.LA(k), buffer.LA(k));
      }
      ASSERT_EQ(common.index(), buffer.index());
      if (common.LA(1) == antlr4::Token::EOF) {
        EXPECT_THROW(buffer.consume(), antlr4::IllegalStateException);
        break;
      }
      common.consume();
      buffer.consume();
    }
    common.seek(0);
    buffer.seek(0);
    EXPECT_EQ(common.LT(1)->getStartIndex(), buffer.LT(1)->getStartIndex());
  }
}
