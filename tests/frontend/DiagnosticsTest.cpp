// Syntax errors: exact text of the clang-style diagnostics.
#include "TestUtil.h"

#include <gtest/gtest.h>

using aioc::test::diagnostics;

TEST(Diagnostics, ExpectedColonAfterHeader) {
  EXPECT_EQ(diagnostics("async def f()\n    pass\n"),
            "t.py:1:14: error: expected ':' after 'async def f()'\n"
            "async def f()\n"
            "             ^\n");
}

TEST(Diagnostics, MissingIndentedBlock) {
  EXPECT_EQ(diagnostics("def f():\nreturn 1\n"),
            "t.py:2:1: error: expected an indented block after function "
            "definition on line 1\n"
            "return 1\n"
            "^~~~~~\n");
}

TEST(Diagnostics, UnindentMismatch) {
  EXPECT_EQ(diagnostics("if a:\n    b\n  c\n"),
            "t.py:3:3: error: unindent does not match any outer indentation "
            "level\n"
            "  c\n"
            "  ^\n");
}

TEST(Diagnostics, UnexpectedIndent) {
  EXPECT_EQ(diagnostics("a = 1\n    b = 2\n"),
            "t.py:2:5: error: unexpected indent\n"
            "    b = 2\n"
            "    ^\n");
}

TEST(Diagnostics, SeveralErrorsPerFile) {
  EXPECT_EQ(diagnostics("x = = 1\ny = 2\nif x\n    pass\nw = (1 +\n"),
            "t.py:1:5: error: invalid syntax\n"
            "x = = 1\n"
            "    ^\n"
            "t.py:3:5: error: expected ':' after 'if x'\n"
            "if x\n"
            "    ^\n"
            "t.py:5:5: error: '(' was never closed\n"
            "w = (1 +\n"
            "    ^\n");
}

TEST(Diagnostics, CaretOnNonAsciiLine) {
  // The column and the caret count code points, not bytes.
  EXPECT_EQ(diagnostics("s = 'héé' + )\n"), "t.py:1:13: error: unmatched ')'\n"
                                            "s = 'héé' + )\n"
                                            "            ^\n");
}

TEST(Diagnostics, InvalidAssignmentTarget) {
  EXPECT_EQ(diagnostics("f() = 1\n"),
            "t.py:1:1: error: cannot assign to function call\n"
            "f() = 1\n"
            "^~~\n");
}

TEST(Diagnostics, KeywordArgumentOrder) {
  EXPECT_EQ(diagnostics("f(a=1, b)\n"),
            "t.py:1:8: error: positional argument follows keyword argument\n"
            "f(a=1, b)\n"
            "       ^\n");
}

TEST(Diagnostics, FStringErrors) {
  EXPECT_EQ(diagnostics("f'{}'\n"),
            "t.py:1:4: error: f-string: empty expression not allowed\n"
            "f'{}'\n"
            "   ^\n");
  EXPECT_EQ(diagnostics("f'{a!x}'\n"),
            "t.py:1:5: error: f-string: invalid conversion character: "
            "expected 's', 'r', or 'a'\n"
            "f'{a!x}'\n"
            "    ^\n");
}

TEST(Diagnostics, ParameterOrder) {
  EXPECT_EQ(diagnostics("def f(a=1, b): pass\n"),
            "t.py:1:12: error: non-default argument follows default "
            "argument\n"
            "def f(a=1, b): pass\n"
            "           ^\n");
}

TEST(Diagnostics, MixedExceptAndExceptStar) {
  EXPECT_EQ(diagnostics("try:\n pass\nexcept A:\n pass\nexcept* B:\n pass\n"),
            "t.py:1:1: error: cannot have both 'except' and 'except*' on the "
            "same 'try'\n"
            "try:\n"
            "^~~\n");
}

TEST(Diagnostics, BadEscapeInBytes) {
  EXPECT_EQ(diagnostics("b'é'\n"),
            "t.py:1:1: error: bytes can only contain ASCII literal "
            "characters\n"
            "b'é'\n"
            "^~~~\n");
}

// Every file CPython rejects must be rejected: a few classics.
TEST(Diagnostics, RejectsWhatCPythonRejects) {
  for (const char *src : {"x +\n",
                          "def f(*): pass\n",
                          "def f(a, a=1, /, /): pass\n",
                          "lambda: (yield)\n = 1\n",
                          "a, b += 1\n",
                          "(a, b): int\n",
                          "f(x for x in y, 1)\n",
                          "[*a for a in b]\n",
                          "del *a\n",
                          "(*a)\n",
                          "print 'x'\n",
                          "exec 'x'\n",
                          "0777\n",
                          "1__0\n",
                          "'abc\n",
                          "f'{a b}'\n",
                          "match x:\n    case 1:\n",
                          "for x in y\n",
                          "class C(x for x in y): pass\n",
                          "a := 1\n",
                          "with a as 1: pass\n",
                          "True = 1\n",
                          "import a.b as\n",
                          "from x import *, y\n",
                          "try:\n pass\n",
                          "async = 1\n",
                          "@x\n",
                          "if x:\npass\n",
                          "b'a' 'b'\n",
                          "x = 1 if y\n",
                          "{**a for a in b}\n",
                          "def f(**k, a): pass\n",
                          "except: pass\n",
                          "return=1\n"}) {
    EXPECT_FALSE(aioc::test::parse(src)->result.ok()) << src;
  }
}
