// SigV4 costs on the request path: header signing of a typical PutObject, presigning, key
// derivation (a cache miss), and aws-chunked framing throughput (64 MiB in 64 KiB chunks).
// Each benchmark checks its own output and fails instead of reporting a number for wrong work.
#include "sigv4/chunk_signer.hpp"
#include "sigv4/signer.hpp"
#include "sigv4/signing_key.hpp"

#include <benchmark/benchmark.h>

#include <cstring>
#include <vector>

namespace {

using namespace quiltup::sigv4;

signing_params bench_params() {
  signing_params p;
  p.region = "us-east-1";
  p.time = std::chrono::sys_days{std::chrono::year{2024} / 5 / 24} + std::chrono::hours{12};
  p.credentials.access_key_id = "AKIAIOSFODNN7EXAMPLE";
  p.credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  p.credentials.session_token = std::string(400, 'T');  // STS tokens are long; this is typical
  p.payload_hash = "UNSIGNED-PAYLOAD";
  return p;
}

request_view put_object() {
  return {"PUT", "/my-bucket/data/2024/05/24/part-00017.parquet", "",
          {{"Host", "my-bucket.s3.us-east-1.amazonaws.com"},
           {"Content-Length", "8388608"},
           {"Content-Type", "application/octet-stream"},
           {"x-amz-checksum-crc32c", "sOO8/Q=="},
           {"x-amz-sdk-checksum-algorithm", "CRC32C"},
           {"x-amz-meta-origin", "quiltup"}}};
}

void BM_sign_put_object(benchmark::State& state) {
  const auto request = put_object();
  const auto params = bench_params();
  for (auto _ : state) {
    auto r = sign_headers(request, params);
    if (r.signature.size() != 64) state.SkipWithError("bad signature length");
    benchmark::DoNotOptimize(r.authorization.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("signatures/s");
}
BENCHMARK(BM_sign_put_object);

void BM_presign_get_object(benchmark::State& state) {
  request_view request{"GET", "/my-bucket/data/2024/05/24/part-00017.parquet", "",
                       {{"Host", "my-bucket.s3.us-east-1.amazonaws.com"}}};
  const auto params = bench_params();
  for (auto _ : state) {
    auto r = presign(request, params, std::chrono::hours(1));
    if (r.presigned_query.size() < 64) state.SkipWithError("presigned query too short");
    benchmark::DoNotOptimize(r.presigned_query.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("presigned URLs/s");
}
BENCHMARK(BM_presign_get_object);

void BM_derive_signing_key(benchmark::State& state) {
  for (auto _ : state) {
    auto key = derive_signing_key("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20240524",
                                  "us-east-1", "s3");
    benchmark::DoNotOptimize(key.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_derive_signing_key);

// Arg 0: unsigned framing with a checksum trailer; arg 1: signed chunks (SHA-256 + HMAC each).
void BM_aws_chunked_encode_64MiB(benchmark::State& state) {
  constexpr std::size_t total = 64u << 20;
  constexpr std::size_t chunk = 64u << 10;
  const bool signed_chunks = state.range(0) == 1;
  static const std::vector<char> data(total, 'q');
  std::vector<char> out(256u << 10);  // what curl asks for per read callback with a large buffer

  aws_chunked_layout layout;
  layout.decoded_length = total;
  layout.chunk_size = chunk;
  layout.signed_chunks = signed_chunks;
  layout.trailer_name = "x-amz-checksum-crc32c";
  layout.trailer_value_length = 8;
  const auto expected = aws_chunked_encoder::encoded_length(layout);
  const auto params = bench_params();
  const auto seed = sign_headers(put_object(), params);

  for (auto _ : state) {
    std::size_t offset = 0;
    auto source = [&](char* dst, std::size_t cap) {
      auto n = std::min(cap, total - offset);
      std::memcpy(dst, data.data() + offset, n);
      offset += n;
      return n;
    };
    std::optional<chunk_signer> signer;
    if (signed_chunks) signer = chunk_signer::from_seed(params, seed);
    aws_chunked_encoder encoder(source, layout, signer, [] { return std::string("sOO8/Q=="); });
    std::uint64_t produced = 0;
    while (auto n = encoder.read(out.data(), out.size())) produced += n;
    if (produced != expected) state.SkipWithError("encoded length differs from encoded_length()");
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total));
  state.SetLabel(signed_chunks ? "signed chunks" : "unsigned + trailer");
}
BENCHMARK(BM_aws_chunked_encode_64MiB)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
