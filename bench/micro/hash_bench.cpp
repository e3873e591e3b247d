// Throughput of the hashes and CRCs a part goes through, over a 1 MiB buffer (L2-ish, the
// per-read block size) and a 64 MiB buffer (DRAM). Reported as bytes_per_second and as a
// decimal "GB/s" counter, to compare with s3-facts.md §7.
//
// Ceilings measured on this dev VM (2 vCPU Zen 5 EPYC, s3-facts.md §7, decimal GB/s):
//   CRC32C, ISA-L crc32_iscsi (VPCLMULQDQ folding)   ~55 GB/s at L2, ~30 GB/s at 64 MiB
//   CRC32 (gzip), ISA-L PCLMUL folding               ~55 GB/s at L2, ~24 GB/s at 64 MiB
//   CRC64 (ISA-L PCLMUL, same folding, other poly)   ~48-54 GB/s at L2, ~33 GB/s at 64 MiB
//   CRC64NVME slice-by-8 table                       ~1.8-2.1 GB/s
//   SHA-256, OpenSSL SHA-NI                          ~1.45 GB/s (one core)
//   MD5, OpenSSL                                     ~0.70 GB/s
//   SHA-1, OpenSSL                                   ~1.55 GB/s (16 KiB blocks)
// Our CRC64NVME PCLMUL kernel is 128-bit (VEX) folding with 8 lanes, not the 512-bit VPCLMULQDQ
// ISA-L uses, so expect it below the ISA-L CRC rows. Runs vary by 10-20 % on the shared VM.
#include "crypto/crc32.hpp"
#include "crypto/crc32c.hpp"
#include "crypto/crc64nvme.hpp"
#include "crypto/md5.hpp"
#include "crypto/sha1.hpp"
#include "crypto/sha256.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <random>
#include <vector>

namespace {

using namespace quiltup;
using namespace quiltup::crypto;

// 64 MiB of random bytes, made once; the 1 MiB runs use its start.
const std::vector<std::byte>& random_buffer() {
  static const std::vector<std::byte> data = [] {
    std::vector<std::byte> v(std::size_t{64} << 20);
    std::mt19937_64 rng(1);
    for (auto& b : v) b = static_cast<std::byte>(rng());
    return v;
  }();
  return data;
}

void report(benchmark::State& state, std::size_t size) {
  const auto bytes = static_cast<double>(state.iterations()) * static_cast<double>(size);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["GB/s"] = benchmark::Counter(bytes / 1e9, benchmark::Counter::kIsRate);
}

template <class Fn>
void run(benchmark::State& state, Fn fn) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const bytes_view data(random_buffer().data(), size);
  for (auto _ : state) benchmark::DoNotOptimize(fn(data));
  report(state, size);
}

void bm_sha256(benchmark::State& s) { run(s, [](bytes_view d) { return sha256_of(d); }); }
void bm_md5(benchmark::State& s) { run(s, [](bytes_view d) { return md5_of(d); }); }
void bm_sha1(benchmark::State& s) { run(s, [](bytes_view d) { return sha1_of(d); }); }
void bm_crc32(benchmark::State& s) { run(s, [](bytes_view d) { return crc32(0, d); }); }
void bm_crc32c(benchmark::State& s) { run(s, [](bytes_view d) { return crc32c(0, d); }); }
void bm_crc64nvme_table(benchmark::State& s) { run(s, [](bytes_view d) { return crc64nvme_table(0, d); }); }

void bm_crc64nvme_pclmul(benchmark::State& s) {
  if (!crc64nvme_pclmul_supported()) {
    s.SkipWithError("CPU has no PCLMULQDQ");
    return;
  }
  // A fast wrong answer is worthless: check against the table kernel first.
  const bytes_view probe(random_buffer().data(), std::size_t{1} << 20);
  if (crc64nvme_pclmul(0, probe) != crc64nvme_table(0, probe)) {
    s.SkipWithError("PCLMUL and table kernels disagree");
    return;
  }
  run(s, [](bytes_view d) { return crc64nvme_pclmul(0, d); });
}

constexpr std::int64_t one_mib = 1 << 20;
constexpr std::int64_t sixty_four_mib = 64 << 20;

}  // namespace

BENCHMARK(bm_sha256)->Arg(one_mib)->Arg(sixty_four_mib);
BENCHMARK(bm_md5)->Arg(one_mib)->Arg(sixty_four_mib);
BENCHMARK(bm_sha1)->Arg(one_mib)->Arg(sixty_four_mib);
BENCHMARK(bm_crc32)->Arg(one_mib)->Arg(sixty_four_mib);
BENCHMARK(bm_crc32c)->Arg(one_mib)->Arg(sixty_four_mib);
BENCHMARK(bm_crc64nvme_pclmul)->Arg(one_mib)->Arg(sixty_four_mib);
BENCHMARK(bm_crc64nvme_table)->Arg(one_mib)->Arg(sixty_four_mib);
