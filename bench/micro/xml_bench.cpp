// S3 XML answers parsed per second by engine/s3's parsers, on bodies Ceph RGW 16.2.15 returned
// here (bench/e2e's server; captured 2026-11-25, copied verbatim). The list bodies are RGW's
// own <Contents>/<Part> elements repeated with new keys, up to the 1,000 per page S3 returns.
//
// Ceiling: pugixml's load of the same body alone (the engine parses with pugixml, then walks the
// tree into structs): the gap is what the walk and the copies into std::string cost.
#include "s3/complete_multipart_upload.hpp"
#include "s3/create_multipart_upload.hpp"
#include "s3/error.hpp"
#include "s3/list_objects_v2.hpp"
#include "s3/list_parts.hpp"

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <cstdio>
#include <string>

namespace {

using namespace quiltup;

constexpr auto initiate_body =
    R"(<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>bench</Bucket><Key>big.bin</Key><UploadId>2~JCm0NzNyTMBtQcwsyeZWqZUtXJWzxZh</UploadId></InitiateMultipartUploadResult>)";

// RGW's Complete answer carries an empty <ETag> (local-s3.md).
constexpr auto complete_body =
    R"(<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Location>127.0.0.1/bench/big.bin</Location><Bucket>bench</Bucket><Key>big.bin</Key><ETag></ETag></CompleteMultipartUploadResult>)";

constexpr auto error_body =
    R"(<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message></Message><BucketName>bench</BucketName><RequestId>tx00000e1390994ca677b94-006b066958-101a-default</RequestId><HostId>101a-default-default</HostId></Error>)";

std::string list_objects_body(int count) {
  std::string body =
      R"(<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bench</Name><Prefix>data/</Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>)";
  char contents[512];
  for (int i = 0; i < count; ++i) {
    std::snprintf(contents, sizeof contents,
                  "<Contents><Key>data/2024/part-%05d.csv</Key><LastModified>2026-11-25T04:51:31.059Z</LastModified>"
                  "<ETag>&quot;634f5f0aff1b1e3177b52ea59923a324&quot;</ETag><Size>13</Size>"
                  "<StorageClass>STANDARD</StorageClass><Type>Normal</Type></Contents>",
                  i);
    body += contents;
  }
  return body + "<KeyCount>" + std::to_string(count) + "</KeyCount></ListBucketResult>";
}

std::string list_parts_body(int count) {
  std::string body =
      R"(<?xml version="1.0" encoding="UTF-8"?><ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>bench</Bucket><Key>big.bin</Key><UploadId>2~JCm0NzNyTMBtQcwsyeZWqZUtXJWzxZh</UploadId><StorageClass>STANDARD</StorageClass><PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>)" +
      std::to_string(count) + R"(</NextPartNumberMarker><MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated><Owner><ID></ID><DisplayName></DisplayName></Owner>)";
  char part[256];
  for (int i = 1; i <= count; ++i) {
    std::snprintf(part, sizeof part,
                  "<Part><LastModified>2026-11-25T04:51:33.138Z</LastModified><PartNumber>%d</PartNumber>"
                  "<ETag>&quot;107cd7fd657e90f4a4170d3ad8759f95&quot;</ETag><Size>5242880</Size></Part>",
                  i);
    body += part;
  }
  return body + "</ListPartsResult>";
}

http::response ok(std::string body, int status = 200) {
  http::response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

// items = objects or parts in one answer, so items/s reads as "keys listed per second".
template <class Parse, class Check>
void run(benchmark::State& state, const http::response& response, int items, Parse parse, Check check) {
  if (!check(parse(response))) {
    state.SkipWithError("the parser did not read back what the body holds");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(parse(response));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * response.body.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
  state.counters["responses/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_initiate(benchmark::State& state) {
  run(state, ok(initiate_body), 1, s3::parse_create_multipart_upload,
      [](const auto& r) { return r && r->upload_id == "2~JCm0NzNyTMBtQcwsyeZWqZUtXJWzxZh"; });
}

void BM_complete(benchmark::State& state) {
  run(state, ok(complete_body), 1, s3::parse_complete_multipart_upload,
      [](const auto& r) { return r && r->key == "big.bin" && r->etag.empty(); });
}

void BM_error(benchmark::State& state) {
  run(state, ok(error_body, 404), 1, [](const http::response& r) { return s3::error_from_response(r, "UploadPart"); },
      [](const error& e) { return e.code == "NoSuchUpload"; });
}

void BM_list_objects_v2(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  run(state, ok(list_objects_body(n)), n, s3::parse_list_objects_v2, [n](const auto& r) {
    return r && static_cast<int>(r->objects.size()) == n && r->objects.back().size == 13;
  });
}

void BM_list_parts(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  run(state, ok(list_parts_body(n)), n, s3::parse_list_parts, [n](const auto& r) {
    return r && static_cast<int>(r->parts.size()) == n && r->parts.back().size == 5242880;
  });
}

// The ceiling: pugixml's in-place load of the same body, no walk.
void BM_pugixml_load_only_ceiling(benchmark::State& state, bool list) {
  const std::string body = list ? list_objects_body(1000) : std::string(complete_body);
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size())) {
    state.SkipWithError("pugixml did not load the body");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(doc.load_buffer(body.data(), body.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
  state.counters["responses/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_initiate);
BENCHMARK(BM_complete);
BENCHMARK(BM_error);
BENCHMARK(BM_list_objects_v2)->Arg(1000);
BENCHMARK(BM_list_parts)->Arg(1000);
BENCHMARK_CAPTURE(BM_pugixml_load_only_ceiling, complete, false);
BENCHMARK_CAPTURE(BM_pugixml_load_only_ceiling, list_objects_v2_1000, true);
