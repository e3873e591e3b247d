// bucket_objects_put: upload a batch of objects (inline text, base64 data, or files under the
// allowed roots) to one bucket through the upload engine, reporting each object's outcome.
#include "tools/bucket_objects_put.hpp"

#include "arguments.hpp"
#include "tools/bucket_objects_put_engine.hpp"
#include "tools/index.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace quiltup::mcp::tools {

namespace json = boost::json;

namespace {

constexpr auto description = R"text(Upload one or more objects to an S3 bucket in one call, concurrently, using multipart uploads for large objects. Each item gives the object key and exactly one source: "text" (UTF-8 text), "data" (standard base64 with padding) or "path" (an absolute path of a local file; allowed only under the directories the server was configured with in QUILTUP_ALLOWED_ROOTS, none by default). Optional per item: content_type, metadata (string values, sent as x-amz-meta-*).
A failed item does not stop the others: the result has one row per object with size, etag, version_id and checksum, or an error naming the cause and the fix; totals (requested, uploaded, failed, bytes, seconds) always cover every item, while rows are capped by max_results (failures first). credentials tells which credential source was used and what was tried.
Limits: at most 10000 items per call; keys up to 1024 bytes; the whole request must stay under 10 MiB, so send large content as path items. Existing objects with the same key are overwritten.
Example: {"bucket":"my-team-bucket","items":[{"key":"packages/my-pkg/README.md","text":"# My Package","content_type":"text/markdown"},{"key":"packages/my-pkg/data.csv","data":"Y29sdW1uMSxjb2x1bW4yCjEsMgo=","content_type":"text/csv","metadata":{"source":"mcp-demo"}}]})text";

constexpr auto input_schema = R"json({
  "type": "object",
  "properties": {
    "bucket": {"type": "string", "description": "Bucket name, e.g. \"my-team-bucket\"; \"s3://my-team-bucket\" is accepted too."},
    "items": {
      "type": "array", "minItems": 1, "maxItems": 10000,
      "description": "Objects to upload; each needs key and exactly one of text, data or path.",
      "items": {
        "type": "object",
        "properties": {
          "key": {"type": "string", "minLength": 1, "maxLength": 1024, "description": "Object key, used verbatim."},
          "text": {"type": "string", "description": "Object content as UTF-8 text."},
          "encoding": {"type": "string", "enum": ["utf-8"], "description": "Encoding of text; only utf-8."},
          "data": {"type": "string", "contentEncoding": "base64", "description": "Object content as standard base64 with padding."},
          "path": {"type": "string", "description": "Absolute path of a local file under QUILTUP_ALLOWED_ROOTS."},
          "content_type": {"type": "string", "description": "Content-Type, e.g. \"text/csv\"."},
          "metadata": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
                       "description": "User metadata (x-amz-meta-<name>); values are sent as strings, null drops the entry."}
        },
        "required": ["key"]
      }
    },
    "concurrency": {"type": "integer", "minimum": 1, "maximum": 256, "description": "Objects uploaded at once (engine default if absent)."},
    "checksum": {"type": "string", "enum": ["CRC32C", "CRC32", "CRC64NVME", "SHA1", "SHA256"], "description": "Checksum S3 verifies for each object (engine default if absent)."},
    "part_size": {"type": "integer", "minimum": 5242880, "maximum": 5368709120, "description": "Multipart part size in bytes."},
    "max_results": {"type": "integer", "minimum": 0, "maximum": 10000, "description": "Per-object rows to return (failures first; default 1000). Totals always count every item."}
  },
  "required": ["bucket", "items"]
})json";

constexpr auto output_schema = R"json({
  "type": "object",
  "properties": {
    "success": {"type": "boolean", "description": "true when every object was uploaded"},
    "bucket": {"type": "string"},
    "requested": {"type": "integer", "minimum": 0},
    "uploaded": {"type": "integer", "minimum": 0},
    "failed": {"type": "integer", "minimum": 0},
    "bytes": {"type": "integer", "minimum": 0, "description": "bytes of the uploaded objects"},
    "seconds": {"type": "number", "minimum": 0},
    "results": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "index": {"type": "integer", "minimum": 0, "description": "position of the item in the request"},
          "key": {"type": "string"},
          "success": {"type": "boolean"},
          "size": {"type": "integer", "minimum": 0},
          "etag": {"type": "string"},
          "version_id": {"type": ["string", "null"]},
          "version": {"type": ["string", "null"], "description": "same as version_id (upstream Quilt name)"},
          "checksum": {
            "type": ["object", "null"],
            "properties": {"algorithm": {"type": "string"}, "value": {"type": "string"}},
            "required": ["algorithm", "value"]
          },
          "error": {"$ref": "#/$defs/error"}
        },
        "required": ["index", "key", "success"]
      }
    },
    "results_omitted": {"type": "integer", "minimum": 0, "description": "rows left out because of max_results"},
    "message": {"type": "string"},
    "error": {"$ref": "#/$defs/error"},
    "credentials": {
      "type": "object",
      "properties": {
        "source": {"type": ["string", "null"], "description": "provider that supplied the credentials"},
        "attempts": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {"provider": {"type": "string"}, "outcome": {"type": "string"}, "detail": {"type": "string"}},
            "required": ["provider", "outcome"]
          }
        }
      },
      "required": ["source", "attempts"]
    }
  },
  "required": ["success", "bucket", "requested", "uploaded", "failed", "bytes", "seconds", "results", "credentials"],
  "$defs": {
    "error": {
      "type": "object",
      "properties": {
        "code": {"type": "string"},
        "message": {"type": "string"},
        "field": {"type": "string"},
        "hint": {"type": "string"},
        "step": {"type": "string"},
        "request_id": {"type": "string"},
        "retryable": {"type": "boolean"}
      },
      "required": ["code", "message"]
    }
  }
})json";

// S3 bucket naming rules, the common subset: 3-63 of [a-z0-9.-], starting and ending alphanumeric.
bool is_valid_bucket_name(std::string_view b) {
  if (b.size() < 3 || b.size() > 63) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(b.front()) || !alnum(b.back())) return false;
  return std::all_of(b.begin(), b.end(), [&](char c) { return alnum(c) || c == '.' || c == '-'; });
}

result<std::string> parse_bucket(const json::object& args) {
  auto raw = required_string(args, "", "bucket");
  if (!raw) return raw.error();
  std::string_view b = *raw;
  if (b.starts_with("s3://")) b = b.substr(5, b.find('/', 5) == std::string_view::npos ? b.npos : b.find('/', 5) - 5);
  if (!is_valid_bucket_name(b))
    return invalid_argument("bucket", "'" + std::string(*raw) + "' is not a valid S3 bucket name",
                            "use 3-63 lower-case letters, digits, '.' or '-', e.g. \"my-team-bucket\"");
  return result<std::string>(boost::system::in_place_value, b);
}

int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// The decoded size of canonical base64 (the engine's strict RFC 4648 rules: padded, no
// whitespace, zero bits after the last byte), or nullopt. Checked here without decoding so a
// bad item is an argument error before anything is sent, and the bytes are decoded only once.
std::optional<std::uint64_t> canonical_base64_size(std::string_view s) {
  if (s.size() % 4 != 0) return std::nullopt;
  std::size_t pad = 0;
  if (!s.empty() && s.back() == '=') pad = s[s.size() - 2] == '=' ? 2 : 1;
  for (std::size_t i = 0; i < s.size() - pad; ++i)
    if (base64_digit(s[i]) < 0) return std::nullopt;
  if (pad > 0) {
    int last = base64_digit(s[s.size() - pad - 1]);
    if ((pad == 1 && (last & 0x3)) || (pad == 2 && (last & 0xf))) return std::nullopt;
  }
  return s.size() / 4 * 3 - pad;
}

// Where strict base64 decoding would stop, for an error a model can act on.
std::string base64_problem(std::string_view s) {
  auto is_b64 = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'; };
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!is_b64(s[i]) && s[i] != '=') return "invalid base64 character at offset " + std::to_string(i);
  if (s.size() % 4 != 0) return "base64 length " + std::to_string(s.size()) + " is not a multiple of 4 (missing padding?)";
  return "invalid base64 padding (the bits after the last byte must be zero)";
}

bool is_metadata_name(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

bool inside(const std::filesystem::path& file, const std::filesystem::path& root) {
  auto f = file.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++f)
    if (f == file.end() || *f != *r) return false;
  return true;
}

std::string roots_text(const server_config& config) {
  std::string out;
  for (auto& r : config.allowed_roots) out += (out.empty() ? "" : ":") + r.string();
  return out;
}

result<void> read_source(const json::object& item, const std::string& at, const server_config& config, put_item& out) {
  std::vector<std::string> given;
  for (auto key : {"text", "data", "path"})
    if (auto* v = item.if_contains(key); v && !v->is_null()) given.emplace_back(key);
  if (given.size() != 1) {
    std::string got = given.empty() ? "none" : given[0] + (given.size() > 1 ? " and " + given[1] : "");
    return invalid_argument(at, "needs exactly one of text, data or path (got " + got + ")",
                            "send the content once: text for UTF-8, data for base64 bytes, path for a local file");
  }

  if (given[0] == "text") {
    auto text = required_string(item, at, "text");
    if (!text) return text.error();
    if (auto enc = optional_string(item, at, "encoding"); !enc) return enc.error();
    else if (*enc) {
      std::string e(**enc);
      std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
      if (e != "utf-8" && e != "utf8")
        return invalid_argument(field_path(at, "encoding"), "'" + std::string(**enc) + "' is not supported",
                                "leave encoding out (text is sent as UTF-8) or send the exact bytes as base64 in data");
    }
    out.source = put_source::text;
    out.content = std::string(*text);
    out.size = out.content.size();
  } else if (given[0] == "data") {
    auto data = required_string(item, at, "data");
    if (!data) return data.error();
    auto size = canonical_base64_size(*data);
    if (!size)
      return invalid_argument(field_path(at, "data"), base64_problem(*data),
                              "send standard base64 (RFC 4648, with '=' padding, no line breaks) or use text");
    out.source = put_source::data;
    out.content = std::string(*data);
    out.size = *size;
  } else {
    auto path = required_string(item, at, "path");
    if (!path) return path.error();
    auto field = field_path(at, "path");
    if (config.allowed_roots.empty())
      return invalid_argument(field, "uploading local files is disabled on this server",
                              "send the content as text or data, or set QUILTUP_ALLOWED_ROOTS in the server's env "
                              "block to the directories that may be uploaded");
    std::filesystem::path p(*path);
    if (!p.is_absolute())
      return invalid_argument(field, "'" + std::string(*path) + "' is not an absolute path",
                              "give the full path, under one of " + roots_text(config));
    std::error_code ec;
    auto real = std::filesystem::canonical(p, ec);  // resolves symlinks: no escaping a root through one
    if (ec) return invalid_argument(field, "'" + std::string(*path) + "' does not exist", "check the path");
    bool allowed = std::any_of(config.allowed_roots.begin(), config.allowed_roots.end(),
                               [&](auto& root) { return inside(real, root); });
    if (!allowed)
      return invalid_argument(field, "'" + std::string(*path) + "' is outside the allowed roots",
                              "upload only files under " + roots_text(config) + ", or send the content as data");
    if (!std::filesystem::is_regular_file(real, ec))
      return invalid_argument(field, "'" + std::string(*path) + "' is not a regular file", "give the path of a file");
    out.size = std::filesystem::file_size(real, ec);
    if (ec) return invalid_argument(field, "'" + std::string(*path) + "' cannot be read: " + ec.message(), "check its permissions");
    out.source = put_source::path;
    out.path = std::move(real);
  }
  return {};
}

result<void> read_metadata(const json::object& item, const std::string& at, put_item& out) {
  std::string_view spelled = "metadata";
  auto* v = find_alias(item, {"metadata", "Metadata"}, &spelled);
  if (!v) return {};
  auto field = field_path(at, spelled);
  if (!v->is_object())
    return invalid_argument(field, "expected an object, got " + std::string(json_type_name(*v)),
                            "send {\"name\": \"value\", ...}");
  std::size_t total = 0;
  for (auto& [name, value] : v->get_object()) {
    auto entry = field_path(field, name);
    if (!is_metadata_name(name))
      return invalid_argument(entry, "is not a valid metadata name", "use letters, digits, '-', '_' or '.'");
    std::string text;
    if (value.is_null()) continue;  // upstream drops null values
    if (value.is_string()) text = value.get_string();
    else if (value.is_number() || value.is_bool()) text = json::serialize(value);
    else
      return invalid_argument(entry, "expected a string, got " + std::string(json_type_name(value)),
                              "metadata values are strings; serialize nested data to a JSON string first");
    total += name.size() + text.size();
    out.metadata.emplace_back(std::string(name), std::move(text));
  }
  if (total > max_metadata_bytes)
    return invalid_argument(field, std::to_string(total) + " bytes of metadata exceed S3's 2 KiB limit",
                            "keep names and values under 2048 bytes in total; put larger data in an object");
  return {};
}

result<put_item> parse_item(const json::value& v, std::size_t index, const server_config& config) {
  auto at = index_path("items", index);
  if (!v.is_object())
    return invalid_argument(at, "expected an object, got " + std::string(json_type_name(v)),
                            "send {\"key\": \"...\", \"text\": \"...\"}");
  auto& item = v.get_object();
  put_item out;

  auto key = required_string(item, at, "key");
  if (!key) return key.error();
  if (key->empty())
    return invalid_argument(field_path(at, "key"), "must not be empty", "give the object key, e.g. \"data/file.csv\"");
  if (key->size() > max_key_bytes)
    return invalid_argument(field_path(at, "key"), "is " + std::to_string(key->size()) + " bytes long",
                            "S3 keys are at most 1024 bytes of UTF-8; shorten it");
  out.key = std::string(*key);

  if (auto r = read_source(item, at, config, out); !r) return r.error();

  std::string_view spelled = "content_type";
  if (auto* ct = find_alias(item, {"content_type", "ContentType"}, &spelled)) {
    if (!ct->is_string())
      return invalid_argument(field_path(at, spelled), "expected a string, got " + std::string(json_type_name(*ct)),
                              "send a MIME type such as \"text/csv\"");
    out.content_type = ct->get_string();
  }
  if (auto r = read_metadata(item, at, out); !r) return r.error();
  return out;
}

result<put_options> parse_options(const json::object& args) {
  put_options o;
  auto concurrency = optional_integer(args, "", "concurrency", 1, 256);
  if (!concurrency) return concurrency.error();
  if (*concurrency) o.concurrency = int(**concurrency);

  auto checksum = optional_string(args, "", "checksum");
  if (!checksum) return checksum.error();
  if (*checksum) {
    static const std::set<std::string_view> known{"CRC32C", "CRC32", "CRC64NVME", "SHA1", "SHA256"};
    if (!known.contains(**checksum))
      return invalid_argument("checksum", "'" + std::string(**checksum) + "' is not a checksum S3 supports",
                              "use one of CRC32C, CRC32, CRC64NVME, SHA1, SHA256, or leave it out");
    o.checksum = std::string(**checksum);
  }

  auto part_size = optional_integer(args, "", "part_size", 5LL << 20, 5LL << 30);
  if (!part_size) return part_size.error();
  if (*part_size) o.part_size = std::uint64_t(**part_size);
  return o;
}

json::object error_json(const quiltup::error& e) {
  json::object out{{"code", e.code.empty() ? "Error" : e.code}, {"message", e.message}, {"retryable", e.retryable}};
  if (!e.field.empty()) out["field"] = e.field;
  if (!e.hint.empty()) out["hint"] = e.hint;
  if (!e.step.empty()) out["step"] = e.step;
  if (!e.request_id.empty()) out["request_id"] = e.request_id;
  return out;
}

json::object row_json(std::size_t index, const put_item_result& r) {
  json::object row{{"index", index}, {"key", r.key}, {"success", !r.error}};
  if (r.error) {
    row["error"] = error_json(*r.error);
    return row;
  }
  json::value version = r.version_id ? json::value(*r.version_id) : json::value(nullptr);
  row["size"] = r.size;
  row["etag"] = r.etag;
  row["version_id"] = version;
  row["version"] = version;
  row["checksum"] = r.checksum ? json::value({{"algorithm", r.checksum->algorithm}, {"value", r.checksum->value}})
                               : json::value(nullptr);
  return row;
}

bool is_permission_error(const quiltup::error& e) {
  return e.code == "AccessDenied" || e.code == "AccessDeniedException" || e.code == "UnauthorizedOperation";
}

awaitable<tool_result> handle(json::object arguments, std::shared_ptr<request_context> ctx, server_config config) {
  auto request = parse_put_request(arguments, config);
  if (!request) co_return error_result(argument_error_text(request.error()));
  arguments = {};  // the items now live in `request` only: a 9 MiB call holds its bytes once
  std::string bucket = request->bucket;
  std::size_t requested = request->items.size(), max_results = request->max_results;

  auto on_progress = [ctx](const put_progress& p) {
    std::string message = std::to_string(p.objects_done) + "/" + std::to_string(p.objects_total) + " objects, " +
                          std::to_string(p.bytes_done) + "/" + std::to_string(p.bytes_total) + " bytes";
    // Bytes move smoothly for big objects; counting objects covers batches of empty ones.
    if (p.bytes_total > 0) ctx->progress.report(double(p.bytes_done), double(p.bytes_total), std::move(message));
    else ctx->progress.report(double(p.objects_done), double(p.objects_total), std::move(message));
  };
  auto outcome = co_await put_batch(config.engine.get(), std::move(*request), on_progress);
  co_return put_answer(bucket, requested, max_results, outcome);
}

}  // namespace

result<put_request> parse_put_request(const json::object& args, const server_config& config) {
  put_request request;
  auto bucket = parse_bucket(args);
  if (!bucket) return bucket.error();
  request.bucket = std::move(*bucket);

  auto items = required_array(args, "", "items");
  if (!items) return items.error();
  if ((*items)->empty())
    return invalid_argument("items", "is empty", "add at least one {\"key\": ..., \"text\"|\"data\"|\"path\": ...}");
  if ((*items)->size() > max_items_per_call)
    return invalid_argument("items", std::to_string((*items)->size()) + " items are more than 10000 per call",
                            "split the batch over several calls");

  std::set<std::string_view> keys;
  for (std::size_t i = 0; i < (*items)->size(); ++i) {
    auto item = parse_item((**items)[i], i, config);
    if (!item) return item.error();
    if (!keys.insert((**items)[i].get_object().at("key").get_string()).second)
      return invalid_argument(field_path(index_path("items", i), "key"), "'" + item->key + "' appears twice in items",
                              "give each item its own key; a later PutObject would overwrite the earlier one");
    request.items.push_back(std::move(*item));
  }

  auto options = parse_options(args);
  if (!options) return options.error();
  request.options = std::move(*options);

  auto max_results = optional_integer(args, "", "max_results", 0, 10000);
  if (!max_results) return max_results.error();
  if (*max_results) request.max_results = std::size_t(**max_results);
  return request;
}

tool_result put_answer(std::string_view bucket, std::size_t requested, std::size_t max_results,
                       const put_batch_result& outcome) {
  std::size_t failed = 0;
  bool permission = false;
  for (auto& r : outcome.results)
    if (r.error) {
      ++failed;
      permission = permission || is_permission_error(*r.error);
    }
  std::size_t uploaded = outcome.fatal ? 0 : outcome.results.size() - failed;
  if (outcome.fatal) failed = requested;

  // Failures first: they are what the caller must act on; successes fill the remaining rows.
  json::array rows;
  for (std::size_t pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < outcome.results.size() && rows.size() < max_results; ++i)
      if (bool(outcome.results[i].error) == (pass == 0) && !outcome.fatal) rows.push_back(row_json(i, outcome.results[i]));

  json::array attempts;
  for (auto& a : outcome.credentials.attempts) {
    json::object attempt{{"provider", a.provider}, {"outcome", a.outcome}};
    if (!a.detail.empty()) attempt["detail"] = a.detail;
    attempts.push_back(std::move(attempt));
  }
  json::value source = outcome.credentials.source.empty() ? json::value(nullptr) : json::value(outcome.credentials.source);

  json::object answer{{"success", uploaded == requested},
                      {"bucket", bucket},
                      {"requested", requested},
                      {"uploaded", uploaded},
                      {"failed", failed},
                      {"bytes", outcome.bytes},
                      {"seconds", outcome.seconds},
                      {"results", std::move(rows)},
                      {"credentials", {{"source", source}, {"attempts", std::move(attempts)}}}};
  std::size_t listed = answer["results"].as_array().size();
  std::size_t rows_total = outcome.fatal ? 0 : outcome.results.size();
  if (listed < rows_total) answer["results_omitted"] = rows_total - listed;

  if (outcome.fatal) {
    answer["error"] = error_json(*outcome.fatal);
    answer["message"] = outcome.fatal->to_string();
    return error_result("bucket_objects_put uploaded nothing: " + outcome.fatal->to_string(), std::move(answer));
  }
  if (failed > 0)
    answer["message"] = permission ? "Upload failed due to missing S3 permissions. Request write access and retry."
                                   : "Some objects failed to upload; see individual results for details.";
  if (uploaded == 0 && requested > 0) {
    // Nothing landed: an error result, still in the tool's shape.
    auto text = json::serialize(answer);
    auto result = error_result(std::move(text), std::move(answer));
    return result;
  }
  return structured_result(std::move(answer));
}

bool prefers_task(const json::object& args, const server_config& config) {
  auto* items = args.if_contains("items");
  if (!items || !items->is_array()) return false;
  auto& list = items->get_array();
  if (list.size() >= task_min_items) return true;
  std::uint64_t bytes = 0;
  for (auto& v : list) {
    if (!v.is_object()) continue;
    auto& item = v.get_object();
    if (auto* t = item.if_contains("text"); t && t->is_string()) {
      bytes += t->get_string().size();
    } else if (auto* d = item.if_contains("data"); d && d->is_string()) {
      bytes += d->get_string().size() / 4 * 3;
    } else if (auto* p = item.if_contains("path"); p && p->is_string()) {
      std::error_code ec;
      auto real = std::filesystem::canonical(std::filesystem::path(std::string(p->get_string())), ec);
      if (ec || std::none_of(config.allowed_roots.begin(), config.allowed_roots.end(),
                             [&](auto& root) { return inside(real, root); }))
        continue;
      auto size = std::filesystem::file_size(real, ec);
      if (!ec) bytes += size;
    }
    if (bytes >= task_min_bytes) return true;
  }
  return false;
}

tool_spec bucket_objects_put_tool(const server_config& config) {
  return tool_spec{
      .name = "bucket_objects_put",
      .title = "Upload objects to S3",
      .description = description,
      .input_schema = json::parse(input_schema).as_object(),
      .output_schema = json::parse(output_schema).as_object(),
      // Overwrites existing keys (destructive); the same call again leaves the same objects.
      .annotations = {.read_only = false, .destructive = true, .idempotent = true, .open_world = true},
      .handler = [config](json::object arguments, std::shared_ptr<request_context> ctx) {
        return handle(std::move(arguments), std::move(ctx), config);
      },
      .tasks = task_support::optional,
      .prefers_task = [config](const json::object& arguments) { return prefers_task(arguments, config); },
  };
}

}  // namespace quiltup::mcp::tools
