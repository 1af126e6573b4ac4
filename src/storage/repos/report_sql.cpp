#include "storage/repos/report_sql.hpp"

#include <unordered_map>

namespace hd::storage::report_sql {

void AddFilter(Builder& b, const core::ports::ReportFilter& f, std::string_view time_column,
               std::string_view level_column) {
  b.Add(" WHERE " + std::string(time_column) + " >= ?", core::ToUnixMillis(f.from));
  b.Add(" AND " + std::string(time_column) + " < ?", core::ToUnixMillis(f.to));
  if (!f.levels.empty()) {
    b.sql += " AND " + std::string(level_column) + " IN (";
    for (std::size_t i = 0; i < f.levels.size(); ++i) b.Add(i == 0 ? "?" : ", ?", f.levels[i]);
    b.sql += ")";
  }
  if (f.category) b.Add(" AND t.category = ?", *f.category);
  if (f.group) b.Add(" AND t.group_id = ?", f.group->value);
  if (f.company) b.Add(" AND t.company_id = ?", f.company->value);
}

bool NeedsTickets(const core::ports::ReportFilter& f) {
  return f.category.has_value() || f.group.has_value() || f.company.has_value();
}

Builder SlaFrom(const core::ports::ReportFilter& f, bool with_tickets) {
  Builder b;
  b.sql = " FROM ticket_sla s";
  if (with_tickets || NeedsTickets(f)) b.sql += " JOIN tickets t ON t.id = s.ticket_id";
  AddFilter(b, f, "s.started_at", "s.level_id");
  return b;
}

namespace {

// Keys joined into one text while counting; no key holds this byte.
constexpr char kSeparator = '\x1f';

std::vector<std::string> Split(const std::string& joined, std::size_t count) {
  std::vector<std::string> out;
  out.reserve(count);
  std::size_t begin = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t end = joined.find(kSeparator, begin);
    out.push_back(joined.substr(begin, end - begin));
    begin = end == std::string::npos ? joined.size() : end + 1;
  }
  return out;
}

}  // namespace

Status PreferHashing(Connection& conn) {
  if (conn.dialect() != Dialect::kPostgres) return Ok();
  HD_RETURN_IF_ERROR(conn.Exec("SET LOCAL jit = off"));
  return conn.Exec("SET LOCAL work_mem = '64MB'");
}

Result<std::vector<KeyCount>> CountBy(Connection& conn, const Builder& keys, std::size_t count,
                                      const Builder& from, std::string_view weight) {
  const bool grouped = conn.dialect() == Dialect::kPostgres;
  HD_RETURN_IF_ERROR(PreferHashing(conn));
  Builder b;
  b.sql = "SELECT ";
  b.Append(keys);
  if (grouped) {
    b.sql += weight.empty() ? ", COUNT(*)" : ", CAST(SUM(" + std::string(weight) + ") AS BIGINT)";
  } else if (!weight.empty()) {
    b.sql += ", " + std::string(weight);
  }
  b.Append(from);
  if (grouped) {
    b.sql += " GROUP BY ";
    for (std::size_t i = 1; i <= count; ++i) b.sql += (i == 1 ? "" : ", ") + std::to_string(i);
  }
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn));
  const int width = static_cast<int>(count);
  std::unordered_map<std::string, std::int64_t> counts;
  std::string joined;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    joined.clear();
    for (int c = 0; c < width; ++c) {
      if (c > 0) joined += kSeparator;
      if (!stmt->IsNull(c)) joined += stmt->ColumnText(c);
    }
    const std::int64_t rows = grouped || !weight.empty() ? stmt->ColumnInt(width) : 1;
    auto it = counts.find(joined);
    if (it == counts.end()) {
      counts.emplace(joined, rows);
    } else {
      it->second += rows;
    }
  }
  std::vector<KeyCount> out;
  out.reserve(counts.size());
  for (const auto& [joined_keys, rows] : counts) out.push_back({Split(joined_keys, count), rows});
  return out;
}

}  // namespace hd::storage::report_sql
