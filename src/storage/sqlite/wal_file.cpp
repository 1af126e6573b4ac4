#include "storage/sqlite/wal_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace hd::storage {

namespace {

Error SyscallError(const std::string& what, const std::string& path) {
  return Error::Unavailable(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

WalFile::WalFile(std::string path) : path_(std::move(path)) {}

WalFile::~WalFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status WalFile::Open() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
  if (fd_ < 0) return SyscallError("cannot open", path_);
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return SyscallError("cannot stat", path_);
  dev_ = st.st_dev;
  ino_ = st.st_ino;
  std::string folder = std::filesystem::path(path_).parent_path().string();
  if (folder.empty()) folder = ".";
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return SyscallError("cannot open", folder);
  const int rc = ::fsync(dir);
  ::close(dir);
  if (rc != 0) return SyscallError("cannot sync", folder);
  return Ok();
}

Status WalFile::Sync() {
  struct stat st {};
  const bool replaced = ::stat(path_.c_str(), &st) != 0 || st.st_dev != dev_ || st.st_ino != ino_;
  if (fd_ < 0 || replaced) HD_RETURN_IF_ERROR(Open());
  if (::fdatasync(fd_) != 0) return SyscallError("cannot sync", path_);
  return Ok();
}

}  // namespace hd::storage
