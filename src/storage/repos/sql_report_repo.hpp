// SqlReportRepo: the reports' aggregates (ports::ReportRepo) in portable SQL:
// report_repo.cpp (SLA figures, intake), report_outcomes_repo.cpp (how
// tickets end), backlog_repo.cpp (the backlog by day).
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
  Result<std::vector<core::ports::ComplianceCount>> Compliance(
      const core::ports::ReportFilter& filter, core::Timestamp now) override;
  Result<std::vector<core::ports::BreachedClock>> Breaches(
      const core::ports::ReportFilter& filter, core::ports::SlaTarget target, core::Timestamp now,
      const std::optional<core::ports::BreachCursor>& after, int limit) override;
  Result<std::vector<core::ports::TierCount>> Tiers(
      const core::ports::ReportFilter& filter) override;
  Result<std::int64_t> EscalatedFromFirstTier(const core::ports::ReportFilter& filter) override;
  Result<std::vector<core::ports::ChangeCount>> Changes(
      const core::ports::ReportFilter& filter, const core::ports::ApprovalIds& approvals) override;
  Result<std::vector<core::ports::RatingCount>> Ratings(
      const core::ports::ReportFilter& filter) override;
  Result<std::vector<core::ports::RatedTicket>> LowRatings(const core::ports::ReportFilter& filter,
                                                           int max_rating, int limit) override;
  Result<std::vector<core::ports::AgentCount>> Workload(
      const core::ports::ReportFilter& filter) override;
  Result<std::vector<core::ports::BacklogCount>> OpenNow() override;
  Status ForEachChangeSince(
      core::Timestamp since,
      const std::function<Status(const core::ports::TicketChange&)>& fn) override;
  Result<std::optional<core::Timestamp>> FirstTicketAt() override;
  Result<std::pair<std::string, std::string>> BacklogDays() override;
  Status PutBacklogDay(const std::string& day,
                       const std::vector<core::ports::BacklogCount>& counts) override;
  Result<std::vector<core::ports::BacklogPoint>> Backlog(
      const std::string& first, const std::string& last, const core::ports::ReportFilter& filter,
      core::ports::BacklogGrouping grouping) override;

 private:
  Connection& conn_;
};

}  // namespace hd::storage
