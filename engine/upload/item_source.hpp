#pragma once
// Items arrive as a stream: the uploader pulls the next one only when it has room for it, so
// a batch of a million items or a directory walk starts at once and never sits in memory whole.
#include "core/awaitable.hpp"
#include "upload/upload_item.hpp"

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace quiltup::upload {

class item_source {
 public:
  virtual ~item_source() = default;
  // The next item, or nullopt when there are no more. Called from one coroutine at a time.
  virtual awaitable<std::optional<upload_item>> next() = 0;
};

// Items already in memory (an MCP request, tests): handed out in order, each moved out once.
class vector_item_source final : public item_source {
 public:
  explicit vector_item_source(std::vector<upload_item> items) : items_(std::move(items)) {}
  awaitable<std::optional<upload_item>> next() override;

 private:
  std::vector<upload_item> items_;
  std::size_t next_ = 0;
};

// Several sources one after another (the CLI's SRC... arguments).
class concat_item_source final : public item_source {
 public:
  explicit concat_item_source(std::vector<std::unique_ptr<item_source>> sources);
  awaitable<std::optional<upload_item>> next() override;

 private:
  std::deque<std::unique_ptr<item_source>> sources_;
};

}  // namespace quiltup::upload
