#include <aioc/py/py.h>
#include <gtest/gtest.h>
using namespace aioc::py;
TEST(PySmoke, Basics) {
  List<Int> l{3, 1, 2};
  l.sort();
  EXPECT_EQ(repr(l).bytes(), "[1, 2, 3]");
}
