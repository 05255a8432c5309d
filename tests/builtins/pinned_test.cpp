// Checks the runtime against tables that CPython 3.11 produced
// (expected_data.inc, from gen_expected.py).
#include <aioc/py/py.h>

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <map>
#include <sstream>

using namespace aioc::py;

namespace {
#include "expected_data.inc"

// "ValueError: message" of whatever `f` throws, or "" if it does not.
template <class F> std::string errorOf(F &&f) {
  try {
    f();
  } catch (const aioc::BaseException &e) {
    return e.tracebackLine();
  }
  return "";
}

std::vector<Int> ints(const char *text) {
  std::vector<Int> out;
  std::istringstream in(text);
  long long v;
  while (in >> v)
    out.push_back(v);
  return out;
}
} // namespace

TEST(PinnedFloat, Repr) {
  for (const auto &c : kFloatRepr)
    EXPECT_EQ(repr(c.v).bytes(), c.repr) << "value " << c.v;
}

TEST(PinnedFloat, StrEqualsRepr) {
  for (const auto &c : kFloatRepr)
    EXPECT_EQ(str(c.v).bytes(), c.repr);
}

TEST(PinnedFormat, Int) {
  for (const auto &c : kFmtInt)
    EXPECT_EQ(format(Int(c.v), c.spec).bytes(), c.out)
        << "format(" << c.v << ", '" << c.spec << "')";
}

TEST(PinnedFormat, Float) {
  for (const auto &c : kFmtFloat)
    EXPECT_EQ(format(c.v, c.spec).bytes(), c.out)
        << "format(" << c.v << ", '" << c.spec << "')";
}

TEST(PinnedFormat, Str) {
  for (const auto &c : kFmtStr)
    EXPECT_EQ(format(Str(c.v), c.spec).bytes(), c.out)
        << "format('" << c.v << "', '" << c.spec << "')";
}

TEST(PinnedFormat, RandomSpecs) {
  for (const auto &c : kFmtRand) {
    std::string got;
    std::string err = errorOf([&] {
      got = c.kind == 0 ? format(Int(c.i), c.spec).bytes()
                        : format(c.f, c.spec).bytes();
    });
    EXPECT_EQ(err.empty() ? got : err, c.out)
        << "format(" << (c.kind == 0 ? std::to_string(c.i) : repr(c.f).bytes())
        << ", '" << c.spec << "')";
  }
}

TEST(PinnedFormat, Errors) {
  for (const auto &c : kFmtErr) {
    std::string got = errorOf([&] {
      if (c.kind == 0)
        format(Int(c.v), c.spec);
      else if (c.kind == 1)
        format(c.v, c.spec);
      else
        format(Str("a"), c.spec);
    });
    EXPECT_EQ(got, c.err) << "spec '" << c.spec << "'";
  }
}

TEST(PinnedStr, Repr) {
  for (const auto &c : kStrRepr)
    EXPECT_EQ(repr(Str(c.s)).bytes(), c.repr);
}

namespace {
std::string callMethod(const Str &s, const std::string &m) {
  static const std::map<std::string, std::function<std::string(const Str &)>>
      table = {
          {"split()", [](const Str &s) { return repr(s.split()).bytes(); }},
          {"split(',')",
           [](const Str &s) { return repr(s.split(Str(","))).bytes(); }},
          {"split(',', 1)",
           [](const Str &s) { return repr(s.split(Str(","), 1)).bytes(); }},
          {"split(None, 1)",
           [](const Str &s) { return repr(s.split(none, 1)).bytes(); }},
          {"rsplit()", [](const Str &s) { return repr(s.rsplit()).bytes(); }},
          {"rsplit(',', 1)",
           [](const Str &s) { return repr(s.rsplit(Str(","), 1)).bytes(); }},
          {"rsplit(None, 1)",
           [](const Str &s) { return repr(s.rsplit(none, 1)).bytes(); }},
          {"splitlines()",
           [](const Str &s) { return repr(s.splitlines()).bytes(); }},
          {"splitlines(True)",
           [](const Str &s) { return repr(s.splitlines(true)).bytes(); }},
          {"strip()", [](const Str &s) { return repr(s.strip()).bytes(); }},
          {"lstrip()", [](const Str &s) { return repr(s.lstrip()).bytes(); }},
          {"rstrip()", [](const Str &s) { return repr(s.rstrip()).bytes(); }},
          {"strip('a_-')",
           [](const Str &s) { return repr(s.strip(Str("a_-"))).bytes(); }},
          {"upper()", [](const Str &s) { return repr(s.upper()).bytes(); }},
          {"lower()", [](const Str &s) { return repr(s.lower()).bytes(); }},
          {"title()", [](const Str &s) { return repr(s.title()).bytes(); }},
          {"capitalize()",
           [](const Str &s) { return repr(s.capitalize()).bytes(); }},
          {"swapcase()",
           [](const Str &s) { return repr(s.swapcase()).bytes(); }},
          {"isdigit()", [](const Str &s) { return repr(s.isdigit()).bytes(); }},
          {"isdecimal()",
           [](const Str &s) { return repr(s.isdecimal()).bytes(); }},
          {"isnumeric()",
           [](const Str &s) { return repr(s.isnumeric()).bytes(); }},
          {"isalpha()", [](const Str &s) { return repr(s.isalpha()).bytes(); }},
          {"isalnum()", [](const Str &s) { return repr(s.isalnum()).bytes(); }},
          {"isspace()", [](const Str &s) { return repr(s.isspace()).bytes(); }},
          {"isupper()", [](const Str &s) { return repr(s.isupper()).bytes(); }},
          {"islower()", [](const Str &s) { return repr(s.islower()).bytes(); }},
          {"istitle()", [](const Str &s) { return repr(s.istitle()).bytes(); }},
          {"isidentifier()",
           [](const Str &s) { return repr(s.isidentifier()).bytes(); }},
          {"isprintable()",
           [](const Str &s) { return repr(s.isprintable()).bytes(); }},
          {"zfill(6)", [](const Str &s) { return repr(s.zfill(6)).bytes(); }},
          {"ljust(12)", [](const Str &s) { return repr(s.ljust(12)).bytes(); }},
          {"rjust(12, '*')",
           [](const Str &s) { return repr(s.rjust(12, Str("*"))).bytes(); }},
          {"center(12)",
           [](const Str &s) { return repr(s.center(12)).bytes(); }},
          {"center(13, '.')",
           [](const Str &s) { return repr(s.center(13, Str("."))).bytes(); }},
          {"partition(' ')",
           [](const Str &s) { return repr(s.partition(Str(" "))).bytes(); }},
          {"rpartition(' ')",
           [](const Str &s) { return repr(s.rpartition(Str(" "))).bytes(); }},
          {"replace('a', 'X')",
           [](const Str &s) {
             return repr(s.replace(Str("a"), Str("X"))).bytes();
           }},
          {"replace('', '|')",
           [](const Str &s) {
             return repr(s.replace(Str(""), Str("|"))).bytes();
           }},
          {"replace('l', '', 1)",
           [](const Str &s) {
             return repr(s.replace(Str("l"), Str(""), 1)).bytes();
           }},
          {"find('o')",
           [](const Str &s) { return repr(s.find(Str("o"))).bytes(); }},
          {"rfind('o')",
           [](const Str &s) { return repr(s.rfind(Str("o"))).bytes(); }},
          {"find('o', 5)",
           [](const Str &s) { return repr(s.find(Str("o"), 5)).bytes(); }},
          {"find('', 3)",
           [](const Str &s) { return repr(s.find(Str(""), 3)).bytes(); }},
          {"count('a')",
           [](const Str &s) { return repr(s.count(Str("a"))).bytes(); }},
          {"count('')",
           [](const Str &s) { return repr(s.count(Str(""))).bytes(); }},
          {"startswith('He')",
           [](const Str &s) { return repr(s.startswith(Str("He"))).bytes(); }},
          {"endswith('ld')",
           [](const Str &s) { return repr(s.endswith(Str("ld"))).bytes(); }},
          {"removeprefix('a')",
           [](const Str &s) { return repr(s.removeprefix(Str("a"))).bytes(); }},
          {"removesuffix(',')",
           [](const Str &s) { return repr(s.removesuffix(Str(","))).bytes(); }},
          {"expandtabs(4)",
           [](const Str &s) { return repr(s.expandtabs(4)).bytes(); }},
          {"find('l', -5, -1)",
           [](const Str &s) { return repr(s.find(Str("l"), -5, -1)).bytes(); }},
          {"count('a', 1)",
           [](const Str &s) { return repr(s.count(Str("a"), 1)).bytes(); }},
          {"startswith('e', 1)",
           [](const Str &s) {
             return repr(s.startswith(Str("e"), 1)).bytes();
           }},
          {"encode()", [](const Str &s) { return repr(s.encode()).bytes(); }},
          {"casefold()",
           [](const Str &s) { return repr(s.casefold()).bytes(); }},
      };
  auto it = table.find(m);
  if (it == table.end())
    return "<no such method in test table: " + m + ">";
  return it->second(s);
}
} // namespace

TEST(PinnedStr, Methods) {
  for (const auto &c : kStrMethod)
    EXPECT_EQ(callMethod(Str(c.s), c.method), c.out)
        << "repr('" << c.s << "'." << c.method << ")";
}

TEST(PinnedStr, MethodsOnRandomStrings) {
  for (const auto &c : kStrMethodRand)
    EXPECT_EQ(callMethod(Str(c.s), c.method), c.out)
        << "repr(" << repr(Str(c.s)).bytes() << "." << c.method << ")";
}

TEST(PinnedSlice, ListAndStr) {
  List<Int> l;
  for (Int i = 0; i < 10; ++i)
    l.append(i);
  Str s("aé日🙂bcdefg");
  for (const auto &c : kSlices) {
    Slice sl;
    if (c.hasStart)
      sl.start = c.start;
    if (c.hasStop)
      sl.stop = c.stop;
    if (c.hasStep)
      sl.step = c.step;
    EXPECT_EQ(repr(l.slice(sl)).bytes(), c.listRepr)
        << c.start << ":" << c.stop << ":" << c.step;
    EXPECT_EQ(s.slice(sl).bytes(), c.strOut)
        << c.start << ":" << c.stop << ":" << c.step;
  }
}

TEST(PinnedSet, IntOrderAfterAddDiscard) {
  for (const auto &c : kSets) {
    Set<Int> s;
    std::istringstream in(c.ops);
    std::string op;
    while (in >> op) {
      Int v = std::stoll(op.substr(1));
      if (op[0] == '+')
        s.add(v);
      else
        s.discard(v);
    }
    EXPECT_EQ(repr(s).bytes(), c.repr) << c.ops;
  }
}

TEST(PinnedSet, ConstantDisplays) {
  for (const auto &c : kSetLiterals) {
    std::vector<Int> v = ints(c.items);
    Set<Int> s = Set<Int>::constLiteralOf(v);
    EXPECT_EQ(repr(s).bytes(), c.repr) << c.items;
  }
  EXPECT_EQ(repr(Set<Int>::constLiteral({300, 44, 12, -7, 20, 36, 4, 11, 28, 60,
                                         92, 124, 156, 188, 220, 252})),
            // printed by CPython 3.11
            "{4, 11, 12, 20, 92, 156, 220, 28, 36, 300, 44, 60, 188, 252, -7, "
            "124}");
}

TEST(PinnedSet, Algebra) {
  for (const auto &c : kSetAlgebra) {
    std::vector<Int> av = ints(c.a), bv = ints(c.b);
    Set<Int> a, b;
    for (Int x : av)
      a.add(x);
    for (Int x : bv)
      b.add(x);
    for (std::size_t i = 0; i < av.size() / 4; ++i)
      a.discard(av[i]);
    EXPECT_EQ(repr(a | b).bytes(), c.uni) << c.a << " | " << c.b;
    EXPECT_EQ(repr(a & b).bytes(), c.inter) << c.a << " & " << c.b;
    EXPECT_EQ(repr(a - b).bytes(), c.diff) << c.a << " - " << c.b;
    EXPECT_EQ(repr(a ^ b).bytes(), c.sym) << c.a << " ^ " << c.b;
    EXPECT_EQ(repr(a.copy()).bytes(), c.copy) << c.a;
  }
}

TEST(PinnedHash, IntsFloatsTuples) {
  for (const auto &c : kHashInt)
    EXPECT_EQ(hash(Int(c.v)), c.h) << c.v;
  for (const auto &c : kHashFloat)
    EXPECT_EQ(hash(c.v), c.h) << c.v;
  for (const auto &c : kHashTuple)
    EXPECT_EQ(hash(Tuple<Int, Int>(c.a, c.b)), c.h) << c.a << "," << c.b;
}

TEST(PinnedRound, FloatNdigits) {
  for (const auto &c : kRound)
    EXPECT_EQ(repr(aioc::py::round(c.v, Int(c.nd))).bytes(), c.out)
        << "round(" << c.v << ", " << c.nd << ")";
  for (const auto &c : kRoundRand)
    EXPECT_EQ(repr(aioc::py::round(c.v, Int(c.nd))).bytes(), c.out)
        << "round(" << repr(c.v).bytes() << ", " << c.nd << ")";
  for (const auto &c : kRoundInt)
    EXPECT_EQ(aioc::py::round(c.v), c.out) << "round(" << c.v << ")";
}

TEST(PinnedParse, IntAndFloat) {
  for (const auto &c : kParseInt) {
    std::string got;
    std::string err =
        errorOf([&] { got = repr(int_(Str(c.s), c.base)).bytes(); });
    EXPECT_EQ(err.empty() ? got : err, c.out) << "int('" << c.s << "')";
  }
  for (const auto &c : kParseFloat) {
    std::string got;
    std::string err = errorOf([&] { got = repr(float_(Str(c.s))).bytes(); });
    EXPECT_EQ(err.empty() ? got : err, c.out) << "float('" << c.s << "')";
  }
}

TEST(PinnedArith, IntAndFloat) {
  for (const auto &c : kIntArith) {
    EXPECT_EQ(floordiv(Int(c.a), Int(c.b)), c.fd) << c.a << "//" << c.b;
    EXPECT_EQ(mod(Int(c.a), Int(c.b)), c.md) << c.a << "%" << c.b;
    auto [q, r] = divmod(Int(c.a), Int(c.b));
    EXPECT_EQ(q, c.fd);
    EXPECT_EQ(r, c.md);
    EXPECT_EQ(repr(truediv(Int(c.a), Int(c.b))).bytes(), c.td);
  }
  for (const auto &c : kFloatArithRand) {
    EXPECT_EQ(repr(floordiv(c.a, c.b)).bytes(), c.fd)
        << repr(c.a).bytes() << "//" << repr(c.b).bytes();
    EXPECT_EQ(repr(mod(c.a, c.b)).bytes(), c.md)
        << repr(c.a).bytes() << "%" << repr(c.b).bytes();
  }
  for (const auto &c : kFloatArith) {
    EXPECT_EQ(repr(floordiv(c.a, c.b)).bytes(), c.fd) << c.a << "//" << c.b;
    EXPECT_EQ(repr(mod(c.a, c.b)).bytes(), c.md) << c.a << "%" << c.b;
  }
}

TEST(PinnedSort, StableWithKeyAndReverse) {
  List<Str> words = Str(kSortWords).split();
  auto byLen = [](const Str &s) { return s.len(); };
  EXPECT_EQ(repr(sorted(words, byLen)).bytes(), kSortByLen);
  EXPECT_EQ(repr(sorted(words, byLen, true)).bytes(), kSortByLenRev);
  EXPECT_EQ(repr(sorted(words)).bytes(), kSortPlain);
  EXPECT_EQ(repr(sorted(words, true)).bytes(), kSortPlainRev);
  List<Str> w2 = words.copy();
  w2.sort(byLen, true);
  EXPECT_EQ(repr(w2).bytes(), kSortByLenRev);
}
