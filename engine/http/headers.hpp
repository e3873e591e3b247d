#pragma once
// An ordered header list with case-insensitive lookup (HTTP field names are case-insensitive;
// S3 answers "ETag", proxies may answer "etag").
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quiltup::http {

class headers {
 public:
  using entry = std::pair<std::string, std::string>;

  void add(std::string name, std::string value) { list_.emplace_back(std::move(name), std::move(value)); }
  // Replaces every field of that name with one value.
  void set(std::string name, std::string value);
  std::optional<std::string_view> get(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }
  void remove(std::string_view name);

  const std::vector<entry>& list() const noexcept { return list_; }
  auto begin() const noexcept { return list_.begin(); }
  auto end() const noexcept { return list_.end(); }
  std::size_t size() const noexcept { return list_.size(); }

 private:
  std::vector<entry> list_;
};

bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace quiltup::http
