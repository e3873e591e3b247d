#include "quilt/canonical_json.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::quilt;

namespace {

std::string canonical(std::string_view json_text) { return canonical_json(parse_json(json_text).value()); }
std::string manifest_style(std::string_view json_text) {
  return to_json(parse_json(json_text).value(), json_style::manifest);
}

}  // namespace

TEST_CASE("canonical_json: floats are written as Python's repr", "[quilt][canonical_json]") {
  CHECK(canonical("[1e16, 1e-05, 2.5e-07, -0.0, 100000.0, 1.0, 0.1]") ==
        "[1e+16,1e-05,2.5e-07,-0.0,100000.0,1.0,0.1]");
  CHECK(canonical("[1E16, 1.5e3, 0.00001]") == "[1e+16,1500.0,1e-05]");
}

TEST_CASE("canonical_json: ints are verbatim at any precision and stay distinct from floats",
          "[quilt][canonical_json]") {
  CHECK(canonical("[12345678901234567890, 1, 1.0, -7]") == "[12345678901234567890,1,1.0,-7]");
  CHECK(canonical("[123456789012345678901234567890123456789]") == "[123456789012345678901234567890123456789]");
  CHECK(canonical("-0") == "0");  // int("-0") == 0
}

TEST_CASE("canonical_json: keys sorted by code point, recursively, with no whitespace", "[quilt][canonical_json]") {
  CHECK(canonical(R"({ "b" : 1 , "a" : { "d" : [ 1 , 2 ] , "c" : null } })") == R"({"a":{"c":null,"d":[1,2]},"b":1})");
  // U+FFFD sorts before U+1F600 by code point (UTF-16 order would put the surrogate pair first).
  CHECK(canonical("{\"\xF0\x9F\x98\x80\": 1, \"\xEF\xBF\xBD\": 2, \"z\": 3, \"\xC3\xA9\": 4}") ==
        R"({"z":3,"\u00e9":4,"\ufffd":2,"\ud83d\ude00":1})");
}

TEST_CASE("canonical_json: strings use short escapes, lowercase \\u escapes and surrogate pairs",
          "[quilt][canonical_json]") {
  CHECK(canonical(R"("line1\nline2\t\"q\" \\ / \u0001 \u007f \b \f \r")") ==
        R"("line1\nline2\t\"q\" \\ / \u0001 \u007f \b \f \r")");
  CHECK(canonical(R"("a\/b")") == R"("a/b")");  // '/' is never escaped
  CHECK(canonical("\"\xD0\xBA\xD1\x83\"") == R"("\u043a\u0443")");
  CHECK(canonical(R"("\ud83d\ude00")") == R"("\ud83d\ude00")");
  CHECK(canonical("\"\xF0\x9F\x98\x80\"") == R"("\ud83d\ude00")");
  CHECK(canonical("\"\xE2\x9C\x93\"") == R"("\u2713")");
  CHECK(canonical(R"("\u001f")") == R"("\u001f")");
}

TEST_CASE("canonical_json: literals", "[quilt][canonical_json]") {
  CHECK(canonical("[true, false, null, {}, []]") == "[true,false,null,{},[]]");
}

TEST_CASE("canonical_json: manifest style keeps key order, spaces separators and raw UTF-8",
          "[quilt][canonical_json]") {
  CHECK(manifest_style(R"({"b":1,"a":[1,2.50,{"k":null}]})") == R"({"b": 1, "a": [1, 2.5, {"k": null}]})");
  // ensure_ascii=False: non-ASCII and DEL are written as they are; control characters are not.
  CHECK(manifest_style("\"\xD0\xBA \x7F \\u0001 \\n\"") == "\"\xD0\xBA \x7F \\u0001 \\n\"");
  CHECK(manifest_style("\"\xF0\x9F\x98\x80\"") == "\"\xF0\x9F\x98\x80\"");
}
