#include "quilt/permissions.hpp"

#include "quilt/access_hint.hpp"

#include <boost/asio/this_coro.hpp>

#include <random>

namespace quiltup::quilt {
namespace {

std::string random_suffix() {
  std::random_device rd;
  std::uniform_int_distribution<int> hex(0, 15);
  std::string out;
  for (int i = 0; i < 16; ++i) out += "0123456789abcdef"[hex(rd)];
  return out;
}

permission_probe probe_of(std::string operation, const error& e) {
  bool denied = is_access_denied(e);
  return permission_probe{std::move(operation), denied ? "denied" : "error", e.code.empty() ? "HTTP " + std::to_string(e.http_status) : e.code,
                          e.message};
}

}  // namespace

std::string permission_level(bool list, bool read, std::optional<bool> write) {
  bool w = write.value_or(false);
  if (list && read && w) return "full_access";
  if (read && w) return "read_write";
  if (read) return "read_only";
  if (list) return "list_only";
  if (w) return "write_only";
  return "no_access";
}

awaitable<bucket_permissions> discover_bucket(s3::client& s3, std::string bucket, permissions_options options) {
  bucket_permissions out;
  if (bucket.starts_with("s3://")) bucket.erase(0, 5);
  while (!bucket.empty() && bucket.back() == '/') bucket.pop_back();
  out.name = bucket;

  s3::list_objects_v2_request list;
  list.bucket = bucket;
  list.max_keys = 1;
  auto listed = co_await s3.list_objects_v2(std::move(list));
  if (listed) {
    out.list = true;
    out.probes.push_back({"ListObjectsV2", "allowed", {}, {}});
  } else {
    out.probes.push_back(probe_of("ListObjectsV2", listed.error()));
    if (listed.error().code == "NoSuchBucket") {
      out.permission_level = "no_access";
      out.notes.push_back("bucket '" + bucket + "' does not exist (NoSuchBucket): check its name");
      co_return out;
    }
  }

  auto probe_key = options.probe_prefix + random_suffix();
  // Named, not braced, inside co_await: GCC 12 destroys a braced temporary there twice.
  s3::head_object_request head_request{bucket, probe_key, {}, {}, false};
  auto head = co_await s3.head_object(std::move(head_request));
  if (head || head.error().code == "NoSuchKey" || head.error().http_status == 404) {
    out.read_access = true;
    out.probes.push_back({"HeadObject", "allowed", head ? "" : "NoSuchKey", "a missing key answered 404: reads are allowed"});
  } else {
    out.probes.push_back(probe_of("HeadObject", head.error()));
    if (!out.list && is_access_denied(head.error()))
      out.notes.push_back("HeadObject got 403 and listing is denied too: S3 answers 403 for missing keys without "
                          "s3:ListBucket, so read access may still be granted for existing objects");
  }

  if (options.probe_write) {
    s3::create_multipart_upload_request create;
    create.bucket = bucket;
    create.key = probe_key;
    auto started = co_await s3.create_multipart_upload(std::move(create));
    if (started) {
      out.write_access = true;
      out.probes.push_back({"CreateMultipartUpload", "allowed", {}, "probe upload started and aborted at once"});
      // The abort must run even if the caller was cancelled meanwhile: no upload left behind.
      co_await asio::this_coro::throw_if_cancelled(false);
      s3::abort_multipart_upload_request abort{bucket, probe_key, started->upload_id};
      auto aborted = co_await s3.abort_multipart_upload(std::move(abort));
      if (aborted) {
        out.probes.push_back({"AbortMultipartUpload", "allowed", {}, {}});
      } else {
        out.probes.push_back(probe_of("AbortMultipartUpload", aborted.error()));
        out.notes.push_back("the write probe's multipart upload could not be aborted: upload id " + started->upload_id +
                            " on key '" + probe_key + "' (a lifecycle rule for incomplete uploads removes it)");
      }
    } else {
      out.write_access = false;
      out.probes.push_back(probe_of("CreateMultipartUpload", started.error()));
    }
  } else {
    out.probes.push_back({"CreateMultipartUpload", "skipped", {}, "write probe not requested (probe_write=false)"});
  }

  out.accessible = out.list || out.read_access || out.write_access.value_or(false);
  out.permission_level = permission_level(out.list, out.read_access, out.write_access);
  co_return out;
}

awaitable<std::vector<bucket_permissions>> discover_permissions(s3::client& s3, std::vector<std::string> buckets,
                                                                permissions_options options) {
  std::vector<bucket_permissions> out;
  for (auto& b : buckets) out.push_back(co_await discover_bucket(s3, std::move(b), options));
  co_return out;
}

}  // namespace quiltup::quilt
