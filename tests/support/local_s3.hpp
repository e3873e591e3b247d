#pragma once
// Where the CTest fixtures put the local servers. Each fixture script writes
// $QUILTUP_TEST_SERVERS_DIR/<name>.env with lines KEY=VALUE:
//   endpoint=http://127.0.0.1:PORT  access_key=...  secret_key=...  region=us-east-1
#include <string>

namespace quiltup::test {

struct local_server {
  std::string name;        // "rgw" or "moto"
  std::string endpoint;    // http://127.0.0.1:PORT
  std::string access_key;
  std::string secret_key;
  std::string region = "us-east-1";
};

// Reads the fixture's env file; throws with a message naming the fixture when it is absent
// (the test was run outside ctest, or the server failed to start).
local_server server(const std::string& name);
inline local_server rgw() { return server("rgw"); }
inline local_server moto() { return server("moto"); }

// A bucket name unique to this process and call, valid for S3 (lower case, 3-63 chars).
std::string unique_bucket_name(const std::string& prefix);

}  // namespace quiltup::test
