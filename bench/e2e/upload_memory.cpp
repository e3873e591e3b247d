// Memory benchmark (not a timed test): peak RSS must not grow with the number of items.
//   quiltup-bench-upload-memory [--small N] [--big-bytes B] [--memory-limit B]
// Endpoint and keys from AWS_ENDPOINT_URL / AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (e.g. the
// RGW fixture's). Phase 1 uploads N/10 small objects and one multi-GiB file, phase 2 N small
// objects and the same file again: the buffers peak the same in both, so any RSS growth between
// the phases comes from the item count. Items are generated as they are pulled.
// Prints one JSON line (peak RSS after each phase, peak leased bytes, objects/s, MB/s) and
// exits non-zero if anything failed, if the leased bytes exceeded the budget, or if peak RSS
// grew by more than 64 MiB between the phases (it would, if memory grew with item count).
#include "core/allocator_tuning.hpp"
#include "http/client.hpp"
#include "s3/client.hpp"
#include "upload/uploader.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>

using namespace quiltup;
namespace fs = std::filesystem;

namespace {

// VmHWM: the process's peak resident set, in bytes.
std::uint64_t peak_rss() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  return 0;
}

// N small text objects, made when pulled.
class generated_items final : public upload::item_source {
 public:
  generated_items(std::string bucket, std::string prefix, std::uint64_t count)
      : bucket_(std::move(bucket)), prefix_(std::move(prefix)), count_(count) {}
  awaitable<std::optional<upload::upload_item>> next() override {
    if (next_ == count_) co_return std::nullopt;
    upload::upload_item item;
    item.bucket = bucket_;
    item.key = prefix_ + std::to_string(next_);
    item.text = "object " + std::to_string(next_) + std::string(100 + next_ % 900, 'x');
    ++next_;
    co_return item;
  }

 private:
  std::string bucket_, prefix_;
  std::uint64_t count_, next_ = 0;
};

struct phase_result {
  upload::batch_result batch;
  std::uint64_t rss_after = 0;
};

}  // namespace

int main(int argc, char** argv) {
  quiltup::tune_allocator_for_uploads();  // as quiltup and quiltup-mcp do: measure what they do
  std::uint64_t small = 100'000, big_bytes = 2ULL << 30, memory_limit = 256ULL << 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    auto value = std::stoull(argv[i + 1]);
    if (flag == "--small") small = value;
    else if (flag == "--big-bytes") big_bytes = value;
    else if (flag == "--memory-limit") memory_limit = value;
    else {
      std::cerr << "unknown flag " << flag << "\n";
      return 2;
    }
  }
  auto ep = s3::endpoint::make(s3::endpoint_config_from_environment());
  if (!ep) {
    std::cerr << ep.error().to_string() << "\n";
    return 2;
  }
  boost::asio::io_context io;
  http::client http(io.get_executor());
  s3::client s3(http, std::move(*ep), s3::environment_credentials());
  auto run = [&](auto op) {
    std::optional<typename decltype(op)::value_type> out;
    asio::co_spawn(io, std::move(op), [&](std::exception_ptr e, auto v) {
      if (e) std::rethrow_exception(e);
      out.emplace(std::move(v));
    });
    io.restart();
    io.run();
    return std::move(*out);
  };

  std::string bucket = "bench-memory-" + std::to_string(::getpid());
  auto created = run(s3.create_bucket({bucket, ""}));
  if (!created) {
    std::cerr << created.error().to_string() << "\n";
    return 2;
  }

  upload::upload_options options;
  options.memory_limit = memory_limit;
  upload::uploader up(s3, options);

  // Phase 1: a tenth of the items; phase 2: all of them and the big file.
  auto phase = [&](std::uint64_t count, std::string prefix, const fs::path* big) {
    std::vector<std::unique_ptr<upload::item_source>> sources;
    sources.push_back(std::make_unique<generated_items>(bucket, prefix, count));
    if (big) {
      std::vector<upload::upload_item> file(1);
      file[0].bucket = bucket;
      file[0].key = "big.bin";
      file[0].path = *big;
      sources.push_back(std::make_unique<upload::vector_item_source>(std::move(file)));
    }
    upload::concat_item_source all(std::move(sources));
    std::uint64_t failures_shown = 0;
    auto batch = run(up.put_batch(all, {.on_result = [&](std::uint64_t, const upload::upload_result& r) {
                                          if (!r.ok() && failures_shown++ < 5) std::cerr << r.key << ": " << r.error->to_string() << "\n";
                                        },
                                        .on_progress = {}}));
    return phase_result{batch, peak_rss()};
  };

  auto big_path = fs::temp_directory_path() / ("quiltup-bench-big-" + std::to_string(::getpid()));
  {
    std::ofstream out(big_path, std::ios::binary);
    std::string block(1 << 20, '\0');
    for (std::uint64_t written = 0; written < big_bytes; written += block.size()) {
      std::memset(block.data(), static_cast<int>(written >> 20), block.size());
      out.write(block.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(block.size(), big_bytes - written)));
    }
  }
  auto first = phase(small / 10, "p1/", &big_path);
  auto second = phase(small, "p2/", &big_path);
  fs::remove(big_path);

  const std::uint64_t growth = second.rss_after > first.rss_after ? second.rss_after - first.rss_after : 0;
  const bool ok = first.batch.failed == 0 && second.batch.failed == 0 && up.peak_buffered_bytes() <= memory_limit &&
                  growth <= (64ULL << 20);
  boost::json::object line{
      {"scenario", "upload_memory"},
      {"small_objects", small},
      {"big_bytes", big_bytes},
      {"memory_limit", memory_limit},
      {"peak_rss_phase1", first.rss_after},
      {"peak_rss_phase2", second.rss_after},
      {"rss_growth", growth},
      {"peak_leased_bytes", up.peak_buffered_bytes()},
      {"peak_requests_in_flight", up.peak_requests_in_flight()},
      {"objects_per_second_phase2", second.batch.seconds > 0 ? double(second.batch.uploaded) / second.batch.seconds : 0.0},
      {"mb_per_second_phase2", second.batch.throughput / 1e6},
      {"failed", first.batch.failed + second.batch.failed},
      {"ok", ok},
  };
  std::cout << boost::json::serialize(line) << std::endl;
  return ok ? 0 : 1;
}
