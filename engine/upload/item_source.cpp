#include "upload/item_source.hpp"

namespace quiltup::upload {

awaitable<std::optional<upload_item>> vector_item_source::next() {
  if (next_ >= items_.size()) co_return std::nullopt;
  // Moved out and then released: the bytes of inline items are freed as the batch advances.
  auto item = std::move(items_[next_]);
  items_[next_] = upload_item{};
  ++next_;
  co_return std::move(item);
}

concat_item_source::concat_item_source(std::vector<std::unique_ptr<item_source>> sources)
    : sources_(std::make_move_iterator(sources.begin()), std::make_move_iterator(sources.end())) {}

awaitable<std::optional<upload_item>> concat_item_source::next() {
  while (!sources_.empty()) {
    if (auto item = co_await sources_.front()->next()) co_return item;
    sources_.pop_front();
  }
  co_return std::nullopt;
}

}  // namespace quiltup::upload
