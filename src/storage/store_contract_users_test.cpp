// Contract: users, companies, groups and categories.
#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;

TEST_P(UserRepoContract, InsertAssignsIdAndGetReturnsEveryField) {
  const core::Company acme = AddCompany("Acme", true);
  const core::User u = AddUser("ann@example.com", core::Role::kL1Operator, acme.id);
  EXPECT_TRUE(u.id.valid());
  const core::User got = Must(ReadValue<core::User>([&](Tx& tx) { return tx.Users().Get(u.id); }));
  EXPECT_EQ(got.id, u.id);
  EXPECT_EQ(got.email, "ann@example.com");
  EXPECT_EQ(got.name, u.name);
  EXPECT_EQ(got.role, core::Role::kL1Operator);
  EXPECT_EQ(got.company_id, acme.id);
  EXPECT_EQ(got.password_hash, u.password_hash);
  EXPECT_FALSE(got.disabled);
  EXPECT_EQ(got.created_at, u.created_at);
}

TEST_P(UserRepoContract, FindActiveFiltersByRoleTextAndDisabledSortedByName) {
  const core::User dev = AddUser("dev.one@example.com", core::Role::kDeveloper);
  AddUser("tester@example.com", core::Role::kTester);
  AddUser("dev_two@example.com", core::Role::kDeveloper);
  core::User gone = AddUser("dev.gone@example.com", core::Role::kDeveloper);
  gone.disabled = true;
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Users().Update(gone); }).ok());
  auto find = [&](std::vector<core::Role> roles, const std::string& text, int limit = 10) {
    std::vector<std::string> emails;
    for (const core::User& u : Must(ReadValue<std::vector<core::User>>(
             [&](Tx& tx) { return tx.Users().FindActive(roles, text, limit); }))) {
      emails.push_back(u.email);
    }
    return emails;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(find({core::Role::kDeveloper}, ""), (V{"dev.one@example.com", "dev_two@example.com"}));
  EXPECT_EQ(find({core::Role::kDeveloper, core::Role::kTester}, "", 2).size(), 2u);
  EXPECT_EQ(find({core::Role::kDeveloper, core::Role::kTester}, "TESTER"),
            (V{"tester@example.com"}));
  // LIKE's wildcards in the text are plain characters.
  EXPECT_EQ(find({core::Role::kDeveloper}, "dev_"), (V{"dev_two@example.com"}));
  EXPECT_EQ(find({core::Role::kDeveloper}, "one")[0], dev.email);
  EXPECT_TRUE(find({}, "").empty());
}

TEST_P(UserRepoContract, EmailTakenInAnotherCaseIsConflict) {
  AddUser("bob@example.com");
  core::User dup;
  dup.email = "BOB@Example.com";
  auto r = WriteValue<core::User>([&](Tx& tx) { return tx.Users().Insert(dup); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(CountUsers(), 1);
}

TEST_P(UserRepoContract, FindByEmailIgnoresCase) {
  const core::User u = AddUser("carol@example.com");
  auto found = Must(ReadValue<std::optional<core::User>>(
      [](Tx& tx) { return tx.Users().FindByEmail("Carol@EXAMPLE.com"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, u.id);
  auto missing = Must(ReadValue<std::optional<core::User>>(
      [](Tx& tx) { return tx.Users().FindByEmail("nobody@example.com"); }));
  EXPECT_FALSE(missing.has_value());
}

TEST_P(UserRepoContract, GetOfUnknownIdIsNotFound) {
  auto r = ReadValue<core::User>([](Tx& tx) { return tx.Users().Get(core::UserId(404)); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST_P(UserRepoContract, UpdateStoresChangedFields) {
  core::User u = AddUser("dan@example.com");
  u.name = "Daniel";
  u.role = core::Role::kDeveloper;
  u.disabled = true;
  u.password_hash = "new-hash";
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Users().Update(u); }).ok());
  const core::User got = Must(ReadValue<core::User>([&](Tx& tx) { return tx.Users().Get(u.id); }));
  EXPECT_EQ(got.name, "Daniel");
  EXPECT_EQ(got.role, core::Role::kDeveloper);
  EXPECT_TRUE(got.disabled);
  EXPECT_EQ(got.password_hash, "new-hash");
}

TEST_P(UserRepoContract, UpdateOfUnknownUserIsNotFound) {
  core::User ghost;
  ghost.id = core::UserId(77);
  ghost.email = "ghost@example.com";
  Status s = store().Write([&](Tx& tx) { return tx.Users().Update(ghost); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
}

TEST_P(UserRepoContract, UpdateToTakenEmailIsConflict) {
  AddUser("eve@example.com");
  core::User u = AddUser("frank@example.com");
  u.email = "EVE@example.com";
  Status s = store().Write([&](Tx& tx) { return tx.Users().Update(u); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
}

TEST_P(UserRepoContract, CountCountsEveryUser) {
  EXPECT_EQ(CountUsers(), 0);
  AddUser("a@example.com");
  AddUser("b@example.com");
  EXPECT_EQ(CountUsers(), 2);
}

TEST_P(DirectoryRepoContract, CompaniesAreFoundByIdAndNameAndListedByName) {
  const core::Company zeta = AddCompany("Zeta", false);
  const core::Company acme = AddCompany("Acme", true);
  const auto got =
      Must(ReadValue<core::Company>([&](Tx& tx) { return tx.Companies().Get(acme.id); }));
  EXPECT_EQ(got.name, "Acme");
  EXPECT_TRUE(got.share_tickets);
  auto found = Must(ReadValue<std::optional<core::Company>>(
      [](Tx& tx) { return tx.Companies().FindByName("Zeta"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, zeta.id);
  EXPECT_FALSE(found->share_tickets);
  auto all =
      Must(ReadValue<std::vector<core::Company>>([](Tx& tx) { return tx.Companies().List(); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Acme");
  EXPECT_EQ(all[1].name, "Zeta");
}

TEST_P(DirectoryRepoContract, CompanyNameTakenIsConflictAndUnknownIdNotFound) {
  AddCompany("Acme", false);
  auto dup = WriteValue<core::Company>([](Tx& tx) {
    return tx.Companies().Insert(core::Company{{}, "Acme", true, {}});
  });
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  auto missing =
      ReadValue<core::Company>([](Tx& tx) { return tx.Companies().Get(core::CompanyId(9)); });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(DirectoryRepoContract, GroupsAreFoundBySlugAndSlugIsUnique) {
  const core::Group dev = AddGroup("developers", 3);
  const core::Group support = AddGroup("support", 1);
  auto found = Must(ReadValue<std::optional<core::Group>>(
      [](Tx& tx) { return tx.Groups().FindBySlug("developers"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, dev.id);
  EXPECT_EQ(found->tier, 3);
  const auto got =
      Must(ReadValue<core::Group>([&](Tx& tx) { return tx.Groups().Get(support.id); }));
  EXPECT_EQ(got.name, "Group support");
  auto all = Must(ReadValue<std::vector<core::Group>>([](Tx& tx) { return tx.Groups().List(); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].slug, "support");  // by tier
  auto dup = WriteValue<core::Group>([](Tx& tx) {
    return tx.Groups().Insert(core::Group{{}, "support", "Again", 2});
  });
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
}

TEST_P(DirectoryRepoContract, UpsertCategoryInsertsThenUpdatesBySlug) {
  const core::Group support = AddGroup("support", 1);
  core::Category c{"licence", "Licence", support.id, "Where is my key?"};
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Groups().UpsertCategory(c); }).ok());
  c.label = "Licences";
  c.group_id.reset();
  c.hint = "";
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Groups().UpsertCategory(c); }).ok());
  core::Category other{"hosting", "Hosting", support.id, "Ask your hoster"};
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Groups().UpsertCategory(other); }).ok());
  auto found = Must(ReadValue<std::optional<core::Category>>(
      [](Tx& tx) { return tx.Groups().FindCategory("licence"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->label, "Licences");
  EXPECT_FALSE(found->group_id.has_value());
  auto all = Must(
      ReadValue<std::vector<core::Category>>([](Tx& tx) { return tx.Groups().ListCategories(); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].slug, "hosting");
  EXPECT_EQ(all[0].group_id, support.id);
  EXPECT_EQ(all[1].slug, "licence");
}

TEST_P(DirectoryRepoContract, NamesLabelsAndHintsKeepEveryLanguage) {
  core::Group group{{}, "support", {}, 1};
  group.name.Set("en", "Technical support (L1)");
  group.name.Set("ru", "Техническая поддержка (L1)");
  group = Must(WriteValue<core::Group>([&](Tx& tx) { return tx.Groups().Insert(group); }));
  core::Category c{"licence", {}, group.id, {}};
  c.label.Set("en", "Licences and activation");
  c.label.Set("ru", "Лицензии и активация");
  c.hint.Set("en", "Keys and activation go to technical support.");
  c.hint.Set("ru", "Вопросы о ключах и активации решает техническая поддержка.");
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Groups().UpsertCategory(c); }).ok());
  const auto got = Must(ReadValue<core::Group>([&](Tx& tx) { return tx.Groups().Get(group.id); }));
  EXPECT_EQ(got.name, group.name);
  EXPECT_EQ(got.name.In("ru"), "Техническая поддержка (L1)");
  auto found = Must(ReadValue<std::optional<core::Category>>(
      [](Tx& tx) { return tx.Groups().FindCategory("licence"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->label, c.label);
  EXPECT_EQ(found->hint.In("ru"), "Вопросы о ключах и активации решает техническая поддержка.");
  EXPECT_EQ(found->hint.In("en"), "Keys and activation go to technical support.");
}

}  // namespace
}  // namespace hd::storage::testing
