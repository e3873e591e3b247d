// The JSON cost of one bucket_objects_put call with 10,000 inline items (the per-call maximum),
// on the same path quiltup-mcp takes: simdjson parses the tools/call line, the DOM becomes a
// Boost.JSON value (mcp/jsonrpc/message.cpp), the items are read out (key, text | base64 data,
// content_type, metadata), and the answer is built with Boost.JSON and serialized. mcp/ is not a
// library the bench can link, so the steps are reproduced here on the same JSON shapes.
//
// Ceiling: simdjson's parse alone (no conversion, no item walk) on the same line: the gap between
// it and the full request path is what the conversion to Boost.JSON costs.
#include "crypto/encoding.hpp"

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

struct item {
  std::string key;
  std::string body;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> metadata;
};

// The DOM → Boost.JSON conversion quiltup-mcp does for every message.
json::value to_boost(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::OBJECT: {
      json::object out;
      for (auto field : simdjson::dom::object(e)) out[field.key] = to_boost(field.value);
      return out;
    }
    case element_type::ARRAY: {
      json::array out;
      for (auto element : simdjson::dom::array(e)) out.push_back(to_boost(element));
      return out;
    }
    case element_type::STRING: return json::string(std::string_view(e));
    case element_type::INT64: return std::int64_t(e);
    case element_type::UINT64: return std::uint64_t(e);
    case element_type::DOUBLE: return double(e);
    case element_type::BOOL: return bool(e);
    case element_type::NULL_VALUE: return nullptr;
  }
  return nullptr;
}

// Items out of the Boost.JSON arguments, as the tool reads them; nullopt on a malformed item.
std::optional<std::vector<item>> read_items(const json::object& arguments) {
  std::vector<item> out;
  const auto& items = arguments.at("items").as_array();
  out.reserve(items.size());
  for (const auto& v : items) {
    const auto& o = v.as_object();
    item it;
    it.key = o.at("key").as_string();
    if (auto* text = o.if_contains("text")) {
      it.body = text->as_string();
    } else if (auto* data = o.if_contains("data")) {
      auto decoded = quiltup::crypto::base64_decode(data->as_string());
      if (!decoded) return std::nullopt;
      it.body = std::move(*decoded);
    }
    if (auto* ct = o.if_contains("content_type")) it.content_type = ct->as_string();
    if (auto* md = o.if_contains("metadata"))
      for (const auto& [name, value] : md->as_object()) it.metadata.emplace_back(name, value.as_string());
    out.push_back(std::move(it));
  }
  return out;
}

std::optional<std::vector<item>> parse_request(simdjson::dom::parser& parser, const std::string& line) {
  simdjson::dom::element doc;
  if (parser.parse(line.data(), line.size(), true).get(doc) != simdjson::SUCCESS) return std::nullopt;
  json::value message = to_boost(doc);
  return read_items(message.at("params").at("arguments").as_object());
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
  simdjson::dom::parser parser;
  auto probe = parse_request(parser, line);
  if (!probe || probe->size() != item_count || probe->at(1).body != std::string(256, 'b') ||
      probe->at(2).metadata.size() != 2) {
    state.SkipWithError("the request did not parse into 10,000 items with their bodies");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(parse_request(parser, line));
  set_items(state, line.size());
}

// The answer: one row per item (results capped at max_results = 10000 here), as put_answer builds it.
json::object build_answer() {
  json::array rows;
  rows.reserve(item_count);
  for (std::size_t i = 0; i < item_count; ++i)
    rows.push_back(json::object{{"index", i},
                                {"key", "packages/demo/data/part-" + std::to_string(i) + ".csv"},
                                {"success", true},
                                {"size", 58},
                                {"etag", "9b2cf535f27731c974343645a3985328"},
                                {"version_id", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"},
                                {"version", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"},
                                {"checksum", {{"algorithm", "CRC32C"}, {"value", "yZRlqg=="}}}});
  return json::object{{"success", true},
                      {"bucket", "my-team-bucket"},
                      {"requested", item_count},
                      {"uploaded", item_count},
                      {"failed", 0},
                      {"bytes", 58 * item_count},
                      {"seconds", 1.25},
                      {"results", std::move(rows)},
                      {"credentials", {{"source", "environment"}, {"attempts", json::array{}}}}};
}

void BM_build_and_serialize_answer(benchmark::State& state) {
  const auto probe = json::serialize(build_answer());
  if (json::parse(probe).at("results").as_array().size() != item_count) {
    state.SkipWithError("the answer does not hold 10,000 rows");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(json::serialize(build_answer()));
  set_items(state, probe.size());
}

}  // namespace

BENCHMARK(BM_simdjson_parse_only_ceiling)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_parse_request)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_build_and_serialize_answer)->Unit(benchmark::kMillisecond);
