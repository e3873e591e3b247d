// The JSON cost of one bucket_objects_put call with 10,000 inline items (the per-call maximum),
// through quiltup-mcp's own code: jsonrpc::parse_message (simdjson, then Boost.JSON), the tool's
// parse_put_request (every argument rule; base64 is checked, not decoded, as the server does),
// and for the answer put_answer + to_json + result_line, the bytes the server writes.
//
// Ceiling: simdjson's parse alone (no conversion, no item walk) on the same line: the gap between
// it and the full request path is what the conversion to Boost.JSON costs.
#include "crypto/encoding.hpp"
#include "config.hpp"
#include "jsonrpc/message.hpp"
#include "tool_result.hpp"
#include "tools/bucket_objects_put.hpp"

#include <benchmark/benchmark.h>
#include <boost/json.hpp>
#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace json = boost::json;
constexpr std::size_t item_count = 10000;

// One tools/call line: a third text items, a third base64 data items (256 B), a third text with
// content_type and metadata; about 4 MB, under the 10 MiB message limit (mcp.md).
const std::string& request_line() {
  static const std::string line = [] {
    json::array items;
    for (std::size_t i = 0; i < item_count; ++i) {
      json::object item{{"key", "packages/demo/data/part-" + std::to_string(i) + ".csv"}};
      std::string body = "id,value\n" + std::to_string(i) + "," + std::string(48, 'x') + "\n";
      if (i % 3 == 1) {
        std::string raw(256, char('a' + i % 26));
        item["data"] = quiltup::crypto::base64_encode(
            quiltup::bytes_view(reinterpret_cast<const std::byte*>(raw.data()), raw.size()));
      } else {
        item["text"] = body;
      }
      if (i % 3 == 2) {
        item["content_type"] = "text/csv";
        item["metadata"] = json::object{{"source", "bench"}, {"row", std::to_string(i)}};
      }
      items.push_back(std::move(item));
    }
    json::object call{{"jsonrpc", "2.0"},
                      {"id", 3},
                      {"method", "tools/call"},
                      {"params",
                       {{"name", "bucket_objects_put"},
                        {"arguments", {{"bucket", "my-team-bucket"}, {"items", std::move(items)}, {"concurrency", 32}}},
                        {"_meta", {{"progressToken", "up-1"}}}}}};
    return json::serialize(call);
  }();
  return line;
}

namespace mcp = quiltup::mcp;

// The request line as the server reads it, up to the validated put_request; nullopt on any
// failure (the probe below turns that into an error instead of a number).
std::optional<mcp::tools::put_request> parse_request(const std::string& line) {
  auto message = mcp::jsonrpc::parse_message(line);
  auto* call = std::get_if<mcp::jsonrpc::request>(&message);
  if (!call) return std::nullopt;
  const auto* arguments = call->params.if_contains("arguments");
  if (!arguments || !arguments->is_object()) return std::nullopt;
  static const mcp::server_config config;  // inline items only: no roots, no engine needed
  auto request = mcp::tools::parse_put_request(arguments->get_object(), config);
  if (!request) return std::nullopt;
  return std::move(*request);
}

void set_items(benchmark::State& state, std::size_t bytes) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * item_count));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_simdjson_parse_only_ceiling(benchmark::State& state) {
  const auto& line = request_line();
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(line.data(), line.size(), true).get(doc) != simdjson::SUCCESS ||
      doc["params"]["arguments"]["items"].get_array().size() != item_count) {
    state.SkipWithError("simdjson did not parse the request line");
    return;
  }
  for (auto _ : state) {
    auto error = parser.parse(line.data(), line.size(), true).get(doc);
    benchmark::DoNotOptimize(error);
  }
  set_items(state, line.size());
}

void BM_parse_request(benchmark::State& state) {
  const auto& line = request_line();
  auto probe = parse_request(line);
  if (!probe || probe->items.size() != item_count || probe->items[1].source != mcp::tools::put_source::data ||
      probe->items[1].size != 256 || probe->items[2].metadata.size() != 2 ||
      probe->items[2].content_type != "text/csv") {
    state.SkipWithError("the request did not parse into 10,000 items with their sources and sizes");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(parse_request(line));
  set_items(state, line.size());
}

// The outcome of a fully successful 10,000-item call, as the engine hands it to put_answer.
const mcp::tools::put_batch_result& batch_outcome() {
  static const mcp::tools::put_batch_result outcome = [] {
    mcp::tools::put_batch_result o;
    o.results.reserve(item_count);
    for (std::size_t i = 0; i < item_count; ++i) {
      mcp::tools::put_item_result r;
      r.key = "packages/demo/data/part-" + std::to_string(i) + ".csv";
      r.size = 58;
      r.etag = "9b2cf535f27731c974343645a3985328";
      r.version_id = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY";
      r.checksum = mcp::tools::put_checksum{"CRC32C", "yZRlqg=="};
      o.results.push_back(std::move(r));
    }
    o.bytes = 58 * item_count;
    o.seconds = 1.25;
    o.credentials.source = "environment";
    o.credentials.attempts.push_back({"environment", "ok", ""});
    return o;
  }();
  return outcome;
}

// The line the server writes for that call (results capped at max_results = 10000 here).
std::string answer_line() {
  auto answer = mcp::tools::put_answer("my-team-bucket", item_count, item_count, batch_outcome());
  return mcp::jsonrpc::result_line(json::value(3), mcp::to_json(answer));
}

void BM_build_and_serialize_answer(benchmark::State& state) {
  const auto probe = answer_line();
  const auto parsed = json::parse(probe);
  const auto* rows = parsed.at("result").as_object().if_contains("structuredContent");
  if (!rows || rows->at("results").as_array().size() != item_count) {
    state.SkipWithError("the answer does not hold 10,000 rows");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(answer_line());
  set_items(state, probe.size());
}

}  // namespace

BENCHMARK(BM_simdjson_parse_only_ceiling)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_parse_request)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_build_and_serialize_answer)->Unit(benchmark::kMillisecond);
