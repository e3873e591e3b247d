#include "upload/upload_context.hpp"

namespace quiltup::upload {

s3::payload_mode resolve_payload_mode(payload_signing mode, const s3::endpoint& ep) noexcept {
  switch (mode) {
    case payload_signing::signed_payload: return s3::payload_mode::signed_payload;
    case payload_signing::unsigned_payload: return s3::payload_mode::unsigned_payload;
    case payload_signing::streaming: return s3::payload_mode::streaming_signed;
    case payload_signing::trailer: return s3::payload_mode::streaming_unsigned_trailer;
    case payload_signing::automatic: break;
  }
  // Over TLS the body is already protected in transit and the checksum covers it end to end;
  // over plain http only a signed payload stops a body from being altered unnoticed.
  return ep.scheme() == "https" ? s3::payload_mode::unsigned_payload : s3::payload_mode::signed_payload;
}

}  // namespace quiltup::upload
