#include "upload/directory_walker.hpp"
#include "support/run_awaitable.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

using namespace quiltup;
using namespace quiltup::upload;
namespace fs = std::filesystem;

namespace {

struct temp_tree {
  fs::path root = fs::temp_directory_path() / ("quiltup-walk-" + std::to_string(::getpid()));
  temp_tree() {
    fs::remove_all(root);
    fs::create_directories(root / "a/b/c");
    fs::create_directories(root / "empty");
    for (auto rel : {"top.txt", "a/one.csv", "a/b/two.json", "a/b/c/three.bin"})
      std::ofstream(root / rel) << rel;
    fs::create_directory_symlink(root / "a", root / "link-to-a");  // must not be followed
  }
  ~temp_tree() { fs::remove_all(root); }
};

std::vector<upload_item> drain(item_source& src) {
  std::vector<upload_item> out;
  test::run_awaitable([&]() -> awaitable<void> {
    while (auto it = co_await src.next()) out.push_back(std::move(*it));
  }());
  return out;
}

}  // namespace

TEST_CASE("directory_walker: every file once, keys relative to the root under the prefix", "[upload][directory_walker]") {
  temp_tree t;
  directory_walker walker(t.root, {.bucket = "bkt", .prefix = "up"});
  auto items = drain(walker);
  std::set<std::string> keys;
  for (auto& it : items) {
    keys.insert(it.key);
    CHECK(it.bucket == "bkt");
    REQUIRE(it.path);
    CHECK(fs::is_regular_file(*it.path));
    CHECK_FALSE(it.source_error);
  }
  CHECK(items.size() == 4);
  CHECK(keys == std::set<std::string>{"up/top.txt", "up/a/one.csv", "up/a/b/two.json", "up/a/b/c/three.bin"});
}

TEST_CASE("directory_walker: a missing root is one failing item, not silence", "[upload][directory_walker]") {
  directory_walker walker("/nonexistent/quiltup/dir", {.bucket = "b"});
  auto items = drain(walker);
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].source_error);
  CHECK(items[0].source_error->code == "FileNotFound");
  auto checked = check_item(items[0]);
  REQUIRE(checked.has_error());
  CHECK(checked.error().code == "FileNotFound");
}

TEST_CASE("item_source: vector and concat sources hand out items in order, once", "[upload][item_source]") {
  std::vector<upload_item> a(2), b(1);
  a[0].key = "1";
  a[1].key = "2";
  b[0].key = "3";
  std::vector<std::unique_ptr<item_source>> parts;
  parts.push_back(std::make_unique<vector_item_source>(std::move(a)));
  parts.push_back(std::make_unique<vector_item_source>(std::vector<upload_item>{}));
  parts.push_back(std::make_unique<vector_item_source>(std::move(b)));
  concat_item_source all(std::move(parts));
  auto items = drain(all);
  REQUIRE(items.size() == 3);
  CHECK(items[0].key == "1");
  CHECK(items[1].key == "2");
  CHECK(items[2].key == "3");
  CHECK(drain(all).empty());
}
