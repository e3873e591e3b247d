// shared/testdata/sigv4/aws-c-auth/v4: every case, header and query (presigned) forms, each
// stage checked on its own so a failure names the stage.
#include "crypto/encoding.hpp"
#include "crypto/sha256.hpp"
#include "sigv4/signer.hpp"
#include "support/testdata.hpp"
#include "vectors/sigv4/raw_request.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
using namespace quiltup;
using quiltup::test::read_file;

namespace {

struct c_auth_case {
  std::string name;
  fs::path dir;
  test::raw_request raw;
  sigv4::request_view view;
  sigv4::signing_params params;
  std::chrono::seconds expires{};
};

c_auth_case load_case(const fs::path& dir) {
  c_auth_case c;
  c.name = dir.filename().string();
  c.dir = dir;
  c.raw = test::parse_raw_request(read_file(dir / "request.txt"));

  simdjson::dom::parser parser;
  simdjson::dom::element ctx = parser.parse(read_file(dir / "context.json"));
  auto creds = ctx["credentials"];
  c.params.credentials.access_key_id = std::string(std::string_view(creds["access_key_id"]));
  c.params.credentials.secret_access_key = std::string(std::string_view(creds["secret_access_key"]));
  if (auto token = creds["token"]; !token.error())
    c.params.credentials.session_token = std::string(std::string_view(token));
  c.params.region = std::string(std::string_view(ctx["region"]));
  c.params.service = std::string(std::string_view(ctx["service"]));
  c.params.time = test::parse_timestamp(std::string_view(ctx["timestamp"]));
  const bool normalize = bool(ctx["normalize"]);
  const bool sign_body = bool(ctx["sign_body"]);
  if (auto omit = ctx["omit_session_token"]; !omit.error()) c.params.omit_session_token = bool(omit);
  c.expires = std::chrono::seconds(int64_t(ctx["expiration_in_seconds"]));

  // normalize: the generic rules, which encode the path as given. Otherwise the S3 rules, which
  // take the wire path as is: what goes on the wire is the suite's path encoded once.
  c.params.rules = normalize ? sigv4::path_rules::generic : sigv4::path_rules::s3;
  c.params.payload_hash = crypto::sha256_hex(c.raw.body);
  c.params.content_sha256_header = sign_body;
  c.view.method = c.raw.method;
  c.view.path = normalize ? c.raw.path : crypto::uri_encode(c.raw.path, /*keep_slash=*/true);
  c.view.query = c.raw.query;
  c.view.headers = c.raw.headers;
  return c;
}

std::vector<fs::path> case_dirs() {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(test::testdata_dir() / "sigv4/aws-c-auth/v4"))
    if (entry.is_directory()) dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::string body_suffix(const std::string& body) { return "\n" + body; }

}  // namespace

TEST_CASE("aws-c-auth v4: header signing, every case, stage by stage", "[sigv4][vectors][aws-c-auth]") {
  auto dirs = case_dirs();
  REQUIRE(dirs.size() == 38);
  std::size_t checked = 0;
  for (const auto& dir : dirs) {
    auto c = load_case(dir);
    INFO("case " << c.name);
    auto r = sigv4::sign_headers(c.view, c.params);
    CHECK(r.canonical_request == read_file(dir / "header-canonical-request.txt"));
    CHECK(r.string_to_sign == read_file(dir / "header-string-to-sign.txt"));
    CHECK(r.signature == read_file(dir / "header-signature.txt"));

    auto signed_headers = c.raw.headers;
    signed_headers.insert(signed_headers.end(), r.added_headers.begin(), r.added_headers.end());
    signed_headers.emplace_back("Authorization", r.authorization);
    auto request = c.raw.method + " " + c.raw.path + (c.raw.query.empty() ? "" : "?" + c.raw.query) +
                   " HTTP/1.1\n" + test::header_lines(signed_headers) + body_suffix(c.raw.body);
    CHECK(request == read_file(dir / "header-signed-request.txt"));
    ++checked;
  }
  std::cout << "aws-c-auth v4 header cases checked: " << checked << "\n";
  CHECK(checked == 38);
}

TEST_CASE("aws-c-auth v4: query signing (presigned), every case, stage by stage", "[sigv4][vectors][aws-c-auth]") {
  auto dirs = case_dirs();
  REQUIRE(dirs.size() == 38);
  std::size_t checked = 0;
  for (const auto& dir : dirs) {
    auto c = load_case(dir);
    INFO("case " << c.name);
    auto r = sigv4::presign(c.view, c.params, c.expires);
    CHECK(r.canonical_request == read_file(dir / "query-canonical-request.txt"));
    CHECK(r.string_to_sign == read_file(dir / "query-string-to-sign.txt"));
    CHECK(r.signature == read_file(dir / "query-signature.txt"));
    CHECK(r.added_headers.empty());

    // The request line's parameters are compared as a set (aws-c-auth lists X-Amz-SignedHeaders
    // before X-Amz-Expires, we follow the S3 documentation's canonical order); the rest exactly.
    auto expected = test::parse_raw_request(read_file(dir / "query-signed-request.txt"));
    CHECK(expected.method == c.raw.method);
    CHECK(expected.path == c.raw.path);
    CHECK(test::sorted_params(r.presigned_query) == test::sorted_params(expected.query));
    CHECK(expected.headers == c.raw.headers);
    CHECK(expected.body == c.raw.body);
    ++checked;
  }
  std::cout << "aws-c-auth v4 query cases checked: " << checked << "\n";
  CHECK(checked == 38);
}
