// The SLA repositories (core/ports/sla_repositories.hpp) in portable SQL over
// a storage::Connection, shared by the SQLite and PostgreSQL drivers. Same
// thread behaviour as the connection they borrow. One file per aggregate:
// licence_repo.cpp, coupon_repo.cpp, sla_repo.cpp, notification_repo.cpp
// (outbox and audit), job_repo.cpp.
#pragma once

#include "core/ports/sla_repositories.hpp"
#include "storage/database.hpp"

namespace hd::storage {

class SqlLicenceRepo final : public core::ports::LicenceRepo {
 public:
  explicit SqlLicenceRepo(Connection& conn) : conn_(conn) {}
  Result<core::Licence> Insert(core::Licence licence) override;
  Result<core::Licence> Get(core::LicenceId id) override;
  Status Update(const core::Licence& licence) override;
  Result<std::vector<core::Licence>> ListForHolder(std::optional<core::UserId> user,
                                                   std::optional<core::CompanyId> company) override;
  Result<std::vector<core::Licence>> List() override;
  Status InsertRenewal(const core::LicenceRenewal& renewal) override;
  Result<std::vector<core::LicenceRenewal>> ListRenewals(core::LicenceId id) override;
  Status PutPartner(const core::Partner& partner) override;
  Result<std::vector<core::Partner>> FindPartners(std::optional<core::UserId> user,
                                                  std::optional<core::CompanyId> company) override;
  Result<std::vector<core::Partner>> ListPartners() override;

 private:
  Connection& conn_;
};

class SqlCouponRepo final : public core::ports::CouponRepo {
 public:
  explicit SqlCouponRepo(Connection& conn) : conn_(conn) {}
  Result<core::Coupon> Insert(core::Coupon coupon) override;
  Result<std::optional<core::Coupon>> FindByCode(const std::string& code) override;
  Result<bool> Redeem(core::CouponId id, core::TicketId ticket, core::Timestamp at) override;
  Result<bool> Revoke(core::CouponId id, core::Timestamp at, const std::string& reason) override;
  Result<std::vector<core::Coupon>> ListForHolder(std::optional<core::UserId> user,
                                                  std::optional<core::CompanyId> company) override;
  Result<std::vector<core::Coupon>> List() override;

 private:
  Connection& conn_;
};

class SqlSlaRepo final : public core::ports::SlaRepo {
 public:
  explicit SqlSlaRepo(Connection& conn) : conn_(conn) {}
  Result<core::SlaLevelVersion> InsertLevelVersion(core::SlaLevelVersion version) override;
  Result<core::SlaLevelVersion> GetLevelVersion(core::SlaLevelVersionId id) override;
  Result<std::vector<core::SlaLevelVersion>> ListLevelVersions(
      const std::string& level_id) override;
  Result<std::vector<core::SlaLevelVersion>> CurrentLevelVersions() override;
  Status InsertClock(const core::TicketSla& clock) override;
  Status UpdateClock(const core::TicketSla& clock) override;
  Result<std::optional<core::TicketSla>> FindClock(core::TicketId ticket) override;
  Result<std::vector<core::TicketSla>> FindClocks(
      const std::vector<core::TicketId>& tickets) override;
  Result<std::vector<core::TicketSla>> ClaimDueAlerts(core::Timestamp now, int limit) override;
  Result<bool> InsertAlert(core::TicketId ticket, core::SlaTarget target, core::SlaAlertKind kind,
                           core::Timestamp due, core::Timestamp at) override;
  Result<std::vector<std::pair<core::SlaTarget, core::SlaAlertKind>>> ListAlerts(
      core::TicketId ticket) override;
  Result<std::vector<core::TicketId>> ListOpenOnOtherVersion(
      const std::string& level_id, core::SlaLevelVersionId version) override;
  Result<std::vector<core::TicketId>> ListWithoutWorkedTimes(core::TicketId after,
                                                             int limit) override;
  Status PutCalendarSource(const CalendarSource& source) override;
  Result<std::vector<CalendarSource>> ListCalendarSources() override;
  Status PutCalendarDefinition(const CalendarDefinition& definition) override;
  Result<std::vector<CalendarDefinition>> ListCalendarDefinitions() override;
  Result<std::int64_t> PolicyVersion() override;
  Status BumpPolicyVersion() override;

 private:
  Connection& conn_;
};

class SqlNotificationRepo final : public core::ports::NotificationRepo {
 public:
  explicit SqlNotificationRepo(Connection& conn) : conn_(conn) {}
  Result<core::ports::Notification> Queue(core::ports::Notification notification) override;
  Result<int> QueueForRole(const core::ports::Notification& notification, core::Role role) override;
  Result<std::vector<core::ports::Notification>> ListUnsent(int limit) override;
  Status MarkSent(std::int64_t id, core::Timestamp at) override;
  Result<std::vector<core::ports::Notification>> ListForUser(core::UserId user,
                                                             std::optional<std::int64_t> before,
                                                             int limit) override;
  Result<std::int64_t> CountUnread(core::UserId user) override;
  Result<bool> MarkRead(std::int64_t id, core::UserId user, core::Timestamp at) override;
  Result<std::vector<core::ports::Notification>> ListForTicket(core::TicketId ticket) override;

 private:
  Connection& conn_;
};

class SqlAuditRepo final : public core::ports::AuditRepo {
 public:
  explicit SqlAuditRepo(Connection& conn) : conn_(conn) {}
  Status Record(const core::ports::AuditEntry& entry) override;
  Result<std::vector<core::ports::AuditEntry>> List(const core::ports::AuditQuery& query) override;

 private:
  Connection& conn_;
};

class SqlJobRepo final : public core::ports::JobRepo {
 public:
  explicit SqlJobRepo(Connection& conn) : conn_(conn) {}
  Result<bool> ClaimLease(const std::string& name, const std::string& owner, core::Timestamp now,
                          core::Timestamp until) override;
  Status FinishRun(const std::string& name, const std::string& owner, core::Timestamp now) override;

 private:
  Connection& conn_;
};

}  // namespace hd::storage
