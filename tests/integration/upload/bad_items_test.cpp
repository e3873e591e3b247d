// Bad items fail alone, each with an error naming its field; the rest of the batch lands.
#include "upload_fixture.hpp"

using namespace quiltup;
using namespace quiltup::upload;

TEST_CASE("upload: bad items fail alone with the field named, good items land", "[integration][upload][rgw]") {
  test::upload_session s(test::rgw());
  auto bucket = s.make_bucket("baditems");
  test::temp_dir dir("bad");

  std::vector<upload_item> items;
  items.push_back(test::text_item(bucket, "good/1.txt", "one"));        // 0
  items.push_back(test::text_item(bucket, "", "no key"));               // 1
  upload_item bad64;                                                    // 2
  bad64.bucket = bucket;
  bad64.key = "bad/base64.bin";
  bad64.data = "%%%not-base64%%%";
  items.push_back(bad64);
  auto both = test::text_item(bucket, "bad/both.txt", "x");             // 3
  both.data = "eA==";
  items.push_back(both);
  items.push_back(test::file_item(bucket, "bad/missing.bin", dir.path / "missing.bin"));  // 4
  items.push_back(test::text_item(bucket, std::string(1025, 'k'), "long key"));          // 5
  upload_item none;                                                     // 6
  none.bucket = bucket;
  none.key = "bad/none";
  items.push_back(none);
  items.push_back(test::file_item(bucket, "bad/dir", dir.path));        // 7
  items.push_back(test::file_item(bucket, "good/2.bin", dir.write("two.bin", "two")));  // 8
  auto bad_meta = test::text_item(bucket, "bad/meta.txt", "m");         // 9
  bad_meta.metadata = {{"bad name", "v"}};
  items.push_back(bad_meta);

  uploader up(s.engine_client(), upload_options{});
  batch_result totals;
  auto results = s.put_all(up, std::move(items), &totals);
  CHECK(totals.requested == 10);
  CHECK(totals.uploaded == 2);
  CHECK(totals.failed == 8);

  CHECK(results[0].ok());
  CHECK(results[8].ok());
  CHECK(s.get(bucket, "good/1.txt") == "one");
  CHECK(s.get(bucket, "good/2.bin") == "two");

  auto field_of = [&](std::size_t i) {
    INFO("item " << i);
    REQUIRE(results[i].error);
    return results[i].error->field;
  };
  CHECK(field_of(1) == "items[1].key");
  CHECK(field_of(2) == "items[2].data");
  CHECK(field_of(3) == "items[3].text");
  CHECK(field_of(4) == "items[4].path");
  CHECK(results[4].error->code == "FileNotFound");
  CHECK(field_of(5) == "items[5].key");
  CHECK(field_of(6) == "items[6].text");
  CHECK(results[7].error->code == "NotAFile");
  REQUIRE(results[9].error);
  CHECK(results[9].error->field.find("metadata") != std::string::npos);
  for (auto i : {1, 2, 3, 4, 5, 6, 7}) CHECK_FALSE(results[i].error->retryable);

  auto head = s.run(s.direct().head_object({bucket, "bad/both.txt"}));
  REQUIRE(head.has_error());  // nothing of a bad item was written
}
