#pragma once
// Python's repr() of a float, which is what json.dumps writes: the shortest digits that round-trip,
// fixed notation for decimal exponents in [-4, 16) ("1.0", "0.0001", "100000.0"), otherwise
// d[.ddd]e±XX with at least two exponent digits ("1e+16", "2.5e-07"). Top hashes depend on it.
#include <string>
#include <string_view>

namespace quiltup::quilt {

std::string python_float_repr(double x);

// The float a JSON token denotes, re-written as Python would: "1E16" -> "1e+16", "0.10" -> "0.1".
// The token must be a valid JSON number; an out-of-range one becomes "Infinity" as in Python.
std::string python_float_repr(std::string_view json_token);

}  // namespace quiltup::quilt
