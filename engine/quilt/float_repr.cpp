#include "quilt/float_repr.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <system_error>

namespace quiltup::quilt {

std::string python_float_repr(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x < 0 ? "-Infinity" : "Infinity";

  // to_chars without a precision gives the shortest round-trip digits, the same digits CPython's
  // dtoa (mode 0) picks; only the layout differs, which is rebuilt below.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(end - buf));  // "-1.2345e+02"

  std::string out;
  if (sci.front() == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  auto e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits += c;
  int exponent = 0;
  auto exp_text = sci.substr(e_pos + 1);
  if (exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);

  if (exponent >= -4 && exponent < 16) {
    if (exponent >= 0) {
      auto int_len = static_cast<std::size_t>(exponent) + 1;
      if (digits.size() <= int_len) {
        out += digits;
        out.append(int_len - digits.size(), '0');
        out += ".0";
      } else {
        out += digits.substr(0, int_len);
        out += '.';
        out += digits.substr(int_len);
      }
    } else {
      out += "0.";
      out.append(static_cast<std::size_t>(-exponent - 1), '0');
      out += digits;
    }
    return out;
  }

  out += digits.front();
  if (digits.size() > 1) {
    out += '.';
    out += digits.substr(1);
  }
  out += 'e';
  out += exponent < 0 ? '-' : '+';
  auto magnitude = std::to_string(std::abs(exponent));
  if (magnitude.size() < 2) out += '0';
  out += magnitude;
  return out;
}

std::string python_float_repr(std::string_view json_token) {
  double x = 0;
  auto [ptr, ec] = std::from_chars(json_token.data(), json_token.data() + json_token.size(), x);
  if (ec == std::errc::result_out_of_range) {
    // from_chars reports overflow and underflow alike; Python gives ±inf or ±0.0.
    x = std::strtod(std::string(json_token).c_str(), nullptr);
  }
  return python_float_repr(x);
}

}  // namespace quiltup::quilt
