#include "s3/object_key.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quiltup;

TEST_CASE("object_key: ordinary and special-character keys are valid", "[s3][object_key]") {
  CHECK(s3::validate_object_key("dir/a b+c~d@\xC3\xA9(1)&=.txt").has_value());
  CHECK(s3::validate_object_key("test$file").has_value());
  CHECK(s3::validate_object_key(std::string(1024, 'a')).has_value());
  CHECK(s3::validate_object_key("\xF0\x9F\x98\x80").has_value());  // U+1F600
}

TEST_CASE("object_key: empty, too long and invalid UTF-8 keys name the field", "[s3][object_key]") {
  auto empty = s3::validate_object_key("", "items[3].key");
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().field == "items[3].key");
  CHECK(empty.error().code == "InvalidArgument");
  auto long_key = s3::validate_object_key(std::string(1025, 'a'));
  REQUIRE_FALSE(long_key.has_value());
  CHECK(long_key.error().message.find("1025") != std::string::npos);
  CHECK(long_key.error().field == "key");
  // 1,024 bytes is the limit in bytes, not characters: 513 two-byte characters is too long.
  std::string wide;
  for (int i = 0; i < 513; ++i) wide += "\xC3\xA9";
  CHECK_FALSE(s3::validate_object_key(wide).has_value());
  CHECK_FALSE(s3::validate_object_key("bad\xFF").has_value());
}

TEST_CASE("object_key: UTF-8 validation rejects overlongs, surrogates and truncation", "[s3][object_key]") {
  CHECK(s3::is_valid_utf8("plain"));
  CHECK(s3::is_valid_utf8("\xE2\x82\xAC"));      // €
  CHECK_FALSE(s3::is_valid_utf8("\xC0\xAF"));     // overlong '/'
  CHECK_FALSE(s3::is_valid_utf8("\xED\xA0\x80"));  // U+D800
  CHECK_FALSE(s3::is_valid_utf8("\xE2\x82"));      // truncated
  CHECK_FALSE(s3::is_valid_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  CHECK_FALSE(s3::is_valid_utf8("\x80"));
}
