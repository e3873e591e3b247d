#include "tools/bucket_objects_put_engine.hpp"

#include "engine_session.hpp"
#include "upload/item_source.hpp"
#include "upload/uploader.hpp"

#include <boost/system/system_error.hpp>

#include <algorithm>

namespace quiltup::mcp::tools {

namespace {

// Nothing was sent: every item is reported under the one reason.
put_batch_result nothing_sent(const put_request& request, quiltup::error why, credential_report report = {}) {
  put_batch_result out;
  out.fatal = std::move(why);
  out.credentials = std::move(report);
  for (auto& item : request.items) {
    put_item_result row;
    row.key = item.key;
    row.size = item.size;
    out.results.push_back(std::move(row));
  }
  return out;
}

credential_report to_report(const credentials::credential_report& r) {
  credential_report out{r.source, {}};
  for (auto& a : r.attempts) out.attempts.push_back({a.provider, a.outcome, a.detail});
  return out;
}

// The tool's options onto the engine's; check_options names the MCP argument at fault.
result<upload::upload_options> engine_options(const put_request& request) {
  upload::upload_options o;
  o.default_bucket = request.bucket;
  if (auto c = request.options.concurrency) {
    // One knob for the caller: objects at once, and no more requests than that either.
    auto n = static_cast<std::size_t>(*c);
    o.objects_in_flight = n;
    o.concurrency = n;
    o.parts_per_upload = std::min(o.parts_per_upload, n);
  }
  if (auto& name = request.options.checksum) {
    auto algorithm = crypto::parse_checksum_algorithm(*name, "checksum");
    if (!algorithm) return algorithm.error();
    o.checksum = *algorithm;
  }
  if (auto size = request.options.part_size) o.part_size = *size;
  if (auto ok = upload::check_options(o); !ok) return ok.error();
  return o;
}

// Moves the request's content into engine items; the engine decodes and frees each one as
// the batch advances, so the request's bytes are never held twice.
std::vector<upload::upload_item> engine_items(put_request& request) {
  std::vector<upload::upload_item> out;
  out.reserve(request.items.size());
  for (auto& item : request.items) {
    upload::upload_item u;
    u.bucket = request.bucket;
    u.key = item.key;  // kept in the request too: rows name their key even if an item fails early
    switch (item.source) {
      case put_source::text: u.text = std::move(item.content); break;
      case put_source::data: u.data = std::move(item.content); break;
      case put_source::path: u.path = std::move(item.path); break;
    }
    if (!item.content_type.empty()) u.content_type = std::move(item.content_type);
    u.metadata = std::move(item.metadata);
    out.push_back(std::move(u));
  }
  return out;
}

put_item_result to_row(const upload::upload_result& r) {
  put_item_result row;
  row.key = r.key;
  row.size = r.size;
  row.etag = r.etag;
  if (!r.version_id.empty()) row.version_id = r.version_id;
  if (!r.checksum.algorithm.empty()) row.checksum = put_checksum{r.checksum.algorithm, r.checksum.value};
  row.error = r.error;
  return row;
}

}  // namespace

awaitable<put_batch_result> put_batch(engine_session* engine, put_request request, put_progress_callback on_progress) {
  if (!engine)
    co_return nothing_sent(request, make_error("EngineUnavailable", "this quiltup-mcp has no upload engine connection", "",
                                               "start quiltup-mcp through its main(), which connects the engine"));
  auto options = engine_options(request);
  if (!options) co_return nothing_sent(request, options.error());
  auto s3 = engine->make_s3_client();
  if (!s3) co_return nothing_sent(request, s3.error());

  // Keys first: without them nothing can be sent, and the answer says what each source said.
  auto keys = co_await engine->credentials().fetch();
  auto report = to_report(engine->credentials().report());
  if (!keys) co_return nothing_sent(request, keys.error(), std::move(report));

  put_batch_result out;
  out.credentials = std::move(report);
  out.results.resize(request.items.size());
  put_progress totals{.objects_total = request.items.size()};
  for (std::size_t i = 0; i < request.items.size(); ++i) {
    out.results[i].key = request.items[i].key;
    out.results[i].size = request.items[i].size;
    totals.bytes_total += request.items[i].size;
  }

  upload::uploader uploader(**s3, std::move(*options));
  upload::vector_item_source source(engine_items(request));
  upload::batch_callbacks callbacks{
      .on_result = [&out](std::uint64_t index, const upload::upload_result& r) {
        if (index < out.results.size()) out.results[index] = to_row(r);
      },
      // The engine's totals grow as it pulls items; ours are known up front, so the client
      // sees one fixed total and a steadily rising count.
      .on_progress = [&totals, &on_progress](const upload::progress_event& e) {
        if (!on_progress) return;
        totals.objects_done = std::min<std::size_t>(e.objects_done, totals.objects_total);
        totals.bytes_done = std::min(e.bytes_done, totals.bytes_total);
        on_progress(totals);
      },
  };
  auto batch = co_await uploader.put_batch(source, std::move(callbacks));
  // The uploader has stopped its parts and aborted its multipart uploads by now.
  if (batch.cancelled) throw boost::system::system_error(asio::error::operation_aborted, "bucket_objects_put cancelled");
  out.bytes = batch.bytes;
  out.seconds = batch.seconds;
  co_return out;
}

}  // namespace quiltup::mcp::tools
