// The repositories behind core/ports, written once in portable SQL over a
// storage::Connection, so the SQLite and PostgreSQL drivers share them.
// Each object borrows the connection of its transaction (SqlTx) and, like the
// connection, is used by one thread at a time. Implementations live one file
// per aggregate: user_repo.cpp, group_repo.cpp, ticket_repo.cpp,
// message_repo.cpp, event_repo.cpp, auth_repo.cpp.
#pragma once

#include "core/ports/desk_repositories.hpp"
#include "core/ports/l1_repositories.hpp"
#include "core/ports/process_repositories.hpp"
#include "core/ports/repositories.hpp"
#include "storage/database.hpp"

namespace hd::storage {

class SqlUserRepo final : public core::ports::UserRepo {
 public:
  explicit SqlUserRepo(Connection& conn) : conn_(conn) {}
  Result<core::User> Insert(core::User user) override;
  Result<core::User> Get(core::UserId id) override;
  Result<std::optional<core::User>> FindByEmail(const std::string& email) override;
  Status Update(const core::User& user) override;
  Result<std::int64_t> Count() override;
  Result<std::vector<core::User>> FindActive(const std::vector<core::Role>& roles,
                                             const std::string& text, int limit) override;
  Result<std::vector<core::User>> List(const core::ports::UserQuery& query) override;

 private:
  Connection& conn_;
};

class SqlCompanyRepo final : public core::ports::CompanyRepo {
 public:
  explicit SqlCompanyRepo(Connection& conn) : conn_(conn) {}
  Result<core::Company> Insert(core::Company company) override;
  Result<core::Company> Get(core::CompanyId id) override;
  Result<std::optional<core::Company>> FindByName(const std::string& name) override;
  Result<std::vector<core::Company>> List() override;
  Status Update(const core::Company& company) override;

 private:
  Connection& conn_;
};

class SqlGroupRepo final : public core::ports::GroupRepo {
 public:
  explicit SqlGroupRepo(Connection& conn) : conn_(conn) {}
  Result<core::Group> Insert(core::Group group) override;
  Result<core::Group> Get(core::GroupId id) override;
  Result<std::optional<core::Group>> FindBySlug(const std::string& slug) override;
  Result<std::vector<core::Group>> List() override;
  Status Update(const core::Group& group) override;
  Result<std::vector<core::UserId>> ListMembers(core::GroupId group) override;
  Status SetMembers(core::GroupId group, const std::vector<core::UserId>& members) override;
  Result<std::vector<core::GroupId>> GroupsOf(core::UserId user) override;
  Status UpsertCategory(const core::Category& category) override;
  Result<std::optional<core::Category>> FindCategory(const std::string& slug) override;
  Result<std::vector<core::Category>> ListCategories() override;

 private:
  Connection& conn_;
};

class SqlTicketRepo final : public core::ports::TicketRepo {
 public:
  explicit SqlTicketRepo(Connection& conn) : conn_(conn) {}
  Result<core::Ticket> Insert(core::Ticket ticket) override;
  Result<core::Ticket> Get(core::TicketId id) override;
  Status Update(core::Ticket& ticket) override;
  Result<std::vector<core::Ticket>> List(const core::ports::TicketQuery& query) override;
  Result<std::int64_t> Count() override;
  Result<std::int64_t> CountMatching(const core::ports::TicketQuery& query) override;

 private:
  Connection& conn_;
};

class SqlMessageRepo final : public core::ports::MessageRepo {
 public:
  explicit SqlMessageRepo(Connection& conn) : conn_(conn) {}
  Result<core::Message> Insert(core::Message message) override;
  Result<std::vector<core::Message>> ListForTicket(core::TicketId ticket,
                                                   bool include_internal) override;
  Result<core::Message> Get(core::MessageId id) override;

 private:
  Connection& conn_;
};

class SqlAttachmentRepo final : public core::ports::AttachmentRepo {
 public:
  explicit SqlAttachmentRepo(Connection& conn) : conn_(conn) {}
  Result<core::Attachment> Insert(core::Attachment attachment) override;
  Result<core::Attachment> Get(core::AttachmentId id) override;
  Status AttachToMessage(core::AttachmentId id, core::MessageId message) override;

 private:
  Connection& conn_;
};

// The blobs table (migration 0009): bytes as BLOB / BYTEA.
class SqlBlobRepo final : public core::ports::BlobRepo {
 public:
  explicit SqlBlobRepo(Connection& conn) : conn_(conn) {}
  Status Put(const std::string& sha256, std::string_view bytes) override;
  Result<std::optional<std::string>> Get(const std::string& sha256) override;

 private:
  Connection& conn_;
};

class SqlEventRepo final : public core::ports::EventRepo {
 public:
  explicit SqlEventRepo(Connection& conn) : conn_(conn) {}
  Result<core::Event> Append(core::Event event) override;
  Result<std::vector<core::Event>> ListForTicket(core::TicketId ticket,
                                                 bool include_internal) override;
  Result<std::vector<core::Event>> ListAfter(core::EventId after, core::EventId up_to,
                                             int limit) override;
  Result<std::vector<core::Event>> ListByIds(const std::vector<core::EventId>& ids) override;
  Result<core::EventId> LastId() override;

 private:
  Connection& conn_;
};

class SqlFeedbackRepo final : public core::ports::FeedbackRepo {
 public:
  explicit SqlFeedbackRepo(Connection& conn) : conn_(conn) {}
  Result<core::Feedback> Insert(core::Feedback feedback) override;
  Result<std::vector<core::Feedback>> ListForTicket(core::TicketId ticket) override;

 private:
  Connection& conn_;
};

class SqlAuthRepo final : public core::ports::AuthRepo {
 public:
  explicit SqlAuthRepo(Connection& conn) : conn_(conn) {}
  Status InsertSession(const core::Session& session) override;
  Result<std::optional<core::Session>> FindSession(const std::string& token_hash) override;
  Status DeleteSession(const std::string& token_hash) override;
  Result<core::ApiToken> InsertApiToken(core::ApiToken token) override;
  Result<std::optional<core::ApiToken>> FindApiToken(const std::string& token_hash) override;
  Status RecordLoginFailure(const std::string& key, core::Timestamp at) override;
  Result<std::int64_t> CountLoginFailures(const std::string& key, core::Timestamp since) override;
  Result<std::optional<core::Timestamp>> NthLatestLoginFailure(const std::string& key,
                                                               core::Timestamp since,
                                                               int n) override;
  Status ClearLoginFailures(const std::string& key) override;

 private:
  Connection& conn_;
};

class SqlIdempotencyRepo final : public core::ports::IdempotencyRepo {
 public:
  explicit SqlIdempotencyRepo(Connection& conn) : conn_(conn) {}
  Result<std::optional<core::IdempotencyRecord>> Find(core::UserId user,
                                                      const std::string& key) override;
  Status Insert(const core::IdempotencyRecord& record) override;

 private:
  Connection& conn_;
};

// process_repo.cpp, process_vote_repo.cpp
class SqlProcessRepo final : public core::ports::ProcessRepo {
 public:
  explicit SqlProcessRepo(Connection& conn) : conn_(conn) {}
  Status InsertVersion(const core::ProcessVersion& version) override;
  Result<std::optional<core::ProcessVersion>> FindVersion(const std::string& process_id,
                                                          std::int64_t version) override;
  Result<std::vector<core::ProcessVersion>> ListVersions() override;
  Status InsertState(const core::ProcessState& state) override;
  Result<std::optional<core::ProcessState>> FindState(core::TicketId ticket) override;
  Result<std::vector<core::ProcessState>> ListStates(
      const std::vector<core::TicketId>& tickets) override;
  Status UpdateState(const core::ProcessState& state) override;
  Status PutField(core::TicketId ticket, const std::string& name,
                  const std::string& value) override;
  Status AppendStep(core::TicketId ticket, const core::ProcessStep& step) override;
  Result<std::vector<core::TicketId>> ListTicketsIn(
      const std::string& process_id, std::int64_t version,
      const std::vector<std::string>& states) override;
  Result<std::vector<core::TicketId>> ListEnteredBefore(const std::string& process_id,
                                                        std::int64_t version,
                                                        const std::string& state,
                                                        core::Timestamp entered_before,
                                                        int limit) override;
  Status InsertVote(const core::ProcessVote& vote) override;
  Result<std::vector<core::ProcessVote>> ListVotes(core::TicketId ticket,
                                                   std::int64_t seq) override;
  Status RecordMigration(const core::ports::ProcessMigration& migration) override;

 private:
  Connection& conn_;
};

// The agents' desk (desk_repo.cpp).
class SqlPresenceRepo final : public core::ports::PresenceRepo {
 public:
  explicit SqlPresenceRepo(Connection& conn) : conn_(conn) {}
  Status Announce(const core::ports::Presence& presence) override;
  Status Leave(core::TicketId ticket, core::UserId user) override;
  Result<std::vector<core::ports::Presence>> ListForTicket(core::TicketId ticket,
                                                           core::Timestamp seen_since) override;
  Result<std::int64_t> Expire(core::Timestamp before) override;

 private:
  Connection& conn_;
};

class SqlSavedViewRepo final : public core::ports::SavedViewRepo {
 public:
  explicit SqlSavedViewRepo(Connection& conn) : conn_(conn) {}
  Result<core::ports::SavedView> Insert(core::ports::SavedView view) override;
  Result<std::vector<core::ports::SavedView>> ListForUser(core::UserId user) override;
  Status Delete(core::UserId user, core::SavedViewId id) override;

 private:
  Connection& conn_;
};

class SqlTemplateRepo final : public core::ports::TemplateRepo {
 public:
  explicit SqlTemplateRepo(Connection& conn) : conn_(conn) {}
  Result<std::vector<core::ports::TemplateText>> List() override;
  Status Put(const core::ports::TemplateText& text) override;
  Result<bool> Remove(std::string_view template_id, std::string_view language) override;

 private:
  Connection& conn_;
};

class SqlL1HintRepo final : public core::ports::L1HintRepo {
 public:
  explicit SqlL1HintRepo(Connection& conn) : conn_(conn) {}
  Result<bool> Propose(const core::ports::L1Hint& hint) override;
  Result<std::optional<core::ports::L1Hint>> Find(core::TicketId ticket) override;
  Status Decide(core::TicketId ticket, const std::string& l1_class, core::Timestamp at) override;
  Result<std::vector<core::ports::L1HintCount>> Count(
      const core::ports::ReportFilter& filter) override;

 private:
  Connection& conn_;
};

}  // namespace hd::storage
