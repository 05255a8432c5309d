// printf-style formatting, generators and except* splitting. Expected
// strings were printed by /usr/bin/python3 (CPython 3.11) for the Python
// quoted in the comments.
#include <aioc/py/except_star.h>
#include <aioc/py/generator.h>
#include <aioc/py/percent.h>
#include <aioc/py/py.h>

#include <gtest/gtest.h>

using namespace aioc::py;

namespace {
std::string errorOf(const std::function<void()> &f) {
  try {
    f();
  } catch (const aioc::BaseException &e) {
    return e.tracebackLine();
  }
  return "";
}

Generator<Int> countTo(Int n) {
  for (Int i = 0; i < n; ++i)
    co_yield i;
}

Generator<Int> failsAt(Int n) {
  for (Int i = 0;; ++i) {
    if (i == n)
      throw aioc::ValueError("bad");
    co_yield i;
  }
}

std::exception_ptr ptr(const std::function<void()> &thrower) {
  try {
    thrower();
  } catch (...) {
    return std::current_exception();
  }
  return nullptr;
}

// What finish() raises, as the traceback's last line and str().
std::string finished(StarGroup &sg) {
  try {
    sg.finish();
  } catch (const aioc::BaseException &e) {
    return e.tracebackLine();
  }
  return "handled";
}
} // namespace

TEST(Percent, Conversions) {
  // "%d items, %s, %.2f, %5s, %r, %%" % (3, "w", 2.5, "w", "w")
  EXPECT_EQ(percentFormat("%d items, %s, %.2f, %5s, %r, %%", Int(3), Str("w"),
                          Float(2.5), Str("w"), Str("w"))
                .bytes(),
            "3 items, w, 2.50,     w, 'w', %");
  // "%5d|%-5d|%05d|%+d|% d" % (42,)*5 -> '   42|42   |00042|+42| 42'
  EXPECT_EQ(percentFormat("%5d|%-5d|%05d|%+d|% d", Int(42), Int(42), Int(42),
                          Int(42), Int(42))
                .bytes(),
            "   42|42   |00042|+42| 42");
  // "%#x %X %o %c" % (255, 255, 8, 65) -> '0xff FF 10 A'
  EXPECT_EQ(percentFormat("%#x %X %o %c", Int(255), Int(255), Int(8), Int(65))
                .bytes(),
            "0xff FF 10 A");
  // "%08.3f|%.3s|%d" % (-3.14159, "abcdef", 9.99) -> '-003.142|abc|9'
  EXPECT_EQ(percentFormat("%08.3f|%.3s|%d", Float(-3.14159), Str("abcdef"),
                          Float(9.99))
                .bytes(),
            "-003.142|abc|9");
  // "%s %r" % (True, 1.5) -> 'True 1.5'
  EXPECT_EQ(percentFormat("%s %r", true, Float(1.5)).bytes(), "True 1.5");
}

TEST(Percent, Errors) {
  EXPECT_EQ(errorOf([] { percentFormat("%d %d", Int(1)); }),
            "TypeError: not enough arguments for format string");
  EXPECT_EQ(errorOf([] { percentFormat("%d", Int(1), Int(2)); }),
            "TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(errorOf([] { percentFormat("%d", Str("x")); }),
            "TypeError: %d format: a real number is required, not str");
  EXPECT_EQ(errorOf([] { percentFormat("%y", Int(1)); }),
            "ValueError: unsupported format character 'y' (0x79) at index 1");
  EXPECT_EQ(errorOf([] { percentFormat("abc %", Int(1)); }),
            "ValueError: incomplete format");
}

TEST(Generator, LazyAndShared) {
  Generator<Int> g = countTo(5);
  std::string seen;
  for (Int v : g) {
    seen += std::to_string(v);
    if (v == 1)
      break;
  }
  // A second loop over the same generator continues after the break.
  for (Int v : g)
    seen += "," + std::to_string(v);
  EXPECT_EQ(seen, "01,2,3,4");
  EXPECT_FALSE(g.next());
  EXPECT_EQ(List<Int>::from(countTo(3)).len(), 3);
}

TEST(Generator, ExceptionEndsIt) {
  Generator<Int> g = failsAt(2);
  EXPECT_TRUE(g.next());
  EXPECT_TRUE(g.next());
  EXPECT_EQ(errorOf([&] { g.next(); }), "ValueError: bad");
  EXPECT_FALSE(g.next());
}

TEST(ExceptStar, SplitsAndKeepsTheRest) {
  // try: raise ExceptionGroup("eg", [ValueError("a"), TypeError("b")])
  // except* ValueError: pass  -> ExceptionGroup: eg (1 sub-exception)
  auto eg = ptr([] {
    aioc::throwExceptionGroup("eg", {ptr([] { throw aioc::ValueError("a"); }),
                                     ptr([] { throw aioc::TypeError("b"); })});
  });
  StarGroup sg(eg);
  auto m = sg.match<aioc::ValueError>();
  ASSERT_TRUE(m);
  EXPECT_FALSE(sg.match<aioc::KeyError>());
  EXPECT_EQ(finished(sg), "ExceptionGroup: eg (1 sub-exception)");
}

TEST(ExceptStar, WholeGroupAndNaked) {
  auto eg = ptr([] {
    aioc::throwExceptionGroup("g", {ptr([] { throw aioc::ValueError("a"); })});
  });
  StarGroup all(eg);
  EXPECT_EQ(all.match<aioc::ValueError>(), eg); // the group object itself
  EXPECT_EQ(finished(all), "handled");
  // try: raise KeyError("k") / except* ValueError: -> KeyError: 'k'
  auto naked = ptr([] { throw aioc::KeyError("'k'"); });
  StarGroup ns(naked);
  EXPECT_FALSE(ns.match<aioc::ValueError>());
  EXPECT_EQ(finished(ns), "KeyError: 'k'");
}

TEST(ExceptStar, NewExceptionsAreWrapped) {
  // except* TypeError: raise RuntimeError("x") on [ValueError, TypeError]
  //   -> ExceptionGroup:  (2 sub-exceptions)
  auto eg = ptr([] {
    aioc::throwExceptionGroup("g", {ptr([] { throw aioc::ValueError("a"); }),
                                    ptr([] { throw aioc::TypeError("b"); })});
  });
  StarGroup sg(eg);
  ASSERT_TRUE(sg.match<aioc::TypeError>());
  sg.raised(ptr([] { throw aioc::RuntimeError("x"); }));
  EXPECT_EQ(finished(sg), "ExceptionGroup:  (2 sub-exceptions)");
}
