#include "storage/file_blob_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/temp_dir_test_util.hpp"

namespace hd::storage::testing {
namespace {

namespace fs = std::filesystem;

std::size_t CountFiles(const std::string& root) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) n += e.is_regular_file() ? 1 : 0;
  return n;
}

TEST(FileBlobStore, RoundTripsBytesUnderTheirSha256) {
  TempDir dir;
  FileBlobStore blobs(dir.File("blobs"));
  const std::string bytes("screenshot\0\x01\xff", 13);
  auto sha = blobs.Put(bytes);
  ASSERT_TRUE(sha.ok()) << sha.error().message;
  EXPECT_EQ(*sha, FileBlobStore::Sha256Hex(bytes));
  EXPECT_TRUE(
      fs::is_regular_file(dir.File("blobs") + "/" + sha->substr(0, 2) + "/" + sha->substr(2)));
  auto got = blobs.Get(*sha);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(*got, bytes);
}

TEST(FileBlobStore, Sha256MatchesTheKnownDigest) {
  EXPECT_EQ(FileBlobStore::Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(FileBlobStore, PutIsIdempotent) {
  TempDir dir;
  FileBlobStore blobs(dir.path());
  auto first = blobs.Put("same content");
  auto second = blobs.Put("same content");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_EQ(CountFiles(dir.path()), 1u);  // no temporary file left behind
  auto empty = blobs.Put("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*blobs.Get(*empty), "");
}

TEST(FileBlobStore, UnknownOrMalformedHashIsNotFound) {
  TempDir dir;
  FileBlobStore blobs(dir.path());
  auto unknown = blobs.Get(std::string(64, 'a'));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto traversal = blobs.Get("../../etc/passwd");
  ASSERT_FALSE(traversal.ok());
  EXPECT_EQ(traversal.error().code, ErrorCode::kNotFound);
}

TEST(FileBlobStore, UnwritableRootIsUnavailable) {
  FileBlobStore blobs("/proc/hd-no-such-place");
  auto r = blobs.Put("x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace hd::storage::testing
