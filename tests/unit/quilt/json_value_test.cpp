#include "quilt/json_value.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::quilt;

TEST_CASE("json_value: numbers keep their source text and kind", "[quilt][json_value]") {
  auto v = parse_json(R"({"i": 12345678901234567890, "f": 1.0, "e": 1E16, "n": -0})").value();
  CHECK(*v.find("i")->as_number() == json_number{"12345678901234567890", false});
  CHECK(*v.find("f")->as_number() == json_number{"1.0", true});
  CHECK(*v.find("e")->as_number() == json_number{"1E16", true});
  CHECK(*v.find("n")->as_number() == json_number{"-0", false});
}

TEST_CASE("json_value: members stay in source order, a duplicate key keeps its place, last value wins",
          "[quilt][json_value]") {
  auto v = parse_json(R"({"z": 1, "a": 2, "z": 3})").value();
  const auto& obj = *v.as_object();
  REQUIRE(obj.size() == 2);
  CHECK(obj[0].key == "z");
  CHECK(obj[0].value.as_number()->text == "3");
  CHECK(obj[1].key == "a");
}

TEST_CASE("json_value: scalar roots and nested values parse", "[quilt][json_value]") {
  CHECK(*parse_json("\"x\\u00e9\"").value().as_string() == "x\xC3\xA9");
  CHECK(parse_json(" 42 ").value().as_number()->text == "42");
  CHECK(parse_json("null").value().is_null());
  CHECK(*parse_json("true").value().as_bool());
  auto v = parse_json(R"([[], {}, [1, [2]]])").value();
  CHECK(v.as_array()->size() == 3);
  CHECK((*v.as_array())[2] == parse_json("[1,[2]]").value());
}

TEST_CASE("json_value: malformed text is an error value naming what is wrong", "[quilt][json_value]") {
  for (auto bad : {"{\"a\": 1} x", "[1, 2", "01", "1.", "{\"a\" 1}", "", "nul", "[1 2]", "1 2", "-", "\"\xFF\""}) {
    INFO(bad);
    auto r = parse_json(bad);
    REQUIRE(r.has_error());
    CHECK(r.error().code == "InvalidJson");
    CHECK(r.error().message.rfind("invalid JSON: ", 0) == 0);
  }
}

TEST_CASE("json_value: set replaces in place, erase removes", "[quilt][json_value]") {
  auto v = parse_json(R"({"a": 1, "b": 2})").value();
  v.set("a", "x");
  v.set("c", nullptr);
  CHECK((*v.as_object())[0].key == "a");
  CHECK(*v.find("a")->as_string() == "x");
  CHECK(v.find("c")->is_null());
  CHECK(v.erase("b"));
  CHECK_FALSE(v.erase("b"));
  CHECK(v.as_object()->size() == 2);
}
