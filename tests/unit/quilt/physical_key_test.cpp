#include "quilt/physical_key.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::quilt;

TEST_CASE("physical_key: quilt3's quoting of the key and the versionId", "[quilt][physical_key]") {
  CHECK(format_physical_key({"b", "a/b.csv", std::nullopt}) == "s3://b/a/b.csv");
  CHECK(format_physical_key({"b", "dir/my file+\xD0\xBA~.txt", std::string("v 1/x")}) ==
        "s3://b/dir/my%20file%2B%D0%BA~.txt?versionId=v+1%2Fx");
  CHECK(format_physical_key({"b", "k", std::string("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")}) ==
        "s3://b/k?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
}

TEST_CASE("physical_key: parse is the inverse of format", "[quilt][physical_key]") {
  for (const auto& loc : {s3_location{"b", "dir/my file+\xD0\xBA.txt", std::string("v 1/x")},
                          s3_location{"bucket-1", "a/b/c", std::nullopt}, s3_location{"b", "100%", std::string("v")}}) {
    auto url = format_physical_key(loc);
    INFO(url);
    auto back = parse_physical_key(url);
    REQUIRE(back.has_value());
    CHECK(*back == loc);
  }
}

TEST_CASE("physical_key: rejects what quilt3 rejects", "[quilt][physical_key]") {
  for (auto bad : {"file:///tmp/a.txt", "s3:///key", "s3://bucket", "s3://bucket/", "s3://b/k?partNumber=1"}) {
    INFO(bad);
    auto r = parse_physical_key(bad);
    REQUIRE(r.has_error());
    CHECK(r.error().field == "physical_key");
    CHECK(r.error().hint.find("s3://bucket/key") != std::string::npos);
  }
}
