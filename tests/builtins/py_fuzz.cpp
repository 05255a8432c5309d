// libFuzzer target for the parsers of the py runtime: format specs,
// str.format strings, int()/float() literals, UTF-8 decoding and the str
// methods on whatever decodes. Bad input may raise a Python exception
// (aioc::BaseException); anything else (a crash, a sanitizer report, another
// C++ exception) is a bug.
#include <aioc/py/py.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace aioc::py;

namespace {
template <class F> void guarded(F &&f) {
  try {
    f();
  } catch (const aioc::BaseException &) {
  }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data,
                                      std::size_t size) {
  if (size < 9)
    return 0;
  std::uint8_t op = data[0];
  Int iv;
  std::memcpy(&iv, data + 1, sizeof iv);
  Float fv;
  std::memcpy(&fv, data + 1, sizeof fv);
  std::string rest(reinterpret_cast<const char *>(data + 9), size - 9);
  // Widths and precisions of millions of characters are valid and merely
  // allocate (CPython too); keep them small so runs stay within memory.
  int digits = 0;
  for (char c : rest) {
    digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
    if (digits > 5)
      return 0;
  }
  Str text;
  bool valid = true;
  try {
    text = Bytes(rest).decode();
  } catch (const aioc::UnicodeDecodeError &) {
    valid = false;
  }
  switch (op % 6) {
  case 0:
    guarded([&] { format(iv, rest); });
    break;
  case 1:
    guarded([&] { format(fv, rest); });
    break;
  case 2:
    if (valid) {
      guarded([&] { format(text, text.view()); });
      guarded([&] { strFormat(text, iv, fv, text); });
    }
    break;
  case 3:
    if (valid) {
      guarded([&] { int_(text, (op >> 3) % 37); });
      guarded([&] { int_(text); });
      guarded([&] { float_(text); });
    }
    break;
  case 4:
    if (valid) {
      Str sep = text.len() > 0 ? text.slice({0, 1, {}}) : Str(",");
      guarded([&] {
        text.split();
        text.rsplit(none, 2);
        text.split(sep, 3);
        text.splitlines(true);
        text.strip();
        text.upper();
        text.lower();
        text.title();
        text.capitalize();
        text.swapcase();
        text.casefold();
        text.replace(sep, text, 5);
        text.find(sep, iv % 50, (iv >> 8) % 50);
        text.count(sep);
        text.center(iv % 64);
        text.expandtabs(iv % 9);
        text.slice(
            {iv % 20, (iv >> 16) % 20, (iv >> 32) % 7 ? (iv >> 32) % 7 : 1});
        repr(text);
        text.isidentifier();
        text.isprintable();
      });
    }
    break;
  case 5:
    guarded([&] { aioc::py::round(fv, iv % 400); });
    guarded([&] { repr(fv); });
    guarded([&] { floordiv(fv, Float(iv)); });
    guarded([&] { mod(iv, Int(fv == fv ? 7 : 3)); });
    break;
  }
  return 0;
}
