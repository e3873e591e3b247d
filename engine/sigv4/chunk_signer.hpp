#pragma once
// aws-chunked bodies (s3-facts §4): chunk signatures chained from the seed signature, the
// trailer signature, the framing of each piece, and a pull-style encoder the HTTP layer can
// stream as a request body without holding the object in memory.
//
//   signed:    hex(n);chunk-signature=<sig>\r\n<data>\r\n … 0;chunk-signature=<sig>\r\n
//              [<trailer>:<value>\r\n x-amz-trailer-signature:<sig>\r\n] \r\n
//   unsigned:  hex(n)\r\n<data>\r\n … 0\r\n [<trailer>:<value>\r\n] \r\n
#include "core/bytes.hpp"
#include "sigv4/request_view.hpp"
#include "sigv4/signer.hpp"
#include "sigv4/signing_key.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::sigv4 {

// x-amz-content-sha256 values of the three aws-chunked modes.
inline constexpr std::string_view streaming_signed_payload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
inline constexpr std::string_view streaming_signed_payload_trailer =
    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
inline constexpr std::string_view streaming_unsigned_payload_trailer =
    "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

// AWS recommends at least 64 KiB; S3 rejects chunks under 8 KiB except the last one.
inline constexpr std::size_t default_chunk_size = 64 * 1024;

// Signs chunk after chunk, each signature chained from the previous one, starting from the
// seed (the request's own signature). Not thread-safe: one signer per body.
class chunk_signer {
 public:
  chunk_signer(signing_key key, std::string amz_date, std::string scope, std::string seed_signature);
  // From the signed_result of the seed request and the params it was signed with.
  static chunk_signer from_seed(const signing_params& params, const signed_result& seed);

  // "AWS4-HMAC-SHA256-PAYLOAD\n<date>\n<scope>\n<previous sig>\n<sha256("")>\n<sha256(chunk)>".
  std::string chunk_string_to_sign(bytes_view chunk) const;
  // Signs the next chunk (the final, empty one too) and advances the chain.
  std::string sign_chunk(bytes_view chunk);

  // "AWS4-HMAC-SHA256-TRAILER\n<date>\n<scope>\n<final chunk sig>\n<sha256(trailer lines)>",
  // the trailer lines being "name:value\n" per header, names lower-case, sorted.
  std::string trailer_string_to_sign(const header_list& trailers) const;
  std::string sign_trailer(const header_list& trailers);

  const std::string& previous_signature() const { return previous_; }

 private:
  signing_key key_;
  std::string amz_date_;
  std::string scope_;
  std::string previous_;
};

// Framing of one piece. An empty signature gives the unsigned form.
std::string chunk_header(std::uint64_t size, std::string_view signature);
std::string frame_chunk(bytes_view data, std::string_view signature);
std::string frame_final_chunk(std::string_view signature);
// The trailer lines, then x-amz-trailer-signature when signed, then the closing CRLF
// (alone when there are no trailers).
std::string frame_trailer(const header_list& trailers, std::string_view trailer_signature);

// What fixes the encoded size, known before any byte is read, so Content-Length can be sent.
struct aws_chunked_layout {
  std::uint64_t decoded_length = 0;  // x-amz-decoded-content-length
  std::size_t chunk_size = default_chunk_size;
  bool signed_chunks = false;
  std::string trailer_name;              // e.g. "x-amz-checksum-crc32c"; empty: no trailer
  std::size_t trailer_value_length = 0;  // e.g. 8, the base64 of a CRC32C
};

// The x-amz-content-sha256 value that goes with a layout.
std::string_view content_sha256_for(const aws_chunked_layout& layout);

// Pulls raw bytes from `source` and hands out the aws-chunked encoding of them.
// source(dst, cap) returns how many bytes it wrote (short reads are fine); it is never asked
// for more than the decoded length. trailer_value() is called once, right after the last data
// byte was read, so a checksum computed while streaming is complete by then.
// read() throws quiltup::failure when the source ends early or the trailer value does not
// have the promised length: the HTTP layer turns that into an aborted transfer.
class aws_chunked_encoder {
 public:
  using source_fn = std::function<std::size_t(char* dst, std::size_t cap)>;
  using trailer_fn = std::function<std::string()>;

  // signer: set exactly when layout.signed_chunks; trailer_value: set exactly when the layout
  // names a trailer. Throws quiltup::failure (InvalidArgument) otherwise.
  aws_chunked_encoder(source_fn source, aws_chunked_layout layout,
                      std::optional<chunk_signer> signer = std::nullopt,
                      trailer_fn trailer_value = nullptr);

  // Fills up to cap bytes; 0 means the body is complete.
  std::size_t read(char* dst, std::size_t cap);

  std::uint64_t encoded_length() const { return encoded_length(layout_); }
  static std::uint64_t encoded_length(const aws_chunked_layout& layout);

 private:
  void start_next_chunk();
  void finish_body();
  void fill_from_source(char* dst, std::size_t n);

  source_fn source_;
  aws_chunked_layout layout_;
  std::optional<chunk_signer> signer_;
  trailer_fn trailer_value_;

  std::uint64_t consumed_ = 0;     // data bytes taken from the source so far
  std::string pending_;            // framing bytes waiting to go out
  std::size_t pending_offset_ = 0;
  std::size_t data_left_ = 0;      // data bytes of the current chunk not yet handed out
  std::vector<char> chunk_;        // signed mode only: a chunk must be hashed before its header
  std::size_t chunk_offset_ = 0;
  bool finished_ = false;
};

}  // namespace quiltup::sigv4
