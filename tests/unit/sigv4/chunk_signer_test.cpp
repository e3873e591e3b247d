#include "core/error.hpp"
#include "sigv4/chunk_signer.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <string>

using namespace quiltup;
using namespace quiltup::sigv4;

namespace {

const signing_key test_key = derive_signing_key("secret", "20240101", "us-east-1", "s3");

chunk_signer seeded() {
  return chunk_signer(test_key, "20240101T000000Z", "20240101/us-east-1/s3/aws4_request",
                      std::string(64, '0'));
}

std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
  return s;
}

// A source that records the largest request and returns short reads.
struct counting_source {
  const std::string* data;
  std::size_t offset = 0;
  std::size_t largest_ask = 0;
  std::size_t operator()(char* dst, std::size_t cap) {
    largest_ask = std::max(largest_ask, cap);
    auto n = std::min<std::size_t>({cap, 1000, data->size() - offset});
    std::memcpy(dst, data->data() + offset, n);
    offset += n;
    return n;
  }
};

std::string drain(aws_chunked_encoder& e, std::size_t cap) {
  std::string out;
  std::string buf(cap, '\0');
  while (auto n = e.read(buf.data(), cap)) out.append(buf.data(), n);
  return out;
}

}  // namespace

TEST_CASE("framing: chunk header, chunk, final chunk, trailer", "[sigv4][chunk_signer]") {
  CHECK(chunk_header(65536, "") == "10000\r\n");
  CHECK(chunk_header(1024, "abc") == "400;chunk-signature=abc\r\n");
  CHECK(frame_chunk(as_bytes("hello"), "") == "5\r\nhello\r\n");
  CHECK(frame_final_chunk("") == "0\r\n");
  CHECK(frame_final_chunk("sig") == "0;chunk-signature=sig\r\n");
  CHECK(frame_trailer({}, "") == "\r\n");
  CHECK(frame_trailer({{"x-amz-checksum-crc32", "DUoRhQ=="}}, "") ==
        "x-amz-checksum-crc32:DUoRhQ==\r\n\r\n");
  CHECK(frame_trailer({{"x-amz-checksum-crc32", "DUoRhQ=="}}, "s") ==
        "x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:s\r\n\r\n");
}

TEST_CASE("chunk_signer: each signature chains from the previous one", "[sigv4][chunk_signer]") {
  auto a = seeded();
  auto first = a.sign_chunk(as_bytes("x"));
  CHECK(first.size() == 64);
  CHECK(a.previous_signature() == first);
  CHECK(a.chunk_string_to_sign(as_bytes("y")).find("\n" + first + "\n") != std::string::npos);
  auto second = a.sign_chunk(as_bytes("y"));

  // Same data, other order: other signatures.
  auto b = seeded();
  b.sign_chunk(as_bytes("y"));
  CHECK(b.sign_chunk(as_bytes("x")) != second);

  // Trailer names are lower-cased, values trimmed and lines sorted before hashing.
  auto c1 = seeded();
  auto c2 = seeded();
  CHECK(c1.sign_trailer({{"X-Amz-Checksum-Crc32", " v "}, {"a", "1"}}) ==
        c2.sign_trailer({{"a", "1"}, {"x-amz-checksum-crc32", "v"}}));
}

TEST_CASE("aws_chunked_encoder: encoded_length matches the bytes produced, every mode and edge size",
          "[sigv4][chunk_signer]") {
  const std::size_t chunk = 8192;
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, chunk - 1, chunk, chunk + 1, 3 * chunk,
                           3 * chunk + 17}) {
    for (int mode = 0; mode < 4; ++mode) {
      INFO("size " << size << ", mode " << mode);
      const auto data = pattern(size);
      aws_chunked_layout layout;
      layout.decoded_length = size;
      layout.chunk_size = chunk;
      layout.signed_chunks = mode >= 2;
      const bool trailer = mode % 2 == 1;
      if (trailer) {
        layout.trailer_name = "x-amz-checksum-crc32c";
        layout.trailer_value_length = 8;
      }
      counting_source source{&data};
      std::optional<chunk_signer> signer;
      if (layout.signed_chunks) signer = seeded();
      aws_chunked_encoder::trailer_fn value;
      if (trailer) value = [] { return std::string("AAAAAA=="); };
      aws_chunked_encoder e(std::ref(source), layout, signer, value);
      auto body = drain(e, 5000);
      CHECK(body.size() == aws_chunked_encoder::encoded_length(layout));
      CHECK(e.encoded_length() == body.size());
      CHECK(source.offset == size);
      // Never asked for more than the decoded length, never more than a chunk.
      CHECK(source.largest_ask <= std::min(size, chunk));
      CHECK(e.read(body.data(), 1) == 0);  // stays finished
      CHECK(body.ends_with("\r\n\r\n"));
    }
  }
}

TEST_CASE("aws_chunked_encoder: signed chunks carry the chain of chunk_signer", "[sigv4][chunk_signer]") {
  const auto data = pattern(20000);
  aws_chunked_layout layout;
  layout.decoded_length = data.size();
  layout.chunk_size = 8192;
  layout.signed_chunks = true;
  counting_source source{&data};
  aws_chunked_encoder e(std::ref(source), layout, seeded());
  auto body = drain(e, 4096);

  auto manual = seeded();
  std::string expected;
  for (std::size_t off = 0; off < data.size(); off += 8192) {
    auto piece = as_bytes(std::string_view(data).substr(off, 8192));
    expected += frame_chunk(piece, manual.sign_chunk(piece));
  }
  expected += frame_final_chunk(manual.sign_chunk({})) + frame_trailer({}, "");
  CHECK(body == expected);
}

TEST_CASE("aws_chunked_encoder: a source that ends early is an error naming the byte counts",
          "[sigv4][chunk_signer]") {
  const auto data = pattern(100);
  for (bool signed_chunks : {false, true}) {
    INFO("signed " << signed_chunks);
    aws_chunked_layout layout;
    layout.decoded_length = 150;  // promises more than the source has
    layout.chunk_size = 64;
    layout.signed_chunks = signed_chunks;
    counting_source source{&data};
    std::optional<chunk_signer> signer;
    if (signed_chunks) signer = seeded();
    aws_chunked_encoder e(std::ref(source), layout, signer);
    try {
      drain(e, 4096);
      FAIL("no error for a truncated source");
    } catch (const failure& f) {
      CHECK(f.info().code == "SourceTruncated");
      CHECK(f.info().message.find("100 of 150") != std::string::npos);
    }
  }
}

TEST_CASE("aws_chunked_encoder: a trailer value of the wrong length is refused", "[sigv4][chunk_signer]") {
  const auto data = pattern(10);
  aws_chunked_layout layout;
  layout.decoded_length = 10;
  layout.trailer_name = "x-amz-checksum-crc64nvme";
  layout.trailer_value_length = 12;
  counting_source source{&data};
  aws_chunked_encoder e(std::ref(source), layout, std::nullopt, [] { return std::string("short"); });
  CHECK_THROWS_AS(drain(e, 64), failure);
}

TEST_CASE("aws_chunked_encoder: inconsistent configuration is refused up front", "[sigv4][chunk_signer]") {
  auto src = [](char*, std::size_t) -> std::size_t { return 0; };
  aws_chunked_layout layout;
  layout.decoded_length = 1;
  layout.signed_chunks = true;
  CHECK_THROWS_AS(aws_chunked_encoder(src, layout), failure);  // signed without signer
  layout.signed_chunks = false;
  CHECK_THROWS_AS(aws_chunked_encoder(src, layout, seeded()), failure);  // signer, unsigned layout
  layout.trailer_name = "x-amz-checksum-crc32";
  CHECK_THROWS_AS(aws_chunked_encoder(src, layout), failure);  // trailer without callback
  layout.trailer_name.clear();
  layout.chunk_size = 0;
  CHECK_THROWS_AS(aws_chunked_encoder(src, layout), failure);
}

TEST_CASE("content_sha256_for: the header value of each layout", "[sigv4][chunk_signer]") {
  aws_chunked_layout layout;
  CHECK(content_sha256_for(layout) == "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
  layout.signed_chunks = true;
  CHECK(content_sha256_for(layout) == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
  layout.trailer_name = "x-amz-checksum-crc32c";
  CHECK(content_sha256_for(layout) == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
}
