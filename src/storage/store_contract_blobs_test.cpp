// Contract: blobs kept in the database, alone and behind DatabaseBlobStore.
#include <filesystem>

#include "storage/database_blob_store.hpp"
#include "storage/file_blob_store.hpp"
#include "storage/temp_dir_test_util.hpp"
#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;

constexpr std::size_t kInline = 1024;

std::size_t CountFiles(const std::string& root) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    n += it->is_regular_file() ? 1 : 0;
  }
  return n;
}

TEST_P(BlobStoreContract, BinaryBytesRoundTripByHash) {
  const std::string bytes("mail\0\x01\xff\r\n", 9);
  const std::string sha = FileBlobStore::Sha256Hex(bytes);
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Blobs().Put(sha, bytes); }).ok());
  auto got = ReadValue<std::optional<std::string>>([&](Tx& tx) { return tx.Blobs().Get(sha); });
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ(**got, bytes);
}

TEST_P(BlobStoreContract, SecondPutOfTheSameHashKeepsTheFirst) {
  const std::string sha = FileBlobStore::Sha256Hex("one");
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Blobs().Put(sha, "one"); }).ok());
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Blobs().Put(sha, "one"); }).ok());
  auto got = ReadValue<std::optional<std::string>>([&](Tx& tx) { return tx.Blobs().Get(sha); });
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ(**got, "one");
}

TEST_P(BlobStoreContract, UnknownHashIsNone) {
  auto got = ReadValue<std::optional<std::string>>(
      [](Tx& tx) { return tx.Blobs().Get(std::string(64, 'a')); });
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->has_value());
}

TEST_P(BlobStoreContract, BlobOfAFailedTransactionIsNotKept) {
  const std::string sha = FileBlobStore::Sha256Hex("lost");
  Status failed = store().Write([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(tx.Blobs().Put(sha, "lost"));
    return Error::Conflict("the decision failed");
  });
  ASSERT_FALSE(failed.ok());
  auto got = ReadValue<std::optional<std::string>>([&](Tx& tx) { return tx.Blobs().Get(sha); });
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->has_value());
}

TEST_P(BlobStoreContract, SmallBlobsGoToTheDatabaseLargeOnesToFiles) {
  TempDir dir;
  FileBlobStore files(dir.File("blobs"));
  DatabaseBlobStore blobs(store(), files, kInline);
  EXPECT_EQ(blobs.InlineLimit(), kInline);
  const std::string small(kInline, 's');
  const std::string large(kInline + 1, 'l');
  auto small_sha = blobs.Put(small);
  auto large_sha = blobs.Put(large);
  ASSERT_TRUE(small_sha.ok() && large_sha.ok());
  EXPECT_EQ(*small_sha, FileBlobStore::Sha256Hex(small));
  EXPECT_EQ(CountFiles(dir.File("blobs")), 1u);  // only the large one
  auto in_db =
      ReadValue<std::optional<std::string>>([&](Tx& tx) { return tx.Blobs().Get(*small_sha); });
  ASSERT_TRUE(in_db.ok() && in_db->has_value());
  Reopen();
  DatabaseBlobStore again(store(), files, kInline);
  auto got_small = again.Get(*small_sha);
  auto got_large = again.Get(*large_sha);
  ASSERT_TRUE(got_small.ok() && got_large.ok());
  EXPECT_EQ(*got_small, small);
  EXPECT_EQ(*got_large, large);
}

TEST_P(BlobStoreContract, FilesWrittenBeforeTheTableAreStillFound) {
  TempDir dir;
  FileBlobStore files(dir.File("blobs"));
  auto sha = files.Put("an attachment of last year");
  ASSERT_TRUE(sha.ok());
  DatabaseBlobStore blobs(store(), files, kInline);
  auto got = blobs.Get(*sha);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(*got, "an attachment of last year");
  auto missing = blobs.Get(std::string(64, 'b'));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace hd::storage::testing
