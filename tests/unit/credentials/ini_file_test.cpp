#include "credentials/ini_file.hpp"

#include "support/result_printer.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::credentials;

TEST_CASE("ini_file: sections, comments and trimmed key = value pairs", "[credentials][ini_file]") {
  auto ini = parse_ini(
      "# a comment\n"
      "; another\n"
      "[default]\n"
      "aws_access_key_id = AKIDEXAMPLE   \n"
      "  \n"
      "[profile dev]\r\n"
      "region=eu-west-1 # inline comment\r\n"
      "output = json;not-a-comment\n",
      "config");
  REQUIRE(ini);
  REQUIRE(ini->find("default"));
  CHECK(*ini->find("default")->get("aws_access_key_id") == "AKIDEXAMPLE");
  REQUIRE(ini->find("profile dev"));
  CHECK(*ini->find("profile dev")->get("region") == "eu-west-1");
  CHECK(*ini->find("profile dev")->get("output") == "json;not-a-comment");
  CHECK(ini->find("dev") == nullptr);
}

TEST_CASE("ini_file: an empty value followed by indented lines is a nested block", "[credentials][ini_file]") {
  auto ini = parse_ini(
      "[profile x]\n"
      "s3 =\n"
      "  endpoint_url = http://127.0.0.1:9000\n"
      "  addressing_style = path\n"
      "region = us-west-2\n"
      "[services local]\n"
      "s3 =\n"
      "\tendpoint_url = http://localhost:7480\n",
      "config");
  REQUIRE(ini);
  const ini_section* x = ini->find("profile x");
  REQUIRE(x);
  CHECK(*x->get_nested("s3", "endpoint_url") == "http://127.0.0.1:9000");
  CHECK(*x->get_nested("s3", "addressing_style") == "path");
  CHECK(*x->get("region") == "us-west-2");
  CHECK(x->get_nested("s3", "region") == nullptr);
  CHECK(*ini->find("services local")->get_nested("s3", "endpoint_url") == "http://localhost:7480");
}

TEST_CASE("ini_file: an indented line after a value continues it", "[credentials][ini_file]") {
  auto ini = parse_ini("[a]\nkey = first\n  second\n", "f");
  REQUIRE(ini);
  CHECK(*ini->find("a")->get("key") == "first\nsecond");
}

TEST_CASE("ini_file: a repeated section merges and later keys win", "[credentials][ini_file]") {
  auto ini = parse_ini("[a]\nk = 1\nj = 2\n[b]\nk = 3\n[a]\nk = 4\n", "f");
  REQUIRE(ini);
  CHECK(*ini->find("a")->get("k") == "4");
  CHECK(*ini->find("a")->get("j") == "2");
  CHECK(*ini->find("b")->get("k") == "3");
}

TEST_CASE("ini_file: malformed lines are errors naming the file and line", "[credentials][ini_file]") {
  auto no_equals = parse_ini("[a]\nk = 1\nnonsense\n", "/home/u/.aws/config");
  REQUIRE_FALSE(no_equals);
  CHECK(no_equals.error().message == "/home/u/.aws/config line 3: expected 'key = value' or '[section]'");
  CHECK(no_equals.error().code == "InvalidConfigFile");

  auto before_section = parse_ini("k = 1\n", "f");
  REQUIRE_FALSE(before_section);
  CHECK(before_section.error().message.find("line 1") != std::string::npos);
  CHECK(before_section.error().message.find("before any '[section]'") != std::string::npos);

  auto unterminated = parse_ini("[a\n", "f");
  REQUIRE_FALSE(unterminated);
  CHECK(unterminated.error().message.find("must end with ']'") != std::string::npos);

  auto bad_nested = parse_ini("[a]\ns3 =\n  no equals here\n", "f");
  REQUIRE_FALSE(bad_nested);
  CHECK(bad_nested.error().message.find("line 3") != std::string::npos);
}

TEST_CASE("ini_file: an empty file has no sections", "[credentials][ini_file]") {
  auto ini = parse_ini("", "f");
  REQUIRE(ini);
  CHECK(ini->sections.empty());
}
