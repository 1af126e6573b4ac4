// SqlReportRepo: the reports' aggregates (ports::ReportRepo) in portable SQL.
// Same thread behaviour as the connection.
#pragma once

#include "core/ports/report_repositories.hpp"
#include "storage/database.hpp"

namespace hd::storage {

class SqlReportRepo final : public core::ports::ReportRepo {
 public:
  explicit SqlReportRepo(Connection& conn) : conn_(conn) {}
  Result<std::vector<core::ports::SlaFigures>> Sla(const core::ports::ReportFilter& filter,
                                                   core::ports::SlaGrouping grouping,
                                                   core::Timestamp now) override;
  Result<std::vector<core::ports::IntakeCount>> Intake(
      const core::ports::ReportFilter& filter, core::ports::IntakeGrouping grouping) override;

 private:
  Connection& conn_;
};

}  // namespace hd::storage
