#include "quilt/layout.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::quilt;

namespace {
const std::string hash = "2a5a67156ca9238c14d12042db51c5b52260fdd5511b61ea89b58929d6e1769b";
}

TEST_CASE("layout: registry V1 keys", "[quilt][layout]") {
  package_name name{"demo-team", "my-pkg"};
  CHECK(manifest_key(hash) == ".quilt/packages/" + hash);
  CHECK(pointer_prefix(name) == ".quilt/named_packages/demo-team/my-pkg/");
  CHECK(timestamp_pointer_key(name, 1700000000) == ".quilt/named_packages/demo-team/my-pkg/1700000000");
  CHECK(latest_pointer_key(name) == ".quilt/named_packages/demo-team/my-pkg/latest");
}

TEST_CASE("layout: pointers hold 64 lowercase hex digits", "[quilt][layout]") {
  CHECK(is_top_hash(hash));
  CHECK_FALSE(is_top_hash(hash.substr(1)));
  std::string upper = hash;
  upper[0] = 'A';
  CHECK_FALSE(is_top_hash(upper));
  CHECK(parse_pointer(hash).value() == hash);
  CHECK(parse_pointer(hash + "\n").value() == hash);  // quilt3 strips what it reads
  auto bad = parse_pointer("latest");
  REQUIRE(bad.has_error());
  CHECK(bad.error().code == "InvalidPackagePointer");
  CHECK(bad.error().message.find("got 6 characters") != std::string::npos);
}
