#pragma once
// Lets Catch print a quiltup::result in REQUIRE(r) failures: the error text, or "has value"
// (never the keys themselves).
#include "core/error.hpp"

#include <catch2/catch.hpp>

namespace Catch {
template <class T>
struct StringMaker<quiltup::result<T>> {
  static std::string convert(const quiltup::result<T>& r) {
    return r ? std::string("result: has value") : "result: error " + r.error().to_string();
  }
};
}  // namespace Catch
