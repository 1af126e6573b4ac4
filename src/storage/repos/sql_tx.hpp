// SqlTx: the repositories of one transaction (ports::Tx) over a Connection.
// The store opens and ends the transaction; SqlTx only hands out the
// repositories, which all use that connection. One SqlTx may live as long as
// its connection and serve one transaction after another. Same thread
// behaviour as the connection.
#pragma once

#include "core/ports/store.hpp"
#include "storage/database.hpp"
#include "storage/repos/sql_mail_repo.hpp"
#include "storage/repos/sql_report_repo.hpp"
#include "storage/repos/sql_repos.hpp"
#include "storage/repos/sql_sla_repos.hpp"

namespace hd::storage {

class SqlTx final : public core::ports::Tx {
 public:
  explicit SqlTx(Connection& conn)
      : conn_(conn),
        users_(conn),
        companies_(conn),
        groups_(conn),
        tickets_(conn),
        messages_(conn),
        attachments_(conn),
        blobs_(conn),
        events_(conn),
        feedback_(conn),
        auth_(conn),
        idempotency_(conn),
        licences_(conn),
        coupons_(conn),
        sla_(conn),
        notifications_(conn),
        audit_(conn),
        jobs_(conn),
        processes_(conn),
        mail_(conn),
        presence_(conn),
        views_(conn),
        templates_(conn),
        l1_hints_(conn),
        reports_(conn) {}

  core::ports::UserRepo& Users() override { return users_; }
  core::ports::CompanyRepo& Companies() override { return companies_; }
  core::ports::GroupRepo& Groups() override { return groups_; }
  core::ports::TicketRepo& Tickets() override { return tickets_; }
  core::ports::MessageRepo& Messages() override { return messages_; }
  core::ports::AttachmentRepo& Attachments() override { return attachments_; }
  core::ports::BlobRepo& Blobs() override { return blobs_; }
  core::ports::EventRepo& Events() override { return events_; }
  core::ports::FeedbackRepo& Feedback() override { return feedback_; }
  core::ports::AuthRepo& Auth() override { return auth_; }
  core::ports::IdempotencyRepo& Idempotency() override { return idempotency_; }
  core::ports::LicenceRepo& Licences() override { return licences_; }
  core::ports::CouponRepo& Coupons() override { return coupons_; }
  core::ports::SlaRepo& Sla() override { return sla_; }
  core::ports::NotificationRepo& Notifications() override { return notifications_; }
  core::ports::AuditRepo& Audit() override { return audit_; }
  core::ports::JobRepo& Jobs() override { return jobs_; }
  core::ports::ProcessRepo& Processes() override { return processes_; }
  core::ports::MailRepo& Mail() override { return mail_; }
  core::ports::PresenceRepo& Presence() override { return presence_; }
  core::ports::SavedViewRepo& Views() override { return views_; }
  core::ports::TemplateRepo& Templates() override { return templates_; }
  core::ports::L1HintRepo& L1Hints() override { return l1_hints_; }
  core::ports::ReportRepo& Reports() override { return reports_; }

  Status Isolated(const std::function<Status(Tx&)>& fn) override {
    HD_RETURN_IF_ERROR(conn_.Exec("SAVEPOINT isolated"));
    Status status = fn(*this);
    if (!status.ok()) HD_RETURN_IF_ERROR(conn_.Exec("ROLLBACK TO SAVEPOINT isolated"));
    HD_RETURN_IF_ERROR(conn_.Exec("RELEASE SAVEPOINT isolated"));
    return status;
  }

 private:
  Connection& conn_;
  SqlUserRepo users_;
  SqlCompanyRepo companies_;
  SqlGroupRepo groups_;
  SqlTicketRepo tickets_;
  SqlMessageRepo messages_;
  SqlAttachmentRepo attachments_;
  SqlBlobRepo blobs_;
  SqlEventRepo events_;
  SqlFeedbackRepo feedback_;
  SqlAuthRepo auth_;
  SqlIdempotencyRepo idempotency_;
  SqlLicenceRepo licences_;
  SqlCouponRepo coupons_;
  SqlSlaRepo sla_;
  SqlNotificationRepo notifications_;
  SqlAuditRepo audit_;
  SqlJobRepo jobs_;
  SqlProcessRepo processes_;
  SqlMailRepo mail_;
  SqlPresenceRepo presence_;
  SqlSavedViewRepo views_;
  SqlTemplateRepo templates_;
  SqlL1HintRepo l1_hints_;
  SqlReportRepo reports_;
};

}  // namespace hd::storage
