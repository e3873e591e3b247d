#include "quilt/create_plan.hpp"
#include "quilt/package_service.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::quilt;

namespace {

create_params basic() {
  create_params p;
  p.name = "team/pkg";
  p.bucket = "bkt";
  p.files = {"s3://bkt/raw/2024/a.csv", "s3://bkt/raw/b.json?versionId=v%2B1"};
  return p;
}

}  // namespace

TEST_CASE("create_plan: logical keys are file names by default, full keys with auto_organize", "[quilt][create_plan]") {
  auto plan = plan_create(basic());
  REQUIRE(plan.has_value());
  CHECK(plan->request.name == package_name{"team", "pkg"});
  CHECK(plan->request.bucket == "bkt");
  REQUIRE(plan->request.entries.size() == 2);
  CHECK(plan->request.entries[0].logical_key == "a.csv");
  CHECK(plan->request.entries[1].logical_key == "b.json");
  CHECK(plan->request.entries[1].location.version_id == "v+1");
  CHECK_FALSE(plan->request.message.has_value());  // null, never ""
  CHECK_FALSE(plan->request.user_meta.has_value());
  CHECK_FALSE(plan->readme.has_value());

  auto p = basic();
  p.auto_organize = true;
  auto organized = plan_create(p);
  REQUIRE(organized.has_value());
  CHECK(organized->request.entries[0].logical_key == "raw/2024/a.csv");
}

TEST_CASE("create_plan: a prefix mapping places files under a logical folder, longest match first",
          "[quilt][create_plan]") {
  auto p = basic();
  p.prefix_map = {{"raw/", "data"}, {"s3://bkt/raw/2024/", "data/current/"}};
  auto plan = plan_create(p);
  REQUIRE(plan.has_value());
  CHECK(plan->request.entries[0].logical_key == "data/current/a.csv");
  CHECK(plan->request.entries[1].logical_key == "data/b.json");
}

TEST_CASE("create_plan: the workflow's error texts, verbatim", "[quilt][create_plan]") {
  create_params none;
  none.name = "team/pkg";
  none.bucket = "bkt";
  auto missing = plan_create(none);
  REQUIRE(missing.has_error());
  CHECK(missing.error().message == "Package creation requires 'files' parameter");
  CHECK(missing.error().field == "files");

  auto p = basic();
  p.files.push_back("s3://other/c.csv");
  auto mixed = plan_create(p);
  REQUIRE(mixed.has_error());
  CHECK(mixed.error().message == "All files must live in the same S3 bucket to create a package");
  CHECK(mixed.error().hint.find("s3://other") != std::string::npos);

  delete_params d;
  d.name = "team/pkg";
  d.bucket = "s3://bkt";
  auto refusal = confirm_required_error(d);
  CHECK(refusal.message == "Package deletion requires confirm=True");
  CHECK(refusal.hint.find("'name': 'team/pkg', 'bucket': 'bkt', 'confirm': True") != std::string::npos);
}

TEST_CASE("create_plan: names, URIs and logical keys are checked with the field at fault", "[quilt][create_plan]") {
  auto p = basic();
  p.name = "team.pkg";
  auto bad_name = plan_create(p);
  REQUIRE(bad_name.has_error());
  CHECK(bad_name.error().field == "name");
  CHECK(bad_name.error().hint.find("Try:") != std::string::npos);

  p = basic();
  p.files[1] = "https://bkt/b.json";
  auto bad_uri = plan_create(p);
  REQUIRE(bad_uri.has_error());
  CHECK(bad_uri.error().field == "files[1]");

  p = basic();
  p.files.push_back("s3://bkt/other/a.csv");
  auto dup = plan_create(p);
  REQUIRE(dup.has_error());
  CHECK(dup.error().message.find("'a.csv'") != std::string::npos);
  CHECK(dup.error().field == "files[2]");

  p = basic();
  p.auto_organize = true;
  p.files = {"s3://bkt/a//b.csv"};
  auto empty_component = plan_create(p);
  REQUIRE(empty_component.has_error());
  CHECK(empty_component.error().field == "files[0]");
}

TEST_CASE("create_plan: README goes to the package's folder and joins the entries", "[quilt][create_plan]") {
  auto p = basic();
  p.readme = "# Hello";
  auto plan = plan_create(p);
  REQUIRE(plan.has_value());
  REQUIRE(plan->readme.has_value());
  CHECK(plan->readme->bucket == "bkt");
  CHECK(plan->readme->key == ".quilt/packages/team/pkg/README.md");
  CHECK(plan->request.entries.back().logical_key == "README.md");
  CHECK(plan->request.entries.back().location.key == ".quilt/packages/team/pkg/README.md");

  // A README alone (no files) is enough, given a bucket.
  create_params only;
  only.name = "team/pkg";
  only.bucket = "s3://bkt/";
  only.readme = "# Hi";
  auto alone = plan_create(only);
  REQUIRE(alone.has_value());
  CHECK(alone->request.bucket == "bkt");
  CHECK(alone->request.entries.size() == 1);

  // With files in another bucket than `bucket`, the README would split the package.
  p.bucket = "elsewhere";
  auto split = plan_create(p);
  REQUIRE(split.has_error());
  CHECK(split.error().message == "All files must live in the same S3 bucket to create a package");
}

TEST_CASE("create_plan: metadata loses readme keys with a warning and gains the description", "[quilt][create_plan]") {
  auto p = basic();
  p.description = "First cut";
  p.metadata = parse_json(R"({"author": "Jane", "readme": "# no", "readme_content": "x"})").value();
  auto plan = plan_create(p);
  REQUIRE(plan.has_value());
  CHECK(plan->request.message == "First cut");
  REQUIRE(plan->request.user_meta.has_value());
  CHECK(*plan->request.user_meta == parse_json(R"({"author": "Jane", "description": "First cut"})").value());
  CHECK(plan->warnings.size() == 2);

  p.metadata = parse_json("[1]").value();
  auto not_object = plan_create(p);
  REQUIRE(not_object.has_error());
  CHECK(not_object.error().field == "metadata");

  // An empty description is no message at all (pkgpush refuses "").
  p = basic();
  p.description = "";
  auto empty = plan_create(p);
  REQUIRE(empty.has_value());
  CHECK_FALSE(empty->request.message.has_value());
  CHECK_FALSE(empty->request.user_meta.has_value());
}

TEST_CASE("package_service: the catalog is chosen only with both registry URL and JWT", "[quilt][package_service]") {
  CHECK(choose_backend({}) == backend_kind::direct);
  CHECK(choose_backend({"https://registry.example.com", ""}) == backend_kind::direct);
  CHECK(choose_backend({"", "jwt"}) == backend_kind::direct);
  CHECK(choose_backend({"https://registry.example.com", "jwt"}) == backend_kind::catalog);
}
