#include "batch_put_command.hpp"

#include "byte_size.hpp"
#include "json_output.hpp"
#include "progress_bar.hpp"
#include "s3_connection.hpp"
#include "s3_url.hpp"

#include "upload/directory_walker.hpp"
#include "upload/uploader.hpp"

#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/json/serialize.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace quiltup::cli {

namespace fs = std::filesystem;

namespace {

boost::json::object result_json(const upload::upload_result& r) {
  boost::json::object out{{"bucket", r.bucket}, {"key", r.key}, {"size", r.size}, {"success", r.ok()}};
  out["etag"] = r.etag.empty() ? boost::json::value(nullptr) : boost::json::value(r.etag);
  out["version_id"] = r.version_id.empty() ? boost::json::value(nullptr) : boost::json::value(r.version_id);
  if (r.checksum.algorithm.empty())
    out["checksum"] = nullptr;
  else
    out["checksum"] = boost::json::object{{"algorithm", r.checksum.algorithm},
                                          {"value", r.checksum.value},
                                          {"type", r.checksum.type},
                                          {"confirmed_by_server", r.checksum.confirmed_by_server}};
  out["parts"] = r.parts;
  out["attempts"] = r.attempts;
  out["duration_ms"] = r.duration_ms;
  if (r.error) {
    boost::json::object err{{"code", r.error->code}, {"message", r.error->message}, {"retryable", r.error->retryable}};
    if (r.error->http_status) err["http_status"] = r.error->http_status;
    if (!r.error->request_id.empty()) err["request_id"] = r.error->request_id;
    if (!r.error->step.empty()) err["step"] = r.error->step;
    if (!r.error->field.empty()) err["field"] = r.error->field;
    if (!r.error->hint.empty()) err["hint"] = r.error->hint;
    out["error"] = std::move(err);
  }
  if (!r.unaborted_upload_id.empty()) out["unaborted_upload_id"] = r.unaborted_upload_id;
  return out;
}

// SRC arguments → one item source: a file is one item, a directory is walked.
result<std::unique_ptr<upload::item_source>> sources_for(const std::vector<std::string>& srcs, const s3_url& dest,
                                                         const std::string& content_type) {
  bool dest_is_prefix = dest.key.empty() || dest.key.back() == '/' || srcs.size() > 1;
  std::vector<std::unique_ptr<upload::item_source>> parts;
  std::vector<upload::upload_item> files;
  for (const auto& src : srcs) {
    std::error_code ec;
    if (fs::is_directory(src, ec)) {
      parts.push_back(std::make_unique<upload::directory_walker>(
          src, upload::walk_options{.bucket = dest.bucket, .prefix = dest.key, .metadata = {}, .cache_control = {},
                                    .storage_class = {}}));
      continue;
    }
    upload::upload_item item;
    item.bucket = dest.bucket;
    item.key = dest_is_prefix ? upload::key_for(dest.key, fs::path(src).filename()) : dest.key;
    item.path = src;  // a missing file fails as its own item, naming the path
    if (!content_type.empty()) item.content_type = content_type;
    files.push_back(std::move(item));
  }
  if (!files.empty()) parts.insert(parts.begin(), std::make_unique<upload::vector_item_source>(std::move(files)));
  return std::unique_ptr<upload::item_source>(std::make_unique<upload::concat_item_source>(std::move(parts)));
}

// Ends when SIGINT or SIGTERM arrives; cancelled (and so harmless) when the batch ends first.
awaitable<void> wait_for_signal() {
  asio::signal_set signals(co_await asio::this_coro::executor, SIGINT, SIGTERM);
  co_await signals.async_wait(use_awaitable);
}

}  // namespace

void add_batch_put_command(CLI::App& app, batch_put_options& o) {
  auto* put = app.add_subcommand("put", "Upload files and directories to s3://bucket/prefix/ with the upload engine");
  put->add_option("SRC... DESTINATION", o.sources, "local files or directories, then s3://bucket/prefix/")
      ->required()
      ->expected(2, -1);
  put->add_option("--content-type", o.content_type, "Content-Type for file SRCs (default: guessed from the extension)");
  put->add_option("--concurrency", o.concurrency, "requests in flight (default 32)")->check(CLI::PositiveNumber);
  put->add_option("--part-size", o.part_size, "preferred multipart part size (default 8MiB)");
  put->add_option("--multipart-threshold", o.multipart_threshold, "objects this big or bigger go multipart (default 16MiB)");
  put->add_option("--memory-limit", o.memory_limit, "bytes of part buffers at once (default 256MiB)");
  put->add_option("--checksum", o.checksum, "crc32c (default), crc32, crc64nvme, sha256, sha1, md5 or none");
  put->add_option("--payload-signing", o.payload_signing,
                  "auto (default), signed, unsigned, streaming or trailer (aws-chunked with the checksum as a trailer)")
      ->check(CLI::IsMember({"auto", "signed", "unsigned", "streaming", "trailer"}));
  put->add_flag("--json", o.json, "one JSON line per object, then a summary line");
  put->add_flag("--no-progress", o.no_progress, "no progress bar even on a terminal");
}

int run_batch_put(const batch_put_options& o) {
  std::vector<std::string> srcs(o.sources.begin(), o.sources.end() - 1);
  auto dest = parse_s3_url(o.sources.back(), "DESTINATION");
  if (!dest) return print_usage_error(dest.error());

  upload::upload_options options;
  options.concurrency = o.concurrency;
  options.objects_in_flight = std::max<std::size_t>(o.concurrency * 2, 8);
  for (auto [text, flag, target] : {std::tuple{&o.part_size, "--part-size", &options.part_size},
                                    std::tuple{&o.multipart_threshold, "--multipart-threshold", &options.multipart_threshold},
                                    std::tuple{&o.memory_limit, "--memory-limit", &options.memory_limit}}) {
    auto size = parse_byte_size(*text, flag);
    if (!size) return print_usage_error(size.error());
    *target = *size;
  }
  auto checksum = crypto::parse_checksum_algorithm(o.checksum, "--checksum");
  if (!checksum) return print_usage_error(checksum.error());
  options.checksum = *checksum;
  auto signing = upload::parse_payload_signing(o.payload_signing, "--payload-signing");
  if (!signing) return print_usage_error(signing.error());
  options.payload = *signing;
  if (auto ok = upload::check_options(options); !ok) {
    auto e = ok.error();
    e.field = "--" + e.field;
    for (auto& c : e.field) c = c == '_' ? '-' : c;
    return print_usage_error(e);
  }

  // One file to one key: the single-object form answers with exactly one JSON object on stdout
  // (the result, or {"error": …} with exit 1), and a missing file is a usage error.
  std::error_code dir_ec;
  const bool single = srcs.size() == 1 && !fs::is_directory(srcs[0], dir_ec);
  if (single) {
    auto file = upload::file_source::open(srcs[0], "FILE");
    if (!file) return print_usage_error(file.error());
  }

  auto source = sources_for(srcs, *dest, o.content_type);
  if (!source) return print_usage_error(source.error());
  auto connection = s3_connection::from_environment();
  if (!connection) return print_usage_error(connection.error());

  upload::uploader up((*connection)->client(), options);
  std::unique_ptr<progress_bar> bar;
  if (!single && !o.json && !o.no_progress && ::isatty(STDERR_FILENO)) bar = std::make_unique<progress_bar>();
  upload::batch_callbacks callbacks;
  int single_exit = exit_ok;
  callbacks.on_result = [&](std::uint64_t, const upload::upload_result& r) {
    if (single) {
      if (r.ok()) print_json((*connection)->with_credentials(result_json(r)));
      else single_exit = print_operation_error(*r.error);
    } else if (o.json) {
      print_json(result_json(r));
    } else if (!r.ok()) {
      if (bar) std::cerr << "\r\033[K";
      std::cerr << "failed: " << r.key << ": " << r.error->to_string() << std::endl;
    }
  };
  if (bar) callbacks.on_progress = [&](const upload::progress_event& e) { bar->update(e); };

  using namespace asio::experimental::awaitable_operators;
  auto& items = **source;
  auto batch_or_signal = [&]() -> awaitable<std::optional<upload::batch_result>> {
    // A signal cancels the batch, which then aborts its multipart uploads and reports what landed.
    auto outcome = co_await (up.put_batch(items, callbacks) || wait_for_signal());
    if (outcome.index() == 0) co_return std::get<0>(outcome);
    co_return std::nullopt;
  };
  auto finished = (*connection)->run(batch_or_signal());
  if (bar) bar->finish();
  if (!finished) {
    std::cerr << "quiltup: interrupted; started multipart uploads were aborted" << std::endl;
    return exit_failed;
  }
  const auto& t = *finished;
  if (single) return single_exit;
  boost::json::object summary{{"requested", t.requested}, {"uploaded", t.uploaded}, {"failed", t.failed},
                              {"bytes", t.bytes},         {"seconds", t.seconds},   {"throughput", t.throughput},
                              {"cancelled", t.cancelled}};
  if (o.json)
    print_json((*connection)->with_credentials({{"summary", std::move(summary)}}));
  else
    std::cerr << "uploaded " << t.uploaded << " of " << t.requested << " objects (" << t.bytes << " bytes) in "
              << t.seconds << " s, " << t.throughput / 1e6 << " MB/s" << (t.failed ? "; some failed" : "") << std::endl;
  return t.failed == 0 && !t.cancelled ? exit_ok : exit_failed;
}

}  // namespace quiltup::cli
