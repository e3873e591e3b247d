#include "quilt/float_repr.hpp"

#include <catch2/catch.hpp>

#include <limits>

using quiltup::quilt::python_float_repr;

TEST_CASE("float_repr: fixed notation for decimal exponents from -4 up to 15, always with a fraction",
          "[quilt][float_repr]") {
  CHECK(python_float_repr(1.0) == "1.0");
  CHECK(python_float_repr(0.1) == "0.1");
  CHECK(python_float_repr(100000.0) == "100000.0");
  CHECK(python_float_repr(12345.678) == "12345.678");
  CHECK(python_float_repr(0.0001) == "0.0001");
  CHECK(python_float_repr(1e15) == "1000000000000000.0");
  CHECK(python_float_repr(9999999999999998.0) == "9999999999999998.0");
  CHECK(python_float_repr(-1.5) == "-1.5");
  CHECK(python_float_repr(0.0) == "0.0");
}

TEST_CASE("float_repr: exponent notation outside that range, with at least two exponent digits",
          "[quilt][float_repr]") {
  CHECK(python_float_repr(1e16) == "1e+16");
  CHECK(python_float_repr(1e-05) == "1e-05");
  CHECK(python_float_repr(2.5e-07) == "2.5e-07");
  CHECK(python_float_repr(1e22) == "1e+22");
  CHECK(python_float_repr(123456789012345678.0) == "1.2345678901234568e+17");
  CHECK(python_float_repr(5e-324) == "5e-324");
  CHECK(python_float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
  CHECK(python_float_repr(-1e100) == "-1e+100");
}

TEST_CASE("float_repr: negative zero and non-finite values as Python's json writes them", "[quilt][float_repr]") {
  CHECK(python_float_repr(-0.0) == "-0.0");
  CHECK(python_float_repr(std::numeric_limits<double>::infinity()) == "Infinity");
  CHECK(python_float_repr(-std::numeric_limits<double>::infinity()) == "-Infinity");
  CHECK(python_float_repr(std::numeric_limits<double>::quiet_NaN()) == "NaN");
}

TEST_CASE("float_repr: JSON tokens are re-written from the value they denote", "[quilt][float_repr]") {
  CHECK(python_float_repr(std::string_view("1E16")) == "1e+16");
  CHECK(python_float_repr(std::string_view("1e+16")) == "1e+16");
  CHECK(python_float_repr(std::string_view("0.10")) == "0.1");
  CHECK(python_float_repr(std::string_view("1e2")) == "100.0");
  CHECK(python_float_repr(std::string_view("-0.0")) == "-0.0");
  CHECK(python_float_repr(std::string_view("0.30000000000000004")) == "0.30000000000000004");
  CHECK(python_float_repr(std::string_view("1e400")) == "Infinity");  // float('1e400') is inf
  CHECK(python_float_repr(std::string_view("-1e400")) == "-Infinity");
  CHECK(python_float_repr(std::string_view("1e-400")) == "0.0");
}
