#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

Status SqlBlobRepo::Put(const std::string& sha256, std::string_view bytes) {
  HD_ASSIGN_OR_RETURN(PreparedStatement stmt,
                      conn_.Prepare("INSERT INTO blobs (sha256, size, bytes) VALUES (?, ?, ?) "
                                    "ON CONFLICT DO NOTHING"));
  stmt->BindText(1, sha256);
  stmt->BindInt(2, static_cast<std::int64_t>(bytes.size()));
  stmt->BindBlob(3, bytes);
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return Ok();
  }
}

Result<std::optional<std::string>> SqlBlobRepo::Get(const std::string& sha256) {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      sql::Query(conn_, "SELECT bytes FROM blobs WHERE sha256 = ?", sha256));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(stmt->ColumnBlob(0));
}

}  // namespace hd::storage
