#include "put_command.hpp"

#include "file_body.hpp"
#include "json_output.hpp"
#include "s3_connection.hpp"
#include "s3_url.hpp"

#include "s3/object_key.hpp"

#include <filesystem>

namespace quiltup::cli {

void add_put_command(CLI::App& app, put_options& options) {
  auto* put = app.add_subcommand("put", "Upload one file to S3 (PutObject) and print the result as JSON");
  put->add_option("FILE", options.file, "local file to upload")->required();
  put->add_option("DESTINATION", options.destination, "s3://bucket/key")->required();
  put->add_option("--content-type", options.content_type, "Content-Type of the object (default application/octet-stream)");
  put->add_option("--checksum", options.checksum, "checksum sent with the upload: crc32c or none")
      ->check(CLI::IsMember({"crc32c", "none"}));
}

int run_put(const put_options& options) {
  auto url = parse_s3_url(options.destination, "DESTINATION");
  if (!url) return print_usage_error(url.error());
  if (url->key.empty() || url->key.back() == '/')  // a "directory" destination: keep the file's name
    url->key += std::filesystem::path(options.file).filename().string();
  if (auto k = s3::validate_object_key(url->key, "DESTINATION"); !k) return print_usage_error(k.error());

  auto source = open_file_body(options.file, "FILE");
  if (!source) return print_usage_error(source.error());
  auto connection = s3_connection::from_environment();
  if (!connection) return print_usage_error(connection.error());
  auto& s3 = (*connection)->client();

  s3::put_object_request request;
  request.bucket = url->bucket;
  request.key = url->key;
  request.body = std::move(source->body);
  request.content_type = options.content_type;
  if (options.checksum == "crc32c") {
    auto crc = file_crc32c_base64(options.file);
    if (!crc) return print_usage_error(crc.error());
    request.checksum = {s3::checksum_algorithm::crc32c, *crc};
  }
  // Over plain HTTP each chunk is signed (integrity without hashing the file first); over
  // HTTPS TLS protects the bytes and the checksum header covers the content.
  request.payload = s3.endpoint().scheme() == "https" ? s3::payload_mode::unsigned_payload
                                                      : s3::payload_mode::streaming_signed;
  auto checksum = request.checksum;
  auto put = (*connection)->run(s3.put_object(std::move(request)));
  if (!put) return print_operation_error(put.error());

  boost::json::object out{{"key", url->key}, {"size", source->size}, {"etag", s3::unquote_etag(put->etag)}};
  out["version_id"] = put->version_id.empty() ? boost::json::value(nullptr) : boost::json::value(put->version_id);
  if (checksum.empty())
    out["checksum"] = nullptr;
  else
    out["checksum"] = boost::json::object{{"algorithm", std::string(s3::wire_name(checksum.algorithm))},
                                          {"value", checksum.value}};
  print_json(out);
  return exit_ok;
}

}  // namespace quiltup::cli
