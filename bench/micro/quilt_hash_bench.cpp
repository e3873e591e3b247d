// Quilt's sha2-256-chunked entry hash (engine/quilt/entry_hash.hpp) over 1 MiB and 64 MiB, in GB/s.
// Ceiling: plain SHA-256 over the same bytes (bm_sha256 in hash_bench.cpp, and `openssl speed`
// in bench/micro/run.sh): the chunked hash does one SHA-256 pass plus a digest per 8 MiB chunk,
// so it should sit within a few percent of that ceiling.
#include "crypto/encoding.hpp"
#include "crypto/sha256.hpp"
#include "quilt/entry_hash.hpp"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

using namespace quiltup;

const std::vector<std::byte>& buffer() {
  static const std::vector<std::byte> data = [] {
    std::vector<std::byte> v(std::size_t{64} << 20);
    std::mt19937_64 rng(7);
    for (auto& b : v) b = static_cast<std::byte>(rng());
    return v;
  }();
  return data;
}

// The definition spelled out (quilt3 checksums.py), to check the engine before timing it.
std::string reference_hash(bytes_view data) {
  crypto::sha256 outer;
  const std::size_t chunk = quilt::quilt_chunk_size(data.size());
  for (std::size_t at = 0; at < data.size(); at += chunk) {
    auto digest = crypto::sha256_of(data.subspan(at, std::min(chunk, data.size() - at)));
    outer.update(bytes_view(reinterpret_cast<const std::byte*>(digest.data()), digest.size()));
  }
  return crypto::base64_encode(outer.finish());
}

void BM_quilt_sha2_256_chunked(benchmark::State& state) {
  const bytes_view data(buffer().data(), static_cast<std::size_t>(state.range(0)));
  if (quilt::quilt_hash_of(data) != reference_hash(data)) {
    state.SkipWithError("quilt_hash_of disagrees with the sha2-256-chunked definition");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(quilt::quilt_hash_of(data));
  const auto bytes = static_cast<double>(state.iterations()) * static_cast<double>(data.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["GB/s"] = benchmark::Counter(bytes / 1e9, benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_quilt_sha2_256_chunked)->Arg(1 << 20)->Arg(64 << 20)->Unit(benchmark::kMillisecond);
