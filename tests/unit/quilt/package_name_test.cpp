#include "quilt/package_name.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::quilt;

TEST_CASE("package_name: namespace/name with ASCII letters, digits, '-' and '_'", "[quilt][package_name]") {
  auto n = parse_package_name("demo-team/my_pkg-2");
  REQUIRE(n.has_value());
  CHECK(n->ns == "demo-team");
  CHECK(n->name == "my_pkg-2");
  CHECK(n->str() == "demo-team/my_pkg-2");
  CHECK(parse_package_name("A/B").has_value());
}

TEST_CASE("package_name: each mistake gets its own message and a valid suggestion", "[quilt][package_name]") {
  struct bad_case {
    const char* name;
    const char* says;
    const char* suggestion;
  };
  for (auto c : std::initializer_list<bad_case>{
           {"", "is empty", "Try: 'demo-team/my-package'"},
           {"mypkg", "exactly one '/'", "Try: 'demo-team/mypkg'"},
           {"a/b/c", "exactly one '/' between namespace and name (found 2)", "Try: 'a/b-c'"},
           {"/pkg", "empty namespace", "Try: 'demo-team/pkg'"},
           {"team/", "empty name", "Try: 'team/my-package'"},
           {"my.team/pkg.v1", "replace dots with hyphens", "Try: 'my-team/pkg-v1'"},
           {"team/my pkg", "contains ' ' in 'my pkg'", "Try: 'team/my-pkg'"},
           {"t\xC3\xA9\x61m/pkg", "only ASCII letters", "Try: 't--am/pkg'"},
       }) {
    INFO(c.name);
    auto r = parse_package_name(c.name);
    REQUIRE(r.has_error());
    CHECK(r.error().code == "InvalidArgument");
    CHECK(r.error().field == "name");
    CHECK(r.error().message.find(c.says) != std::string::npos);
    CHECK(r.error().hint.find(c.suggestion) != std::string::npos);
    CHECK(r.error().hint.find("'namespace/name'") != std::string::npos);
  }
}

TEST_CASE("package_name: every suggestion is itself valid", "[quilt][package_name]") {
  for (auto bad : {"mypkg", "a/b/c", "/pkg", "team/", "my.team/pkg", "team/my pkg", "x y"}) {
    auto hint = parse_package_name(bad).error().hint;
    auto start = hint.find("Try: '") + 6;
    auto suggestion = hint.substr(start, hint.find('\'', start) - start);
    INFO(bad << " -> " << suggestion);
    CHECK(parse_package_name(suggestion).has_value());
  }
}
