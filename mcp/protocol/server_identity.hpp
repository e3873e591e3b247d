#pragma once
// Who the server says it is, in both eras' handshakes.
#include <string>

namespace quiltup::mcp::protocol {

struct server_identity {
  std::string name = "quiltup-mcp";
  std::string title = "quiltup";
  std::string version = "0.1.0";
  std::string instructions =
      "Upload objects to S3 and build Quilt packages. Use bucket_objects_put, then packaging action=create.";
};

}  // namespace quiltup::mcp::protocol
