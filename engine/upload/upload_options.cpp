#include "upload/upload_options.hpp"

#include <string>

namespace quiltup::upload {

result<payload_signing> parse_payload_signing(std::string_view text, std::string_view field) {
  if (text == "auto" || text == "automatic") return payload_signing::automatic;
  if (text == "signed") return payload_signing::signed_payload;
  if (text == "unsigned") return payload_signing::unsigned_payload;
  if (text == "streaming") return payload_signing::streaming;
  if (text == "trailer") return payload_signing::trailer;
  return make_error("InvalidArgument", "unknown payload signing mode '" + std::string(text) + "'", std::string(field),
                    "use auto, signed, unsigned, streaming or trailer");
}

std::string_view to_string(payload_signing mode) noexcept {
  switch (mode) {
    case payload_signing::automatic: return "auto";
    case payload_signing::signed_payload: return "signed";
    case payload_signing::unsigned_payload: return "unsigned";
    case payload_signing::streaming: return "streaming";
    case payload_signing::trailer: return "trailer";
  }
  return "auto";
}

result<void> check_options(const upload_options& o) {
  if (o.part_size < min_part_size || o.part_size > max_part_size)
    return make_error("InvalidArgument", "part size " + std::to_string(o.part_size) + " is outside 5 MiB..5 GiB",
                      "part_size", "choose a part size between 5 MiB and 5 GiB");
  if (o.multipart_threshold == 0 || o.multipart_threshold > max_single_put_size)
    return make_error("InvalidArgument",
                      "multipart threshold " + std::to_string(o.multipart_threshold) +
                          " must be between 1 byte and 5 GiB (S3's single PUT limit)",
                      "multipart_threshold", "lower the multipart threshold to 5 GiB or less");
  // A part, or a single-PUT object read from disk, must fit in the budget on its own.
  auto biggest = std::max(o.part_size, o.multipart_threshold - 1);
  if (o.quilt_aligned) biggest = std::max(biggest, quilt_chunk_size);
  if (o.memory_limit < biggest)
    return make_error("InvalidArgument",
                      "memory limit " + std::to_string(o.memory_limit) + " is smaller than one buffer of " +
                          std::to_string(biggest) + " bytes",
                      "memory_limit", "raise the memory limit or lower the part size and multipart threshold");
  if (o.concurrency == 0)
    return make_error("InvalidArgument", "concurrency must be at least 1", "concurrency", "use 1 or more");
  if (o.quilt_aligned && o.checksum != crypto::checksum_algorithm::sha256)
    return make_error("InvalidArgument", "Quilt-aligned parts only make sense with the sha256 checksum", "checksum",
                      "use --checksum sha256 with Quilt alignment");
  if (o.payload == payload_signing::trailer &&
      (o.checksum == crypto::checksum_algorithm::none || o.checksum == crypto::checksum_algorithm::md5))
    return make_error("InvalidArgument", "the trailer payload mode sends an x-amz-checksum-* trailer; md5 and none have none",
                      "payload_signing", "use --checksum crc32c (or crc32, crc64nvme, sha1, sha256) with trailer");
  return {};
}

}  // namespace quiltup::upload
