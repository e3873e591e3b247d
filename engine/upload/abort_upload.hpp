#pragma once
// Aborts a multipart upload and confirms it (s3-facts §2.5): AbortMultipartUpload, then
// ListParts must answer NoSuchUpload or no parts; a part still in flight can re-create storage
// after an abort, so the pair is repeated a few times before giving up. Runs shielded from
// cancellation: it is the clean-up of a cancelled upload.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "s3/client.hpp"

#include <optional>
#include <string>

namespace quiltup::upload {

struct abort_outcome {
  bool confirmed = false;
  int attempts = 0;               // HTTP attempts spent on abort and ListParts
  std::optional<error> last_error;  // why it could not be confirmed
};

awaitable<abort_outcome> abort_upload(s3::client& s3, std::string bucket, std::string key, std::string upload_id);

}  // namespace quiltup::upload
