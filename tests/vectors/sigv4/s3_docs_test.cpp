// shared/testdata/sigv4/s3-aws-docs: the S3 API Reference examples (header signing, presigned
// URL, chunked upload with and without a signed trailer) and botocore's unsigned aws-chunked
// framing. Each stage is compared on its own.
#include "crypto/crc32.hpp"
#include "crypto/encoding.hpp"
#include "sigv4/chunk_signer.hpp"
#include "sigv4/signer.hpp"
#include "sigv4/signing_key.hpp"
#include "support/testdata.hpp"
#include "vectors/sigv4/raw_request.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
using namespace quiltup;
using quiltup::test::read_file;

namespace {

fs::path docs_dir() { return test::testdata_dir() / "sigv4/s3-aws-docs"; }

struct docs_case {
  test::raw_request raw;
  sigv4::request_view view;
  sigv4::signing_params params;
  simdjson::dom::parser parser;
  simdjson::dom::element ctx;
};

// S3 rules: the wire path is the documented key encoded once ("/test$file.text" →
// "/test%24file.text").
void load(docs_case& c, const fs::path& dir, const char* request_file) {
  c.raw = test::parse_raw_request(read_file(dir / request_file));
  c.ctx = c.parser.load((dir / "context.json").string());
  c.params.region = std::string(std::string_view(c.ctx["region"]));
  c.params.service = std::string(std::string_view(c.ctx["service"]));
  c.params.time = test::parse_timestamp(std::string_view(c.ctx["timestamp"]));
  c.params.credentials.access_key_id = std::string(std::string_view(c.ctx["credentials"]["access_key_id"]));
  c.params.credentials.secret_access_key =
      std::string(std::string_view(c.ctx["credentials"]["secret_access_key"]));
  c.params.rules = sigv4::path_rules::s3;
  c.view = {c.raw.method, crypto::uri_encode(c.raw.path, true), c.raw.query, c.raw.headers};
}

std::string derived_key_hex(const sigv4::signing_params& p, std::string_view amz_date) {
  return crypto::hex_encode(
      sigv4::derive_signing_key(p.credentials.secret_access_key, amz_date, p.region, p.service));
}

std::string payload_of_a(std::size_t n) { return std::string(n, 'a'); }

// Reads the encoder to the end through a buffer of `cap` bytes.
std::string drain(sigv4::aws_chunked_encoder& encoder, std::size_t cap) {
  std::string out;
  std::vector<char> buf(cap);
  while (auto n = encoder.read(buf.data(), buf.size())) out.append(buf.data(), n);
  return out;
}

// A source over a string that hands out at most `max_read` bytes per call, like a file read
// that returns short.
struct string_source {
  const std::string* data;
  std::size_t max_read;
  std::size_t offset = 0;
  std::size_t operator()(char* dst, std::size_t cap) {
    auto n = std::min({cap, max_read, data->size() - offset});
    std::memcpy(dst, data->data() + offset, n);
    offset += n;
    return n;
  }
};

std::size_t vector_cases = 0;

}  // namespace

TEST_CASE("s3 docs: header-signed GET/PUT/lifecycle/list, stage by stage", "[sigv4][vectors][s3-docs]") {
  std::size_t checked = 0;
  for (const char* name : {"get-object", "put-object", "get-bucket-lifecycle", "list-objects"}) {
    INFO("case " << name);
    auto dir = docs_dir() / name;
    docs_case c;
    load(c, dir, "request.txt");
    auto r = sigv4::sign_headers(c.view, c.params);
    CHECK(r.canonical_request == read_file(dir / "canonical-request.txt"));
    CHECK(r.string_to_sign == read_file(dir / "string-to-sign.txt"));
    CHECK(derived_key_hex(c.params, r.amz_date) == std::string_view(c.ctx["signing_key_hex"]));
    CHECK(r.signature == read_file(dir / "signature.txt"));
    CHECK(r.authorization == read_file(dir / "authorization.txt"));
    // The documented requests carry x-amz-date and x-amz-content-sha256 already.
    CHECK(r.added_headers.empty());
    ++checked;
  }
  CHECK(checked == 4);
  vector_cases += checked;
}

TEST_CASE("s3 docs: presigned GET URL", "[sigv4][vectors][s3-docs]") {
  auto dir = docs_dir() / "presigned-get-object";
  docs_case c;
  load(c, dir, "request.txt");
  // payload_hash left empty: for service s3 the presigned default is UNSIGNED-PAYLOAD.
  auto r = sigv4::presign(c.view, c.params, std::chrono::seconds(86400));
  CHECK(r.canonical_request == read_file(dir / "canonical-request.txt"));
  CHECK(r.string_to_sign == read_file(dir / "string-to-sign.txt"));
  CHECK(r.signature == read_file(dir / "signature.txt"));
  CHECK("https://examplebucket.s3.amazonaws.com" + c.view.path + "?" + r.presigned_query ==
        read_file(dir / "presigned-url.txt"));
  vector_cases += 1;
}

TEST_CASE("s3 docs: chunked upload (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)", "[sigv4][vectors][s3-docs][chunked]") {
  auto dir = docs_dir() / "chunked-upload";
  docs_case c;
  load(c, dir, "request-headers.txt");

  // Seed: this example signs every header, Content-Length included.
  auto seed = sigv4::sign_headers(c.view, c.params);
  CHECK(seed.canonical_request == read_file(dir / "seed-canonical-request.txt"));
  CHECK(seed.string_to_sign == read_file(dir / "seed-string-to-sign.txt"));
  CHECK(seed.signature == read_file(dir / "seed-signature.txt"));
  CHECK(seed.authorization == read_file(dir / "authorization.txt"));

  // Each chunk's string to sign and signature, chained from the seed.
  const auto payload = payload_of_a(66560);
  auto signer = sigv4::chunk_signer::from_seed(c.params, seed);
  const std::array<std::size_t, 3> sizes{65536, 1024, 0};
  std::size_t offset = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    INFO("chunk " << i + 1);
    auto chunk = as_bytes(std::string_view(payload).substr(offset, sizes[i]));
    offset += sizes[i];
    auto prefix = dir / ("chunk-" + std::to_string(i + 1));
    CHECK(signer.chunk_string_to_sign(chunk) == read_file(prefix.string() + "-string-to-sign.txt"));
    CHECK(signer.sign_chunk(chunk) == read_file(prefix.string() + "-signature.txt"));
  }

  // aws-c-auth's extra vector: trailing headers signed after this chain.
  sigv4::header_list trailers{{"first", "1st"}, {"second", "2nd"}, {"third", "3rd"}};
  CHECK(signer.trailer_string_to_sign(trailers) ==
        read_file(dir / "aws-c-auth-trailing-headers-string-to-sign.txt"));
  CHECK(signer.sign_trailer(trailers) == read_file(dir / "aws-c-auth-trailing-headers-signature.txt"));

  // The whole body, streamed through the encoder with awkward read sizes.
  const auto expected_body = read_file(dir / "encoded-body.bin");
  sigv4::aws_chunked_layout layout;
  layout.decoded_length = payload.size();
  layout.chunk_size = 65536;
  layout.signed_chunks = true;
  CHECK(sigv4::aws_chunked_encoder::encoded_length(layout) == expected_body.size());
  CHECK(sigv4::content_sha256_for(layout) == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
  for (std::size_t cap : {std::size_t{1}, std::size_t{77}, std::size_t{4096}, std::size_t{1} << 20}) {
    for (std::size_t max_read : {std::size_t{1000}, payload.size()}) {
      INFO("read cap " << cap << ", source reads of at most " << max_read);
      sigv4::aws_chunked_encoder encoder(string_source{&payload, max_read}, layout,
                                         sigv4::chunk_signer::from_seed(c.params, seed));
      CHECK(drain(encoder, cap) == expected_body);
    }
  }
  vector_cases += 1;
}

TEST_CASE("s3 docs: chunked upload with signed trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER)",
          "[sigv4][vectors][s3-docs][chunked]") {
  auto dir = docs_dir() / "chunked-upload-trailer";
  docs_case c;
  load(c, dir, "request-headers.txt");

  // The caller's signed-header set: everything but Content-Length (see RECONSTRUCTED note).
  for (const auto& [name, value] : c.raw.headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (lower != "content-length") c.params.signed_headers.push_back(lower);
  }
  auto seed = sigv4::sign_headers(c.view, c.params);
  CHECK(seed.canonical_request == read_file(dir / "seed-canonical-request.txt"));
  CHECK(seed.string_to_sign == read_file(dir / "seed-string-to-sign.txt"));
  CHECK(seed.signature == read_file(dir / "seed-signature.txt"));
  CHECK(seed.authorization == read_file(dir / "authorization.txt"));

  const auto payload = payload_of_a(66560);
  auto signer = sigv4::chunk_signer::from_seed(c.params, seed);
  const std::array<std::size_t, 3> sizes{65536, 1024, 0};
  std::size_t offset = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    INFO("chunk " << i + 1);
    auto chunk = as_bytes(std::string_view(payload).substr(offset, sizes[i]));
    offset += sizes[i];
    auto prefix = dir / ("chunk-" + std::to_string(i + 1));
    CHECK(signer.chunk_string_to_sign(chunk) == read_file(prefix.string() + "-string-to-sign.txt"));
    CHECK(signer.sign_chunk(chunk) == read_file(prefix.string() + "-signature.txt"));
  }
  const std::string crc = std::string(std::string_view(c.ctx["crc32c_of_payload_base64"]));
  const std::string trailer_name = std::string(std::string_view(c.ctx["x_amz_trailer"]));
  sigv4::header_list trailers{{trailer_name, crc}};
  CHECK(signer.trailer_string_to_sign(trailers) == read_file(dir / "trailer-string-to-sign.txt"));
  CHECK(signer.sign_trailer(trailers) == read_file(dir / "trailer-signature.txt"));

  const auto expected_body = read_file(dir / "encoded-body.bin");
  sigv4::aws_chunked_layout layout{.decoded_length = payload.size(), .chunk_size = 65536,
                                   .signed_chunks = true, .trailer_name = trailer_name,
                                   .trailer_value_length = crc.size()};
  CHECK(sigv4::aws_chunked_encoder::encoded_length(layout) == expected_body.size());
  CHECK(sigv4::content_sha256_for(layout) == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
  for (std::size_t cap : {std::size_t{1}, std::size_t{333}, std::size_t{1} << 20}) {
    INFO("read cap " << cap);
    string_source source{&payload, 4096};
    std::size_t consumed_at_trailer = 0;
    sigv4::aws_chunked_encoder encoder(
        std::ref(source), layout, sigv4::chunk_signer::from_seed(c.params, seed), [&] {
          consumed_at_trailer = source.offset;
          return crc;
        });
    CHECK(drain(encoder, cap) == expected_body);
    // The checksum callback ran after the last data byte had been read.
    CHECK(consumed_at_trailer == payload.size());
  }
  vector_cases += 1;
}

TEST_CASE("s3 docs: unsigned aws-chunked framing (botocore cases)", "[sigv4][vectors][s3-docs][chunked]") {
  simdjson::dom::parser parser;
  auto doc = parser.load((docs_dir() / "unsigned-aws-chunked-botocore.json").string());
  std::size_t checked = 0;
  for (auto item : doc["cases"].get_array()) {
    const std::string name{std::string_view(item["name"])};
    const std::string input{std::string_view(item["input"])};
    const std::string expected{std::string_view(item["expected"])};
    INFO("case " << name);
    sigv4::aws_chunked_layout layout;
    layout.decoded_length = input.size();
    if (item["chunk_size"].is_int64()) layout.chunk_size = std::size_t(int64_t(item["chunk_size"]));
    const bool with_checksum = !item["checksum"].is_null();

    // The upload layer's role: CRC32 computed while the bytes stream, read once finished.
    string_source source{&input, 3};
    std::uint32_t crc = 0;
    auto crc_source = [&](char* dst, std::size_t cap) {
      auto n = source(dst, cap);
      crc = crypto::crc32(crc, std::string_view(dst, n));
      return n;
    };
    sigv4::aws_chunked_encoder::trailer_fn trailer;
    if (with_checksum) {
      layout.trailer_name = "checksum";
      layout.trailer_value_length = 8;
      trailer = [&] {
        const std::array<std::uint8_t, 4> be{std::uint8_t(crc >> 24), std::uint8_t(crc >> 16),
                                            std::uint8_t(crc >> 8), std::uint8_t(crc)};
        return crypto::base64_encode(be);
      };
    }
    sigv4::aws_chunked_encoder encoder(crc_source, layout, std::nullopt, trailer);
    CHECK(encoder.encoded_length() == expected.size());
    CHECK(drain(encoder, 7) == expected);
    CHECK(sigv4::content_sha256_for(layout) == "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
    ++checked;
  }
  CHECK(checked == 4);
  vector_cases += checked;
  std::cout << "s3-aws-docs cases checked so far in this run: " << vector_cases << "\n";
}
