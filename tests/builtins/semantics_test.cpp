// Python semantics of the containers and builtins. Every expected string was
// printed by /usr/bin/python3 (CPython 3.11) for the equivalent Python code,
// quoted in the comments.
#include <aioc/py/py.h>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace aioc::py;

namespace {
template <class F> std::string errorOf(F &&f) {
  try {
    f();
  } catch (const aioc::BaseException &e) {
    return e.tracebackLine();
  }
  return "";
}
template <class T> std::string r(const T &v) { return repr(v).bytes(); }
} // namespace

TEST(List, AliasingAndCopy) {
  // a=[1,2,3]; b=a; b.append(4); print(a) -> [1, 2, 3, 4]
  List<Int> a{1, 2, 3};
  List<Int> b = a;
  b.append(4);
  EXPECT_EQ(r(a), "[1, 2, 3, 4]");
  EXPECT_TRUE(a.is(b));
  List<Int> c = a.copy();
  c.append(5);
  EXPECT_EQ(r(a), "[1, 2, 3, 4]");
  EXPECT_FALSE(a.is(c));
  EXPECT_EQ(a, b);
}

TEST(List, IndexingAndErrors) {
  List<Int> a{10, 20, 30};
  EXPECT_EQ(a[-1], 30);
  a[-3] = 11;
  EXPECT_EQ(a[0], 11);
  EXPECT_EQ(errorOf([&] { a[3]; }), "IndexError: list index out of range");
  EXPECT_EQ(errorOf([&] { a.setitem(5, 1); }),
            "IndexError: list assignment index out of range");
  EXPECT_EQ(errorOf([&] { List<Int>().pop(); }),
            "IndexError: pop from empty list");
  EXPECT_EQ(errorOf([&] { a.pop(7); }), "IndexError: pop index out of range");
  EXPECT_EQ(errorOf([&] { a.remove(99); }),
            "ValueError: list.remove(x): x not in list");
  // [1].index(2) -> ValueError: 2 is not in list
  EXPECT_EQ(errorOf([&] { a.index(2); }), "ValueError: 2 is not in list");
  EXPECT_EQ(errorOf([&] { List<Str>{"a"}.index(Str("b")); }),
            "ValueError: 'b' is not in list");
  EXPECT_EQ(errorOf([&] {
              a.slice({{}, {}, 0});
            }),
            "ValueError: slice step cannot be zero");
}

TEST(List, Methods) {
  List<Int> a{1, 2, 3};
  a.insert(-100, 0);
  a.insert(100, 9);
  a.insert(-1, 8);
  EXPECT_EQ(r(a), "[0, 1, 2, 3, 8, 9]");
  EXPECT_EQ(a.pop(), 9);
  EXPECT_EQ(a.pop(0), 0);
  a.extend(List<Int>{7, 7});
  a.extend(a); // a.extend(a) doubles the list
  EXPECT_EQ(r(a), "[1, 2, 3, 8, 7, 7, 1, 2, 3, 8, 7, 7]");
  EXPECT_EQ(a.count(7), 4);
  EXPECT_EQ(a.index(8), 3);
  a.remove(7);
  a.reverse();
  EXPECT_EQ(r(a), "[7, 7, 8, 3, 2, 1, 7, 8, 3, 2, 1]");
  a.sort();
  EXPECT_EQ(r(a), "[1, 1, 2, 2, 3, 3, 7, 7, 7, 8, 8]");
  a.clear();
  EXPECT_EQ(r(a), "[]");
  EXPECT_EQ(r(List<Int>{1, 2} + List<Int>{3}), "[1, 2, 3]");
  EXPECT_EQ(r(List<Int>{1, 2}.repeat(2)), "[1, 2, 1, 2]");
  EXPECT_EQ(r(List<Int>{1, 2}.repeat(-1)), "[]");
  List<Int> b{1};
  b += List<Int>{2};
  EXPECT_EQ(r(b), "[1, 2]");
}

TEST(List, SliceAssignAndDelete) {
  // x=list(range(10)); x[2:5]=[7] -> [0, 1, 7, 5, 6, 7, 8, 9]
  List<Int> x = List<Int>::from(Range(10));
  x.setslice({2, 5, {}}, List<Int>{7});
  EXPECT_EQ(r(x), "[0, 1, 7, 5, 6, 7, 8, 9]");
  // del x[::3] -> [1, 7, 6, 7, 9]
  x.delslice({{}, {}, 3});
  EXPECT_EQ(r(x), "[1, 7, 6, 7, 9]");
  // x[::-2] = [0]*3 -> [0, 7, 0, 7, 0]
  x.setslice({{}, {}, -2}, List<Int>{0, 0, 0});
  EXPECT_EQ(r(x), "[0, 7, 0, 7, 0]");
  EXPECT_EQ(errorOf([&] {
              x.setslice({{}, {}, 2}, List<Int>{1, 2});
            }),
            "ValueError: attempt to assign sequence of size 2 to extended "
            "slice of size 3");
  x.setslice({{}, {}, {}}, x); // x[:] = x
  EXPECT_EQ(r(x), "[0, 7, 0, 7, 0]");
  x.delitem(-1);
  EXPECT_EQ(r(x), "[0, 7, 0, 7]");
}

TEST(List, IterationSeesAppendsLikeCPython) {
  // for v in a: if v < 3: a.append(v + 10)  -> [1, 2, 3, 11, 12]
  List<Int> a{1, 2, 3};
  for (Int v : a)
    if (v < 3)
      a.append(v + 10);
  EXPECT_EQ(r(a), "[1, 2, 3, 11, 12]");
}

TEST(List, ReprAndCompare) {
  List<List<Int>> nested{List<Int>{1, 2}, List<Int>{}};
  EXPECT_EQ(r(nested), "[[1, 2], []]");
  EXPECT_EQ(r(List<Float>{1.0, 0.1, -0.0}), "[1.0, 0.1, -0.0]");
  EXPECT_EQ(r(List<Str>{"a", "it's"}), "['a', \"it's\"]");
  EXPECT_EQ(r(List<Optional<Int>>{none, 1}), "[None, 1]");
  EXPECT_EQ(r(List<bool>{true, false}), "[True, False]");
  List<bool> flags{false};
  flags[0] = true;
  EXPECT_EQ(r(flags), "[True]");
  // [1,[2,3]] < [1,[2,4]] -> True
  EXPECT_TRUE((List<List<Int>>{List<Int>{1}, List<Int>{2, 3}} <
               List<List<Int>>{List<Int>{1}, List<Int>{2, 4}}));
  EXPECT_TRUE((List<Int>{1, 2} < List<Int>{1, 2, 0}));
  EXPECT_FALSE((List<Int>{1, 2} < List<Int>{1, 2}));
}

TEST(List, SortWithKeyIsStable) {
  List<Str> w{"bb", "a", "cc", "d", "eee", "f"};
  w.sort([](const Str &s) { return s.len(); });
  EXPECT_EQ(r(w), "['a', 'd', 'f', 'bb', 'cc', 'eee']");
  w.sort([](const Str &s) { return s.len(); }, true);
  EXPECT_EQ(r(w), "['eee', 'bb', 'cc', 'a', 'd', 'f']");
}

TEST(Dict, OrderUpdatesAndErrors) {
  // d={'a':1,'b':2}; d['a']=5; del d['b']; d['b']=3 -> {'a': 5, 'b': 3}
  Dict<Str, Int> d{{"a", 1}, {"b", 2}};
  d.setitem("a", 5);
  d.delitem("b");
  d.setitem("b", 3);
  EXPECT_EQ(r(d), "{'a': 5, 'b': 3}");
  EXPECT_EQ(errorOf([&] { d[Str("k")]; }), "KeyError: 'k'");
  EXPECT_EQ(errorOf([&] { Dict<Int, Int>().pop(3); }), "KeyError: 3");
  EXPECT_EQ(errorOf([&] { Dict<Int, Int>().popitem(); }),
            "KeyError: 'popitem(): dictionary is empty'");
  EXPECT_TRUE(d.get("zz").isNone());
  EXPECT_EQ(d.get("a").value(), 5);
  EXPECT_EQ(d.get("zz", 7), 7);
  EXPECT_EQ(d.setdefault("c", 9), 9);
  EXPECT_EQ(d.setdefault("c", 10), 9);
  d[Str("c")] += 1;
  EXPECT_EQ(d.pop("a"), 5);
  EXPECT_EQ(d.pop("a", -1), -1);
  EXPECT_EQ(r(d), "{'b': 3, 'c': 10}");
  auto [k, v] = d.popitem();
  EXPECT_EQ(k, Str("c"));
  EXPECT_EQ(v, 10);
  EXPECT_TRUE(d.contains("b"));
  EXPECT_FALSE(d.contains("c"));
}

TEST(Dict, ManyKeysSurviveRebuilds) {
  Dict<Int, Int> d;
  for (Int i = 0; i < 1000; ++i)
    d.setitem(i, i * i);
  for (Int i = 0; i < 1000; i += 2)
    d.delitem(i);
  for (Int i = 0; i < 1000; i += 4)
    d.setitem(i, -i);
  EXPECT_EQ(d.len(), 750);
  EXPECT_EQ(d[999], 998001);
  EXPECT_EQ(d[996], -996);
  EXPECT_FALSE(d.contains(998));
  // Order: odd keys in insertion order, then the re-added multiples of 4.
  Int prev = -1, count = 0;
  for (const Int &key : d) {
    if (count < 500) {
      EXPECT_EQ(key % 2, 1);
      EXPECT_GT(key, prev);
    } else {
      EXPECT_EQ(key % 4, 0);
    }
    prev = key;
    ++count;
  }
  EXPECT_EQ(count, 750);
}

TEST(Dict, ViewsReprEquality) {
  Dict<Str, List<Float>> d{{"x", List<Float>{1.0}}, {"y", List<Float>{}}};
  EXPECT_EQ(r(d), "{'x': [1.0], 'y': []}");
  std::string keys, vals;
  for (const auto &k : d.keys())
    keys += k.bytes();
  for (auto &v : d.values())
    vals += r(v);
  EXPECT_EQ(keys, "xy");
  EXPECT_EQ(vals, "[1.0][]");
  std::string items;
  for (auto [k, v] : d.items())
    items += k.bytes() + "=" + r(v) + ";";
  EXPECT_EQ(items, "x=[1.0];y=[];");
  // d={'x':[1.0],'y':[]}; print(d.keys(), d.values(), d.items())
  EXPECT_EQ(r(d.keys()), "dict_keys(['x', 'y'])");
  EXPECT_EQ(r(d.values()), "dict_values([[1.0], []])");
  EXPECT_EQ(r(d.items()), "dict_items([('x', [1.0]), ('y', [])])");
  // dict(zip('ab', [1, 2])) | {'a': 5} -> {'a': 5, 'b': 2}
  auto z = Dict<Str, Int>::from(zip(Str("ab"), List<Int>{1, 2}));
  EXPECT_EQ(r(z | Dict<Str, Int>{{"a", 5}}), "{'a': 5, 'b': 2}");
  Dict<Int, Int> a{{1, 2}, {3, 4}}, b{{3, 4}, {1, 2}};
  EXPECT_EQ(a, b); // order does not matter for ==
  b.setitem(1, 5);
  EXPECT_FALSE(a == b);
  // Tuples as keys.
  Dict<Tuple<Int, Str>, Int> t;
  t.setitem(Tuple<Int, Str>(1, "a"), 1);
  EXPECT_EQ(r(t), "{(1, 'a'): 1}");
  EXPECT_EQ((t[Tuple<Int, Str>(1, "a")]), 1);
}

TEST(Dict, ChangingSizeDuringIterationRaises) {
  // for k in d: d['z'] = 1 -> RuntimeError: dictionary changed size during
  // iteration
  Dict<Str, Int> d{{"a", 1}, {"b", 2}};
  EXPECT_EQ(errorOf([&] {
              for (const auto &k : d) {
                (void)k;
                d.setitem("z", 1);
              }
            }),
            "RuntimeError: dictionary changed size during iteration");
  // Overwriting existing keys is allowed.
  for (const auto &k : d)
    d.setitem(k, 0);
  EXPECT_EQ(r(d), "{'a': 0, 'b': 0, 'z': 0}");
}

TEST(Set, ReprPopAndErrors) {
  EXPECT_EQ(r(Set<Int>()), "set()");
  // s={5,3,9,1}; print(s.pop(), s.pop(), s) -> 9 3 {5, 1}
  Set<Int> s = Set<Int>::constLiteral({5, 3, 9, 1});
  EXPECT_EQ(s.pop(), 9);
  EXPECT_EQ(s.pop(), 3);
  EXPECT_EQ(r(s), "{5, 1}");
  EXPECT_EQ(errorOf([&] { s.remove(2); }), "KeyError: 2");
  EXPECT_EQ(errorOf([&] { Set<Int>().pop(); }),
            "KeyError: 'pop from an empty set'");
  // {(1,2),(3,4),(0,0),(-1,5)} -> {(0, 0), (1, 2), (3, 4), (-1, 5)}, but
  // adding them one by one gives {(-1, 5), (1, 2), (3, 4), (0, 0)}.
  Set<Tuple<Int, Int>> t =
      Set<Tuple<Int, Int>>::constLiteral({{1, 2}, {3, 4}, {0, 0}, {-1, 5}});
  EXPECT_EQ(r(t), "{(0, 0), (1, 2), (3, 4), (-1, 5)}");
  Set<Tuple<Int, Int>> t2{{1, 2}, {3, 4}, {0, 0}, {-1, 5}};
  EXPECT_EQ(r(t2), "{(-1, 5), (1, 2), (3, 4), (0, 0)}");
  // {1.5, 2.25, 0.1, -3.0, 1e100} -> {0.1, 1.5, 2.25, 1e+100, -3.0}
  Set<Float> f = Set<Float>::constLiteral({1.5, 2.25, 0.1, -3.0, 1e100});
  EXPECT_EQ(r(f), "{0.1, 1.5, 2.25, 1e+100, -3.0}");
  Set<Int> a{1, 2, 3}, b{2, 3};
  EXPECT_TRUE(b < a);
  EXPECT_TRUE(b <= a);
  EXPECT_FALSE(a < a);
  EXPECT_TRUE(a.issuperset(b));
  EXPECT_FALSE(a.isdisjoint(b));
  EXPECT_EQ(a, Set<Int>({3, 2, 1}));
  Set<Int> c = a;
  c.add(4); // aliasing
  EXPECT_TRUE(a.contains(4));
  EXPECT_EQ(errorOf([&] {
              for (Int v : a)
                a.add(v + 100);
            }),
            "RuntimeError: Set changed size during iteration");
}

TEST(Tuple, ReprCompareHash) {
  EXPECT_EQ(r(Tuple<Int>(1)), "(1,)");
  EXPECT_EQ(r(Tuple<Int, Str>(1, "a")), "(1, 'a')");
  EXPECT_EQ(r(Tuple<>()), "()");
  EXPECT_EQ(r(Tuple<Tuple<Int, Int>, List<Int>>({1, 2}, List<Int>{3})),
            "((1, 2), [3])");
  // (1,'b') < (1,'a') -> False
  EXPECT_FALSE((Tuple<Int, Str>(1, "b") < Tuple<Int, Str>(1, "a")));
  EXPECT_TRUE((Tuple<Int, Str>(1, "a") <= Tuple<Int, Str>(1, "a")));
  auto [x, y] = Tuple<Int, Str>(4, "q");
  EXPECT_EQ(x, 4);
  EXPECT_EQ(y, Str("q"));
}

TEST(Optional, NoneAndValue) {
  Optional<Int> o;
  EXPECT_TRUE(o.isNone());
  EXPECT_EQ(r(o), "None");
  o = 3;
  EXPECT_EQ(r(o), "3");
  EXPECT_EQ(str(Optional<Str>("hi")).bytes(), "hi");
  EXPECT_EQ(r(Optional<Str>("hi")), "'hi'");
  EXPECT_FALSE(truthy(Optional<Int>(0)));
  EXPECT_TRUE(o == Optional<Int>(3));
  EXPECT_TRUE(Optional<Int>() == none);
}

TEST(Range, Semantics) {
  // list(range(10, 0, -3)) -> [10, 7, 4, 1]
  EXPECT_EQ(r(List<Int>::from(Range(10, 0, -3))), "[10, 7, 4, 1]");
  EXPECT_EQ(r(Range(0, 5)), "range(0, 5)");
  EXPECT_EQ(r(Range(1, 10, 2)), "range(1, 10, 2)");
  EXPECT_EQ(Range(-5, 5, 3).len(), 4);
  EXPECT_TRUE(Range(1, 10, 3).contains(7));
  EXPECT_FALSE(Range(1, 10, 3).contains(8));
  EXPECT_EQ(r(List<Int>::from(reversed(Range(1, 10, 3)))), "[7, 4, 1]");
  EXPECT_EQ(Range(5)[-1], 4);
  EXPECT_EQ(errorOf([] { Range(0, 1, 0); }),
            "ValueError: range() arg 3 must not be zero");
  EXPECT_EQ(errorOf([] { Range(3)[3]; }),
            "IndexError: range object index out of range");
  EXPECT_EQ(Range(INT64_MIN, INT64_MAX, INT64_MAX).len(), 3);
}

TEST(Builtins, IterationHelpers) {
  // list(zip([1,2,3],'ab')) -> [(1, 'a'), (2, 'b')]
  List<Tuple<Int, Str>> z;
  for (auto t : zip(List<Int>{1, 2, 3}, Str("ab")))
    z.append(t);
  EXPECT_EQ(r(z), "[(1, 'a'), (2, 'b')]");
  // list(enumerate('xy', 5)) -> [(5, 'x'), (6, 'y')]
  List<Tuple<Int, Str>> e;
  for (auto [i, c] : enumerate(Str("xy"), 5))
    e.append(Tuple<Int, Str>(i, c));
  EXPECT_EQ(r(e), "[(5, 'x'), (6, 'y')]");
  std::string rev;
  for (const Str &c : reversed(Str("abc")))
    rev += c.bytes();
  EXPECT_EQ(rev, "cba");
  List<Int> l{1, 2, 3};
  Int total = 0;
  for (Int v : reversed(l))
    total = total * 10 + v;
  EXPECT_EQ(total, 321);
}

TEST(Builtins, Aggregates) {
  // sorted([3,1,2], reverse=True) -> [3, 2, 1]
  EXPECT_EQ(r(sorted(List<Int>{3, 1, 2}, true)), "[3, 2, 1]");
  EXPECT_EQ(min(List<Int>{3, 1, 2}), 1);
  EXPECT_EQ(max(List<Str>{"b", "a", "c"}), Str("c"));
  // max(['aa','b','cc'], key=len) -> 'aa' (first of the maxima)
  EXPECT_EQ(
      maxKey(List<Str>{"aa", "b", "cc"}, [](const Str &s) { return s.len(); }),
      Str("aa"));
  EXPECT_EQ(
      minKey(List<Str>{"aa", "b", "c"}, [](const Str &s) { return s.len(); }),
      Str("b"));
  EXPECT_EQ(errorOf([] { max(List<Int>()); }),
            "ValueError: max() arg is an empty sequence");
  EXPECT_EQ(errorOf([] { min(List<Int>()); }),
            "ValueError: min() arg is an empty sequence");
  EXPECT_EQ(maxDefault(List<Int>(), Int(-1)), -1);
  EXPECT_EQ(minArgs(Int(3), Int(1), Int(2)), 1);
  EXPECT_EQ(maxArgs(Float(1.5), Float(-2.0)), 1.5);
  // sum([0.1]*10) -> 0.9999999999999999
  EXPECT_EQ(r(sum(List<Float>{0.1}.repeat(10))), "0.9999999999999999");
  EXPECT_EQ(sum(List<Int>{1, 2, 3}), 6);
  EXPECT_EQ(sum(List<Int>{1, 2, 3}, Int(10)), 16);
  EXPECT_EQ(errorOf([] {
              sum(List<Int>{INT64_MAX, 1});
            }).substr(0, 14),
            "OverflowError:");
  EXPECT_TRUE(any(List<Int>{0, 0, 1}));
  EXPECT_TRUE(all(List<Int>{}));
  EXPECT_FALSE(all(List<Str>{"a", ""}));
  EXPECT_EQ(len(Str("日本")), 2);
  EXPECT_EQ(len(List<Int>{1, 2}), 2);
}

TEST(Builtins, Numbers) {
  EXPECT_EQ(hex(255).bytes(), "0xff");
  EXPECT_EQ(hex(-255).bytes(), "-0xff");
  EXPECT_EQ(oct(8).bytes(), "0o10");
  EXPECT_EQ(bin(-5).bytes(), "-0b101");
  EXPECT_EQ(hex(INT64_MIN).bytes(), "-0x8000000000000000");
  EXPECT_EQ(r(divmod(Int(-7), Int(2))), "(-4, 1)");
  EXPECT_EQ(r(divmod(7.5, -2.0)), "(-4.0, -0.5)");
  EXPECT_EQ(errorOf([] { divmod(Int(1), Int(0)); }),
            "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(errorOf([] { mod(Int(1), Int(0)); }),
            "ZeroDivisionError: integer modulo by zero");
  EXPECT_EQ(errorOf([] { truediv(Int(1), Int(0)); }),
            "ZeroDivisionError: division by zero");
  EXPECT_EQ(errorOf([] { truediv(1.0, 0.0); }),
            "ZeroDivisionError: float division by zero");
  EXPECT_EQ(errorOf([] { floordiv(1.0, 0.0); }),
            "ZeroDivisionError: float floor division by zero");
  EXPECT_EQ(errorOf([] { mod(1.0, 0.0); }), "ZeroDivisionError: float modulo");
  EXPECT_EQ(errorOf([] { divmod(1.0, 0.0); }),
            "ZeroDivisionError: float divmod()");
  EXPECT_EQ(errorOf([] { powIntNeg(0, -1); }),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(errorOf([] { aioc::py::pow(10.0, 400.0); }),
            "OverflowError: (34, 'Numerical result out of range')");
  EXPECT_EQ(errorOf([] { lshift(1, -1); }), "ValueError: negative shift count");
  EXPECT_EQ(r(powIntNeg(2, -2)), "0.25");
  EXPECT_EQ(powInt(3, 4), 81);
  EXPECT_EQ(powInt(-2, 63), INT64_MIN);
  EXPECT_EQ(lshift(1, 62), Int(1) << 62);
  EXPECT_EQ(rshift(-5, 1), -3);
  EXPECT_EQ(rshift(-5, 100), -1);
  for (auto f : std::vector<std::function<void()>>{
           [] { add(INT64_MAX, 1); }, [] { sub(INT64_MIN, 1); },
           [] { mul(INT64_MAX, 2); }, [] { neg(INT64_MIN); },
           [] { aioc::py::abs(INT64_MIN); }, [] { floordiv(INT64_MIN, -1); },
           [] { powInt(2, 63); }, [] { lshift(1, 63); }, [] { lshift(3, 62); },
           [] { int_(1e19); }})
    EXPECT_EQ(errorOf(f).substr(0, 14), "OverflowError:");
  EXPECT_EQ(mod(INT64_MIN, -1), 0);
  EXPECT_EQ(int_(-2.9), -2);
  EXPECT_EQ(errorOf([] { int_(NAN); }),
            "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(errorOf([] { int_(INFINITY); }),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(errorOf([] { aioc::py::round(INFINITY); }),
            "OverflowError: cannot convert float infinity to integer");
  // round(-0.5), round(0.5), round(1.5) -> 0 0 2; round(25, -1) -> 20
  EXPECT_EQ(aioc::py::round(-0.5), 0);
  EXPECT_EQ(aioc::py::round(1.5), 2);
  EXPECT_EQ(aioc::py::round(Int(25), Int(-1)), 20);
  EXPECT_EQ(aioc::py::round(Int(35), Int(-1)), 40);
  EXPECT_EQ(aioc::py::round(Int(-25), Int(-1)), -20);
  EXPECT_EQ(aioc::py::round(Int(-26), Int(-1)), -30);
  EXPECT_EQ(chr(0x1F600).bytes(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(ord(Str("\xE2\x82\xAC")), 0x20AC);
  EXPECT_EQ(errorOf([] { chr(-1); }),
            "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(errorOf([] { ord(Str("ab")); }),
            "TypeError: ord() expected a character, but string of length 2 "
            "found");
  EXPECT_EQ(format(Int(0), "c").bytes(), std::string(1, '\0'));
  EXPECT_EQ(format(true, "").bytes(), "True");
  EXPECT_EQ(format(true, ">5").bytes(), "    1");
  // format([1], '5') -> TypeError: unsupported format string passed to
  // list.__format__
  EXPECT_EQ(errorOf([] { format(List<Int>{1}, "5"); }),
            "TypeError: unsupported format string passed to list.__format__");
  EXPECT_EQ(errorOf([] { format(none, "5"); }),
            "TypeError: unsupported format string passed to "
            "NoneType.__format__");
  EXPECT_EQ(format(Optional<Float>(2.5), ".2f").bytes(), "2.50");
  EXPECT_EQ(format(Optional<Float>(), "").bytes(), "None");
  std::string f;
  formatTo(f, Optional<Float>(2.5), ">6.1f", "float | None");
  formatTo(f, List<Int>{1}, "", "list[int]");
  EXPECT_EQ(f, "   2.5[1]");
  List<bool> lb{true};
  EXPECT_TRUE(detail::Stored<bool>::ref(lb[0]));
  EXPECT_EQ(format(List<Int>{1}, "").bytes(), "[1]");
}

TEST(Str, CodePointsAndOperators) {
  Str s("h\xC3\xA9llo \xE6\x97\xA5\xF0\x9F\x99\x82"); // "héllo 日🙂"
  EXPECT_EQ(s.len(), 8);
  EXPECT_FALSE(s.isAscii());
  EXPECT_EQ(s[1].bytes(), "\xC3\xA9");
  EXPECT_EQ(s[-1].bytes(), "\xF0\x9F\x99\x82");
  EXPECT_EQ(errorOf([&] { s[8]; }), "IndexError: string index out of range");
  EXPECT_EQ(s.find(Str("\xE6\x97\xA5")), 6);
  EXPECT_EQ(s.index(Str("l")), 2);
  EXPECT_EQ(errorOf([&] { s.index(Str("z")); }),
            "ValueError: substring not found");
  std::string joined;
  for (const Str &c : s)
    joined += "[" + c.bytes() + "]";
  EXPECT_EQ(joined,
            "[h][\xC3\xA9][l][l][o][ ][\xE6\x97\xA5][\xF0\x9F\x99\x82]");
  EXPECT_TRUE(s.contains(Str("llo")));
  EXPECT_TRUE(Str("abc") < Str("abd"));
  EXPECT_TRUE(Str("Z") < Str("\xC3\xA9"));
  EXPECT_EQ((Str("ab") + Str("\xC3\xA9")).len(), 3);
  EXPECT_EQ(Str("ab").repeat(3).bytes(), "ababab");
  EXPECT_EQ(Str("ab").repeat(0).bytes(), "");
  EXPECT_EQ(Str(", ").join(List<Str>{"a", "b", "c"}).bytes(), "a, b, c");
  // '-'.join(reversed('abc')), '+'.join({'k': 1, 'l': 2})
  EXPECT_EQ(Str("-").join(reversed(Str("abc"))).bytes(), "c-b-a");
  Dict<Str, Int> kd{{"k", 1}, {"l\xC3\xA9", 2}};
  Str joined2 = Str("+").join(kd.keys());
  EXPECT_EQ(joined2.bytes(), "k+l\xC3\xA9");
  EXPECT_EQ(joined2.len(), 4);
  EXPECT_EQ(hash(Str("abc")), hash(Str(std::string("abc"))));
  EXPECT_EQ(errorOf([] { Str("abc").split(Str("")); }),
            "ValueError: empty separator");
  EXPECT_EQ(errorOf([] { Str("a").center(5, Str("ab")); }),
            "TypeError: The fill character must be exactly one character "
            "long");
  EXPECT_EQ(r(Str("a\0b", 3)), "'a\\x00b'");
}

TEST(Bytes, DecodeAndRepr) {
  EXPECT_EQ(Bytes("h\xC3\xA9").decode().len(), 2);
  EXPECT_EQ(errorOf([] { Bytes("\xff").decode(); }),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in "
            "position 0: invalid start byte");
  EXPECT_EQ(errorOf([] { Bytes("a\xe2\x82").decode(); }),
            "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position "
            "1-2: unexpected end of data");
  EXPECT_EQ(errorOf([] { Bytes("\xe2(\xa1").decode(); }),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe2 in "
            "position 0: invalid continuation byte");
  EXPECT_EQ(errorOf([] { Bytes("\xed\xa0\x80").decode(); }),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in "
            "position 0: invalid continuation byte");
  // repr(b'\x00a\'"\x7f\x80') -> b'\x00a\'"\x7f\x80'; repr(b"it's") -> b"it's"
  EXPECT_EQ(r(Bytes(std::string("\0a'\"\x7f\x80", 6))),
            "b'\\x00a\\'\"\\x7f\\x80'");
  EXPECT_EQ(r(Bytes("it's")), "b\"it's\"");
  EXPECT_EQ(Bytes("abc")[-1], 99);
  EXPECT_EQ(str(Bytes("a")).bytes(), "b'a'");
}

// ------------------------------------------------- output and program exit --
namespace {
struct Captured {
  std::string out, err;
  int status;
};
// Runs `body` in a child with stdout/stderr on pipes (not ttys, so stdout is
// block-buffered as in CPython) and returns what it wrote and its exit code.
Captured runChild(const std::function<int()> &body) {
  int o[2], e[2];
  EXPECT_EQ(pipe(o), 0);
  EXPECT_EQ(pipe(e), 0);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(o[1], 1);
    dup2(e[1], 2);
    close(o[0]);
    close(e[0]);
    int st = body();
    stdoutStream().flush();
    stderrStream().flush();
    _exit(st);
  }
  close(o[1]);
  close(e[1]);
  Captured c;
  auto drain = [](int fd, std::string &to) {
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
      to.append(buf, static_cast<std::size_t>(n));
    close(fd);
  };
  drain(o[0], c.out);
  drain(e[0], c.err);
  int st = 0;
  waitpid(pid, &st, 0);
  c.status = WIFEXITED(st)     ? WEXITSTATUS(st)
             : WIFSIGNALED(st) ? 1000 + WTERMSIG(st)
                               : -1;
  return c;
}
} // namespace

TEST(Print, SepEndFileAndValues) {
  Captured c = runChild([] {
    print(Str("a"), Int(1), 2.5, true, none, List<Str>{"x"});
    printWith(PrintOptions{Str("-"), Str("!\n")}, Int(1), Int(2));
    printWith(PrintOptions{{}, Str("")}, Str("no newline"));
    print();
    printWith(PrintOptions{{}, {}, File::Stderr}, Str("to err"));
    return 0;
  });
  EXPECT_EQ(c.out, "a 1 2.5 True None ['x']\n1-2!\nno newline\n");
  EXPECT_EQ(c.err, "to err\n");
  EXPECT_EQ(c.status, 0);
}

TEST(Print, StdoutIsBlockBufferedOnAPipe) {
  // Like CPython with stdout on a pipe: stderr output comes out first,
  // stdout only when flushed (explicitly or at exit).
  int o[2];
  ASSERT_EQ(pipe(o), 0);
  OutStream s(o[1]);
  s.write("line\n");
  fcntl(o[0], F_SETFL, O_NONBLOCK);
  char buf[16];
  EXPECT_EQ(read(o[0], buf, sizeof buf), -1); // nothing written yet
  s.flush();
  EXPECT_EQ(read(o[0], buf, sizeof buf), 5);
  // PYTHONUNBUFFERED=1 makes CPython's streams write through.
  OutStream u(o[1], true);
  u.write("x");
  EXPECT_EQ(read(o[0], buf, sizeof buf), 1);
  close(o[0]);
  close(o[1]);
}

TEST(RunMain, UncaughtExceptionPrintsTraceback) {
  Captured c = runChild([] {
    return runMain([] {
      print(Str("before"));
      throw aioc::ValueError("bad input");
    });
  });
  EXPECT_EQ(c.out, "before\n");
  EXPECT_EQ(c.err, "Traceback (most recent call last):\nValueError: bad "
                   "input\n");
  EXPECT_EQ(c.status, 1);
}

TEST(RunMain, SystemExitAndChainedExceptions) {
  Captured c = runChild([] {
    return runMain([] {
      print(Str("x"));
      throw aioc::SystemExit(3);
    });
  });
  EXPECT_EQ(c.out, "x\n");
  EXPECT_EQ(c.err, "");
  EXPECT_EQ(c.status, 3);

  c = runChild([] {
    return runMain([] {
      aioc::RuntimeError outer("wrapped");
      outer.cause = std::make_exception_ptr(aioc::KeyError("'k'"));
      throw outer;
    });
  });
  EXPECT_EQ(c.err, "Traceback (most recent call last):\nKeyError: 'k'\n\n"
                   "The above exception was the direct cause of the following "
                   "exception:\n\nTraceback (most recent call last):\n"
                   "RuntimeError: wrapped\n");
  EXPECT_EQ(c.status, 1);

  // An exception raised in an except block (implicit context), and
  // `raise ... from None` (context suppressed).
  c = runChild([] {
    return runMain([] {
      aioc::TypeError outer("second");
      outer.context = std::make_exception_ptr(aioc::ValueError("first"));
      throw outer;
    });
  });
  EXPECT_EQ(c.err, "Traceback (most recent call last):\nValueError: first\n\n"
                   "During handling of the above exception, another exception "
                   "occurred:\n\nTraceback (most recent call last):\n"
                   "TypeError: second\n");
  c = runChild([] {
    return runMain([] {
      aioc::TypeError outer("second");
      outer.context = std::make_exception_ptr(aioc::ValueError("first"));
      outer.suppressContext = true;
      throw outer;
    });
  });
  EXPECT_EQ(c.err, "Traceback (most recent call last):\nTypeError: second\n");
}

TEST(RunMain, KeyboardInterruptDiesOfSigint) {
  Captured c =
      runChild([] { return runMain([] { throw aioc::KeyboardInterrupt(); }); });
  EXPECT_EQ(c.err, "Traceback (most recent call last):\nKeyboardInterrupt\n");
  EXPECT_EQ(c.status, 1000 + SIGINT);
}

TEST(Print, ConcurrentWritersKeepLinesWhole) {
  // print() from executor threads: each print's text is written atomically.
  char path[] = "/tmp/aioc_py_printXXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  {
    OutStream s(fd);
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; ++t)
      ts.emplace_back([&s, t] {
        for (int i = 0; i < 500; ++i)
          s.write("thread " + std::to_string(t) + " line " + std::to_string(i) +
                  "\n");
      });
    for (auto &t : ts)
      t.join();
  } // the destructor flushes
  std::string all;
  lseek(fd, 0, SEEK_SET);
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0)
    all.append(buf, static_cast<std::size_t>(n));
  close(fd);
  unlink(path);
  List<Str> lines = Str(all).splitlines();
  EXPECT_EQ(lines.len(), 2000);
  for (const Str &l : lines)
    EXPECT_TRUE(l.startswith(Str("thread ")) && l.contains(Str(" line ")))
        << l.bytes();
}

TEST(StrFormat, PositionalFieldsLikeCPython) {
  // Expected values printed by CPython 3.11 for the same format strings.
  EXPECT_EQ(strFormat(Str("{} {}"), Int(1), Int(2)).bytes(), "1 2");
  EXPECT_EQ(strFormat(Str("{0}{1}{0}"), Str("a"), Str("b")).bytes(), "aba");
  EXPECT_EQ(strFormat(Str("{:>8.2f}|{!r:^7}"), 3.14159, Str("x")).bytes(),
            "    3.14|  'x'  ");
  EXPECT_EQ(strFormat(Str("{{}} {}"), Int(5)).bytes(), "{} 5");
  EXPECT_EQ(strFormat(Str("{:{}}"), Int(7), Int(5)).bytes(), "    7");
  EXPECT_EQ(strFormat(Str("{:{}.{}f}"), 3.14159, Int(10), Int(3)).bytes(),
            "     3.142");
  EXPECT_EQ(strFormat(Str("a}}b{{")).bytes(), "a}b{");
  EXPECT_EQ(strFormat(Str("{} and {}"), List<Int>{1}, none).bytes(),
            "[1] and None");
  EXPECT_EQ(errorOf([] { strFormat(Str("{x}"), Int(1)); }), "KeyError: 'x'");
  EXPECT_EQ(errorOf([] { strFormat(Str("{} {1}"), Int(1), Int(2)); }),
            "ValueError: cannot switch from automatic field numbering to "
            "manual field specification");
  EXPECT_EQ(errorOf([] { strFormat(Str("{1} {}"), Int(1), Int(2)); }),
            "ValueError: cannot switch from manual field specification to "
            "automatic field numbering");
  EXPECT_EQ(errorOf([] { strFormat(Str("{2}"), Int(1)); }),
            "IndexError: Replacement index 2 out of range for positional "
            "args tuple");
  EXPECT_EQ(errorOf([] { strFormat(Str("{")); }),
            "ValueError: Single '{' encountered in format string");
  EXPECT_EQ(errorOf([] { strFormat(Str("}")); }),
            "ValueError: Single '}' encountered in format string");
  EXPECT_EQ(errorOf([] { strFormat(Str("{0"), Int(1)); }),
            "ValueError: expected '}' before end of string");
  EXPECT_EQ(errorOf([] { strFormat(Str("{!x}"), Int(1)); }),
            "ValueError: Unknown conversion specifier x");
  EXPECT_EQ(errorOf([] { strFormat(Str("{:d}"), Str("s")); }),
            "ValueError: Unknown format code 'd' for object of type 'str'");
}

TEST(RunMain, ExceptionGroupTreeAndAsyncioNames) {
  // CPython 3.11's output for eg.py (sub-exceptions raised, then grouped):
  //   g = ExceptionGroup("inner", [KeyError('k')])
  //   raise ExceptionGroup("g", [ValueError(1), TypeError("t"), g])
  // with the File/source lines (which aioc does not print) removed.
  Captured c = runChild([] {
    return runMain([] {
      std::vector<std::exception_ptr> inner{
          std::make_exception_ptr(aioc::KeyError("'k'"))};
      std::vector<std::exception_ptr> subs{
          std::make_exception_ptr(aioc::ValueError("1")),
          std::make_exception_ptr(aioc::TypeError("t")),
          std::make_exception_ptr(aioc::ExceptionGroup("inner", inner))};
      throw aioc::ExceptionGroup("g", subs);
    });
  });
  EXPECT_EQ(c.err, "  + Exception Group Traceback (most recent call last):\n"
                   "  | ExceptionGroup: g (3 sub-exceptions)\n"
                   "  +-+---------------- 1 ----------------\n"
                   "    | Traceback (most recent call last):\n"
                   "    | ValueError: 1\n"
                   "    +---------------- 2 ----------------\n"
                   "    | Traceback (most recent call last):\n"
                   "    | TypeError: t\n"
                   "    +---------------- 3 ----------------\n"
                   "    | Exception Group Traceback (most recent call last):\n"
                   "    | ExceptionGroup: inner (1 sub-exception)\n"
                   "    +-+---------------- 1 ----------------\n"
                   "      | Traceback (most recent call last):\n"
                   "      | KeyError: 'k'\n"
                   "      +------------------------------------\n");
  EXPECT_EQ(c.status, 1);
  // asyncio's exceptions are printed with their module, as CPython does.
  c = runChild([] { return runMain([] { throw aioc::CancelledError(); }); });
  EXPECT_EQ(c.err, "Traceback (most recent call last):\n"
                   "asyncio.exceptions.CancelledError\n");
  c = runChild([] { return runMain([] { throw aioc::QueueFull(); }); });
  EXPECT_EQ(c.err, "Traceback (most recent call last):\n"
                   "asyncio.queues.QueueFull\n");
  c = runChild([] { return runMain([] { throw aioc::TimeoutError(); }); });
  EXPECT_EQ(c.err, "Traceback (most recent call last):\nTimeoutError\n");
}
