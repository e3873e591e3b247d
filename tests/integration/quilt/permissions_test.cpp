// permissions discover against RGW with IAM enforcement: a second RGW user, granted read-only
// access by a bucket policy, must come out read_access without write_access, and an upload
// with its keys must fail with AccessDenied pointing to `permissions discover`.
#include "quilt/direct_backend.hpp"
#include "quilt/package_service.hpp"
#include "quilt/permissions.hpp"

#include "integration/quilt/quilt_session.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

using namespace quiltup;
using namespace quiltup::quilt;
using quiltup::test::describe;

namespace {

constexpr const char* reader_uid = "qdirect-reader";
constexpr const char* reader_access_key = "QDIRECTREADER0000001";
constexpr const char* reader_secret_key = "qdirect/reader/secret/key/0000000000000000";

std::string run_command(const std::string& command) {
  std::string out;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  while (auto n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = ::pclose(p);
  INFO(command << "\n" << out);
  REQUIRE(status == 0);
  return out;
}

// The RGW instance of the fixture is configured by tests/fixtures/rgw.sh under
// $QUILTUP_TEST_SERVERS_DIR/rgw; radosgw-admin reaches it through that ceph.conf.
void ensure_reader_user() {
  auto conf = std::filesystem::path(QUILTUP_TEST_SERVERS_DIR) / "rgw" / "ceph.conf";
  REQUIRE(std::filesystem::exists(conf));
  std::string admin = "radosgw-admin -c '" + conf.string() + "' ";
  std::string info = admin + "user info --uid=" + reader_uid + " >/dev/null 2>&1";
  if (std::system(info.c_str()) == 0) return;
  run_command(admin + "user create --uid=" + reader_uid + " --display-name=" + reader_uid + " --access-key=" +
              reader_access_key + " --secret-key='" + reader_secret_key + "'");
}

std::string read_only_policy(const std::string& bucket) {
  return R"({"Version": "2012-10-17", "Statement": [{"Sid": "ReadOnly", "Effect": "Allow",
    "Principal": {"AWS": ["arn:aws:iam:::user/)" +
         std::string(reader_uid) + R"("]},
    "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:ListBucketVersions"],
    "Resource": ["arn:aws:s3:::)" +
         bucket + R"(", "arn:aws:s3:::)" + bucket + R"(/*"]}]})";
}

}  // namespace

TEST_CASE("permissions: the owner has full access and the probes leave nothing behind",
          "[quilt][permissions][integration]") {
  test::quilt_session s(test::rgw());
  auto bucket = s.make_bucket("qd-perm-owner", false);
  auto found = s.run(discover_permissions(s.s3(), {"s3://" + bucket}));
  REQUIRE(found.size() == 1);
  const auto& p = found[0];
  CHECK(p.name == bucket);
  CHECK(p.list);
  CHECK(p.read_access);
  CHECK(p.write_access == true);
  CHECK(p.permission_level == "full_access");
  CHECK(p.determined_by == "s3_probes");
  CHECK(p.notes.empty());
  // The write probe was aborted: no object and no open upload remain.
  CHECK(s.list_keys(bucket, "").empty());
  auto uploads = s.run(s.s3().list_multipart_uploads({bucket}));
  REQUIRE(uploads.has_value());
  CHECK(uploads->uploads.empty());

  auto missing = s.run(discover_bucket(s.s3(), test::unique_bucket_name("qd-nope")));
  CHECK_FALSE(missing.accessible);
  CHECK(missing.permission_level == "no_access");
}

TEST_CASE("permissions: a read-only user reads but cannot write, and its upload points to permissions discover",
          "[quilt][permissions][integration]") {
  test::quilt_session s(test::rgw());
  ensure_reader_user();
  auto bucket = s.make_bucket("qd-perm-ro", false);
  s.put(bucket, "data/a.csv", "a,b\n1,2\n");
  s.put_bucket_policy(bucket, read_only_policy(bucket));

  auto reader = s.client_for(reader_access_key, reader_secret_key);
  auto found = s.run(discover_bucket(*reader, bucket));
  INFO([&] {
    std::string all;
    for (const auto& p : found.probes) all += p.operation + " " + p.outcome + " " + p.code + " " + p.message + "\n";
    return all;
  }());
  CHECK(found.list);
  CHECK(found.read_access);
  REQUIRE(found.write_access.has_value());
  CHECK_FALSE(*found.write_access);
  CHECK(found.permission_level == "read_only");

  // Reads really work with these keys; the write probe's denial matches a real upload's.
  auto got = s.run(reader->get_object({bucket, "data/a.csv", {}, {}, false}));
  CHECK(got.has_value());

  upload::uploader up(*reader, test::quilt_session::sha256_uploads());
  direct_backend backend(*reader);
  package_service service(backend, up);
  create_params params;
  params.name = "team/ro";
  params.bucket = bucket;
  params.files = {"s3://" + bucket + "/data/a.csv"};
  params.readme = "# Read only";
  auto created = s.run(service.create(params));
  REQUIRE(created.has_error());
  INFO(describe(created.error()));
  CHECK(created.error().code == "AccessDenied");
  CHECK(created.error().to_string().find("permissions discover") != std::string::npos);
  CHECK(created.error().hint.find("check_buckets': ['" + bucket + "']") != std::string::npos);

  // Without the README the first write is the manifest: same verdict, nothing written.
  params.readme.reset();
  auto direct = s.run(service.create(params));
  REQUIRE(direct.has_error());
  CHECK(direct.error().code == "AccessDenied");
  CHECK(direct.error().message.find("permissions discover") != std::string::npos);
  CHECK(s.list_keys(bucket, ".quilt/").empty());
}
